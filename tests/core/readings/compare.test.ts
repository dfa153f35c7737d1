/**
 * Readings of a stack compared ballot by ballot (core/readings/compare.ts): aligned so that one
 * skipped or doubled ballot is one gap, a swapped pair two differences, three readings counted
 * only where all agree; the ballots that count after the committee's rulings; and properties over
 * generated stacks (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marksOf, type Ballot } from '../../../core/ballot.ts';
import {
  MAX_STACK_BALLOTS,
  ballotKey,
  compareReadings,
  countedBallots,
  differencesSoFar,
  sameBallot,
  type Comparison,
} from '../../../core/readings/compare.ts';

const s = (...ids: string[]): Ballot => ({ struck: ids });

function compared(...readings: Ballot[][]): Comparison {
  const c = compareReadings(readings);
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  return c.value;
}

/** A difference as `position: cells`, each cell the ballot's struck ids and where it is, or `-`. */
const shown = (c: Comparison): string[] =>
  c.differences.map(
    (d) =>
      `${d.position}: ${d.cells
        .map((cell) =>
          cell === null
            ? '-'
            : 'struck' in cell.ballot
              ? `${cell.ballot.struck.join('+') || '∅'}@${cell.at}`
              : ballotKey(cell.ballot),
        )
        .join(' | ')}`,
  );

/** A stack of n distinct ballots: ballot k strikes candidate k. */
const stack = (n: number): Ballot[] => Array.from({ length: n }, (_, k) => s(`c${k + 1}`));

