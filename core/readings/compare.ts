/**
 * The readings of a stack compared ballot by ballot in stack order. Readings of unequal length (a
 * ballot skipped, or typed twice) are aligned first, so that one skipped ballot shows as one gap
 * rather than a cascade of differences down the rest of the stack.
 *
 * Alignment is edit distance with unit costs (a different ballot 1, a gap 1), in integers. The
 * common head is set aside first (matching it is always cheapest), so readings that agree cost
 * O(n); from the first difference on, O(n·m) small integers. Ties are broken one way, always the
 * same: a ballot against a ballot before a gap, and a gap in the later reading before a gap in the
 * earlier one, walking from the top of the stack; so a swapped pair shows as two differences, and
 * a ballot missing from a run of identical ones shows at the end of the run.
 * Three readings are aligned around the one closest to the other two (center star); only a
 * position where all three hold the same ballot agrees, as Thái Nguyên counted.
 */
import type { Ballot } from '../ballot.ts';
import { err, ok, type Result } from '../result.ts';
import type { ReadingRefusal } from './refusal.ts';

/** Four times the largest stack a congress uses; a longer reading is refused before it is aligned. */
export const MAX_STACK_BALLOTS = 2_000;

/** A ballot of one reading, and where it is in that reading (from 1). */
export interface Cell {
  readonly ballot: Ballot;
  readonly at: number;
}

/** One position of the aligned stack: each reading's ballot there, or null for a gap. */
export interface Column {
  /** Position in the aligned stack, from 1. */
  readonly position: number;
  /** By reading, in the order the readings were given. */
  readonly cells: readonly (Cell | null)[];
  readonly agree: boolean;
}

export interface Comparison {
  /** Every position, in stack order. */
  readonly columns: readonly Column[];
  /** The positions where the readings differ; none when they agree. */
  readonly differences: readonly Column[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a ballot says for the count, as one string: the struck names as a set, the marks without
 * the blank ones, the committee's code. The committee's note is not compared: two operators never
 * type it alike, and the count does not depend on it.
 */
export function ballotKey(ballot: Ballot): string {
  // JSON of arrays: no id, whatever characters it holds, can pass for two (the key is one-to-one).
  if ('invalid' in ballot) return JSON.stringify(['invalid', ballot.invalid]);
  const ruling = ballot.ruling?.invalid ?? null;
  if ('struck' in ballot)
    return JSON.stringify(['struck', [...new Set(ballot.struck)].sort(byCodeUnits), ruling]);
  const marks = Object.keys(ballot.marks)
    .filter((id) => ballot.marks[id] !== 'none')
    .sort(byCodeUnits)
    .map((id) => [id, ballot.marks[id]]);
  return JSON.stringify(['marks', marks, ruling]);
}

export const sameBallot = (a: Ballot, b: Ballot): boolean => ballotKey(a) === ballotKey(b);

/** One step of a pairwise alignment: indices into the two readings, or null for a gap. */
type Pair = readonly [number | null, number | null];

/** The aligned pairs of `a` and `b` (ballots as integers) and the cost, with the ties as above. */
function alignPair(a: readonly number[], b: readonly number[]): { pairs: Pair[]; cost: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  const n = a.length - head;
  const m = b.length - head;
  // cost[i][j]: the cheapest alignment of a[head+i ..] with b[head+j ..].
  const width = m + 1;
  const cost = new Uint32Array((n + 1) * width);
  for (let j = 0; j <= m; j++) cost[n * width + j] = m - j;
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const below = row + width;
    const ai = a[head + i];
    cost[row + m] = n - i;
    for (let j = m - 1; j >= 0; j--) {
      const diagonal = (cost[below + j + 1] as number) + (ai === b[head + j] ? 0 : 1);
      const gapInB = (cost[below + j] as number) + 1;
      const gapInA = (cost[row + j + 1] as number) + 1;
      const least = diagonal < gapInB ? diagonal : gapInB;
      cost[row + j] = least < gapInA ? least : gapInA;
    }
  }
  const pairs: Pair[] = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = cost[i * width + j] ?? 0;
    if (
      i < n &&
      j < m &&
      here === (cost[(i + 1) * width + j + 1] ?? 0) + (a[head + i] === b[head + j] ? 0 : 1)
    ) {
      pairs.push([head + i, head + j]);
      i++;
      j++;
    } else if (i < n && here === (cost[(i + 1) * width + j] ?? 0) + 1) {
      pairs.push([head + i, null]);
      i++;
    } else {
      pairs.push([null, head + j]);
      j++;
    }
  }
  return { pairs, cost: cost[0] ?? 0 };
}

