/**
 * The audit of a record's readings: for every stack, its readings are compared again
 * (core/readings/compare.ts), its history replayed through the stack's state machine
 * (core/readings/stack.ts: the guards too, so two readings by one person are caught), the
 * committee's rulings applied, and the ballots that come out must be the record's ballots that
 * stack gave, in order. Each reading is also counted on its own (core/tally.ts), so an auditor sees
 * what the result would have been from reading 1 alone, reading 2 alone, and how far apart they were.
 *
 * Nothing here compares readings or counts ballots by itself: it is the app's own comparison and
 * tally, run over what the record says.
 */
import { bodyOf, type Ballot, type EnteredBallot } from './ballot.ts';
import { ballotKey, compareReadings, countedBallots, type Resolution } from './readings/compare.ts';
import type { ReadingRefusal } from './readings/refusal.ts';
import {
  applyStackCommand,
  isSettled,
  newStack,
  type ReadingKind,
  type StackCommand,
  type StackFacts,
  type StackHead,
  type StackStatus,
} from './readings/stack.ts';
import type { ElectionRecord } from './record.ts';
import {
  liveReadings,
  type LaterChange,
  type RecordReadings,
  type RecordStack,
} from './record-readings.ts';
import { Tally, type ElectionResult } from './tally.ts';

export const RECOUNT_FORMAT = 'kiem-phieu/readings-check@1';

/** What differs between the ballot the readings give and the record's ballot. */
export type BallotField = 'shape' | 'struck' | 'marks' | 'invalid' | 'ruling';

/** Where a finding is: the stack, by its label. */
interface InStack {
  readonly stack: string;
}

/** A ballot of a stack: the stack's label, the ballot's position in it, the record's number `n`. */
export interface BallotInStack extends InStack {
  readonly position: number;
  readonly n: number;
}

/** A finding: the stack by its label, and where in it (its position, the ballot's number). */
export type RecountProblem =
  /** The readings or rulings do not stand: refused by the comparison or the stack's guards. */
  | ({ readonly problem: 'refused'; readonly refusal: ReadingRefusal } & InStack)
  /** The record says the stack is in one state; its readings and rulings lead to another. */
  | ({
      readonly problem: 'status';
      readonly status: StackStatus;
      readonly recounted: StackStatus;
    } & InStack)
  /** A stack whose ballots do not count yet gave ballots to the record. */
  | ({ readonly problem: 'unsettled'; readonly entered: number } & InStack)
  /** The readings give this many ballots; the record lists that many from the stack. */
  | ({ readonly problem: 'count'; readonly recounted: number; readonly entered: number } & InStack)
  /** The ballot at this position of the stack is not the record's ballot `n`. */
  | ({
      readonly problem: 'ballot';
      readonly field: BallotField;
      readonly recounted: Ballot;
      readonly entered: Ballot;
    } & BallotInStack)
  /** The stack gave ballot `n`, which the record does not hold (and was not voided). */
  | ({ readonly problem: 'missing' } & BallotInStack)
  /** Ballot `n` is listed as voided after counting, yet the record holds it. */
  | ({ readonly problem: 'voided' } & BallotInStack)
  /** The election needs several readings, yet the record holds ballots no stack gave. */
  | { readonly problem: 'outside'; readonly count: number; readonly n: number };

export interface ReadingSummary {
  /** Its number among the readings that count (null for one stopped for good). */
  readonly number: number | null;
  readonly kind: ReadingKind;
  readonly operator: string;
  readonly station: string;
  readonly state: 'reading' | 'finished' | 'abandoned';
  readonly ballots: number;
}

export interface StackRecount extends StackHead {
  readonly readings: readonly ReadingSummary[];
  /** Positions where the readings differ, recomputed. */
  readonly differences: readonly number[];
  /** Positions the committee ruled (the latest ruling of each). */
  readonly ruled: readonly number[];
  /** The ballots the readings and rulings give; null while the stack does not count. */
  readonly recounted: number | null;
  /** The record's ballots this stack gave. */
  readonly entered: number;
  /** Of those, how many the committee changed after the stack counted them. */
  readonly changed: number;
  readonly ok: boolean;
}

