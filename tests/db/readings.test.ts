/**
 * Independent readings of a stack in a real congress file (issue 12): two keyboard passes that
 * agree count; a planted difference is caught, ruled by a committee member, then counted; the
 * guards (same operator, a third reading, an operator ruling, another's reading) refuse with the
 * reason; a reading stopped half-way resumes; closing waits for every stack; finalize waits for
 * the committee's confirmation by PIN. The file then verifies (every command replays).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Ballot } from '../../core/ballot.ts';
import type { Actor } from '../../core/views.ts';
import type { Service } from '../../db/service.ts';
import { verifyFile } from '../../db/verify.ts';
import {
  ADMIN,
  countingElection,
  newService,
  refusals,
  snapshot,
  tempDir,
  value,
} from './helpers.ts';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDocument } from '../../db/documents.ts';
import { Api } from '../../db/api.ts';
import { Workspace } from '../../db/workspace.ts';
import { tamper } from '../hostile/verify-fixture.ts';

const AN: Actor = { name: 'Lê Thị An', role: 'operator' };
const BINH: Actor = { name: 'Phạm Văn Bình', role: 'operator' };
const BAN: Actor = { name: 'Trần Thị Ban', role: 'committee' };

const STACK: Ballot[] = [{ struck: ['c1'] }, { struck: ['c2', 'c3'] }, { struck: ['c4'] }];

/** A counting election needing `readings` readings per stack, and one stack of `declared`. */
function setUp(s: Service, readings: 1 | 2 | 3 = 2, declared = 3): { id: number; batchId: number } {
  const id = countingElection(s);
  value(s.execute('setReadings', { electionId: id, readings }, ADMIN));
  const { batchId } = value(s.execute('openBatch', { electionId: id, declared }, AN));
  return { id, batchId };
}

/** One whole reading by `who`: started, every ballot entered, finished; the finish's answer. */
function read(
  s: Service,
  who: Actor,
  batchId: number,
  ballots: readonly Ballot[],
  station = 'Máy 1',
) {
  const { readingId } = value(
    s.execute('startReading', { batchId, kind: 'keyboard', station }, who),
  );
  for (const ballot of ballots) value(s.execute('enterReadingBallot', { readingId, ballot }, who));
  return value(s.execute('finishReading', { readingId }, who));
}

const counted = (s: Service, id: number) =>
  value(s.query('ballots', { electionId: id })).map((b) => b.body);

const verified = (s: Service) => {
  const db = new Database(s.path, { readonly: true });
  try {
    return verifyFile(db).problems;
  } finally {
    db.close();
  }
};

