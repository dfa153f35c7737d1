/**
 * The state machine of a stack's readings (core/readings/stack.ts): every transition the issue
 * allows, each by name, with what it changes; every command in every state it does not allow,
 * refused with a refusal naming the state; and the guards (independent readings, the scanner, a
 * third reading, the differences still open), worded in both languages.
 */
import { describe, expect, it } from 'vitest';
import {
  STACK_STATUSES,
  applyStackCommand,
  applyStackCommands,
  checkStackTransition,
  isSettled,
  newStack,
  readyToCompare,
  type ReadingKind,
  type RequiredReadings,
  type StackCommand,
  type StackCommandName,
  type StackFacts,
  type StackStatus,
} from '../../../core/readings/stack.ts';
import type { ReadingRefusal } from '../../../core/readings/refusal.ts';
import { refusalText } from '../../../core/refusal.ts';

/** The states each command needs, written out from the issue (not read from the table). */
const NEEDS: Record<StackCommandName, readonly StackStatus[]> = {
  startReading: ['open', 'reading'],
  finishReading: ['reading'],
  abandonReading: ['reading'],
  compare: ['reading'],
  resolve: ['differ'],
  close: ['differ'],
};

function run(stack: StackFacts, ...commands: StackCommand[]): StackFacts {
  const next = applyStackCommands(stack, commands);
  if (!next.ok) throw new Error(`refused: ${JSON.stringify(next.error)}`);
  return next.value;
}

function refusal(stack: StackFacts, command: StackCommand): ReadingRefusal {
  const next = applyStackCommand(stack, command);
  if (next.ok) throw new Error(`${command.type} was allowed in ${stack.status}`);
  // The facts are values: a refused command changes nothing.
  return next.error;
}

const start = (operator: string, kind: ReadingKind = 'keyboard'): StackCommand => ({
  type: 'startReading',
  operator,
  kind,
});
const finish = (reading: number): StackCommand => ({ type: 'finishReading', reading });

/** Two keyboard readings by An and Bình, both finished. */
const read = (required: RequiredReadings = 2): StackFacts =>
  run(newStack(required), start('An'), start('Bình'), finish(1), finish(2));

/** A stack in each state, with whatever the state needs. */
const IN: Record<StackStatus, () => StackFacts> = {
  open: () => newStack(2),
  reading: () => run(newStack(2), start('An')),
  differ: () => run(read(), { type: 'compare', differences: [3, 17] }),
  resolved: () =>
    run(
      read(),
      { type: 'compare', differences: [17] },
      { type: 'resolve', position: 17 },
      { type: 'close' },
    ),
  agreed: () => run(read(), { type: 'compare', differences: [] }),
};

/** A command of each kind that passes its guards where its state allows it. */
const COMMAND: Record<StackCommandName, StackCommand> = {
  startReading: start('Chi'),
  finishReading: finish(1),
  abandonReading: { type: 'abandonReading', reading: 1 },
  compare: { type: 'compare', differences: [] },
  resolve: { type: 'resolve', position: 17 },
  close: { type: 'close' },
};