export interface Recount {
  readonly format: typeof RECOUNT_FORMAT;
  readonly election: string;
  readonly required: number;
  readonly ok: boolean;
  readonly stacks: readonly StackRecount[];
  /** The record's ballots that no stack gave (typed straight in, one reading per stack). */
  readonly outside: number;
  /** The record's result, and the result each reading alone would have given. */
  readonly results: {
    readonly record: ElectionResult;
    readonly readings: readonly ElectionResult[];
  };
  readonly problems: readonly RecountProblem[];
}

/** The ballot without the committee's ruling beside its marks (a ruling given after counting). */
const withoutRuling = (x: Ballot): Ballot =>
  'struck' in x ? { struck: x.struck } : 'marks' in x ? { marks: x.marks } : x;

const shapeOf = (x: Ballot): 'struck' | 'marks' | 'invalid' =>
  'struck' in x ? 'struck' : 'marks' in x ? 'marks' : 'invalid';

/** Which part of a ballot differs, to name the field. */
export function differingField(a: Ballot, b: Ballot): BallotField {
  if (shapeOf(a) !== shapeOf(b)) return 'shape';
  if ('invalid' in a) return 'invalid';
  return ballotKey(withoutRuling(a)) !== ballotKey(withoutRuling(b)) ? shapeOf(a) : 'ruling';
}

/** The latest ruling of each position, as `countedBallots` takes them. */
const resolutions = (stack: RecordStack): Resolution[] =>
  stack.rulings.map((r) =>
    'ballot' in r
      ? { position: r.position, ballot: r.ballot }
      : { position: r.position, reading: r.reading },
  );

/**
 * The stack's history replayed through its state machine: each reading that counts started in
 * order and finished, then, once the record says the stack was compared, the comparison, each
 * ruling, and the close of a stack the record says counts. The state it ends in, or the first
 * refusal (naming the state, the reading or the position, as the app would have).
 */
function replay(
  stack: RecordStack,
  required: 1 | 2 | 3,
  differences: readonly number[] | null,
): { status: StackStatus } | { refusal: ReadingRefusal } {
  let facts: StackFacts = newStack(required);
  const commands: StackCommand[] = [];
  const live = liveReadings(stack);
  for (const r of live) commands.push({ type: 'startReading', operator: r.operator, kind: r.kind });
  for (const [i, r] of live.entries())
    if (r.state === 'finished') commands.push({ type: 'finishReading', reading: i + 1 });
  const compared = stack.status !== 'open' && stack.status !== 'reading';
  if (compared || stack.rulings.length > 0) {
    commands.push({ type: 'compare', differences: differences ?? [] });
    for (const r of stack.rulings) commands.push({ type: 'resolve', position: r.position });
  }
  for (const command of commands) {
    const next = applyStackCommand(facts, command);
    if (!next.ok) return { refusal: next.error };
    facts = next.value;
  }
  if (isSettled(stack.status) && facts.status === 'differ') {
    const closed = applyStackCommand(facts, { type: 'close' });
    if (!closed.ok) return { refusal: closed.error };
    facts = closed.value;
  }
  return { status: facts.status };
}

