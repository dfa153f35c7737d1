/**
 * The entry log's part for one stack, built from what the congress file keeps
 * (core/readings/entry-log-model.ts): compared only past reading, counted only when settled, by
 * reason through the classification it is given.
 */
import { describe, expect, it } from 'vitest';
import type { Ballot } from '../../../core/ballot.ts';
import type { Classification } from '../../../core/classify.ts';
import { MAX_STACK_BALLOTS } from '../../../core/readings/compare.ts';
import {
  entryLogStack,
  invalidTotal,
  stackCounts,
  type EntryLogRuling,
} from '../../../core/readings/entry-log-model.ts';
import type { StackStatus } from '../../../core/readings/stack.ts';

const s = (...ids: string[]): Ballot => ({ struck: ids });
/** A stand-in for the tally: a ballot striking nothing is an over-vote, a paper ruling its code. */
const classify = (b: Ballot): Classification =>
  'invalid' in b
    ? { status: 'invalid', code: b.invalid }
    : 'struck' in b && b.struck.length === 0
      ? { status: 'invalid', code: 'over-vote' }
      : { status: 'valid' };

const reading = (operator: string, ballots: Ballot[], abandoned = false) => ({
  kind: 'keyboard' as const,
  operator,
  station: 'Máy 1',
  startedAt: '2025-10-14T01:00:00.000Z',
  finishedAt: '2025-10-14T01:10:00.000Z',
  abandoned,
  ballots,
});

const first = [s('c1'), s(), s('c2'), { invalid: 'marked' } as Ballot];
const second = [s('c1'), s(), s('c3'), { invalid: 'marked' } as Ballot];

function build(status: StackStatus, rulings = new Map<number, EntryLogRuling>()) {
  return entryLogStack({
    label: '1',
    declared: 4,
    status,
    readings: [reading('An', first), reading('Bình', second), reading('Chi', [s('c9')], true)],
    rulings,
    classify,
  });
}

describe('a stack in the entry log', () => {
  it('while it is read: its readings (ballots counted, not listed), no comparison, no counts', () => {
    const r = build('reading');
    expect(r.ok && r.value).toMatchObject({
      status: 'reading',
      differences: [],
      counts: null,
    });
    expect(r.ok && r.value.readings.map((x) => [x.operator, x.ballots, x.abandoned])).toEqual([
      ['An', 4, false],
      ['Bình', 4, false],
      ['Chi', 1, true],
    ]);
  });

  it('readings differ: the differences (the abandoned reading left out), unruled, nothing counted', () => {
    const r = build('differ');
    if (!r.ok) throw new Error('refused');
    expect(
      r.value.differences.map((d) => [d.column.position, d.column.cells.length, d.ruling]),
    ).toEqual([[3, 2, null]]);
    expect(r.value.counts).toBeNull();
  });

  it('resolved: counted by reason with the ruling applied', () => {
    const r = build('resolved', new Map([[3, { by: 'Trưởng', reading: 2 }]]));
    if (!r.ok) throw new Error('refused');
    expect(r.value.differences[0]?.ruling).toEqual({ by: 'Trưởng', reading: 2 });
    expect(r.value.counts).toEqual({ valid: 2, invalid: { 'over-vote': 1, marked: 1 } });
    expect(invalidTotal(r.value.counts ?? { valid: 0, invalid: {} })).toBe(2);
  });

  it('a settled stack missing a ruling is refused, not counted short', () => {
    expect(build('resolved')).toEqual({
      ok: false,
      error: { code: 'differences-open', positions: [3] },
    });
  });

  it('a reading longer than any stack is refused', () => {
    const long = Array.from({ length: MAX_STACK_BALLOTS + 1 }, () => s('c1'));
    const r = entryLogStack({
      label: '1',
      declared: 1,
      status: 'agreed',
      readings: [reading('An', long)],
      rulings: new Map(),
      classify,
    });
    expect(r.ok ? null : r.error.code).toBe('stack-too-large');
  });

  it('counts from classifications', () => {
    expect(stackCounts([])).toEqual({ valid: 0, invalid: {} });
    expect(
      stackCounts([
        { status: 'valid' },
        { status: 'invalid', code: 'all-struck' },
        { status: 'invalid', code: 'all-struck' },
      ]),
    ).toEqual({ valid: 1, invalid: { 'all-struck': 2 } });
  });
});