/**
 * Where one other reading stands against the center: what it inserts before center ballot k
 * (k = n: after the last), and what it holds against center ballot k.
 */
function slots(
  pairs: readonly Pair[],
  n: number,
): { inserted: number[][]; against: (number | null)[] } {
  const inserted: number[][] = Array.from({ length: n + 1 }, () => []);
  const against: (number | null)[] = Array.from({ length: n }, () => null);
  let k = 0;
  for (const [ci, oi] of pairs) {
    if (ci === null) inserted[k]?.push(oi as number);
    else {
      against[ci] = oi;
      k = ci + 1;
    }
  }
  return { inserted, against };
}

/**
 * Three readings as rows of indices (null for a gap), around the center reading `c` and the other
 * two readings' alignments with it. Ballots both others insert at the same place are aligned with
 * each other, so the same extra ballot in both is one column.
 */
function merge(
  coded: readonly (readonly number[])[],
  c: number,
  [o1, pairs1]: readonly [number, readonly Pair[]],
  [o2, pairs2]: readonly [number, readonly Pair[]],
): (number | null)[][] {
  const n = coded[c]?.length ?? 0;
  const one = slots(pairs1, n);
  const two = slots(pairs2, n);
  const rows: (number | null)[][] = coded.map(() => []);
  const push = (center: number | null, first: number | null, second: number | null): void => {
    rows[c]?.push(center);
    rows[o1]?.push(first);
    rows[o2]?.push(second);
  };
  const codesOf = (o: number, indices: readonly number[]): number[] =>
    indices.map((i) => coded[o]?.[i] ?? -1);
  for (let k = 0; k <= n; k++) {
    const ins1 = one.inserted[k] ?? [];
    const ins2 = two.inserted[k] ?? [];
    if (ins1.length > 0 && ins2.length > 0) {
      for (const [x, y] of alignPair(codesOf(o1, ins1), codesOf(o2, ins2)).pairs)
        push(null, x === null ? null : (ins1[x] ?? null), y === null ? null : (ins2[y] ?? null));
    } else {
      for (const x of ins1) push(null, x, null);
      for (const y of ins2) push(null, null, y);
    }
    if (k < n) push(k, one.against[k] ?? null, two.against[k] ?? null);
  }
  return rows;
}

/**
 * The readings of one stack compared: 1 to 3 readings, each a list of ballots in stack order.
 * A reading longer than `MAX_STACK_BALLOTS` is refused, naming its length.
 */
export function compareReadings(
  readings: readonly (readonly Ballot[])[],
): Result<Comparison, ReadingRefusal> {
  if (readings.length < 1 || readings.length > 3)
    throw new RangeError(`a stack has 1 to 3 readings, not ${readings.length}`);
  for (const reading of readings) {
    if (reading.length > MAX_STACK_BALLOTS)
      return err({ code: 'stack-too-large', ballots: reading.length, max: MAX_STACK_BALLOTS });
  }
  // Each distinct ballot as a small integer: the alignment compares numbers, not ballots.
  const ids = new Map<string, number>();
  const coded = readings.map((reading) =>
    reading.map((ballot) => {
      const key = ballotKey(ballot);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    }),
  );
  const rows = alignAll(coded);
  const width = rows[0]?.length ?? 0;
  const columns: Column[] = [];
  for (let x = 0; x < width; x++) {
    const at = rows.map((row) => row[x] ?? null);
    const codes = at.map((i, r) => (i === null ? null : (coded[r]?.[i] ?? null)));
    const agree = codes.every((code) => code !== null && code === codes[0]);
    const cells = at.map((i, r) => {
      const ballot = i === null ? undefined : readings[r]?.[i];
      return i === null || ballot === undefined ? null : { ballot, at: i + 1 };
    });
    columns.push({ position: x + 1, cells, agree });
  }
  return ok({ columns, differences: columns.filter((col) => !col.agree) });
}

