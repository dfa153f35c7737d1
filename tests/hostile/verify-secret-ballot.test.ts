/**
 * Issue 10 item 14: nothing stored, logged or exported per ballot finer than the minute, and no
 * station's own sequence of entries — while entry order (n), the stack and the operator stay.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAudit } from '../../db/audit-export.ts';
import { exportRecord } from '../../db/record-export.ts';
import { Service } from '../../db/service.ts';
import { verifyFile } from '../../db/verify.ts';
import { runCli } from '../cli/run-cli.ts';
import { ADMIN, OPERATOR, countingElection, tempDir, value } from '../db/helpers.ts';

const SECONDS = /T\d{2}:\d{2}:\d{2}/u;
const STATION = 'sq7x2kd9';

async function counted(): Promise<{ file: string; id: number }> {
  const file = join(tempDir(), 'dai-hoi.kiemphieu');
  let ms = Date.parse('2025-10-14T09:31:00.000Z');
  // A clock with seconds and milliseconds, as the real one has.
  const s = Service.open(file, {
    create: true,
    backups: false,
    clock: () => new Date((ms += 1_237)).toISOString(),
  });
  const id = countingElection(s);
  value(s.execute('addOperator', { name: ADMIN.name, role: 'admin', pin: '246810' }, ADMIN));
  const { batchId } = value(s.execute('openBatch', { electionId: id, declared: 3 }, OPERATOR));
  for (let i = 1; i <= 3; i++) {
    value(
      s.execute(
        'enterBallot',
        { electionId: id, batchId, clientKey: `${STATION}-${i}`, ballot: { struck: ['c1'] } },
        OPERATOR,
      ),
    );
  }
  // The station sends its second save again: still recognised by its key.
  const again = value(
    s.execute(
      'enterBallot',
      { electionId: id, batchId, clientKey: `${STATION}-2`, ballot: { struck: ['c1'] } },
      OPERATOR,
    ),
  );
  expect(again.n).toBe(2);
  value(s.execute('correctBallot', { electionId: id, n: 3, ballot: { struck: ['c2'] } }, OPERATOR));
  value(s.execute('ruleBallot', { electionId: id, n: 1, ruling: { invalid: 'marked' } }, ADMIN));
  value(s.execute('voidBallot', { electionId: id, n: 2, reason: 'nhập nhầm' }, ADMIN));
  value(s.execute('closeBatch', { batchId }, OPERATOR));
  await s.close();
  return { file, id };
}

describe('what is kept per ballot cannot identify a voter (issue 10, item 14)', () => {
  it('the file keeps each ballot’s time to the minute and no station key, and still verifies', async () => {
    const { file } = await counted();
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare('SELECT n, version, entered_at, client_key, batch_id, entered_by FROM ballot')
      .all() as { entered_at: string; client_key: string | null; batch_id: number | null }[];
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r.entered_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/u);
      expect(r.client_key ?? '').not.toContain(STATION);
    }
    const ballotAudit = db
      .prepare(
        "SELECT at, payload FROM audit WHERE command IN ('enterBallot', 'correctBallot', 'voidBallot', 'ruleBallot')",
      )
      .all() as { at: string; payload: string }[];
    expect(ballotAudit).toHaveLength(7);
    for (const r of ballotAudit) {
      expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/u);
      expect(r.payload).not.toMatch(SECONDS);
      expect(r.payload).not.toContain(STATION);
    }
    expect(verifyFile(db).problems).toEqual([]);
    db.close();
  });

  it('the audit export (kiem-phieu/audit@1) has no per-ballot second, no station sequence, no PIN', async () => {
    const { file } = await counted();
    const out = join(tempDir(), 'nhat-ky.json');
    const run = await runCli(['export', file, '--audit', '--out', out]);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(STATION);
    expect(text).not.toContain('246810');
    expect(text).not.toContain('scrypt$');
    const log = JSON.parse(text) as { rows: { command: string; at: string; payload: unknown }[] };
    for (const row of log.rows.filter((r) => /Ballot$/u.test(r.command))) {
      expect(row.at).not.toMatch(SECONDS);
      expect(JSON.stringify(row.payload)).not.toMatch(SECONDS);
    }
    // The export alone still verifies.
    expect((await runCli(['verify', out])).code).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(exportAudit(db).rows.length).toBe(log.rows.length);
    db.close();
  });

  it('the election record keeps entry order and marks only: no time, operator, stack or key', async () => {
    const { file, id } = await counted();
    const db = new Database(file, { readonly: true });
    const text = JSON.stringify(exportRecord(db, id));
    db.close();
    expect(text).not.toMatch(/T\d{2}:\d{2}/u);
    expect(text).not.toContain(OPERATOR.name);
    expect(text).not.toContain(STATION);
    expect(text).not.toMatch(/batch|client|entered_|enteredAt|station/u);
  });
});