describe('readings of a stack: the congress file', () => {
  it('two keyboard readings that agree: the stack is agreed and its ballots count, in order', () => {
    const s = newService();
    const { id, batchId } = setUp(s);
    const first = read(s, AN, batchId, STACK);
    expect(first).toEqual({ batchId, status: 'reading', differences: [], counted: null });
    // A reading is not the election's ballots: nothing counts yet.
    expect(counted(s, id)).toEqual([]);
    expect(value(s.query('progress', { electionId: id })).collected).toBe(0);
    const second = read(s, BINH, batchId, STACK, 'Máy 2');
    expect(second).toEqual({ batchId, status: 'agreed', differences: [], counted: 3 });
    expect(counted(s, id)).toEqual(STACK);
    const results = value(s.query('results', { electionId: id }));
    expect(results.ballots.collected).toBe(3);
    const view = value(s.query('readings', { electionId: id }));
    expect(view.required).toBe(2);
    expect(view.stacks).toHaveLength(1);
    const [stack] = view.stacks;
    expect(stack).toMatchObject({ batchId, status: 'agreed', counted: 3, differences: [] });
    expect(
      stack?.readings.map((r) => [r.number, r.operator, r.station, r.kind, r.state, r.ballots]),
    ).toEqual([
      [1, AN.name, 'Máy 1', 'keyboard', 'finished', 3],
      [2, BINH.name, 'Máy 2', 'keyboard', 'finished', 3],
    ]);
    // The stack reconciles with its slip and closes; the election closes.
    expect(value(s.execute('closeBatch', { batchId }, AN)).difference).toBe(0);
    value(s.execute('closeElection', { electionId: id }, AN));
  });

  it('a planted difference: differ, nothing counted, an operator may not rule, a committee member does; then counted', () => {
    const s = newService();
    const { id, batchId } = setUp(s);
    read(s, AN, batchId, STACK);
    const typo: Ballot[] = [STACK[0]!, { struck: ['c2', 'c4'] }, STACK[2]!];
    expect(read(s, BINH, batchId, typo)).toEqual({
      batchId,
      status: 'differ',
      differences: [2],
      counted: null,
    });
    expect(counted(s, id)).toEqual([]);
    const [stack] = value(s.query('readings', { electionId: id })).stacks;
    expect(stack?.differences).toEqual([
      {
        position: 2,
        cells: [
          { ballot: STACK[1], at: 2 },
          { ballot: typo[1], at: 2 },
        ],
        ruling: null,
      },
    ]);
    // Closing waits for the stack; so does closing the stack itself.
    expect(refusals(s.execute('closeElection', { electionId: id }, ADMIN))[0]).toMatchObject({
      code: 'stacks-unsettled',
      stacks: ['Tập 1'],
    });
    expect(refusals(s.execute('closeBatch', { batchId }, AN))[0]?.code).toBe('stacks-unsettled');
    const before = snapshot(s);
    const resolve = { batchId, position: 2, choice: { reading: 1 } };
    expect(refusals(s.execute('resolveDifference', resolve, AN))[0]).toMatchObject({
      code: 'forbidden',
      role: 'operator',
    });
    // Settling before every difference is ruled names the open positions.
    expect(refusals(s.execute('settleStack', { batchId }, BAN))[0]).toMatchObject({
      code: 'differences-open',
      positions: [2],
    });
    // A position that agrees is not a difference.
    expect(
      refusals(s.execute('resolveDifference', { ...resolve, position: 1 }, BAN))[0]?.code,
    ).toBe('not-a-difference');
    expect(snapshot(s)).toBe(before);
    expect(value(s.execute('resolveDifference', resolve, BAN))).toMatchObject({
      status: 'differ',
      counted: null,
    });
    expect(value(s.execute('settleStack', { batchId }, BAN))).toEqual({
      batchId,
      status: 'resolved',
      differences: [2],
      counted: 3,
    });
    expect(counted(s, id)).toEqual(STACK);
    const [after] = value(s.query('readings', { electionId: id })).stacks;
    expect(after?.status).toBe('resolved');
    expect(after?.differences[0]?.ruling).toMatchObject({ by: BAN.name, reading: 1 });
    // A settled stack takes no further reading: the refusal names its state.
    expect(
      refusals(s.execute('startReading', { batchId, kind: 'keyboard', station: 'x' }, ADMIN))[0],
    ).toMatchObject({ code: 'stack-status', status: 'resolved' });
    value(s.execute('closeElection', { electionId: id }, AN));
  });

  it('three readings: a position counts only where all three agree; one odd reading is ruled', () => {
    const s = newService();
    const { id, batchId } = setUp(s, 3);
    read(s, AN, batchId, STACK);
    expect(read(s, BINH, batchId, STACK).status).toBe('reading');
    const odd: Ballot[] = [STACK[0]!, STACK[1]!, { struck: ['c1', 'c4'] }];
    expect(read(s, BAN, batchId, odd)).toMatchObject({ status: 'differ', differences: [3] });
    value(s.execute('resolveDifference', { batchId, position: 3, choice: { reading: 1 } }, BAN));
    value(s.execute('settleStack', { batchId }, BAN));
    expect(counted(s, id)).toEqual(STACK);
  });

  it('a skipped ballot shows as one gap; the committee enters the ballot from the paper', () => {
    const s = newService();
    const { id, batchId } = setUp(s);
    read(s, AN, batchId, STACK);
    // The second reading skipped the middle ballot.
    expect(read(s, BINH, batchId, [STACK[0]!, STACK[2]!]).differences).toEqual([2]);
    const [stack] = value(s.query('readings', { electionId: id })).stacks;
    expect(stack?.differences[0]?.cells).toEqual([{ ballot: STACK[1], at: 2 }, null]);
    const paper: Ballot = { struck: ['c2', 'c3'] };
    value(s.execute('resolveDifference', { batchId, position: 2, choice: { ballot: paper } }, BAN));
    expect(value(s.execute('settleStack', { batchId }, ADMIN)).counted).toBe(3);
    expect(counted(s, id)).toEqual([STACK[0], paper, STACK[2]]);
  });

  it('the same operator may not read a stack twice; a scanner pass and the same person may', () => {
    const s = newService();
    const { batchId } = setUp(s);
    read(s, AN, batchId, STACK);
    expect(
      refusals(s.execute('startReading', { batchId, kind: 'keyboard', station: 'Máy 1' }, AN))[0],
    ).toMatchObject({ code: 'same-operator', operator: AN.name, reading: 1 });
    const other = value(s.execute('openBatch', { electionId: 1, declared: 1 }, AN)).batchId;
    value(s.execute('startReading', { batchId: other, kind: 'scan', station: 'Máy quét' }, AN));
    expect(
      value(s.execute('startReading', { batchId: other, kind: 'confirm', station: 'Máy 1' }, AN))
        .number,
    ).toBe(2);
  });

  it('a third reading is refused: while two run, and after two that agree', () => {
    const s = newService();
    const { batchId } = setUp(s);
    const start = (who: Actor) =>
      s.execute('startReading', { batchId, kind: 'keyboard', station: 'Máy 3' }, who);
    value(start(AN));
    value(start(BINH));
    expect(refusals(start(BAN))[0]).toMatchObject({ code: 'readings-complete', required: 2 });
    const readings = value(s.query('readings', { electionId: 1 })).stacks[0]!.readings;
    for (const [i, r] of readings.entries()) {
      const who = i === 0 ? AN : BINH;
      for (const ballot of STACK)
        value(s.execute('enterReadingBallot', { readingId: r.id, ballot }, who));
      value(s.execute('finishReading', { readingId: r.id }, who));
    }
    expect(refusals(start(BAN))[0]).toMatchObject({
      code: 'stack-status',
      status: 'agreed',
      allowed: ['open', 'reading'],
    });
  });

  it('a reading stopped half-way resumes where it stopped, after the file is reopened', async () => {
    const dir = tempDir();
    const path = join(dir, 'dai-hoi.kiemphieu');
    let s = newService({}, path);
    const { id, batchId } = setUp(s);
    const start = { batchId, kind: 'keyboard', station: 'Máy 1' } as const;
    const { readingId } = value(s.execute('startReading', start, AN));
    value(s.execute('enterReadingBallot', { readingId, ballot: STACK[0] }, AN));
    value(s.execute('enterReadingBallot', { readingId, ballot: STACK[1] }, AN));
    await s.close();
    s = newService({}, path);
    expect(value(s.execute('startReading', start, AN))).toEqual({
      readingId,
      number: 1,
      ballots: 2,
      resumed: true,
    });
    expect(value(s.execute('enterReadingBallot', { readingId, ballot: STACK[2] }, AN))).toEqual({
      readingId,
      position: 3,
    });
    value(s.execute('finishReading', { readingId }, AN));
    expect(read(s, BINH, batchId, STACK).status).toBe('agreed');
    expect(counted(s, id)).toEqual(STACK);
  });

  it('a save sent twice is one ballot; another ballot under the same key is refused', () => {
    const s = newService();
    const { batchId } = setUp(s);
    const { readingId } = value(
      s.execute('startReading', { batchId, kind: 'keyboard', station: 'Máy 1' }, AN),
    );
    const save = { readingId, ballot: STACK[0], clientKey: 'tram1-000001' };
    expect(value(s.execute('enterReadingBallot', save, AN)).position).toBe(1);
    expect(value(s.execute('enterReadingBallot', save, AN)).position).toBe(1);
    expect(
      refusals(s.execute('enterReadingBallot', { ...save, ballot: STACK[1] }, AN))[0],
    ).toMatchObject({ code: 'client-key-conflict', n: 1 });
    // Another person types only into their own reading.
    expect(
      refusals(s.execute('enterReadingBallot', { readingId, ballot: STACK[1] }, BINH))[0],
    ).toMatchObject({ code: 'not-your-reading', operator: AN.name, reading: 1 });
    const [stack] = value(s.query('readings', { electionId: 1 })).stacks;
    expect(stack?.readings[0]?.ballots).toBe(1);
  });

  it('an abandoned reading is kept and never counted; another person reads in its place', () => {
    const s = newService();
    const { id, batchId } = setUp(s);
    const { readingId } = value(
      s.execute('startReading', { batchId, kind: 'keyboard', station: 'Máy 1' }, AN),
    );
    value(s.execute('enterReadingBallot', { readingId, ballot: { struck: ['c4'] } }, AN));
    value(s.execute('abandonReading', { readingId }, AN));
    read(s, BINH, batchId, STACK);
    expect(read(s, BAN, batchId, STACK).status).toBe('agreed');
    expect(counted(s, id)).toEqual(STACK);
    const [stack] = value(s.query('readings', { electionId: id })).stacks;
    expect(stack?.readings.map((r) => r.state)).toEqual(['abandoned', 'finished', 'finished']);
  });

  it('with readings required, ballots enter only through readings; the number is fixed once reading began', () => {
    const s = newService();
    const { id, batchId } = setUp(s);
    expect(
      refusals(s.execute('enterBallot', { electionId: id, ballot: STACK[0] }, AN))[0],
    ).toMatchObject({ code: 'readings-in-use', required: 2 });
    value(s.execute('startReading', { batchId, kind: 'keyboard', station: '' }, AN));
    expect(
      refusals(s.execute('setReadings', { electionId: id, readings: 3 }, ADMIN))[0]?.code,
    ).toBe('readings-fixed');
    // A stack never read keeps the election open too.
    const other = value(s.execute('openBatch', { electionId: id, declared: 2 }, AN)).batchId;
    expect(refusals(s.execute('closeElection', { electionId: id }, AN))[0]).toMatchObject({
      code: 'stacks-unsettled',
      stacks: ['Tập 1', 'Tập 2'],
    });
    expect(other).toBeGreaterThan(batchId);
  });

  it('one reading required (the default): enterBallot as before, and a single reading counts at once', () => {
    const s = newService();
    const id = countingElection(s);
    value(s.execute('enterBallot', { electionId: id, ballot: STACK[0] }, AN));
    const { batchId } = value(s.execute('openBatch', { electionId: id, declared: 3 }, AN));
    expect(read(s, AN, batchId, STACK)).toEqual({
      batchId,
      status: 'agreed',
      differences: [],
      counted: 3,
    });
    expect(counted(s, id)).toEqual([STACK[0], ...STACK]);
    value(s.execute('closeElection', { electionId: id }, AN));
  });
});