describe('allowed transitions', () => {
  it('open → reading : startReading', () => {
    const stack = run(newStack(2), start('An'));
    expect(stack.status).toBe('reading');
    expect(stack.readings).toEqual([{ operator: 'An', kind: 'keyboard', state: 'reading' }]);
  });

  it('reading → reading : startReading (a second station reads the same stack at once)', () => {
    const stack = run(newStack(2), start('An'), start('Bình'));
    expect(stack.status).toBe('reading');
    expect(stack.readings.map((r) => [r.operator, r.state])).toEqual([
      ['An', 'reading'],
      ['Bình', 'reading'],
    ]);
  });

  it('reading → reading : finishReading', () => {
    const stack = run(newStack(2), start('An'), start('Bình'), finish(2));
    expect(stack.status).toBe('reading');
    expect(stack.readings.map((r) => r.state)).toEqual(['reading', 'finished']);
    expect(readyToCompare(stack)).toBe(false);
    expect(readyToCompare(run(stack, finish(1)))).toBe(true);
  });

  it('reading → reading : abandonReading (kept, not counted; its slot is free again)', () => {
    const stack = run(newStack(2), start('An'), start('Bình'), {
      type: 'abandonReading',
      reading: 1,
    });
    expect(stack.status).toBe('reading');
    expect(stack.readings[0]?.state).toBe('abandoned');
    // An may read again, and must: the stack still needs two readings.
    const again = run(stack, start('An'), finish(2), finish(3));
    expect(readyToCompare(again)).toBe(true);
    expect(again.readings).toHaveLength(3);
  });

  it('reading → agreed : compare (no differences)', () => {
    const stack = run(read(), { type: 'compare', differences: [] });
    expect(stack.status).toBe('agreed');
    expect(isSettled(stack.status)).toBe(true);
  });

  it('reading → differ : compare (differences)', () => {
    const stack = run(read(), { type: 'compare', differences: [17, 3, 17] });
    expect(stack.status).toBe('differ');
    expect(stack.differences).toEqual([3, 17]);
    expect(isSettled(stack.status)).toBe(false);
  });

  it('differ → differ : resolve', () => {
    const stack = run(IN.differ(), { type: 'resolve', position: 17 });
    expect(stack.status).toBe('differ');
    expect(stack.resolved).toEqual([17]);
    // A second ruling of the same position replaces the first: still one position ruled.
    expect(run(stack, { type: 'resolve', position: 17 }).resolved).toEqual([17]);
  });

  it('differ → resolved : close', () => {
    const stack = run(
      IN.differ(),
      { type: 'resolve', position: 17 },
      { type: 'resolve', position: 3 },
      { type: 'close' },
    );
    expect(stack.status).toBe('resolved');
    expect(stack.resolved).toEqual([3, 17]);
    expect(isSettled(stack.status)).toBe(true);
  });
});

describe('refused transitions: the refusal names the state', () => {
  for (const [name, needs] of Object.entries(NEEDS) as [StackCommandName, StackStatus[]][]) {
    for (const status of STACK_STATUSES.filter((s) => !needs.includes(s))) {
      it(`${name} refused in ${status}`, () => {
        const stack = IN[status]();
        expect(stack.status).toBe(status);
        expect(refusal(stack, COMMAND[name])).toEqual({
          code: 'stack-status',
          status,
          allowed: needs,
        });
      });
    }
  }

  it('every command passes its state check where the issue allows it', () => {
    for (const [name, needs] of Object.entries(NEEDS) as [StackCommandName, StackStatus[]][]) {
      for (const status of needs) {
        const checked = checkStackTransition(IN[status](), COMMAND[name]);
        if (!checked.ok) expect(checked.error.code).not.toBe('stack-status');
      }
    }
  });
});

