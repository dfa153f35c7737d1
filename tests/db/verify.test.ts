/** `verify` catches a ballot or an audit row changed behind the app's back with plain SQL. */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Service } from '../../db/service.ts';
import { verifyFile } from '../../db/verify.ts';
import { runCli } from '../cli/run-cli.ts';
import { ADMIN, OPERATOR, countingElection, tempDir, value } from './helpers.ts';

async function countedFile(): Promise<string> {
  const file = join(tempDir(), 'dai-hoi.kiemphieu');
  const s = Service.open(file, { create: true, backups: false });
  const id = countingElection(s);
  for (const struck of [
    ['c1', 'c2'],
    ['c3', 'c4'],
    ['c2', 'c4'],
  ]) {
    value(s.execute('enterBallot', { electionId: id, ballot: { struck } }, OPERATOR));
  }
  value(
    s.execute(
      'correctBallot',
      { electionId: id, n: 2, ballot: { struck: ['c1', 'c4'] } },
      OPERATOR,
    ),
  );
  value(s.execute('closeElection', { electionId: id }, ADMIN));
  await s.close();
  return file;
}

/** A tamperer with sqlite3 in hand: drops the app's guards, then edits. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(
    'DROP TRIGGER IF EXISTS ballot_immutable; DROP TRIGGER IF EXISTS audit_append_only_update; DROP TRIGGER IF EXISTS audit_append_only_delete; DROP TRIGGER IF EXISTS ballot_no_delete; DROP TRIGGER IF EXISTS ballot_locked;',
  );
  db.exec(sql);
  db.close();
}

describe('verify FILE.kiemphieu', () => {
  it('a file written only by the app verifies', async () => {
    const file = await countedFile();
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tệp hợp lệ');
  });

  it('a ballot changed with plain SQL is named, with the audit row it contradicts', async () => {
    const file = await countedFile();
    tamper(file, `UPDATE ballot SET body = '{"struck":["c3","c4"]}' WHERE n = 1`);
    const db = new Database(file, { readonly: true });
    const v = verifyFile(db);
    db.close();
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      expect.objectContaining({
        kind: 'field-changed',
        table: 'ballot',
        row: 'id 1 (election 1, n 1, version 1)',
        column: 'body',
      }),
    ]);
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'bảng ballot (phiếu bầu), dòng id 1 (election 1, n 1, version 1), cột body: tệp ghi "{\\"struck\\":[\\"c3\\",\\"c4\\"]}", nhật ký ghi "{\\"struck\\":[\\"c1\\",\\"c2\\"]}"',
    );
    const en = await runCli(['verify', file, '--lang', 'en']);
    expect(en.stderr).toContain('table ballot, row id 1 (election 1, n 1, version 1), column body');
  });

  it('a ballot inserted behind the app’s back is not in the log', async () => {
    const file = await countedFile();
    tamper(
      file,
      `UPDATE ballot SET current = 0 WHERE n = 3; INSERT INTO ballot (election_id, n, version, current, body, change, entered_by, entered_at) SELECT election_id, 3, 2, 1, '{"struck":["c1","c2"]}', 'correct', 'x', 'x' FROM ballot WHERE n = 3`,
    );
    const db = new Database(file, { readonly: true });
    expect(verifyFile(db).problems).toContainEqual(
      expect.objectContaining({
        kind: 'row-not-logged',
        table: 'ballot',
        row: 'id 5 (election 1, n 3, version 2)',
      }),
    );
    db.close();
  });

  it('a deleted ballot version is missing from the file', async () => {
    const file = await countedFile();
    tamper(
      file,
      `DELETE FROM ballot WHERE n = 2 AND version = 2; UPDATE ballot SET current = 1 WHERE n = 2`,
    );
    const db = new Database(file, { readonly: true });
    expect(verifyFile(db).problems).toContainEqual(
      expect.objectContaining({
        kind: 'row-missing',
        table: 'ballot',
        row: 'id 4 (election 1, n 2, version 2)',
      }),
    );
    db.close();
  });

  it('an audit row changed with plain SQL breaks the chain at that row', async () => {
    const file = await countedFile();
    tamper(file, `UPDATE audit SET actor = 'Người khác (admin)' WHERE seq = 5`);
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('chuỗi băm bị đứt ở dòng 5');
  });

  it('an audit row removed leaves a gap that is named', async () => {
    const file = await countedFile();
    tamper(file, `DELETE FROM audit WHERE seq = 3`);
    const run = await runCli(['verify', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('row 4 stands where row 3 should');
  });

  it('a re-hashed forgery of the last row still contradicts the ballots', async () => {
    const file = await countedFile();
    // Changing a ballot and its log payload together still breaks the hash of that log row.
    tamper(
      file,
      `UPDATE ballot SET body = '{"struck":["c3","c4"]}' WHERE n = 1;
      UPDATE audit SET payload = replace(payload, '{\\"struck\\":[\\"c1\\",\\"c2\\"]}', '{\\"struck\\":[\\"c3\\",\\"c4\\"]}') WHERE command = 'enterBallot' AND json_extract(payload, '$.ballot.n') = 1`,
    );
    const db = new Database(file, { readonly: true });
    const v = verifyFile(db);
    db.close();
    expect(v.ok).toBe(false);
    expect(v.problems.some((p) => p.kind === 'chain')).toBe(true);
  });
});

describe('verify AUDIT.json (an exported audit log)', () => {
  it('an exported log verifies; a row changed in the export is named', async () => {
    const file = await countedFile();
    const out = join(tempDir(), 'nhat-ky.json');
    const exported = await runCli(['export', file, '--audit', '--out', out]);
    expect(exported.code).toBe(0);
    const ok = await runCli(['verify', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Chuỗi băm nhật ký hợp lệ');
    const log = JSON.parse(readFileSync(out, 'utf8')) as { rows: { actor: string }[] };
    log.rows[3]!.actor = 'Người khác (admin)';
    writeFileSync(out, JSON.stringify(log));
    const bad = await runCli(['verify', out, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('breaks at row 4');
  });
});
