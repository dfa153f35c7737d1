/**
 * Issue 10 item 12: edits made with plain SQL behind the app's back, each of which once passed
 * `verify`. Verify replays the audit log and names the table, row and column that differ.
 */
import Database from 'better-sqlite3';
import { openSync, readFileSync, truncateSync, writeSync, closeSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup.ts';
import { hashPin } from '../../db/pin.ts';
import { fileProblemText, verifyFile, type FileVerification } from '../../db/verify.ts';
import { runCli } from '../cli/run-cli.ts';
import { congressCopy, tamper } from './verify-fixture.ts';

function verify(file: string, { backups = false } = {}): FileVerification {
  const db = new Database(file, { readonly: true });
  try {
    return verifyFile(db, backups ? { backups: listBackups(file).map((b) => b.path) } : {});
  } finally {
    db.close();
  }
}

const texts = (v: FileVerification, lang: 'vi' | 'en' = 'en') =>
  v.problems.map((p) => fileProblemText(p, lang));

describe('verify catches every edit behind the app’s back (issue 10, item 12)', () => {
  it('the untouched file, with its backups, verifies', async () => {
    const { file } = await congressCopy();
    const v = verify(file, { backups: true });
    expect(v.problems).toEqual([]);
    expect(v.backupsChecked).toBeGreaterThanOrEqual(3);
  });

  // One field changed behind the app's back: verify names the table, row, column and both values.
  it.each([
    [
      'a changed base (convened 21 → 7)',
      () => 'UPDATE base SET convened = 7 WHERE election_id IS NULL',
      'table base, row id 1 (congress), column convened: the file holds 7, the audit log says 21 — changed outside the app',
    ],
    [
      'seats 3 → 1',
      (id: number) => `UPDATE election SET seats = 1 WHERE id = ${id}`,
      'table election, row id 1 (bch), column seats: the file holds 1, the audit log says 3 — changed outside the app',
    ],
    [
      'a finalized election set back to counting',
      (id: number) => `UPDATE election SET status = 'counting' WHERE id = ${id}`,
      'table election, row id 1 (bch), column status: the file holds "counting", the audit log says "finalized" — changed outside the app',
    ],
    [
      'the ballots issued',
      (id: number) => `UPDATE election SET issued = 18 WHERE id = ${id}`,
      'table election, row id 1 (bch), column issued: the file holds 18, the audit log says 20 — changed outside the app',
    ],
    [
      'the counting committee’s names',
      () => `UPDATE committee_member SET name = 'Người Khác' WHERE role = 'head'`,
      'table committee_member, row id 1 (Người Khác), column name: the file holds "Người Khác", the audit log says "Vũ Thị Trưởng" — changed outside the app',
    ],
  ])('%s', async (_edit, sql, found) => {
    const { file, electionId } = await congressCopy();
    tamper(file, sql(electionId));
    expect(texts(verify(file))).toEqual([found]);
  });

  it('two candidates’ names swapped', async () => {
    const { file, electionId } = await congressCopy();
    const db = new Database(file, { readonly: true });
    const name = (code: string) =>
      db
        .prepare('SELECT name FROM candidate WHERE election_id = ? AND code = ?')
        .pluck()
        .get(electionId, code) as string;
    const [first, second] = [name('c1'), name('c2')];
    db.close();
    tamper(
      file,
      `UPDATE candidate SET name = '${second}' WHERE election_id = ${electionId} AND code = 'c1';
       UPDATE candidate SET name = '${first}' WHERE election_id = ${electionId} AND code = 'c2';`,
    );
    expect(texts(verify(file))).toEqual([
      `table candidate, row id 1 (election 1, c1), column name: the file holds "${second}", the audit log says "${first}" — changed outside the app`,
      `table candidate, row id 2 (election 1, c2), column name: the file holds "${first}", the audit log says "${second}" — changed outside the app`,
    ]);
  });

  it('an operator’s PIN hash replaced by one the tamperer knows', async () => {
    const { file } = await congressCopy();
    tamper(file, `UPDATE operator SET pin_hash = '${hashPin('1111')}' WHERE role = 'admin'`);
    const found = texts(verify(file));
    expect(found).toEqual([
      'table operator, row id 1 (Nguyễn Văn Quản), column pin_hash: the file holds (PIN hash), the audit log says (another PIN hash: the log commits to a different one) — changed outside the app',
    ]);
    // The message never shows a hash.
    expect(found.join('\n')).not.toContain('scrypt$');
  });

  it('a tail truncation: the last rows cut from both the log and the tables, caught by a backup', async () => {
    const { file, conferenceId } = await congressCopy();
    // Cut back to before the conference election was closed: its last ballot and what followed.
    tamper(
      file,
      `DELETE FROM candidate WHERE election_id > ${conferenceId};
       DELETE FROM base WHERE election_id > ${conferenceId};
       DELETE FROM election WHERE id > ${conferenceId};
       UPDATE election SET status = 'counting' WHERE id = ${conferenceId};
       DELETE FROM ballot WHERE election_id = ${conferenceId} AND n = 3;
       DELETE FROM audit WHERE seq >= (SELECT seq FROM audit WHERE command = 'enterBallot' AND json_extract(payload, '$.electionId') = ${conferenceId} AND json_extract(payload, '$.ballot.n') = 3);`,
    );
    // The file agrees with its own (shortened) log…
    expect(verify(file).problems).toEqual([]);
    // …but not with the backup taken when that election was closed.
    const found = texts(verify(file, { backups: true }));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(
      /^The backup .*dai-hoi-.*\.kiemphieu holds audit row \d+ but the file has only \d+ rows — the file was cut back after that backup$/u,
    );
    const run = await runCli(['verify', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the file was cut back after that backup');
  });

  it('every ballot and every audit row deleted: never “nothing was changed”', async () => {
    const { file } = await congressCopy();
    tamper(file, 'DELETE FROM ballot; DELETE FROM audit;');
    const v = verify(file);
    expect(v.ok).toBe(false);
    expect(texts(v)).toContain(
      'table election, row id 1 (bch): in the file but not in the audit log — added outside the app',
    );
    const run = await runCli(['verify', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('nothing was changed');
    expect(run.stderr).toContain('table congress, row id 1: in the file but not in the audit log');
  });

  it('a row added with plain SQL (a delegate) is not in the log', async () => {
    const { file } = await congressCopy();
    tamper(file, `INSERT INTO delegate (name, status, ord) VALUES ('Đại biểu ma', 'official', 99)`);
    expect(texts(verify(file))).toEqual([
      'table delegate, row id 7 (Đại biểu ma): in the file but not in the audit log — added outside the app',
    ]);
  });
});

describe('a hostile audit row is a finding, never a crash', () => {
  it('a payload nested 100 000 deep', async () => {
    const { file } = await congressCopy();
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    // SQLite's json_valid refuses such nesting: the tamperer first takes the CHECK out of the schema.
    tamper(
      file,
      `CREATE TABLE audit2 (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
         command TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
       INSERT INTO audit2 SELECT * FROM audit;
       DROP TABLE audit;
       ALTER TABLE audit2 RENAME TO audit;`,
    );
    tamper(
      file,
      `INSERT INTO audit (seq, at, actor, command, payload, prev_hash, hash)
         SELECT MAX(seq) + 1, 'x', 'x (admin)', 'setBase', '${deep}', printf('%064d', 0), printf('%064d', 0) FROM audit`,
    );
    const v = verify(file);
    expect(v.ok).toBe(false);
    expect(texts(v)).toContain('File structure: table audit was rewritten');
    expect(texts(v)).toContainEqual(
      expect.stringMatching(/^Audit log: the hash chain breaks at row 49/u),
    );
    expect(texts(v)).toContainEqual(expect.stringMatching(/^Audit row 49 \(setBase\): /u));
    const run = await runCli(['verify', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/Internal error|RangeError|    at /u);
  });

  it('a payload that is no command’s input, and an actor without a role', async () => {
    const { file } = await congressCopy();
    tamper(
      file,
      `INSERT INTO audit (seq, at, actor, command, payload, prev_hash, hash)
         SELECT MAX(seq) + 1, 'x', 'x (admin)', 'setBase', '42', printf('%064d', 0), printf('%064d', 0) FROM audit;
       INSERT INTO audit (seq, at, actor, command, payload, prev_hash, hash)
         SELECT MAX(seq) + 1, 'x', 'nobody', 'closeElection', '{"electionId":1}', printf('%064d', 0), printf('%064d', 0) FROM audit;
       INSERT INTO audit (seq, at, actor, command, payload, prev_hash, hash)
         SELECT MAX(seq) + 1, 'x', 'x (admin)', 'dropEverything', '{}', printf('%064d', 0), printf('%064d', 0) FROM audit;`,
    );
    const found = texts(verify(file));
    expect(found).toContain('Audit row 49 (setBase): the payload does not make a command');
    expect(found).toContain('Audit row 50: the actor "nobody" is not of the form "Name (role)"');
    expect(found).toContain('Audit row 51: "dropEverything" is no command or event the app writes');
  });
});

describe('a damaged file is refused with a message, never a stack trace', () => {
  it('a garbage header', async () => {
    const { file } = await congressCopy();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100, 'garbage '), 0, 100, 0);
    closeSync(fd);
    const run = await runCli(['verify', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot open the congress file: /u);
    expect(run.stderr).not.toMatch(/SqliteError|    at /u);
  });

  it('bytes cut from the end', async () => {
    const { file } = await congressCopy();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const run = await runCli(['verify', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/SqliteError|    at /u);
    expect(run.stdout + run.stderr).toMatch(/damaged|cut short|malformed|integrity/u);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