describe('a follow-up election', () => {
  it('a re-vote or further round needs as many readings as the election it follows', () => {
    const s = newService();
    const { id, batchId } = setUp(s);
    read(s, AN, batchId, [{ struck: ['c3', 'c4'] }]);
    read(s, BINH, batchId, [{ struck: ['c3', 'c4'] }]);
    value(s.execute('closeElection', { electionId: id }, AN));
    const next = value(s.execute('createFollowUp', { electionId: id, kind: 'round' }, ADMIN));
    expect(value(s.query('readings', { electionId: next.electionId })).required).toBe(2);
    expect(verified(s)).toEqual([]);
  });
});

describe('the committee confirms the result with a PIN before finalize', () => {
  async function closed() {
    const s = newService();
    value(s.execute('addOperator', { name: ADMIN.name, role: 'admin', pin: '1357' }, ADMIN));
    value(s.execute('addOperator', { name: BAN.name, role: 'committee', pin: '2468' }, ADMIN));
    value(s.execute('addOperator', { name: AN.name, role: 'operator', pin: '1111' }, ADMIN));
    const { id, batchId } = setUp(s);
    read(s, AN, batchId, STACK);
    read(s, BINH, batchId, STACK);
    value(s.execute('closeElection', { electionId: id }, AN));
    return { s, id };
  }

  it('finalize is refused without a confirmation; a wrong PIN, or an operator’s PIN, confirms nothing', async () => {
    const { s, id } = await closed();
    expect(refusals(s.execute('finalizeElection', { electionId: id }, AN))[0]).toMatchObject({
      code: 'not-confirmed',
      changed: false,
    });
    const wrong = await s.confirmResult({ electionId: id, name: BAN.name, pin: '0000' }, AN);
    expect(refusals(wrong)[0]?.code).toBe('wrong-pin');
    const operator = await s.confirmResult({ electionId: id, name: AN.name, pin: '1111' }, AN);
    expect(refusals(operator)[0]).toMatchObject({ code: 'forbidden', needed: ['committee'] });
    // The command without the host's PIN check is refused too.
    expect(
      refusals(s.execute('confirmResult', { electionId: id, name: BAN.name, pin: '2468' }, AN))[0]
        ?.code,
    ).toBe('wrong-pin');
    expect(value(s.query('readings', { electionId: id })).confirmation).toBeNull();
  });

  it('a confirmation lets finalize through; a change after it needs a new one; the PIN is never kept', async () => {
    const { s, id } = await closed();
    const ok = value(await s.confirmResult({ electionId: id, name: BAN.name, pin: '2468' }, AN));
    expect(ok.by).toBe(BAN.name);
    expect(value(s.query('readings', { electionId: id })).confirmation).toMatchObject({
      by: BAN.name,
      current: true,
    });
    value(s.execute('setIssued', { electionId: id, issued: 3 }, AN));
    expect(refusals(s.execute('finalizeElection', { electionId: id }, AN))[0]).toMatchObject({
      code: 'not-confirmed',
      changed: true,
    });
    value(await s.confirmResult({ electionId: id, name: BAN.name, pin: '2468' }, AN));
    value(s.execute('finalizeElection', { electionId: id }, AN));
    const log = s.db
      .prepare("SELECT payload FROM audit WHERE command = 'confirmResult'")
      .pluck()
      .all();
    expect(log).toHaveLength(2);
    for (const payload of log) expect(String(payload)).not.toContain('2468');
    // Every command replays from its log: the file verifies, the rulings and confirmations too.
    expect(verified(s)).toEqual([]);
  });
});

