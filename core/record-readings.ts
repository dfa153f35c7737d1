/**
 * The election record's optional `readings` (core/record-readings.md): every reading of every
 * stack, the committee's rulings, and which of the record's ballots each stack gave, so an auditor
 * recounts each reading (core/record-recount.ts). Parsed here with bounds and the election's list;
 * every refusal names its field path. The readings are evidence beside the record: the record's
 * ballots, its tally and its fingerprint are the same with or without them.
 *
 * Times are per reading, never per ballot (nor per ruling), so nothing here can be matched against
 * the order in which delegates voted.
 */
import { z } from 'zod';
import {
  ballotSchema,
  checkBallot,
  textSchema,
  type Ballot,
  type BallotContext,
} from './ballot.ts';
import { MAX_STACK_BALLOTS } from './readings/compare.ts';
import {
  READING_KINDS,
  STACK_STATUSES,
  type ReadingKind,
  type StackHead,
} from './readings/stack.ts';
import { pathText, type Refusal } from './refusal.ts';
import { err, ok, type Result } from './result.ts';

/** More stacks than a members' congress of 100 000 ballots fills at 20 a stack. */
export const MAX_RECORD_STACKS = 10_000;
/** Three that count, and room for readings stopped for good (kept, never counted). */
export const MAX_STACK_READINGS = 20;
/** The aligned stack is at most the live readings end to end. */
export const MAX_STACK_POSITIONS = 3 * MAX_STACK_BALLOTS;
/** A ruling may be replaced; the latest of a position counts. */
export const MAX_STACK_RULINGS = 2 * MAX_STACK_POSITIONS;
export const MAX_RECORD_CHANGES = 200_000;
const MAX_TEXT = 200;

/** How a ballot changed after its stack counted it (the committee's later work in the file). */
export const LATER_CHANGES = ['correct', 'void', 'rule'] as const;
export type LaterChange = (typeof LATER_CHANGES)[number];

export interface RecordReading {
  readonly kind: ReadingKind;
  /** The operator's name as the congress file keeps it; for a scanner pass, whoever fed it. */
  readonly operator: string;
  readonly station: string;
  readonly state: 'reading' | 'finished' | 'abandoned';
  /** ISO 8601 instants, per reading only. */
  readonly started: string;
  readonly finished: string | null;
  /** In stack order. */
  readonly ballots: readonly Ballot[];
}

/** A committee member's ruling of one difference: a (live) reading chosen, or the ballot entered. */
export type RecordRuling =
  | { readonly position: number; readonly reading: number; readonly by: string }
  | { readonly position: number; readonly ballot: Ballot; readonly by: string };

export interface RecordStack extends StackHead {
  /** In the order they were started, abandoned ones included. */
  readonly readings: readonly RecordReading[];
  /** In the order they were made. */
  readonly rulings: readonly RecordRuling[];
  /** The record's ballot numbers `n` this stack gave, in stack order (none until it counts). */
  readonly entered: readonly number[];
}

export interface RecordReadings {
  /** Readings each stack needs: 1, 2 or 3. */
  readonly required: 1 | 2 | 3;
  readonly stacks: readonly RecordStack[];
  /** Ballots changed after their stack counted them, oldest change first per ballot. */
  readonly changes: readonly { readonly n: number; readonly change: LaterChange }[];
}

/** The readings that count for comparison: abandoned ones are kept for the log only. */
export const liveReadings = (stack: RecordStack): RecordReading[] =>
  stack.readings.filter((r) => r.state !== 'abandoned');

/**
 * An array whose length is checked before its items are read, so a million items is one refusal
 * rather than a million.
 */
const bounded = <T extends z.ZodType>(item: T, max: number) =>
  z.array(z.unknown()).max(max).pipe(z.array(item));

const text = textSchema.pipe(z.string().max(MAX_TEXT));
const instant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u);

const readingSchema = z.strictObject({
  kind: z.enum(READING_KINDS),
  operator: text,
  station: text,
  state: z.enum(['reading', 'finished', 'abandoned']),
  started: instant,
  finished: instant.nullable(),
  ballots: z.array(z.unknown()).max(MAX_STACK_BALLOTS),
});

const rulingSchema = z.strictObject({
  position: z.int().min(1).max(MAX_STACK_POSITIONS),
  reading: z.int().min(1).max(3).optional(),
  ballot: z.unknown().optional(),
  by: text,
});

const stackSchema = z.strictObject({
  label: text,
  declared: z.int().min(0).max(1_000_000),
  status: z.enum(STACK_STATUSES),
  readings: bounded(readingSchema, MAX_STACK_READINGS),
  rulings: bounded(rulingSchema, MAX_STACK_RULINGS).default([]),
  entered: bounded(z.int().min(1), MAX_STACK_POSITIONS).default([]),
});

