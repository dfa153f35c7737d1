/**
 * A scanner pass as one of a stack's independent readings (issue 12): scan + type and scan +
 * confirm in a real congress file. The pass's sheets are its ballots, not the election's, until
 * the stack's readings agree or are ruled; a doubtful sheet is decided inside the pass by someone
 * other than the other reading's operator; the pass cannot finish while a sheet waits. A file
 * made before scanner passes existed keeps its sheets when it is opened (migration 0009).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ballot } from '../../core/ballot.ts';
import type { ScanSheetInput } from '../../core/scan/sheet-record.ts';
import type { Actor } from '../../core/views.ts';
import { APPLICATION_ID } from '../../db/connection.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { Service } from '../../db/service.ts';
import { verifyFile } from '../../db/verify.ts';
import { ADMIN, countingElection, newService, refusals, tempDir, value } from './helpers.ts';

const FEEDER: Actor = { name: 'Lê Thị An', role: 'operator' };
const TYPIST: Actor = { name: 'Phạm Văn Bình', role: 'operator' };
const BAN: Actor = { name: 'Trần Thị Ban', role: 'committee' };
const CODES = ['c1', 'c2', 'c3', 'c4'];

let sheets = 0;
/** A sheet as the reader gives it: `struck` read with certainty, `doubtful` lines to review. */
function sheet(struck: readonly string[], doubtful: readonly string[] = []): ScanSheetInput {
  const n = ++sheets;
  const hash = n.toString(16).padStart(64, '0');
  return {
    file: `scan-${n}.png`,
    page: 1,
    pages: 1,
    sha256: hash,
    fileSha256: hash,
    status: doubtful.length > 0 ? 'review' : 'read',
    lines: CODES.map((id) => ({
      id,
      strike: struck.includes(id) ? 900 : doubtful.includes(id) ? 400 : 0,
      struck: doubtful.includes(id) ? null : struck.includes(id) ? 'struck' : 'kept',
      agree: 0,
      disagree: 0,
      mark: null,
      reasons: doubtful.includes(id) ? ['doubtful-line'] : [],
    })),
    review: [...doubtful],
    reasons: doubtful.length > 0 ? ['doubtful-line'] : [],
  };
}

function setUp(s: Service, declared = 3) {
  const electionId = countingElection(s);
  value(s.execute('setReadings', { electionId, readings: 2 }, ADMIN));
  const { batchId } = value(s.execute('openBatch', { electionId, declared }, FEEDER));
  const scanPass = value(
    s.execute('startReading', { batchId, kind: 'scan', station: 'Máy quét' }, FEEDER),
  ).readingId;
  const record = (sh: ScanSheetInput) =>
    value(s.execute('recordScan', { electionId, readingId: scanPass, sheet: sh }, FEEDER));
  return { electionId, batchId, scanPass, record };
}

function typeReading(
  s: Service,
  batchId: number,
  kind: 'keyboard' | 'confirm',
  ballots: readonly Ballot[],
) {
  const { readingId } = value(
    s.execute('startReading', { batchId, kind, station: 'Máy 2' }, TYPIST),
  );
  for (const ballot of ballots)
    value(s.execute('enterReadingBallot', { readingId, ballot }, TYPIST));
  return readingId;
}

const stackOf = (s: Service, electionId: number, batchId: number) =>
  value(s.query('readings', { electionId })).stacks.find((x) => x.batchId === batchId)!;
const counted = (s: Service, electionId: number) =>
  value(s.query('ballots', { electionId })).map((b) => b.body);