describe('the confirmation over the protocol: the host checks the PIN before the command', () => {
  it('an operator’s station sends a committee member’s name and PIN; a wrong PIN is refused and logged', async () => {
    const dir = tempDir();
    const path = join(dir, 'dai-hoi.kiemphieu');
    const s = newService({}, path);
    value(s.execute('addOperator', { name: ADMIN.name, role: 'admin', pin: '1357' }, ADMIN));
    value(s.execute('addOperator', { name: BAN.name, role: 'committee', pin: '2468' }, ADMIN));
    value(s.execute('addOperator', { name: AN.name, role: 'operator', pin: '1111' }, ADMIN));
    const { id, batchId } = setUp(s, 1);
    read(s, AN, batchId, STACK);
    value(s.execute('closeElection', { electionId: id }, AN));
    await s.close();
    const workspace = new Workspace({ home: dir, options: { backups: false } });
    await workspace.open(path);
    const api = new Api(workspace);
    try {
      const login = await api.handle({ kind: 'login', input: { name: AN.name, pin: '1111' } });
      const session = (login as { value: { session: string } }).value.session;
      const confirm = (pin: string) =>
        api.handle({
          kind: 'command',
          name: 'confirmResult',
          input: { electionId: id, name: BAN.name, pin },
          session,
        });
      expect(await confirm('0000')).toMatchObject({ ok: false, error: [{ code: 'wrong-pin' }] });
      const finalize = { kind: 'command', name: 'finalizeElection', input: { electionId: id } };
      expect(await api.handle({ ...finalize, session })).toMatchObject({ ok: false });
      expect(await confirm('2468')).toMatchObject({ ok: true, value: { by: BAN.name } });
      expect(await api.handle({ ...finalize, session })).toMatchObject({ ok: true });
      const service = workspace.service!;
      const refused = service.db
        .prepare("SELECT payload FROM audit WHERE command = 'loginRefused'")
        .pluck()
        .all();
      expect(refused).toHaveLength(1);
    } finally {
      await workspace.close();
    }
  });
});

