/** Every command refuses bad input with a Vietnamese message naming the field, and changes nothing. */
import { describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../core/api.ts';
import { refusalText } from '../../core/refusal.ts';
import {
  ADMIN,
  OPERATOR,
  countingElection,
  newService,
  refusals,
  snapshot,
  value,
} from './helpers.ts';
import type { Service } from '../../db/service.ts';

interface Case {
  readonly input: (ids: Ids) => unknown;
  readonly code: string;
  readonly path: string;
  readonly actor?: typeof OPERATOR;
}
interface Ids {
  readonly counting: number;
  readonly closed: number;
  readonly finalized: number;
  readonly suspended: number;
  readonly draft: number;
  readonly batch: number;
}

/** A sheet read with certainty: the first name struck, the second kept. */
const line = { strike: 0, agree: 0, disagree: 0, mark: null, reasons: [] };
const SHEET = {
  file: 'scan-0001.png',
  page: 1,
  pages: 1,
  sha256: 'a'.repeat(64),
  fileSha256: 'a'.repeat(64),
  status: 'read',
  lines: [
    { ...line, id: 'c1', strike: 900, struck: 'struck' },
    { ...line, id: 'c2', strike: 10, struck: 'kept' },
  ],
};

const CASES: Readonly<Record<CommandName, readonly Case[]>> = {
  updateCongress: [
    {
      input: () => ({ name: '', organisation: 'Đảng bộ', kind: 'delegates' }),
      code: 'empty-text',
      path: 'name',
    },
    {
      input: () => ({ name: 'Đại hội', organisation: 'Đảng bộ', kind: 'cell' }),
      code: 'enum',
      path: 'kind',
    },
    {
      input: () => ({
        name: 'Đại hội',
        organisation: 'Đảng bộ',
        kind: 'members',
        dateStart: '14/10/2025',
      }),
      code: 'bad-date',
      path: 'dateStart',
    },
  ],
  addOperator: [
    { input: () => ({ name: 'A', role: 'admin', pin: '12' }), code: 'bad-format', path: 'pin' },
    { input: () => ({ name: 'A', role: 'root', pin: '1234' }), code: 'enum', path: 'role' },
    {
      input: () => ({ name: 'B', role: 'operator', pin: '1234' }),
      code: 'forbidden',
      path: '',
      actor: OPERATOR,
    },
  ],
  importDelegates: [
    { input: () => ({ people: [] }), code: 'too-small', path: 'people' },
    {
      input: () => ({ people: [{ name: 'Lê A' }, { name: ' ' }] }),
      code: 'empty-text',
      path: 'people[1].name',
    },
    {
      input: () => ({ people: [{ name: 'Lê A', status: 'guest' }] }),
      code: 'enum',
      path: 'people[0].status',
    },
  ],
  setAttendance: [
    {
      input: () => ({ delegateId: 999, attendance: 'present' }),
      code: 'not-found',
      path: 'delegateId',
    },
    { input: () => ({ delegateId: 1, attendance: 'late' }), code: 'enum', path: 'attendance' },
  ],
  setAttendanceAll: [{ input: () => ({ attendance: 'late' }), code: 'enum', path: 'attendance' }],
  removeDelegate: [
    { input: () => ({ delegateId: 0 }), code: 'too-small', path: 'delegateId' },
    // An election counted against the congress's base is finalized: the list is locked.
    { input: () => ({ delegateId: 1 }), code: 'wrong-status', path: 'delegateId' },
  ],
  setBase: [
    { input: () => ({ convened: -3 }), code: 'too-small', path: 'convened' },
    {
      input: (ids) => ({
        electionId: ids.draft,
        convened: 10,
        exclusions: [{ category: 'transferred', count: 1 }],
      }),
      code: 'exclusion-category',
      path: 'exclusions[0].category',
    },
    {
      input: (ids) => ({
        electionId: ids.draft,
        convened: 2,
        exclusions: [{ category: 'committee-absent', count: 2 }],
      }),
      code: 'base-below-one',
      path: 'exclusions',
    },
    { input: () => ({ convened: 12 }), code: 'wrong-status', path: 'electionId' },
    {
      input: () => ({ convened: 10, override: { base: 0, note: 'x' } }),
      code: 'too-small',
      path: 'override.base',
    },
    {
      input: () => ({ convened: 10, override: { base: 9 } }),
      code: 'required',
      path: 'override.note',
    },
    {
      input: (ids) => ({ electionId: ids.finalized, convened: 10 }),
      code: 'wrong-status',
      path: 'electionId',
    },
  ],
  setCommittee: [
    {
      input: () => ({ members: [{ name: 'A B', role: 'member' }] }),
      code: 'one-head',
      path: 'members',
    },
    { input: () => ({ members: [] }), code: 'too-small', path: 'members' },
  ],
  createElection: [
    {
      input: () => ({ title: 'Bầu', kind: 'committee', layout: 'strike', seats: -1 }),
      code: 'too-small',
      path: 'seats',
    },
    {
      input: () => ({ title: 'Bầu', kind: 'president', layout: 'strike', seats: 1 }),
      code: 'enum',
      path: 'kind',
    },
    {
      input: () => ({ code: 'bch', title: 'Bầu', kind: 'committee', layout: 'strike', seats: 1 }),
      code: 'duplicate-code',
      path: 'code',
    },
    {
      input: () => ({
        title: 'Bầu',
        kind: 'committee',
        layout: 'strike',
        seats: 1,
        candidates: ['A', ''],
      }),
      code: 'empty-text',
      path: 'candidates[1]',
    },
  ],
  setCandidates: [
    {
      input: (ids) => ({ electionId: ids.counting, candidates: ['Lê A'] }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: () => ({ electionId: 999, candidates: ['Lê A'] }),
      code: 'not-found',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.draft, candidates: [] }),
      code: 'too-small',
      path: 'candidates',
    },
  ],
  reorderCandidates: [
    {
      input: (ids) => ({ electionId: ids.draft, order: ['c1', 'c1'] }),
      code: 'bad-order',
      path: 'order',
    },
    {
      input: (ids) => ({ electionId: ids.draft, order: ['c9'] }),
      code: 'bad-order',
      path: 'order',
    },
  ],
  setIssued: [
    {
      input: (ids) => ({ electionId: ids.counting, issued: -1 }),
      code: 'too-small',
      path: 'issued',
    },
    {
      input: (ids) => ({ electionId: ids.counting, issued: 1.5 }),
      code: 'not-integer',
      path: 'issued',
    },
  ],
  openElection: [
    { input: (ids) => ({ electionId: ids.counting }), code: 'wrong-status', path: 'electionId' },
  ],
  startCounting: [
    { input: (ids) => ({ electionId: ids.closed }), code: 'wrong-status', path: 'electionId' },
  ],
  openBatch: [
    {
      input: (ids) => ({ electionId: ids.counting, declared: 0 }),
      code: 'too-small',
      path: 'declared',
    },
    {
      input: (ids) => ({ electionId: ids.closed, declared: 10 }),
      code: 'wrong-status',
      path: 'electionId',
    },
  ],
  closeBatch: [{ input: () => ({ batchId: 999 }), code: 'not-found', path: 'batchId' }],
  enterBallot: [
    {
      input: (ids) => ({ electionId: ids.counting, ballot: { struck: ['c9'] } }),
      code: 'unknown-candidate',
      path: 'ballot.struck[0]',
    },
    {
      input: (ids) => ({ electionId: ids.counting, ballot: { struck: ['c1', 'c1'] } }),
      code: 'duplicate-struck',
      path: 'ballot.struck[1]',
    },
    {
      input: (ids) => ({ electionId: ids.counting, ballot: { marks: { c1: 'agree' } } }),
      code: 'layout-mismatch',
      path: 'ballot.marks',
    },
    {
      input: (ids) => ({ electionId: ids.counting, ballot: { invalid: 'torn' } }),
      code: 'enum',
      path: 'ballot.invalid',
    },
    {
      input: (ids) => ({ electionId: ids.counting, ballot: { invalid: 'other' } }),
      code: 'note-required',
      path: 'ballot.note',
    },
    {
      input: (ids) => ({ electionId: ids.counting, ballot: 'c1' }),
      code: 'ballot-shape',
      path: 'ballot',
    },
    {
      input: (ids) => ({ electionId: ids.counting, ballot: {} }),
      code: 'ballot-shape',
      path: 'ballot',
    },
    {
      input: (ids) => ({ electionId: ids.closed, ballot: { struck: [] } }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.finalized, ballot: { struck: [] } }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.suspended, ballot: { struck: [] } }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: () => ({ electionId: 999, ballot: { struck: [] } }),
      code: 'not-found',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.counting, batchId: 999, ballot: { struck: [] } }),
      code: 'not-found',
      path: 'batchId',
    },
  ],
  correctBallot: [
    {
      input: (ids) => ({ electionId: ids.counting, n: 99, ballot: { struck: [] } }),
      code: 'not-found',
      path: 'n',
    },
    {
      input: (ids) => ({ electionId: ids.counting, n: 1, ballot: { struck: ['zz'] } }),
      code: 'unknown-candidate',
      path: 'ballot.struck[0]',
    },
  ],
  voidBallot: [
    { input: (ids) => ({ electionId: ids.counting, n: 1 }), code: 'required', path: 'reason' },
    {
      input: (ids) => ({ electionId: ids.counting, n: 0, reason: 'x' }),
      code: 'too-small',
      path: 'n',
    },
  ],
  ruleBallot: [
    {
      input: (ids) => ({ electionId: ids.counting, n: 1, ruling: { invalid: 'over-vote' } }),
      code: 'enum',
      path: 'ruling.invalid',
    },
    {
      input: (ids) => ({ electionId: ids.counting, n: 2, ruling: { invalid: 'marked' } }),
      code: 'ruling-on-paper-invalid',
      path: 'ruling',
    },
  ],
  closeElection: [
    { input: (ids) => ({ electionId: ids.draft }), code: 'wrong-status', path: 'electionId' },
  ],
  finalizeElection: [
    { input: (ids) => ({ electionId: ids.counting }), code: 'wrong-status', path: 'electionId' },
  ],
  reopenElection: [
    {
      input: (ids) => ({ electionId: ids.counting, reason: 'x' }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.finalized, reason: 'x' }),
      code: 'forbidden',
      path: '',
      actor: OPERATOR,
    },
  ],
  suspendElection: [
    { input: (ids) => ({ electionId: ids.counting }), code: 'required', path: 'note' },
    {
      input: (ids) => ({ electionId: ids.finalized, note: 'x' }),
      code: 'wrong-status',
      path: 'electionId',
    },
  ],
  resumeElection: [
    { input: (ids) => ({ electionId: ids.counting }), code: 'wrong-status', path: 'electionId' },
  ],
  setDisplay: [
    {
      input: () => ({ electionId: 999, showFigures: true }),
      code: 'not-found',
      path: 'electionId',
    },
    { input: () => ({ electionId: null, showFigures: 'yes' }), code: 'type', path: 'showFigures' },
  ],
  setCandidateDetails: [
    {
      input: (ids) => ({ electionId: ids.draft, details: [{ name: 'Không Có Tên' }] }),
      code: 'not-found',
      path: 'details[0].name',
    },
    {
      input: (ids) => ({ electionId: ids.draft, details: [{ name: 'Lê A', birthYear: 1800 }] }),
      code: 'too-small',
      path: 'details[0].birthYear',
    },
    {
      input: (ids) => ({ electionId: ids.finalized, details: [{ name: 'Lê A' }] }),
      code: 'wrong-status',
      path: 'electionId',
    },
  ],
  setCandidatePhoto: [
    {
      input: (ids) => ({
        electionId: ids.draft,
        name: 'Lê A',
        jpeg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
      }),
      code: 'wrong-format',
      path: 'jpeg',
    },
    {
      input: (ids) => ({ electionId: ids.draft, name: 'Không Có Tên', jpeg: null }),
      code: 'not-found',
      path: 'name',
    },
  ],
  importElection: [
    { input: () => ({ record: { format: 'other' } }), code: 'wrong-format', path: 'format' },
    { input: () => ({ record: 42 }), code: 'type', path: '' },
  ],
  recordScan: [
    {
      input: (ids) => ({ electionId: ids.counting, sheet: { ...SHEET, sha256: 'abc' } }),
      code: 'bad-format',
      path: 'sheet.sha256',
    },
    {
      // A certain reading may hold no doubtful line.
      input: (ids) => ({
        electionId: ids.counting,
        sheet: { ...SHEET, lines: [{ ...SHEET.lines[0], struck: null }, SHEET.lines[1]] },
      }),
      code: 'bad-format',
      path: 'sheet.doubt-in-read',
    },
    {
      input: (ids) => ({
        electionId: ids.counting,
        sheet: { ...SHEET, lines: [{ ...SHEET.lines[0], id: 'c9' }, SHEET.lines[1]] },
      }),
      code: 'unknown-candidate',
      path: 'ballot.struck[0]',
    },
    {
      input: (ids) => ({ electionId: ids.closed, sheet: SHEET }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.counting, sheet: { ...SHEET, status: 'rejected' } }),
      code: 'bad-format',
      path: 'sheet.reason-missing',
    },
  ],
  decideScan: [
    {
      input: (ids) => ({ electionId: ids.counting, scanId: 999, ballot: { struck: [] } }),
      code: 'not-found',
      path: 'scanId',
    },
  ],
  setReadings: [
    // Ballots exist already: the number of readings is fixed.
    {
      input: (ids) => ({ electionId: ids.counting, readings: 2 }),
      code: 'readings-fixed',
      path: 'readings',
    },
    {
      input: (ids) => ({ electionId: ids.finalized, readings: 2 }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.draft, readings: 2 }),
      code: 'forbidden',
      path: '',
      actor: OPERATOR,
    },
  ],
  startReading: [
    { input: () => ({ batchId: 999, kind: 'keyboard' }), code: 'not-found', path: 'batchId' },
    { input: (ids) => ({ batchId: ids.batch, kind: 'pen' }), code: 'enum', path: 'kind' },
  ],
  enterReadingBallot: [
    {
      input: () => ({ readingId: 999, ballot: { struck: [] } }),
      code: 'not-found',
      path: 'readingId',
    },
    {
      input: () => ({ readingId: 1, ballot: { struck: [] }, clientKey: 'x' }),
      code: 'bad-format',
      path: 'clientKey',
    },
  ],
  finishReading: [{ input: () => ({ readingId: 999 }), code: 'not-found', path: 'readingId' }],
  abandonReading: [{ input: () => ({ readingId: 0 }), code: 'too-small', path: 'readingId' }],
  resolveDifference: [
    // Only a committee member (or an administrator) rules a difference.
    {
      input: (ids) => ({ batchId: ids.batch, position: 1, choice: { reading: 1 } }),
      code: 'forbidden',
      path: '',
      actor: OPERATOR,
    },
    // A stack never read has no difference: the refusal names its state.
    {
      input: (ids) => ({ batchId: ids.batch, position: 1, choice: { reading: 1 } }),
      code: 'stack-status',
      path: 'batchId',
    },
  ],
  settleStack: [
    { input: (ids) => ({ batchId: ids.batch }), code: 'stack-status', path: 'batchId' },
    { input: () => ({ batchId: 999 }), code: 'not-found', path: 'batchId' },
  ],
  confirmResult: [
    // Without the host's PIN check (db/service.ts confirmResult) nothing is confirmed.
    {
      input: (ids) => ({ electionId: ids.closed, name: 'Quản trị', pin: '9999' }),
      code: 'wrong-pin',
      path: 'pin',
    },
    {
      input: (ids) => ({ electionId: ids.closed, name: 'Quản trị', pin: '12' }),
      code: 'bad-format',
      path: 'pin',
    },
    {
      input: (ids) => ({ electionId: ids.counting, name: 'Quản trị', pin: '9999' }),
      code: 'wrong-status',
      path: 'electionId',
    },
  ],
  createFollowUp: [
    {
      input: (ids) => ({ electionId: ids.counting, kind: 'revote' }),
      code: 'wrong-status',
      path: 'electionId',
    },
    {
      input: (ids) => ({ electionId: ids.closed, kind: 'revote' }),
      code: 'no-follow-up',
      path: 'kind',
    },
    { input: (ids) => ({ electionId: ids.closed, kind: 'again' }), code: 'enum', path: 'kind' },
  ],
};

