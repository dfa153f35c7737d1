/**
 * The election record `kiem-phieu/election-record@1` (election-record.md): its zod schema and the
 * checks that need the whole record (ids known, `n` unique, layout). Every refusal names the
 * ballot and the field.
 */
import { z } from 'zod';
import {
  CONGRESS_KINDS,
  ELECTION_KINDS,
  LAYOUTS,
  RULE_SETS,
  COMMITTEE_INVALID_CODES,
  MARKS,
  ALL_EXCLUSION_CATEGORIES,
  allowedExclusions,
  type CommitteeInvalidCode,
  type Mark,
} from './codes.ts';
import { cleanName, nfc } from './names.ts';
import { pathText, type Refusal, type RefusalDetail } from './refusal.ts';
import { err, ok, type Result } from './result.ts';

export const RECORD_FORMAT = 'kiem-phieu/election-record@1';

const text = z.string().trim().min(1).transform(nfc);
const name = z.string().trim().min(1).transform(cleanName);
const count = z.int().min(0);
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

const congressSchema = z.strictObject({
  name: text,
  organisation: text,
  kind: z.enum(CONGRESS_KINDS),
  term: text.optional(),
  place: text.optional(),
  date: isoDate.optional(),
});

/** The exclusions from the base by category, and the presidium's override: records and commands alike. */
export const exclusionsSchema = z
  .array(z.strictObject({ category: z.enum(ALL_EXCLUSION_CATEGORIES as [string]), count }))
  .default([]);
export const overrideSchema = z
  .strictObject({ base: z.int().min(1), note: text })
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

const committeeCode = z.enum(COMMITTEE_INVALID_CODES);
const rulingSchema = z.strictObject({ invalid: committeeCode, note: text.optional() });
const ballotN = z.int().min(1);

const struckBallotSchema = z.strictObject({
  n: ballotN,
  struck: z.array(text),
  ruling: rulingSchema.optional(),
});
const marksBallotSchema = z.strictObject({
  n: ballotN,
  marks: z.record(z.string(), z.enum(MARKS)),
  ruling: rulingSchema.optional(),
});
const invalidBallotSchema = z.strictObject({
  n: ballotN,
  invalid: committeeCode,
  note: text.optional(),
});

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
});

export type Ruling = z.infer<typeof rulingSchema>;
export type StruckBallot = z.infer<typeof struckBallotSchema>;
export type MarksBallot = z.infer<typeof marksBallotSchema>;
export type InvalidBallot = z.infer<typeof invalidBallotSchema>;
export type EnteredBallot = StruckBallot | MarksBallot | InvalidBallot;

export type ElectionRecord = Omit<z.infer<typeof recordSchema>, 'ballots'> & {
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

/** zod's issue → our coded refusal, so the message is ours, in Vietnamese or English. */
function issueDetail(issue: z.core.$ZodIssue): RefusalDetail {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required' };
      if (issue.expected === 'int' && typeof issue.input === 'number')
        return { code: 'not-integer' };
      return { code: 'type', expected: issue.expected, received: receivedType(issue.input) };
    case 'invalid_value':
      return { code: 'enum', value: String(issue.input), allowed: issue.values.map(String) };
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty-text' };
      return { code: 'too-small', min: Number(issue.minimum) };
    case 'too_big':
      return { code: 'too-big', max: Number(issue.maximum) };
    case 'unrecognized_keys':
      return { code: 'unknown-field', keys: issue.keys };
    case 'invalid_format': {
      // Never echo the value of other fields: it may be a PIN.
      const field = String(issue.path[issue.path.length - 1] ?? '');
      return /date/iu.test(field)
        ? { code: 'bad-date', value: String(issue.input) }
        : { code: 'bad-format' };
    }
    default:
      return { code: 'type', expected: issue.code, received: receivedType(issue.input) };
  }
}

export function zodRefusals(
  error: z.ZodError,
  prefix: readonly PropertyKey[],
  ballot?: number,
): Refusal[] {
  return error.issues.map((issue) => ({
    ...issueDetail(issue),
    path: pathText([...prefix, ...issue.path]),
    ...(ballot === undefined ? {} : { ballot }),
  }));
}

/** Which of the three ballot shapes an entry claims to be, from its keys. */
function shapeOf(entry: unknown): 'struck' | 'marks' | 'invalid' | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return null;
  const keys = ['struck', 'marks', 'invalid'].filter((k) => k in entry);
  return keys.length === 1 ? (keys[0] as 'struck' | 'marks' | 'invalid') : null;
}

const SHAPE_SCHEMA = {
  struck: struckBallotSchema,
  marks: marksBallotSchema,
  invalid: invalidBallotSchema,
} as const;