/**
 * While the readings are under way: the places every one of them has reached and read
 * differently, so the committee can find those sheets in the paper before the stack is compared.
 * Only ballots against ballots: a gap (a ballot skipped or typed twice) is known for sure only
 * once every reading is finished and aligned whole. Nothing is ruled from this; the comparison of
 * the finished readings decides.
 */
export function differencesSoFar(
  readings: readonly (readonly Ballot[])[],
): Result<readonly Column[], ReadingRefusal> {
  if (readings.length < 2) return ok([]);
  const reached = Math.min(...readings.map((r) => r.length));
  const compared = compareReadings(readings.map((r) => r.slice(0, reached)));
  if (!compared.ok) return compared;
  return ok(compared.value.differences.filter((d) => d.cells.every((c) => c !== null)));
}

/** Rows of indices, one per reading, all of one length. */
function alignAll(coded: readonly (readonly number[])[]): (number | null)[][] {
  const [first, second, third] = coded;
  if (first === undefined) return [];
  if (second === undefined) return [first.map((_, i) => i)];
  if (third === undefined) {
    const { pairs } = alignPair(first, second);
    return [pairs.map(([a]) => a), pairs.map(([, b]) => b)];
  }
  // The center: the reading with the least total cost to the other two; the earliest on a tie.
  const pair = new Map<string, { pairs: Pair[]; cost: number }>();
  for (let p = 0; p < 3; p++)
    for (let q = p + 1; q < 3; q++) pair.set(`${p}${q}`, alignPair(coded[p] ?? [], coded[q] ?? []));
  const costOf = (p: number, q: number): number =>
    pair.get(p < q ? `${p}${q}` : `${q}${p}`)?.cost ?? 0;
  let center = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let c = 0; c < 3; c++) {
    const total = [0, 1, 2].reduce((s, o) => (o === c ? s : s + costOf(c, o)), 0);
    if (total < best) [center, best] = [c, total];
  }
  const withCenter = (o: number): readonly [number, readonly Pair[]] => {
    const found = pair.get(center < o ? `${center}${o}` : `${o}${center}`)?.pairs ?? [];
    // Stored as (lower index, higher index): turned to (center, other).
    return [o, center < o ? found : found.map(([x, y]) => [y, x] as const)];
  };
  const [o1, o2] = [0, 1, 2].filter((o) => o !== center) as [number, number];
  return merge(coded, center, withCenter(o1), withCenter(o2));
}

/** How a committee member ruled one difference: a reading's ballot there, or the ballot anew. */
export type Resolution =
  | { readonly position: number; readonly reading: number }
  | { readonly position: number; readonly ballot: Ballot };

/**
 * The ballots that count, in stack order: where the readings agree, their ballot; where they
 * differ, the committee's ruling (choosing a reading that has a gap there means there is no
 * ballot). Refused while a difference is unruled, or for a ruling of a position that agrees.
 */
export function countedBallots(
  comparison: Comparison,
  resolutions: readonly Resolution[],
): Result<Ballot[], ReadingRefusal> {
  const byPosition = new Map<number, Resolution>();
  // A later ruling of the same position replaces the earlier one.
  for (const r of resolutions) byPosition.set(r.position, r);
  const differing = new Set(comparison.differences.map((d) => d.position));
  for (const position of byPosition.keys())
    if (!differing.has(position)) return err({ code: 'not-a-difference', position });
  const open = [...differing].filter((p) => !byPosition.has(p));
  if (open.length > 0) return err({ code: 'differences-open', positions: open });
  const out: Ballot[] = [];
  for (const column of comparison.columns) {
    const ruling = byPosition.get(column.position);
    if (ruling === undefined) {
      const ballot = column.cells[0]?.ballot;
      if (ballot !== undefined) out.push(ballot);
    } else if ('ballot' in ruling) out.push(ruling.ballot);
    else {
      if (ruling.reading < 1 || ruling.reading > column.cells.length)
        return err({
          code: 'no-such-reading',
          reading: ruling.reading,
          readings: column.cells.length,
        });
      const chosen = column.cells[ruling.reading - 1];
      if (chosen) out.push(chosen.ballot);
    }
  }
  return ok(out);
}
