/** The human-pace model behind issue 12's timed runs: who waits for whom. */
import { describe, expect, it } from 'vitest';
import { PACE, stackSizes, timeline, type StackWork } from './congress-timeline.ts';

const enterOnly = (n: number, differences: number[] = []): StackWork => ({
  firstKeys: [],
  secondKeys: Array.from({ length: n }, () => 1),
  differences,
});

describe('the congress timeline', () => {
  it('stacks of 50 in feed order, the last one shorter', () => {
    expect(stackSizes(348, 50)).toEqual([50, 50, 50, 50, 50, 50, 48]);
    expect(stackSizes(50, 50)).toEqual([50]);
  });

  it('a confirmer slower than the scanner sets the pace: first sheet on screen, then 1.5 s a sheet', () => {
    const { total } = timeline('scan + confirm', [enterOnly(10)]);
    // Sheet 1 is fed at 1 s and read at 3 s; ten sheets at 1.2 s a look and 0.3 s a key.
    expect(total).toBeCloseTo(3 + 10 * 1.5 + PACE.closingSeconds, 6);
  });

  it('a confirmer faster than the scanner waits for it, and for the pass to be finished', () => {
    const { settled } = timeline('scan + confirm', [enterOnly(10)], { ...PACE, lookSeconds: 0.1 });
    // The tenth sheet is read at 12 s, the feeder finishes the pass at 13 s.
    expect(settled[0]).toBeCloseTo(13, 6);
  });

  it('a difference in an early stack is ruled while the next stack is confirmed', () => {
    const clean = timeline('scan + confirm', [enterOnly(50), enterOnly(50)]);
    const early = timeline('scan + confirm', [enterOnly(50, [10]), enterOnly(50)]);
    expect(early.total).toBe(clean.total);
  });

  it('in the last stack, the paper is looked at as soon as the difference shows; the choice waits for the comparison', () => {
    const clean = timeline('scan + confirm', [enterOnly(50), enterOnly(50)]);
    // Sheet 10 of the last stack: found and read long before the last sheet is confirmed.
    const early = timeline('scan + confirm', [enterOnly(50), enterOnly(50, [9])]);
    expect(early.total).toBeCloseTo(clean.total + 2 * PACE.clickSeconds, 6);
    // The last sheet: the whole look comes after it.
    const last = timeline('scan + confirm', [enterOnly(50), enterOnly(50, [49])]);
    expect(last.total).toBeCloseTo(clean.total + PACE.differenceSeconds + PACE.clickSeconds, 6);
  });

  it('a typed stack’s paper is free only once both readings are done with it', () => {
    const stack = (differences: number[]): StackWork => ({
      firstKeys: [],
      secondKeys: Array.from({ length: 20 }, () => 3),
      differences,
    });
    const first = timeline('scan + type', [stack([0])]);
    const last = timeline('scan + type', [stack([19])]);
    expect(first.total).toBe(last.total);
  });

  it('scan + type: the typist takes each stack once the scanner has fed it', () => {
    const stack: StackWork = { firstKeys: [], secondKeys: [3, 3], differences: [] };
    const { settled } = timeline('scan + type', [stack]);
    // The pass ends at 1 + 1 + 2 (read) + 1 (finish) = 5 s; then a click, two ballots, a click.
    expect(settled[0]).toBeCloseTo(5 + 1 + 2 * (3 * 0.3 + 1.5) + 1, 6);
  });

  it('two keyboard passes: the slower typist decides when a stack is compared', () => {
    const stack: StackWork = { firstKeys: [2, 2], secondKeys: [4, 4], differences: [] };
    const { settled } = timeline('two keyboard passes', [stack]);
    expect(settled[0]).toBeCloseTo(1 + 2 * (4 * 0.3 + 1.5) + 1, 6);
  });
});
