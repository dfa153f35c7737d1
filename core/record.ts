/**
 * The election record `kiem-phieu/election-record@1` (election-record.md): its zod schema and the
 * checks that need the whole record (ids known, `n` unique, layout). Every refusal names the
 * ballot and the field.
 */
import { z } from 'zod';
import {
  checkBallot,
  enteredBallotSchema,
  nameSchema,
  noteSchema,
  textSchema,
  type BallotContext,
  type EnteredBallot,
} from './ballot.ts';
import {
  CONGRESS_KINDS,
  ELECTION_KINDS,
  LAYOUTS,
  RULE_SETS,
  ALL_EXCLUSION_CATEGORIES,
  allowedExclusions,
} from './codes.ts';
import { visible } from './names.ts';
import { parseRecordReadings, type RecordReadings } from './record-readings.ts';
import { pathText, type Refusal, type RefusalDetail } from './refusal.ts';
import { err, ok, type Result } from './result.ts';

export {
  checkBallot,
  marksInOrder,
  type Ballot,
  type BallotContext,
  type EnteredBallot,
  type Ruling,
} from './ballot.ts';

export const RECORD_FORMAT = 'kiem-phieu/election-record@1';

const text = textSchema;
const name = nameSchema;
const count = z.int().min(0);
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

const congressSchema = z.strictObject({
  name: text,
  organisation: text,
  kind: z.enum(CONGRESS_KINDS),
  term: text.optional(),
  place: text.optional(),
  date: isoDate.optional(),
  /** A practice congress's record (tập huấn): never imported into a real congress file. */
  practice: z.literal(true).optional(),
});

/** The exclusions from the base by category, and the presidium's override: records and commands alike. */
export const exclusionsSchema = z
  .array(z.strictObject({ category: z.enum(ALL_EXCLUSION_CATEGORIES as [string]), count }))
  .default([]);
export const overrideSchema = z
  .strictObject({ base: z.int().min(1), note: noteSchema })
  .nullable()
  .default(null);

const baseSchema = z.strictObject({
  convened: count,
  present: count
    .nullable()
    .optional()
    .transform((v) => v ?? undefined),
  exclusions: exclusionsSchema,
  override: overrideSchema,
});

const electionSchema = z.strictObject({
  id: text,
  title: text,
  kind: z.enum(ELECTION_KINDS),
  layout: z.enum(LAYOUTS),
  seats: z.int().min(1),
  round: z.int().min(1).default(1),
  parent: text.nullable().optional(),
});

const candidateSchema = z.strictObject({ id: text, name });

const recordSchema = z.strictObject({
  format: z.string(),
  congress: congressSchema,
  rules: z.enum(RULE_SETS).default('party'),
  base: baseSchema,
  election: electionSchema,
  candidates: z.array(candidateSchema).min(1),
  /** The counting committee who sign the minutes (optional; the head first). */
  committee: z.array(z.strictObject({ name, role: z.enum(['head', 'member']) })).optional(),
  ballots: z.strictObject({ issued: count, entered: z.array(z.unknown()) }),
  /**
   * Every reading of every stack, for audit (core/record-readings.md). Optional: a record without
   * it reads as before; with it, it is checked, then kept apart from the record (see
   * `parseRecordWithReadings`).
   */
  readings: z.unknown().optional(),
});

export type ElectionRecord = Omit<z.infer<typeof recordSchema>, 'ballots' | 'readings'> & {
  readonly ballots: { readonly issued: number; readonly entered: readonly EnteredBallot[] };
};
export type Candidate = ElectionRecord['candidates'][number];
export type RecordBase = ElectionRecord['base'];
export type RecordElection = ElectionRecord['election'];

const MAX_REFUSALS = 50;

function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/**
 * A value quoted in a refusal: only a string, number or boolean, shown safely and cut short.
 * Never `String()` of an object: a `toString` key or an array nested 100 000 deep would throw.
 */
function quoted(input: unknown): string {
  if (typeof input === 'string') return visible(input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return receivedType(input);
}

/** The coded refusal a custom issue carries (core/ballot.ts `refusalIssue`). */
function carried(issue: z.core.$ZodIssue): RefusalDetail | null {
  if (issue.code !== 'custom') return null;
  const refusal = (issue.params as { refusal?: RefusalDetail } | undefined)?.refusal;
  return refusal ?? null;
}

/** zod's issue → our coded refusal, so the message is ours, in Vietnamese or English. */
function issueDetail(issue: z.core.$ZodIssue): RefusalDetail {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required' };
      if (issue.expected === 'int' && typeof issue.input === 'number')
        return { code: 'not-integer' };
      return { code: 'type', expected: issue.expected, received: receivedType(issue.input) };
    case 'invalid_value':
      return { code: 'enum', value: quoted(issue.input), allowed: issue.values.map(String) };
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty-text' };
      return { code: 'too-small', min: Number(issue.minimum) };
    case 'too_big':
      return { code: 'too-big', max: Number(issue.maximum) };
    case 'unrecognized_keys':
      return { code: 'unknown-field', keys: issue.keys.slice(0, 10).map((k) => visible(k)) };
    case 'invalid_format': {
      // Never echo the value of other fields: it may be a PIN.
      const field = String(issue.path[issue.path.length - 1] ?? '');
      return /date/iu.test(field)
        ? { code: 'bad-date', value: quoted(issue.input) }
        : { code: 'bad-format' };
    }
    case 'custom':
      return carried(issue) ?? { code: 'bad-format' };
    default:
      return { code: 'type', expected: issue.code, received: receivedType(issue.input) };
  }
}