describe('verify: the ballots counted are the ones the readings agreed on', () => {
  it('a file with agreed, resolved and abandoned readings verifies', () => {
    const s = newService();
    const { id, batchId } = setUp(s);
    read(s, AN, batchId, STACK);
    read(s, BINH, batchId, [STACK[0]!, STACK[2]!]);
    value(s.execute('resolveDifference', { batchId, position: 2, choice: { reading: 2 } }, BAN));
    value(s.execute('resolveDifference', { batchId, position: 2, choice: { reading: 1 } }, BAN));
    value(s.execute('settleStack', { batchId }, BAN));
    const two = value(s.execute('openBatch', { electionId: id, declared: 1 }, AN)).batchId;
    const { readingId } = value(
      s.execute('startReading', { batchId: two, kind: 'keyboard', station: '' }, AN),
    );
    value(
      s.execute('enterReadingBallot', { readingId, ballot: STACK[0], clientKey: 'k-00000001' }, AN),
    );
    value(
      s.execute('enterReadingBallot', { readingId, ballot: STACK[0], clientKey: 'k-00000001' }, AN),
    );
    value(s.execute('abandonReading', { readingId }, AN));
    read(s, BINH, two, [STACK[1]!]);
    read(s, BAN, two, [STACK[1]!]);
    expect(counted(s, id)).toEqual([...STACK, STACK[1]]);
    expect(verified(s)).toEqual([]);
  });

  it('a counted ballot changed behind the app’s back is named against its stack', async () => {
    const s = newService();
    const { batchId } = setUp(s);
    read(s, AN, batchId, STACK);
    read(s, BINH, batchId, STACK);
    const path = s.path;
    await s.close();
    tamper(path, `UPDATE ballot SET body = '{"struck":["c3"]}' WHERE n = 2`);
    const db = new Database(path, { readonly: true });
    const problems = verifyFile(db).problems;
    db.close();
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'readings-mismatch', stack: 'Tập 1' }),
    );
  });
});