/** Recounts every stack's readings of `record` and checks them against its ballots. */
export function recountReadings(record: ElectionRecord, readings: RecordReadings): Recount {
  const problems: RecountProblem[] = [];
  const byN = new Map<number, EnteredBallot>(record.ballots.entered.map((b) => [b.n, b]));
  const changes = new Map<number, LaterChange[]>();
  for (const c of readings.changes) changes.set(c.n, [...(changes.get(c.n) ?? []), c.change]);
  const required = readings.required;

  const stacks = readings.stacks.map((stack): StackRecount => {
    const label = stack.label;
    const before = problems.length;
    const live = liveReadings(stack);
    let liveNumber = 0;
    const summaries = stack.readings.map((r) => ({
      number: r.state === 'abandoned' ? null : ++liveNumber,
      kind: r.kind,
      operator: r.operator,
      station: r.station,
      state: r.state,
      ballots: r.ballots.length,
    }));
    // Compared once every reading that counts is in, as the app compares: 1 to 3 of them.
    const comparable =
      live.length >= 1 && live.length <= 3 && live.every((r) => r.state === 'finished');
    const comparison = comparable ? compareReadings(live.map((r) => r.ballots)) : null;
    if (comparison !== null && !comparison.ok)
      problems.push({ problem: 'refused', stack: label, refusal: comparison.error });
    const compared = comparison?.ok === true ? comparison.value : null;
    const differences = compared?.differences.map((d) => d.position) ?? null;

    const replayed = replay(stack, required, differences);
    if ('refusal' in replayed)
      problems.push({ problem: 'refused', stack: label, refusal: replayed.refusal });
    else if (replayed.status !== stack.status)
      problems.push({
        problem: 'status',
        stack: label,
        status: stack.status,
        recounted: replayed.status,
      });

    let recounted: Ballot[] | null = null;
    if (isSettled(stack.status) && compared !== null && problems.length === before) {
      const counted = countedBallots(compared, resolutions(stack));
      if (counted.ok) recounted = counted.value;
      else problems.push({ problem: 'refused', stack: label, refusal: counted.error });
    }
    if (!isSettled(stack.status) && stack.entered.length > 0)
      problems.push({ problem: 'unsettled', stack: label, entered: stack.entered.length });

    let changed = 0;
    if (recounted !== null) {
      if (recounted.length !== stack.entered.length)
        problems.push({
          problem: 'count',
          stack: label,
          recounted: recounted.length,
          entered: stack.entered.length,
        });
      else
        for (const [i, n] of stack.entered.entries()) {
          const position = i + 1;
          const later = changes.get(n) ?? [];
          if (later.length > 0) changed++;
          const held = byN.get(n);
          if (later.includes('void')) {
            if (held !== undefined) problems.push({ problem: 'voided', stack: label, position, n });
            continue;
          }
          if (held === undefined) {
            problems.push({ problem: 'missing', stack: label, position, n });
            continue;
          }
          // A correction after counting replaces the ballot: the record's is the committee's.
          if (later.includes('correct')) continue;
          const entered = bodyOf(held);
          const ours = recounted[i] as Ballot;
          const [a, b] = later.includes('rule')
            ? [withoutRuling(ours), withoutRuling(entered)]
            : [ours, entered];
          if (ballotKey(a) !== ballotKey(b))
            problems.push({
              problem: 'ballot',
              stack: label,
              position,
              n,
              field: differingField(ours, entered),
              recounted: ours,
              entered,
            });
        }
    }
    const latest = new Set(stack.rulings.map((r) => r.position));
    return {
      label,
      declared: stack.declared,
      status: stack.status,
      readings: summaries,
      differences: differences ?? [],
      ruled: [...latest].sort((x, y) => x - y),
      recounted: recounted?.length ?? null,
      entered: stack.entered.length,
      changed,
      ok: problems.length === before,
    };
  });

  const fromStacks = new Set(readings.stacks.flatMap((s) => s.entered));
  const loose = record.ballots.entered.filter((b) => !fromStacks.has(b.n));
  if (required > 1 && loose.length > 0)
    problems.push({ problem: 'outside', count: loose.length, n: loose[0]?.n ?? 0 });

  return {
    format: RECOUNT_FORMAT,
    election: record.election.id,
    required,
    ok: problems.length === 0,
    stacks,
    outside: loose.length,
    results: {
      record: Tally.ofRecord(record).result(),
      readings: readingResults(record, readings, loose),
    },
    problems,
  };
}

/**
 * The result each reading alone would have given: reading k of every stack that counts, and the
 * ballots no stack gave (the same for every reading).
 */
function readingResults(
  record: ElectionRecord,
  readings: RecordReadings,
  loose: readonly EnteredBallot[],
): ElectionResult[] {
  const settled = readings.stacks.filter((s) => isSettled(s.status)).map(liveReadings);
  const most = settled.reduce((m, live) => Math.max(m, live.length), 0);
  const { ballots, ...setup } = record;
  const out: ElectionResult[] = [];
  for (let k = 0; k < most; k++) {
    const tally = new Tally({ ...setup, issued: ballots.issued });
    let n = 0;
    const add = (ballot: Ballot): void => {
      n++;
      tally.add(n, tally.fromEntered({ ...ballot, n } as EnteredBallot));
    };
    for (const b of loose) add(bodyOf(b));
    for (const live of settled) for (const b of live[k]?.ballots ?? []) add(b);
    out.push(tally.result());
  }
  return out;
}