export const recordReadingsSchema = z.strictObject({
  required: z.int().min(1).max(3),
  stacks: bounded(stackSchema, MAX_RECORD_STACKS),
  changes: bounded(
    z.strictObject({ n: z.int().min(1), change: z.enum(LATER_CHANGES) }),
    MAX_RECORD_CHANGES,
  ).default([]),
});

/** At most this many refusals in all: the first ones say what is wrong. */
const MAX_REFUSALS = 50;

/** zod's issues as the record's refusals (core/record.ts `zodRefusals`), under `prefix`. */
type RefusalsOf = (error: z.ZodError, prefix: readonly PropertyKey[]) => Refusal[];

/** One ballot of a reading or a ruling: its shape, then against the election's list. */
function parseBallot(
  raw: unknown,
  path: readonly PropertyKey[],
  ctx: BallotContext,
  refusalsOf: RefusalsOf,
): Result<Ballot, Refusal[]> {
  const parsed = ballotSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return err(refusalsOf(parsed.error, path));
  const refusals = checkBallot(parsed.data, pathText(path), ctx);
  return refusals.length > 0 ? err(refusals) : ok(parsed.data);
}

/**
 * The `readings` of a record, checked against its election (`ctx`): shapes and bounds first, then
 * every ballot against the list, each ruling against its stack (a reading it has, a position
 * within it), and each ballot number given by one stack only. `refusalsOf` is the record's own
 * (core/record.ts), so a refusal here reads like any other.
 */
export function parseRecordReadings(
  input: unknown,
  ctx: BallotContext,
  refusalsOf: RefusalsOf,
): Result<RecordReadings, Refusal[]> {
  const parsed = recordReadingsSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return err(refusalsOf(parsed.error, ['readings']));
  const refusals: Refusal[] = [];
  const add = (more: readonly Refusal[]): void => {
    for (const r of more) if (refusals.length < MAX_REFUSALS) refusals.push(r);
  };
  const givenBy = new Set<number>();
  const stacks: RecordStack[] = [];
  for (const [s, stack] of parsed.data.stacks.entries()) {
    if (refusals.length >= MAX_REFUSALS) break;
    const at = ['readings', 'stacks', s] as const;
    const readings: RecordReading[] = [];
    for (const [r, reading] of stack.readings.entries()) {
      const ballots: Ballot[] = [];
      for (const [b, raw] of reading.ballots.entries()) {
        if (refusals.length >= MAX_REFUSALS) break;
        const ballot = parseBallot(raw, [...at, 'readings', r, 'ballots', b], ctx, refusalsOf);
        if (ballot.ok) ballots.push(ballot.value);
        else add(ballot.error);
      }
      readings.push({ ...reading, ballots });
    }
    const live = readings.filter((r) => r.state !== 'abandoned');
    if (live.length > 3) add([{ code: 'too-big', max: 3, path: pathText([...at, 'readings']) }]);
    const width = live.reduce((sum, r) => sum + r.ballots.length, 0);
    const rulings: RecordRuling[] = [];
    for (const [k, ruling] of stack.rulings.entries()) {
      const where = [...at, 'rulings', k];
      const { position, by } = ruling;
      if (position > width)
        add([{ code: 'too-big', max: width, path: pathText([...where, 'position']) }]);
      if (ruling.reading !== undefined && ruling.ballot !== undefined)
        add([{ code: 'unknown-field', keys: ['ballot'], path: pathText(where) }]);
      else if (ruling.reading !== undefined) {
        if (ruling.reading > live.length)
          add([
            {
              code: 'no-such-reading',
              reading: ruling.reading,
              readings: live.length,
              path: pathText([...where, 'reading']),
            },
          ]);
        rulings.push({ position, reading: ruling.reading, by });
      } else if (ruling.ballot !== undefined) {
        const ballot = parseBallot(ruling.ballot, [...where, 'ballot'], ctx, refusalsOf);
        if (ballot.ok) rulings.push({ position, ballot: ballot.value, by });
        else add(ballot.error);
      } else add([{ code: 'required', path: pathText([...where, 'reading']) }]);
    }
    for (const [k, n] of stack.entered.entries()) {
      if (givenBy.has(n))
        add([{ code: 'duplicate-n', n, path: pathText([...at, 'entered', k]), ballot: n }]);
      givenBy.add(n);
    }
    stacks.push({ ...stack, readings, rulings });
  }
  if (refusals.length > 0) return err(refusals);
  const { required, changes } = parsed.data;
  return ok({ required: required as 1 | 2 | 3, stacks, changes });
}