describe('documents: the confirmation in the minutes, and the entry log', () => {
  const pdfText = (bytes: Uint8Array, name: string): string => {
    const pdf = join(tempDir(), name);
    writeFileSync(pdf, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/gu, ' ');
  };

  it('the minutes say who confirmed and when; the entry log lists readings, the difference and its ruling', async () => {
    // 01:15 UTC is 08:15 in Vietnam.
    const s = newService({ clock: () => '2025-10-15T01:15:00.000Z' });
    value(s.execute('addOperator', { name: ADMIN.name, role: 'admin', pin: '1357' }, ADMIN));
    value(s.execute('addOperator', { name: BAN.name, role: 'committee', pin: '2468' }, ADMIN));
    const { id, batchId } = setUp(s);
    read(s, AN, batchId, STACK, 'Máy 1');
    read(s, BINH, batchId, [STACK[0]!, { struck: ['c2', 'c4'] }, STACK[2]!], 'Máy 2');
    value(s.execute('resolveDifference', { batchId, position: 2, choice: { reading: 1 } }, BAN));
    value(s.execute('settleStack', { batchId }, BAN));
    value(s.execute('closeElection', { electionId: id }, AN));
    const before = value(await makeDocument(s, 'minutes', { electionId: id, paper: 'A4' }));
    expect(pdfText(before.bytes, 'truoc.pdf')).not.toContain('xác nhận lúc');
    value(await s.confirmResult({ electionId: id, name: BAN.name, pin: '2468' }, AN));
    const minutes = value(await makeDocument(s, 'minutes', { electionId: id, paper: 'A4' }));
    expect(pdfText(minutes.bytes, minutes.fileName)).toContain(
      `Kết quả kiểm phiếu đã được đồng chí ${BAN.name}, thành viên Ban kiểm phiếu, xác nhận lúc 08:15 ngày 15/10/2025.`,
    );
    const log = value(await makeDocument(s, 'entry-log', { electionId: id, paper: 'A4' }));
    expect(log.fileName).toMatch(/^nhat-ky-nhap-phieu-.*\.pdf$/u);
    const text = pdfText(log.bytes, log.fileName);
    for (const expected of [AN.name, BINH.name, 'Máy 1', 'Máy 2', BAN.name, 'phiếu thứ 2'])
      expect(text).toContain(expected);
  });
});