describe('two readings', () => {
  it('agree: no differences, every position one column', () => {
    const c = compared(stack(20), stack(20));
    expect(c.differences).toEqual([]);
    expect(c.columns).toHaveLength(20);
    expect(c.columns.every((col) => col.agree)).toBe(true);
  });

  it('a ballot skipped by the second reading: one gap, not a cascade', () => {
    const second = stack(20).filter((_, k) => k !== 6);
    expect(shown(compared(stack(20), second))).toEqual(['7: c7@7 | -']);
  });

  it('a ballot typed twice by the first reading: one gap in the second', () => {
    const first = stack(10);
    first.splice(4, 0, s('c4'));
    // c4 twice in a row: the extra one is the later of the two, the one after the run.
    expect(shown(compared(first, stack(10)))).toEqual(['5: c4@5 | -']);
  });

  it('a swapped pair: two differences at the two positions, no gaps', () => {
    const second = stack(8);
    [second[2], second[3]] = [second[3] as Ballot, second[2] as Ballot];
    expect(shown(compared(stack(8), second))).toEqual(['3: c3@3 | c4@3', '4: c4@4 | c3@4']);
  });

  it('every ballot differs: one difference per position, never gaps', () => {
    const second = Array.from({ length: 6 }, (_, k) => s(`x${k}`));
    const c = compared(stack(6), second);
    expect(c.differences.map((d) => d.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.differences.every((d) => d.cells.every((cell) => cell !== null))).toBe(true);
  });

  it('a ballot mistyped and another skipped: one difference and one gap', () => {
    const second = stack(12).filter((_, k) => k !== 9);
    second[2] = s('c3', 'c5');
    expect(shown(compared(stack(12), second))).toEqual(['3: c3@3 | c3+c5@3', '10: c10@10 | -']);
  });

  it('the first ballot skipped and one extra at the end: two gaps', () => {
    const second = [...stack(6).slice(1), s('extra')];
    expect(shown(compared(stack(6), second))).toEqual(['1: c1@1 | -', '7: - | extra@6']);
  });

  it('a skip inside a run of identical ballots shows at the end of the run, after a difference too', () => {
    const c = [s('c9'), s('c2'), s('c2'), s('c3')];
    expect(shown(compared([s('c1'), s('c2'), s('c2'), s('c2'), s('c3')], c))).toEqual([
      '1: c1@1 | c9@1',
      '4: c2@4 | -',
    ]);
    const a = [s('c1'), s('c2'), s('c2'), s('c2'), s('c3')];
    const b = [s('c1'), s('c2'), s('c2'), s('c3')];
    expect(shown(compared(a, b))).toEqual(['4: c2@4 | -']);
    expect(shown(compared(b, a))).toEqual(['4: - | c2@4']);
  });

  it('one reading empty: every ballot of the other is a gap', () => {
    expect(shown(compared(stack(3), []))).toEqual(['1: c1@1 | -', '2: c2@2 | -', '3: c3@3 | -']);
  });

  it('one reading alone (one reading required) agrees with itself', () => {
    const c = compared(stack(5));
    expect(c.differences).toEqual([]);
    expect(c.columns.map((col) => col.cells.length)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('differences seen while the readings are under way', () => {
  const soFar = (...readings: Ballot[][]): string[] => {
    const d = differencesSoFar(readings);
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    return shown({ columns: d.value, differences: d.value });
  };

  it('a ballot both readings have reached and read differently shows at once', () => {
    const second = stack(5);
    second[1] = s('c2', 'c9');
    expect(soFar(stack(40), second)).toEqual(['2: c2@2 | c2+c9@2']);
  });

  it('only as far as every reading has reached: the rest of the longer one waits', () => {
    expect(soFar(stack(40), stack(3))).toEqual([]);
    expect(soFar(stack(40), [])).toEqual([]);
  });

  it('a skipped ballot is not reported as a cascade, nor as a gap before the stack is whole', () => {
    const skipped = stack(10).filter((_, i) => i !== 4);
    expect(soFar(stack(10), skipped)).toEqual([]);
  });

  it('one reading alone has nothing to differ from', () => {
    expect(soFar(stack(3))).toEqual([]);
  });
});

describe('three readings (counted only where all three agree)', () => {
  it('one reading skips, another mistypes: each shown once with all three cells', () => {
    const second = stack(10).filter((_, k) => k !== 3);
    const third = stack(10);
    third[7] = s('c8', 'c9');
    expect(shown(compared(stack(10), second, third))).toEqual([
      '4: c4@4 | - | c4@4',
      '8: c8@8 | c8@7 | c8+c9@8',
    ]);
  });

  it('the first reading is the odd one out: aligned around the other two', () => {
    const first = stack(10).filter((_, k) => k !== 0 && k !== 5);
    expect(shown(compared(first, stack(10), stack(10)))).toEqual([
      '1: - | c1@1 | c1@1',
      '6: - | c6@6 | c6@6',
    ]);
  });

  it('two readings skip the same ballot, the third has it: one column', () => {
    const short = stack(6).filter((_, k) => k !== 2);
    expect(shown(compared(short, stack(6), short))).toEqual(['3: - | c3@3 | -']);
  });

  it('two readings agree and the third differs: still a difference', () => {
    const third = stack(4);
    third[1] = s('c9');
    expect(shown(compared(stack(4), stack(4), third))).toEqual(['2: c2@2 | c2@2 | c9@2']);
  });

  it('insertions by two readings at the same place are aligned with each other', () => {
    const second = [...stack(3)];
    second.splice(1, 0, s('x'), s('y'));
    const third = [...stack(3)];
    third.splice(1, 0, s('y'));
    expect(shown(compared(stack(3), second, third))).toEqual([
      '2: - | x@2 | -',
      '3: - | y@3 | y@2',
    ]);
  });

  it('insertions by two readings at the same place share the columns', () => {
    const second = [...stack(3)];
    second.splice(1, 0, s('x'));
    const third = [...stack(3)];
    third.splice(1, 0, s('y'));
    expect(shown(compared(stack(3), second, third))).toEqual(['2: - | x@2 | y@2']);
  });
});

describe('what two ballots have in common', () => {
  it('the struck names as a set, whatever the order typed', () => {
    expect(sameBallot(s('c2', 'c1'), s('c1', 'c2'))).toBe(true);
    expect(sameBallot(s('c1'), s('c1', 'c2'))).toBe(false);
  });

  it('a blank mark and a missing one are the same; a different mark is not', () => {
    const a: Ballot = {
      marks: marksOf([
        ['c1', 'agree'],
        ['c2', 'none'],
      ]),
    };
    const b: Ballot = { marks: marksOf([['c1', 'agree']]) };
    const c: Ballot = {
      marks: marksOf([
        ['c1', 'agree'],
        ['c2', 'both'],
      ]),
    };
    expect(sameBallot(a, b)).toBe(true);
    expect(sameBallot(a, c)).toBe(false);
  });

  it("the committee's code counts, its note does not", () => {
    const a: Ballot = { struck: ['c1'], ruling: { invalid: 'other', note: 'rách' } };
    const b: Ballot = { struck: ['c1'], ruling: { invalid: 'other', note: 'Phiếu bị rách' } };
    const c: Ballot = { struck: ['c1'], ruling: { invalid: 'marked' } };
    expect(sameBallot(a, b)).toBe(true);
    expect(sameBallot(a, c)).toBe(false);
    expect(sameBallot(a, s('c1'))).toBe(false);
    expect(sameBallot({ invalid: 'marked' }, { invalid: 'not-issued' })).toBe(false);
    expect(sameBallot({ invalid: 'marked' }, { struck: [], ruling: { invalid: 'marked' } })).toBe(
      false,
    );
  });

  it('an id that looks like a separator does not make two ballots the same', () => {
    expect(sameBallot(s('a|b'), s('a', 'b'))).toBe(false);
    expect(sameBallot(s('a\u0000b'), s('a', 'b'))).toBe(false);
  });
});

describe('size', () => {
  it('a reading longer than any stack is refused, naming its length', () => {
    const long = Array.from({ length: MAX_STACK_BALLOTS + 1 }, () => s('c1'));
    expect(compareReadings([stack(3), long])).toEqual({
      ok: false,
      error: { code: 'stack-too-large', ballots: MAX_STACK_BALLOTS + 1, max: MAX_STACK_BALLOTS },
    });
  });

  it('no readings, or four, is a bug: thrown', () => {
    expect(() => compareReadings([])).toThrow(RangeError);
    expect(() => compareReadings([[], [], [], []])).toThrow(RangeError);
  });

  it('the largest stack, three readings differing everywhere, in bounded time', () => {
    const n = MAX_STACK_BALLOTS;
    const reading = (tag: string) => Array.from({ length: n }, (_, k) => s(`${tag}${k % 7}`));
    const started = performance.now();
    const c = compared(reading('a'), reading('b'), reading('c'));
    const ms = performance.now() - started;
    expect(c.differences).toHaveLength(n);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('the ballots that count', () => {
  const second = stack(6).filter((_, k) => k !== 2);
  second[4] = s('c6', 'c1');
  const c = compared(stack(6), second);

  it('need a ruling for every difference', () => {
    expect(c.differences.map((d) => d.position)).toEqual([3, 6]);
    expect(countedBallots(c, [{ position: 3, reading: 1 }])).toEqual({
      ok: false,
      error: { code: 'differences-open', positions: [6] },
    });
  });

  it('a chosen reading gives its ballot, or none where it has a gap; a ballot entered anew counts', () => {
    const keep = countedBallots(c, [
      { position: 3, reading: 1 },
      { position: 6, reading: 2 },
    ]);
    expect(keep).toEqual({
      ok: true,
      value: [s('c1'), s('c2'), s('c3'), s('c4'), s('c5'), s('c6', 'c1')],
    });
    const drop = countedBallots(c, [
      { position: 3, reading: 2 },
      { position: 6, ballot: s('c6') },
    ]);
    expect(drop).toEqual({ ok: true, value: [s('c1'), s('c2'), s('c4'), s('c5'), s('c6')] });
  });

  it('a later ruling of a position replaces the earlier one', () => {
    const r = countedBallots(c, [
      { position: 3, reading: 2 },
      { position: 6, reading: 1 },
      { position: 3, reading: 1 },
    ]);
    expect(r.ok && r.value).toHaveLength(6);
  });

  it('refuses a ruling where the readings agree, or of a reading the stack does not have', () => {
    expect(
      countedBallots(c, [
        { position: 3, reading: 1 },
        { position: 6, reading: 1 },
        { position: 2, reading: 1 },
      ]),
    ).toEqual({ ok: false, error: { code: 'not-a-difference', position: 2 } });
    expect(
      countedBallots(c, [
        { position: 3, reading: 3 },
        { position: 6, reading: 1 },
      ]),
    ).toEqual({ ok: false, error: { code: 'no-such-reading', reading: 3, readings: 2 } });
  });

  it('agreed readings count as they are', () => {
    expect(countedBallots(compared(stack(4), stack(4)), [])).toEqual({
      ok: true,
      value: stack(4),
    });
  });
});

describe('properties', () => {
  // Few distinct ballots, so runs of identical ones (the hard case for where a gap goes) are common.
  const ballot = fc.oneof(
    fc.subarray(['c1', 'c2', 'c3', 'c4'], { minLength: 0, maxLength: 3 }).map((ids) => s(...ids)),
    fc.constantFrom<Ballot>({ invalid: 'marked' }, { invalid: 'not-issued' }),
  );
  const reading = fc.array(ballot, { maxLength: 60 });

  /** Each reading's ballots, read back from the columns, are that reading in order. */
  const rowsKeep = (c: Comparison, readings: Ballot[][]): void =>
    readings.forEach((r, i) => {
      const back = c.columns.flatMap((col) => {
        const cell = col.cells[i];
        return cell ? [cell] : [];
      });
      expect(back.map((cell) => cell.ballot)).toEqual(r);
      expect(back.map((cell) => cell.at)).toEqual(r.map((_, k) => k + 1));
    });

  it('a reading aligned with itself has no differences', () => {
    fc.assert(
      fc.property(reading, (r) => {
        expect(compared(r, r).differences).toEqual([]);
        expect(compared(r, r, r).differences).toEqual([]);
      }),
    );
  });

  it('deleting one ballot gives exactly one difference: a gap where the deleted ballot was', () => {
    fc.assert(
      fc.property(
        reading.filter((r) => r.length > 0),
        fc.nat(),
        fc.nat(2),
        (r, at, where) => {
          const k = at % r.length;
          const short = r.filter((_, i) => i !== k);
          const readings = [r, r, r];
          readings[where] = short;
          const c = compared(...readings.slice(0, where === 2 ? 3 : 2));
          const three = compared(...readings);
          for (const result of [c, three]) {
            expect(result.differences).toHaveLength(1);
            const [d] = result.differences;
            const cells = d?.cells ?? [];
            expect(cells.filter((cell) => cell === null)).toHaveLength(1);
            // The missing ballot is the deleted one (or one identical to it, in a run).
            const present = cells.find((cell) => cell !== null);
            expect(present && sameBallot(present.ballot, r[k] as Ballot)).toBe(true);
            // In a run of identical ballots, the gap is at the end of the run.
            let end = k;
            while (end + 1 < r.length && sameBallot(r[end + 1] as Ballot, r[k] as Ballot)) end++;
            expect(d?.position).toBe(end + 1);
          }
        },
      ),
    );
  });

  it('the columns keep every reading whole and in order, whatever the readings', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 3 }), (readings) => {
        const c = compared(...readings);
        rowsKeep(c, readings);
        expect(c.columns.map((col) => col.position)).toEqual(c.columns.map((_, i) => i + 1));
        for (const col of c.columns) expect(col.cells.some((cell) => cell !== null)).toBe(true);
      }),
    );
  });

  it('for two readings, the differences are as few as the edit distance, the same both ways', () => {
    fc.assert(
      fc.property(reading, reading, (a, b) => {
        const ab = compared(a, b).differences.length;
        expect(compared(b, a).differences.length).toBe(ab);
        expect(ab).toBe(editDistance(a, b));
      }),
    );
  });

  it('the same readings give the same comparison', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 2, maxLength: 3 }), (readings) => {
        expect(compared(...readings)).toEqual(compared(...readings.map((r) => [...r])));
      }),
    );
  });
});

/** Textbook edit distance over ballots (unit costs), written apart from the code under test. */
function editDistance(a: Ballot[], b: Ballot[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = sameBallot(a[i - 1] as Ballot, b[j - 1] as Ballot);
      next.push(
        Math.min((row[j - 1] ?? 0) + (same ? 0 : 1), (row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