function setUp(): { s: Service; ids: Ids } {
  const s = newService();
  const counting = countingElection(s);
  value(s.execute('importDelegates', { people: [{ name: 'Lê Văn Đại Biểu' }] }, ADMIN));
  value(
    s.execute('enterBallot', { electionId: counting, ballot: { struck: ['c1', 'c2'] } }, OPERATOR),
  );
  value(
    s.execute('enterBallot', { electionId: counting, ballot: { invalid: 'not-issued' } }, OPERATOR),
  );
  const make = (title: string) =>
    value(
      s.execute(
        'createElection',
        { title, kind: 'other', layout: 'strike', seats: 1, candidates: ['Lê A', 'Trần B'] },
        ADMIN,
      ),
    ).electionId;
  const closed = make('Đã đóng');
  value(s.execute('startCounting', { electionId: closed }, ADMIN));
  value(s.execute('enterBallot', { electionId: closed, ballot: { struck: ['c1'] } }, OPERATOR));
  value(s.execute('closeElection', { electionId: closed }, ADMIN));
  const finalized = make('Đã chốt');
  value(s.execute('startCounting', { electionId: finalized }, ADMIN));
  value(s.execute('closeElection', { electionId: finalized }, ADMIN));
  value(s.execute('finalizeElection', { electionId: finalized }, ADMIN));
  const suspended = make('Tạm dừng');
  value(s.execute('suspendElection', { electionId: suspended, note: 'chờ' }, ADMIN));
  const draft = make('Nháp');
  value(s.execute('addOperator', { name: 'Quản trị', role: 'admin', pin: '9999' }, ADMIN));
  const { batchId } = value(
    s.execute('openBatch', { electionId: counting, declared: 5 }, OPERATOR),
  );
  return { s, ids: { counting, closed, finalized, suspended, draft, batch: batchId } };
}

describe('refusals: every command, bad input → a named field, nothing changed', () => {
  it('every command of the catalogue has refusal cases', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(commands).sort());
  });

  for (const [name, cases] of Object.entries(CASES) as [CommandName, readonly Case[]][]) {
    cases.forEach((c, i) => {
      it(`${name} #${i + 1}: ${c.code} at "${c.path}"`, () => {
        const { s, ids } = setUp();
        const before = snapshot(s);
        const [r] = refusals(s.execute(name, c.input(ids), c.actor ?? ADMIN));
        expect(r).toMatchObject({ code: c.code, path: c.path });
        const vi = refusalText(r!, 'vi');
        if (c.path !== '') expect(vi).toContain(c.path);
        expect(vi.length).toBeGreaterThan(c.path.length + 5);
        expect(snapshot(s)).toBe(before);
      });
    });
  }

  it('an unknown command or query is refused by name', () => {
    const { s } = setUp();
    expect(refusals(s.execute('dropEverything' as CommandName, {}, ADMIN))[0]).toMatchObject({
      code: 'enum',
      path: 'command',
    });
    expect(refusals(s.query('secrets' as 'congress', {}))[0]).toMatchObject({
      code: 'enum',
      path: 'query',
    });
  });
});