/** A path whose keys came from the input is shown safely too. */
const safePath = (path: readonly PropertyKey[]): string =>
  pathText(path.map((k) => (typeof k === 'string' ? visible(k, 40) : k)));

export function zodRefusals(
  error: z.ZodError,
  prefix: readonly PropertyKey[],
  ballot?: number,
): Refusal[] {
  return error.issues.slice(0, MAX_REFUSALS).map((issue) => ({
    ...issueDetail(issue),
    path: safePath([...prefix, ...issue.path]),
    ...(ballot === undefined ? {} : { ballot }),
  }));
}

/** The number a raw ballot claims, to name it in a refusal even when it is malformed. */
function claimedN(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'n')) return undefined;
  const n = (raw as { n: unknown }).n;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** Parses one entry of `ballots.entered` and checks it against the election. */
function parseEntered(
  raw: unknown,
  index: number,
  ctx: BallotContext,
): Result<EnteredBallot, Refusal[]> {
  const pathArray = ['ballots', 'entered', index];
  const parsed = enteredBallotSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return err(zodRefusals(parsed.error, pathArray, claimedN(raw)));
  const ballot = parsed.data;
  const refusals = checkBallot(ballot, safePath(pathArray), ctx, ballot.n);
  return refusals.length > 0 ? err(refusals) : ok(ballot);
}

/** A record and the readings it carries (null when it carries none). */
export interface RecordWithReadings {
  readonly record: ElectionRecord;
  readonly readings: RecordReadings | null;
}

/** Parses and checks a record; on refusal, nothing of it may be counted. */
export function parseRecord(input: unknown): Result<ElectionRecord, Refusal[]> {
  const parsed = parseRecordWithReadings(input);
  return parsed.ok ? ok(parsed.value.record) : parsed;
}

/**
 * Parses and checks a record and its readings, when it carries them. The readings are checked as
 * strictly as the ballots (a record is one piece of evidence: any part malformed refuses it all),
 * but they stay beside the record, never in it: the record's ballots are the agreed ones, and its
 * tally and fingerprint are the same with or without the readings.
 */
export function parseRecordWithReadings(input: unknown): Result<RecordWithReadings, Refusal[]> {
  if (typeof input === 'object' && input !== null && Object.hasOwn(input, 'format')) {
    const format = (input as { format: unknown }).format;
    if (format !== RECORD_FORMAT) {
      return err([
        { code: 'wrong-format', expected: RECORD_FORMAT, received: quoted(format), path: 'format' },
      ]);
    }
  }
  const parsed = recordSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return err(zodRefusals(parsed.error, []));
  const record = parsed.data;
  const refusals: Refusal[] = [];

  const ids = new Set<string>();
  record.candidates.forEach((c, i) => {
    if (ids.has(c.id))
      refusals.push({ code: 'duplicate-candidate-id', id: c.id, path: `candidates[${i}].id` });
    ids.add(c.id);
  });

  const allowed = allowedExclusions(record.congress.kind, record.election.kind);
  record.base.exclusions.forEach((x, i) => {
    if (!allowed.includes(x.category as (typeof allowed)[number])) {
      refusals.push({
        code: 'exclusion-category',
        category: x.category,
        allowed,
        path: `base.exclusions[${i}].category`,
      });
    }
  });
  const excluded = record.base.exclusions.reduce((sum, x) => sum + x.count, 0);
  if (
    record.rules === 'party' &&
    record.base.override === null &&
    record.base.convened - excluded < 1
  ) {
    refusals.push({
      code: 'base-below-one',
      convened: record.base.convened,
      excluded,
      path: 'base.exclusions',
    });
  }

  const ctx: BallotContext = {
    layout: record.election.layout,
    candidateIds: ids,
    candidateOrder: record.candidates.map((c) => c.id),
  };
  const entered: EnteredBallot[] = [];
  const seenN = new Set<number>();
  for (let index = 0; index < record.ballots.entered.length; index++) {
    if (refusals.length >= MAX_REFUSALS) break;
    const checked = parseEntered(record.ballots.entered[index], index, ctx);
    if (!checked.ok) {
      for (const r of checked.error) refusals.push(r);
      continue;
    }
    const n = checked.value.n;
    if (seenN.has(n))
      refusals.push({ code: 'duplicate-n', n, path: `ballots.entered[${index}].n`, ballot: n });
    seenN.add(n);
    entered.push(checked.value);
  }

  if (refusals.length > 0) return err(refusals.slice(0, MAX_REFUSALS));
  let readings: RecordReadings | null = null;
  if (record.readings !== undefined) {
    const checked = parseRecordReadings(record.readings, ctx, zodRefusals);
    if (!checked.ok) return checked;
    readings = checked.value;
  }
  const { readings: _readings, ...rest } = record;
  return ok({
    record: { ...rest, ballots: { issued: record.ballots.issued, entered } },
    readings,
  });
}