export interface BallotContext {
  readonly layout: 'strike' | 'approve';
  readonly candidateIds: ReadonlySet<string>;
  readonly candidateOrder: readonly string[];
}

function checkNote(
  code: CommitteeInvalidCode,
  note: string | undefined,
  path: string,
  ballot: number,
): Refusal[] {
  return code === 'other' && note === undefined ? [{ code: 'note-required', path, ballot }] : [];
}

/**
 * Checks one entered ballot against its election. `at` is the JSON path of the ballot and
 * `pathArray` the same as an array (for zod issues).
 */
export function checkBallot(
  raw: unknown,
  { at, pathArray }: { at: string; pathArray: readonly PropertyKey[] },
  ctx: BallotContext,
): Result<EnteredBallot, Refusal[]> {
  const rawN =
    typeof raw === 'object' && raw !== null && typeof (raw as { n?: unknown }).n === 'number'
      ? (raw as { n: number }).n
      : undefined;
  const shape = shapeOf(raw);
  if (shape === null) {
    return err([
      { code: 'ballot-shape', path: at, ...(rawN === undefined ? {} : { ballot: rawN }) },
    ]);
  }
  const parsed = SHAPE_SCHEMA[shape].safeParse(raw, { reportInput: true });
  if (!parsed.success) return err(zodRefusals(parsed.error, pathArray, rawN));
  const ballot = parsed.data as EnteredBallot;
  const n = ballot.n;
  const refusals: Refusal[] = [];
  if ('struck' in ballot) {
    if (ctx.layout !== 'strike') {
      refusals.push({
        code: 'layout-mismatch',
        layout: ctx.layout,
        ballotLayout: 'strike',
        path: `${at}.struck`,
        ballot: n,
      });
    }
    const seen = new Set<string>();
    ballot.struck.forEach((id, j) => {
      const path = `${at}.struck[${j}]`;
      if (!ctx.candidateIds.has(id))
        refusals.push({ code: 'unknown-candidate', id, path, ballot: n });
      else if (seen.has(id)) refusals.push({ code: 'duplicate-struck', id, path, ballot: n });
      seen.add(id);
    });
  } else if ('marks' in ballot) {
    if (ctx.layout !== 'approve') {
      refusals.push({
        code: 'layout-mismatch',
        layout: ctx.layout,
        ballotLayout: 'approve',
        path: `${at}.marks`,
        ballot: n,
      });
    }
    for (const id of Object.keys(ballot.marks)) {
      if (!ctx.candidateIds.has(id)) {
        refusals.push({ code: 'unknown-candidate', id, path: `${at}.marks.${id}`, ballot: n });
      }
    }
    for (const id of ctx.candidateOrder) {
      if (!(id in ballot.marks))
        refusals.push({ code: 'missing-mark', id, path: `${at}.marks.${id}`, ballot: n });
    }
  } else {
    refusals.push(...checkNote(ballot.invalid, ballot.note, `${at}.note`, n));
  }
  if ('ruling' in ballot && ballot.ruling !== undefined) {
    refusals.push(...checkNote(ballot.ruling.invalid, ballot.ruling.note, `${at}.ruling.note`, n));
  }
  return refusals.length > 0 ? err(refusals) : ok(ballot);
}

/** Parses and checks a record; on refusal, nothing of it may be counted. */
export function parseRecord(input: unknown): Result<ElectionRecord, Refusal[]> {
  if (typeof input === 'object' && input !== null && 'format' in input) {
    const format = (input as { format: unknown }).format;
    if (format !== RECORD_FORMAT) {
      return err([
        { code: 'wrong-format', expected: RECORD_FORMAT, received: String(format), path: 'format' },
      ]);
    }
  }
  const parsed = recordSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return err(zodRefusals(parsed.error, []).slice(0, MAX_REFUSALS));
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
  record.ballots.entered.forEach((raw, index) => {
    if (refusals.length >= MAX_REFUSALS) return;
    const checked = checkBallot(
      raw,
      { at: `ballots.entered[${index}]`, pathArray: ['ballots', 'entered', index] },
      ctx,
    );
    if (!checked.ok) {
      refusals.push(...checked.error);
      return;
    }
    const n = checked.value.n;
    if (seenN.has(n))
      refusals.push({ code: 'duplicate-n', n, path: `ballots.entered[${index}].n`, ballot: n });
    seenN.add(n);
    entered.push(checked.value);
  });

  if (refusals.length > 0) return err(refusals.slice(0, MAX_REFUSALS));
  return ok({ ...record, ballots: { issued: record.ballots.issued, entered } });
}

/** Marks of an approve ballot in candidate order. */
export function marksInOrder(
  marks: Readonly<Record<string, Mark>>,
  order: readonly string[],
): Mark[] {
  return order.map((id) => marks[id] ?? 'none');
}
