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

/** A command on the election in `status`, with `fields`, refused with `code` at `path`. */
const on = (
  status: Exclude<keyof Ids, 'batch'>,
  fields: Record<string, unknown>,
  code: string,
  path: string,
): Case => ({ input: (ids) => ({ electionId: ids[status], ...fields }), code, path });

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
    on(
      'draft',
      { convened: 10, exclusions: [{ category: 'transferred', count: 1 }] },
      'exclusion-category',
      'exclusions[0].category',
    ),
    on(
      'draft',
      { convened: 2, exclusions: [{ category: 'committee-absent', count: 2 }] },
      'base-below-one',
      'exclusions',
    ),
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
    on('finalized', { convened: 10 }, 'wrong-status', 'electionId'),
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
    on('counting', { candidates: ['Lê A'] }, 'wrong-status', 'electionId'),
    {
      input: () => ({ electionId: 999, candidates: ['Lê A'] }),
      code: 'not-found',
      path: 'electionId',
    },
    on('draft', { candidates: [] }, 'too-small', 'candidates'),
  ],
  reorderCandidates: [
    on('draft', { order: ['c1', 'c1'] }, 'bad-order', 'order'),
    on('draft', { order: ['c9'] }, 'bad-order', 'order'),
  ],
  setIssued: [
    on('counting', { issued: -1 }, 'too-small', 'issued'),
    on('counting', { issued: 1.5 }, 'not-integer', 'issued'),
  ],
  openElection: [on('counting', {}, 'wrong-status', 'electionId')],
  startCounting: [on('closed', {}, 'wrong-status', 'electionId')],
  openBatch: [
    on('counting', { declared: 0 }, 'too-small', 'declared'),
    on('closed', { declared: 10 }, 'wrong-status', 'electionId'),
  ],
  closeBatch: [{ input: () => ({ batchId: 999 }), code: 'not-found', path: 'batchId' }],
  enterBallot: [
    on('counting', { ballot: { struck: ['c9'] } }, 'unknown-candidate', 'ballot.struck[0]'),
    on('counting', { ballot: { struck: ['c1', 'c1'] } }, 'duplicate-struck', 'ballot.struck[1]'),
    on('counting', { ballot: { marks: { c1: 'agree' } } }, 'layout-mismatch', 'ballot.marks'),
    on('counting', { ballot: { invalid: 'torn' } }, 'enum', 'ballot.invalid'),
    on('counting', { ballot: { invalid: 'other' } }, 'note-required', 'ballot.note'),
    on('counting', { ballot: 'c1' }, 'ballot-shape', 'ballot'),
    on('counting', { ballot: {} }, 'ballot-shape', 'ballot'),
    on('closed', { ballot: { struck: [] } }, 'wrong-status', 'electionId'),
    on('finalized', { ballot: { struck: [] } }, 'wrong-status', 'electionId'),
    on('suspended', { ballot: { struck: [] } }, 'wrong-status', 'electionId'),
    {
      input: () => ({ electionId: 999, ballot: { struck: [] } }),
      code: 'not-found',
      path: 'electionId',
    },
    on('counting', { batchId: 999, ballot: { struck: [] } }, 'not-found', 'batchId'),
  ],
  correctBallot: [
    on('counting', { n: 99, ballot: { struck: [] } }, 'not-found', 'n'),
    on('counting', { n: 1, ballot: { struck: ['zz'] } }, 'unknown-candidate', 'ballot.struck[0]'),
  ],
  voidBallot: [
    on('counting', { n: 1 }, 'required', 'reason'),
    on('counting', { n: 0, reason: 'x' }, 'too-small', 'n'),
  ],
  ruleBallot: [
    on('counting', { n: 1, ruling: { invalid: 'over-vote' } }, 'enum', 'ruling.invalid'),
    on('counting', { n: 2, ruling: { invalid: 'marked' } }, 'ruling-on-paper-invalid', 'ruling'),
  ],
  closeElection: [on('draft', {}, 'wrong-status', 'electionId')],
  finalizeElection: [on('counting', {}, 'wrong-status', 'electionId')],
  reopenElection: [
    on('counting', { reason: 'x' }, 'wrong-status', 'electionId'),
    {
      input: (ids) => ({ electionId: ids.finalized, reason: 'x' }),
      code: 'forbidden',
      path: '',
      actor: OPERATOR,
    },
  ],
  suspendElection: [
    on('counting', {}, 'required', 'note'),
    on('finalized', { note: 'x' }, 'wrong-status', 'electionId'),
  ],
  resumeElection: [on('counting', {}, 'wrong-status', 'electionId')],
  setDisplay: [
    {
      input: () => ({ electionId: 999, showFigures: true }),
      code: 'not-found',
      path: 'electionId',
    },
    { input: () => ({ electionId: null, showFigures: 'yes' }), code: 'type', path: 'showFigures' },
  ],
  setCandidateDetails: [
    on('draft', { details: [{ name: 'Không Có Tên' }] }, 'not-found', 'details[0].name'),
    on(
      'draft',
      { details: [{ name: 'Lê A', birthYear: 1800 }] },
      'too-small',
      'details[0].birthYear',
    ),
    on('finalized', { details: [{ name: 'Lê A' }] }, 'wrong-status', 'electionId'),
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
    on('draft', { name: 'Không Có Tên', jpeg: null }, 'not-found', 'name'),
  ],
  importElection: [
    { input: () => ({ record: { format: 'other' } }), code: 'wrong-format', path: 'format' },
    { input: () => ({ record: 42 }), code: 'type', path: '' },
  ],
  recordScan: [
    on('counting', { sheet: { ...SHEET, sha256: 'abc' } }, 'bad-format', 'sheet.sha256'),
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
    on('closed', { sheet: SHEET }, 'wrong-status', 'electionId'),
    on(
      'counting',
      { sheet: { ...SHEET, status: 'rejected' } },
      'bad-format',
      'sheet.reason-missing',
    ),
  ],
  decideScan: [on('counting', { scanId: 999, ballot: { struck: [] } }, 'not-found', 'scanId')],
  setReadings: [
    // Ballots exist already: the number of readings is fixed.
    on('counting', { readings: 2 }, 'readings-fixed', 'readings'),
    on('finalized', { readings: 2 }, 'wrong-status', 'electionId'),
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
    on('closed', { name: 'Quản trị', pin: '9999' }, 'wrong-pin', 'pin'),
    on('closed', { name: 'Quản trị', pin: '12' }, 'bad-format', 'pin'),
    on('counting', { name: 'Quản trị', pin: '9999' }, 'wrong-status', 'electionId'),
  ],
  createFollowUp: [
    on('counting', { kind: 'revote' }, 'wrong-status', 'electionId'),
    on('closed', { kind: 'revote' }, 'no-follow-up', 'kind'),
    on('closed', { kind: 'again' }, 'enum', 'kind'),
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