describe('guards', () => {
  it('the same operator reading a stack twice is refused, with the reason', () => {
    const stack = run(newStack(2), start('An'), finish(1));
    const r = refusal(stack, start('An'));
    expect(r).toEqual({ code: 'same-operator', operator: 'An', reading: 1 });
    const vi = refusalText({ ...r, path: '' }, 'vi');
    expect(vi).toContain('An đã đọc tập phiếu này (lần 1)');
    expect(refusalText({ ...r, path: '' }, 'en')).toContain('An already read this stack');
    // A confirmation pass is a person's reading too.
    const scanned = run(newStack(3), start('An', 'scan'), start('Bình', 'confirm'));
    expect(refusal(scanned, start('Bình'))).toMatchObject({ code: 'same-operator', reading: 2 });
  });

  it('the scanner is the exception: whoever fed it may type or confirm the same stack', () => {
    const typed = run(newStack(2), start('An', 'scan'), start('An', 'keyboard'));
    expect(typed.readings.map((r) => r.kind)).toEqual(['scan', 'keyboard']);
    const confirmed = run(newStack(2), start('An', 'scan'), start('An', 'confirm'));
    expect(confirmed.readings.map((r) => r.kind)).toEqual(['scan', 'confirm']);
    // And the other way round: a person's reading first, then the scanner fed by that person.
    expect(run(newStack(2), start('An'), start('An', 'scan')).readings).toHaveLength(2);
  });

  it('a second scanner pass is refused: the same machine reading twice is not independent', () => {
    const stack = run(newStack(3), start('An', 'scan'));
    expect(refusal(stack, start('Bình', 'scan'))).toEqual({ code: 'second-scan', reading: 1 });
  });

  it('a confirmation pass needs a scanner reading of the stack', () => {
    expect(refusal(run(newStack(2), start('An')), start('Bình', 'confirm'))).toEqual({
      code: 'confirm-needs-scan',
    });
    expect(refusal(newStack(2), start('Bình', 'confirm'))).toEqual({ code: 'confirm-needs-scan' });
  });

  it('no more readings than the election requires', () => {
    const stack = run(newStack(2), start('An'), start('Bình'));
    expect(refusal(stack, start('Chi'))).toEqual({ code: 'readings-complete', required: 2 });
    const one = run(newStack(1), start('An'));
    expect(refusal(one, start('Bình'))).toEqual({ code: 'readings-complete', required: 1 });
  });

  it('a third reading after two that agree is refused, naming the state', () => {
    const r = refusal(IN.agreed(), start('Chi'));
    expect(r).toEqual({ code: 'stack-status', status: 'agreed', allowed: ['open', 'reading'] });
    expect(refusalText({ ...r, path: '' }, 'vi')).toContain(
      'tập phiếu đang ở trạng thái "các lần đọc khớp nhau"',
    );
    expect(refusalText({ ...r, path: '' }, 'en')).toContain('"readings agree"');
  });

  it('a reading of a closed (resolved) stack is refused, naming the state', () => {
    expect(refusal(IN.resolved(), start('Chi'))).toMatchObject({
      code: 'stack-status',
      status: 'resolved',
    });
  });

  it('a reading is finished or abandoned once, and only a reading under way', () => {
    const stack = run(newStack(2), start('An'), finish(1));
    expect(refusal(stack, finish(1))).toEqual({ code: 'reading-not-open', reading: 1 });
    expect(refusal(stack, { type: 'abandonReading', reading: 1 })).toEqual({
      code: 'reading-not-open',
      reading: 1,
    });
    expect(refusal(stack, finish(2))).toEqual({ code: 'reading-not-open', reading: 2 });
    expect(refusal(stack, finish(0))).toEqual({ code: 'reading-not-open', reading: 0 });
  });

  it('the readings are compared only when every one of them is finished', () => {
    const one = run(newStack(2), start('An'), finish(1));
    expect(refusal(one, COMMAND.compare)).toEqual({
      code: 'readings-unfinished',
      finished: 1,
      required: 2,
    });
    const running = run(one, start('Bình'));
    expect(refusal(running, COMMAND.compare)).toMatchObject({ finished: 1, required: 2 });
    // An abandoned reading does not count towards them.
    const abandoned = run(running, { type: 'abandonReading', reading: 2 });
    expect(refusal(abandoned, COMMAND.compare)).toMatchObject({ code: 'readings-unfinished' });
  });

  it('a ruling is for a position where the readings differ', () => {
    expect(refusal(IN.differ(), { type: 'resolve', position: 4 })).toEqual({
      code: 'not-a-difference',
      position: 4,
    });
  });

  it('closing with differences still open is refused, listing them', () => {
    const stack = run(IN.differ(), { type: 'resolve', position: 3 });
    const r = refusal(stack, { type: 'close' });
    expect(r).toEqual({ code: 'differences-open', positions: [17] });
    expect(refusalText({ ...r, path: '' }, 'vi')).toBe(
      'còn 1 chỗ khác nhau chưa xử lý: phiếu thứ 17',
    );
  });

  it('a stored history replays to the same stack, and stops at its first refusal', () => {
    const history = [start('An'), start('Bình'), finish(2), finish(1)];
    const oneByOne = history.reduce((at, c) => {
      const next = applyStackCommand(at, c);
      return next.ok ? next.value : at;
    }, newStack(2));
    expect(applyStackCommands(newStack(2), history)).toEqual({ ok: true, value: oneByOne });
    expect(oneByOne.readings.map((r) => r.state)).toEqual(['finished', 'finished']);
    expect(applyStackCommands(newStack(2), [start('An'), start('An'), finish(1)])).toEqual({
      ok: false,
      error: { code: 'same-operator', operator: 'An', reading: 1 },
    });
  });

  it('one reading (today): read, compare, agreed', () => {
    const stack = run(newStack(1), start('An'), finish(1), COMMAND.compare);
    expect(stack.status).toBe('agreed');
  });

  it('three readings (Thái Nguyên): three people, or the scanner and two', () => {
    const three = run(newStack(3), start('An'), start('Bình'), start('Chi'));
    expect(refusal(three, start('Dũng'))).toMatchObject({ code: 'readings-complete' });
    const done = run(three, finish(3), finish(1), finish(2), {
      type: 'compare',
      differences: [9],
    });
    expect(done.status).toBe('differ');
    const mixed = run(newStack(3), start('An', 'scan'), start('Bình', 'confirm'), start('Chi'));
    expect(mixed.readings.map((r) => r.kind)).toEqual(['scan', 'confirm', 'keyboard']);
  });
});
