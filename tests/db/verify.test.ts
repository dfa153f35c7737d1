/** `verify` catches a ballot or an audit row changed behind the app's back with plain SQL. */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../core/api.ts';
import { chainHead } from '../../db/audit.ts';
import { listBackups } from '../../db/backup.ts';
import { Service } from '../../db/service.ts';
import { fileProblemText, verifyFile } from '../../db/verify.ts';
import { congressCopy, rehash, tamper, writeCongress } from '../hostile/verify-fixture.ts';
import { runCli } from '../cli/run-cli.ts';
import { ADMIN, OPERATOR, countingFile, enterStruck, tempDir, value } from './helpers.ts';
import { readingsTour } from './readings-tour.ts';

async function countedFile(): Promise<string> {
  const { file, s, id } = countingFile();
  enterStruck(s, id, [
    ['c1', 'c2'],
    ['c3', 'c4'],
    ['c2', 'c4'],
  ]);
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

  it.each([
    [
      'a ballot inserted behind the app’s back is not in the log',
      `UPDATE ballot SET current = 0 WHERE n = 3; INSERT INTO ballot (election_id, n, version, current, body, change, entered_by, entered_at) SELECT election_id, 3, 2, 1, '{"struck":["c1","c2"]}', 'correct', 'x', 'x' FROM ballot WHERE n = 3`,
      { kind: 'row-not-logged', table: 'ballot', row: 'id 5 (election 1, n 3, version 2)' },
    ],
    [
      'a deleted ballot version is missing from the file',
      `DELETE FROM ballot WHERE n = 2 AND version = 2; UPDATE ballot SET current = 1 WHERE n = 2`,
      { kind: 'row-missing', table: 'ballot', row: 'id 4 (election 1, n 2, version 2)' },
    ],
  ])('%s', async (_edit, sql, problem) => {
    const file = await countedFile();
    tamper(file, sql);
    const db = new Database(file, { readonly: true });
    expect(verifyFile(db).problems).toContainEqual(expect.objectContaining(problem));
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

describe('verify replays the whole log', () => {
  it('a file touched by every command of the catalogue verifies, an imported record included', async () => {
    const dir = tempDir();
    const { file, electionId, conferenceId } = await writeCongress(dir);
    const s = Service.open(file, { backups: false });
    // The commands the congress fixture does not use.
    const draft = value(
      s.execute(
        'createElection',
        { title: 'Bầu Ủy ban Kiểm tra', kind: 'inspection-committee', layout: 'strike', seats: 2 },
        ADMIN,
      ),
    ).electionId;
    value(
      s.execute('setCandidates', { electionId: draft, candidates: ['Một', 'Hai', 'Ba'] }, ADMIN),
    );
    value(s.execute('reorderCandidates', { electionId: draft, order: ['c3', 'c1', 'c2'] }, ADMIN));
    value(s.execute('openElection', { electionId: draft }, ADMIN));
    value(s.execute('setAttendanceAll', { attendance: 'present' }, ADMIN));
    value(s.execute('reopenElection', { electionId, reason: 'Đoàn Chủ tịch cho kiểm lại' }, ADMIN));
    value(s.execute('closeElection', { electionId }, ADMIN));
    await readingsTour(s);
    value(
      s.execute(
        'setCandidateDetails',
        { electionId: draft, details: [{ name: 'Một', birthYear: 1970, hometown: 'Hà Tĩnh' }] },
        ADMIN,
      ),
    );
    value(s.execute('setCandidatePhoto', { electionId: draft, name: 'Một', jpeg: null }, ADMIN));
    // A scanned sheet in review, then a person's decision on it.
    const scanned = value(
      s.execute(
        'createElection',
        {
          title: 'Bầu Bí thư',
          kind: 'secretary',
          layout: 'strike',
          seats: 1,
          candidates: ['Một', 'Hai'],
        },
        ADMIN,
      ),
    ).electionId;
    value(s.execute('startCounting', { electionId: scanned }, ADMIN));
    const line = { agree: 0, disagree: 0, mark: null };
    const { scanId } = value(
      s.execute(
        'recordScan',
        {
          electionId: scanned,
          sheet: {
            file: 'scan-0001.png',
            page: 1,
            pages: 1,
            sha256: 'c'.repeat(64),
            fileSha256: 'c'.repeat(64),
            status: 'review',
            lines: [
              { ...line, id: 'c1', strike: 400, struck: null, reasons: ['doubtful-line'] },
              { ...line, id: 'c2', strike: 0, struck: 'kept', reasons: [] },
            ],
            review: ['c1'],
            reasons: ['doubtful-line'],
          },
        },
        ADMIN,
      ),
    );
    value(
      s.execute('decideScan', { electionId: scanned, scanId, ballot: { struck: ['c1'] } }, ADMIN),
    );
    const record = value(s.query('exportRecord', { electionId: conferenceId }));
    // A refused login is an audit event that changes no table.
    expect((await s.login(ADMIN.name, '0000')).ok).toBe(false);
    await s.close();
    const other = Service.open(join(dir, 'khac.kiemphieu'), { create: true, backups: false });
    // Removing a delegate needs a base not yet locked by a finalized election: a fresh file.
    value(other.execute('importDelegates', { people: [{ name: 'Một' }, { name: 'Hai' }] }, ADMIN));
    value(other.execute('removeDelegate', { delegateId: 1 }, ADMIN));
    value(other.execute('importElection', { record }, ADMIN));
    await other.close();

    for (const f of [file, join(dir, 'khac.kiemphieu')]) {
      const db = new Database(f, { readonly: true });
      const v = verifyFile(db);
      expect(v.problems).toEqual([]);
      expect(v.rowsCompared).toBeGreaterThan(v.auditRows);
      db.close();
    }
    // Every command of the catalogue is in the log, so each one's replay is exercised here.
    const db = new Database(file, { readonly: true });
    const logged = new Set(db.prepare('SELECT DISTINCT command FROM audit').pluck().all());
    db.close();
    expect(logged.has('loginRefused')).toBe(true);
    logged.add('importElection');
    logged.add('removeDelegate');
    expect(Object.keys(commands).filter((c) => !logged.has(c))).toEqual([]);
  });

  it('chainHead: the last row’s hash, short for paper', async () => {
    const file = await countedFile();
    const db = new Database(file, { readonly: true });
    const head = chainHead(db);
    const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    expect(head).toEqual({
      seq: last.seq,
      hash: last.hash,
      short: last.hash.slice(0, 16).replace(/(.{4})(?!$)/gu, '$1 '),
    });
    expect(head.short).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/u);
    expect(verifyFile(db).head).toBe(head.hash);
    db.close();
  });

  it('a chain rewritten to match an edit verifies alone, and is caught by the backups', async () => {
    const { file, electionId } = await congressCopy();
    // Seats 3 → 1 in the table and in the logged command, every hash recomputed.
    tamper(
      file,
      `UPDATE election SET seats = 1 WHERE id = ${electionId};
       UPDATE audit SET payload = replace(payload, '"seats":3', '"seats":1') WHERE command = 'createElection' AND json_extract(payload, '$.seats') = 3;`,
    );
    rehash(file);
    const db = new Database(file, { readonly: true });
    expect(verifyFile(db).problems).toEqual([]);
    const v = verifyFile(db, { backups: listBackups(file).map((b) => b.path) });
    db.close();
    expect(v.problems.length).toBeGreaterThan(0);
    expect(v.problems.every((p) => p.kind === 'backup-diverges')).toBe(true);
    expect(fileProblemText(v.problems[0]!, 'en')).toMatch(
      /^The backup .* audit row \d+ differs from the file's — the file's log was rewritten$/u,
    );
  });

  it('a forged log row the app would refuse is named, even in a chain that verifies', async () => {
    const { file, electionId } = await congressCopy();
    // A ballot added to the finalized election, in the table and in a log row, chain recomputed.
    tamper(
      file,
      `INSERT INTO ballot (election_id, n, version, current, body, change, entered_by, entered_at)
         VALUES (${electionId}, 19, 1, 1, '{"struck":["c1","c2"]}', 'enter', 'Lê Thị Nhập', '2025-10-14T10:00Z');
       INSERT INTO audit (seq, at, actor, command, payload, prev_hash, hash)
         SELECT MAX(seq) + 1, '2025-10-14T10:00Z', 'Lê Thị Nhập (operator)', 'enterBallot',
           json_object('electionId', ${electionId}, 'ballot', json_object('election_id', ${electionId}, 'n', 19, 'version', 1,
             'body', '{"struck":["c1","c2"]}', 'ruling_code', NULL, 'ruling_note', NULL, 'voided', 0, 'void_reason', NULL,
             'change', 'enter', 'change_reason', NULL, 'batch_id', NULL, 'entered_by', 'Lê Thị Nhập',
             'entered_at', '2025-10-14T10:00Z', 'client_key', NULL)),
           printf('%064d', 0), printf('%064d', 0) FROM audit;`,
    );
    rehash(file);
    const db = new Database(file, { readonly: true });
    const v = verifyFile(db);
    db.close();
    const texts = v.problems.map((p) => fileProblemText(p, 'en'));
    expect(texts[0]).toMatch(/^Audit row \d+ \(enterBallot\): the app refuses it on replay — /u);
    expect(texts[1]).toMatch(
      /^table ballot, row id \d+ \(election 1, n 19, version 1\): in the file but not in the audit log — added outside the app$/u,
    );
    expect(texts).toHaveLength(2);
  });

  it('a guard of the file dropped and left out is named', async () => {
    const { file } = await congressCopy();
    const db0 = new Database(file);
    db0.exec('DROP TRIGGER ballot_no_delete');
    db0.close();
    const db = new Database(file, { readonly: true });
    expect(verifyFile(db).problems.map((p) => fileProblemText(p, 'en'))).toEqual([
      'File structure: trigger ballot_no_delete was removed from the file',
    ]);
    db.close();
  });
});

describe('verify while the app is counting', () => {
  it('reads one snapshot: a file another process saves 20 ballots a second into verifies', async () => {
    const { file, s, id } = countingFile({ ballots: 200 });
    await s.close();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./fixtures/enter-steadily.ts', import.meta.url)),
        file,
        String(id),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let acked = 0;
    child.stdout.on('data', (d: Buffer) => (acked += d.toString().split('ACK').length - 1));
    try {
      while (acked < 5) await new Promise((r) => setTimeout(r, 50));
      const db = new Database(file, { readonly: true });
      for (let round = 0; round < 5; round++) {
        const v = verifyFile(db);
        expect(v.problems).toEqual([]);
        await new Promise((r) => setTimeout(r, 60));
      }
      db.close();
      expect(acked).toBeGreaterThan(5);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