describe('a scanner pass as one reading of a stack', () => {
  it('scan + type: the pass’s sheets wait for the stack; a doubtful one is decided by someone independent; then the stack agrees and counts in feed order', () => {
    const s = newService();
    const { electionId, batchId, scanPass, record } = setUp(s);
    expect(record(sheet(['c1'])).n).toBeNull();
    const doubtful = record(sheet(['c2'], ['c3'])).scanId;
    record(sheet([]));
    // Nothing is the election's yet: the stack has one reading of two.
    expect(counted(s, electionId)).toEqual([]);
    expect(stackOf(s, electionId, batchId).readings[0]).toMatchObject({
      kind: 'scan',
      ballots: 3,
      undecided: 1,
    });
    expect(refusals(s.execute('finishReading', { readingId: scanPass }, FEEDER))[0]).toMatchObject({
      code: 'scans-undecided',
      count: 1,
    });
    const typed = typeReading(s, batchId, 'keyboard', [
      { struck: ['c1'] },
      { struck: ['c2', 'c3'] },
      { struck: [] },
    ]);
    // The typist deciding the scanner's doubtful sheet would read that ballot twice.
    expect(
      refusals(
        s.execute(
          'decideScan',
          { electionId, scanId: doubtful, ballot: { struck: ['c2', 'c3'] } },
          TYPIST,
        ),
      )[0],
    ).toMatchObject({ code: 'same-operator', operator: TYPIST.name, reading: 2 });
    expect(
      value(
        s.execute(
          'decideScan',
          { electionId, scanId: doubtful, ballot: { struck: ['c2', 'c3'] } },
          FEEDER,
        ),
      ),
    ).toEqual({ n: null, readingId: scanPass });
    expect(value(s.execute('finishReading', { readingId: scanPass }, FEEDER)).status).toBe(
      'reading',
    );
    // A sheet after the pass ended is refused: the pass is closed.
    expect(
      refusals(
        s.execute('recordScan', { electionId, readingId: scanPass, sheet: sheet(['c4']) }, FEEDER),
      )[0],
    ).toMatchObject({ code: 'reading-not-open', reading: 1 });
    expect(value(s.execute('finishReading', { readingId: typed }, TYPIST))).toMatchObject({
      status: 'agreed',
      counted: 3,
    });
    expect(counted(s, electionId)).toEqual([
      { struck: ['c1'] },
      { struck: ['c2', 'c3'] },
      { struck: [] },
    ]);
    expect(verifyFile(s.db).problems).toEqual([]);
  });

  it('scan + confirm: a wrong confirmation is caught as a difference, ruled by the committee, then counted', () => {
    const s = newService();
    const { electionId, batchId, scanPass, record } = setUp(s, 2);
    record(sheet(['c1', 'c2']));
    record(sheet(['c4']));
    const confirm = typeReading(s, batchId, 'confirm', [{ struck: ['c1', 'c2'] }, { struck: [] }]);
    value(s.execute('finishReading', { readingId: scanPass }, FEEDER));
    expect(value(s.execute('finishReading', { readingId: confirm }, TYPIST))).toMatchObject({
      status: 'differ',
      differences: [2],
      counted: null,
    });
    value(s.execute('resolveDifference', { batchId, position: 2, choice: { reading: 1 } }, BAN));
    expect(value(s.execute('settleStack', { batchId }, BAN))).toMatchObject({
      status: 'resolved',
      counted: 2,
    });
    expect(counted(s, electionId)).toEqual([{ struck: ['c1', 'c2'] }, { struck: ['c4'] }]);
    expect(verifyFile(s.db).problems).toEqual([]);
  });

  it('while both readings are under way, the committee sees where they already differ: up to the first sheet a person must decide, and nothing once compared', () => {
    const s = newService();
    const { electionId, batchId, scanPass, record } = setUp(s, 4);
    record(sheet(['c1']));
    record(sheet(['c4']));
    const doubtful = record(sheet(['c2'], ['c3'])).scanId;
    record(sheet(['c3']));
    const soFar = () => stackOf(s, electionId, batchId).differencesSoFar;
    expect(soFar()).toEqual([]);
    const confirm = typeReading(s, batchId, 'confirm', [
      { struck: ['c1'] },
      { struck: [] },
      { struck: ['c2', 'c3'] },
    ]);
    // Sheet 3 waits for a person: the scanner's reading stops at sheet 2 for now.
    expect(soFar()).toEqual([
      {
        position: 2,
        cells: [
          { ballot: { struck: ['c4'] }, at: 2 },
          { ballot: { struck: [] }, at: 2 },
        ],
        ruling: null,
      },
    ]);
    value(
      s.execute('decideScan', { electionId, scanId: doubtful, ballot: { struck: ['c2'] } }, FEEDER),
    );
    expect(soFar().map((d) => d.position)).toEqual([2, 3]);
    value(
      s.execute('enterReadingBallot', { readingId: confirm, ballot: { struck: ['c3'] } }, TYPIST),
    );
    value(s.execute('finishReading', { readingId: scanPass }, FEEDER));
    value(s.execute('finishReading', { readingId: confirm }, TYPIST));
    const compared = stackOf(s, electionId, batchId);
    expect(compared.status).toBe('differ');
    expect(compared.differences.map((d) => d.position)).toEqual([2, 3]);
    expect(compared.differencesSoFar).toEqual([]);
  });

  it('with two readings a sheet needs its pass; a pass is a scanner’s, and its feeder’s', () => {
    const s = newService();
    const { electionId, batchId, scanPass } = setUp(s);
    expect(
      refusals(s.execute('recordScan', { electionId, batchId, sheet: sheet(['c1']) }, FEEDER))[0],
    ).toMatchObject({ code: 'readings-in-use', required: 2 });
    const typed = typeReading(s, batchId, 'keyboard', []);
    expect(
      refusals(
        s.execute('recordScan', { electionId, readingId: typed, sheet: sheet(['c1']) }, TYPIST),
      )[0],
    ).toMatchObject({ code: 'not-found', what: 'reading' });
    expect(
      refusals(
        s.execute('recordScan', { electionId, readingId: scanPass, sheet: sheet(['c1']) }, TYPIST),
      )[0],
    ).toMatchObject({ code: 'not-your-reading' });
    // The same image twice is a duplicate within a pass as anywhere.
    const once = sheet(['c1']);
    value(s.execute('recordScan', { electionId, readingId: scanPass, sheet: once }, FEEDER));
    expect(
      refusals(
        s.execute('recordScan', { electionId, readingId: scanPass, sheet: once }, FEEDER),
      )[0],
    ).toMatchObject({ code: 'duplicate-scan' });
  });

  it('a file made before scanner passes keeps its sheets and decisions when opened', async () => {
    const path = join(tempDir(), 'cu.kiemphieu');
    const old = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version <= 8)) old.exec(m.sql);
    old.pragma('user_version = 8');
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.exec(`INSERT INTO election (code, title, kind, layout, seats, status, created_at)
      VALUES ('E1', 'Bầu thử', 'committee', 'strike', 1, 'counting', 't')`);
    const hash = 'a'.repeat(64);
    old.exec(`INSERT INTO scan (election_id, seq, file, page, pages, sha256, file_sha256, status,
        reason, reading, ballot_n, scanned_by, scanned_at)
      VALUES (1, 1, 'p1.png', 1, 1, '${hash}', '${hash}', 'review', NULL, '{}', NULL, 'An', 't')`);
    old.exec(`INSERT INTO scan_decision VALUES (1, 7, '{"struck":[]}', 'An', 't')`);
    old.close();
    const s = Service.open(path, { backups: false });
    try {
      expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      expect(value(s.query('scans', { electionId: 1 }))).toMatchObject([
        {
          file: 'p1.png',
          readingId: null,
          ballotN: 7,
          decision: { ballot: { struck: [] }, by: 'An' },
        },
      ]);
      // The rebuilt tables keep their guards.
      expect(() => s.db.exec('DELETE FROM scan')).toThrow(/never deleted/u);
      expect(() => s.db.exec('UPDATE scan_decision SET decided_by = 1')).toThrow(/immutable/u);
      expect(s.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
