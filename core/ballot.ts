/**
 * The ballot: one zod schema for what the keyboard produces, the service's command carries, the
 * file stores, the election record holds and the tally counts. A ballot is the marks as entered,
 * with the committee's ruling beside them (never in their place, rules.md), or a ruling from the
 * paper with no marks. Parsed once, where it comes in; past that point it is this type.
 *
 * Marks are keyed by candidate id, which is input: the parsed map has no prototype, so an id
 * such as `__proto__` or `constructor` is a key like any other (issue 10, item 7).
 */
import { z } from 'zod';
import { COMMITTEE_INVALID_CODES, MARKS, type CommitteeInvalidCode, type Mark } from './codes.ts';
import { cleanName, nfc, unsafeCharacter, visible } from './names.ts';
import type { Refusal, RefusalDetail } from './refusal.ts';

/** More entries than any list can hold: a ballot past it is hostile, refused before it is read. */
export const MAX_BALLOT_ENTRIES = 10_000;

/**
 * A custom zod issue that carries our coded refusal, so `zodRefusals` keeps it as it is.
 * Paths are relative to where the check runs.
 */
export function refusalIssue(
  detail: RefusalDetail,
  input: unknown,
  path: PropertyKey[] = [],
): z.core.$ZodRawIssue {
  return { code: 'custom', message: detail.code, input, path, params: { refusal: detail } };
}

/**
 * Text of a record or a command: trimmed, NFC, and free of control and bidi characters, which
 * are refused (naming the character), not silently dropped: a record is evidence.
 */
export const safeText = (options: { lines?: boolean } = {}) =>
  z
    .string()
    .trim()
    .check((ctx) => {
      const unsafe = unsafeCharacter(ctx.value, options);
      if (unsafe !== null) {
        ctx.issues.push(
          refusalIssue({ code: 'unsafe-character', character: unsafe }, ctx.value) as never,
        );
      }
    });
export const textSchema = safeText().min(1).transform(nfc);
export const nameSchema = safeText().min(1).transform(cleanName);
/** A committee's note may run over several lines. */
export const noteSchema = safeText({ lines: true }).min(1).transform(nfc);

export const committeeCodeSchema = z.enum(COMMITTEE_INVALID_CODES);
export const rulingSchema = z.strictObject({
  invalid: committeeCodeSchema,
  note: noteSchema.optional(),
});
export type Ruling = z.output<typeof rulingSchema>;

/** Marks of an approve ballot by candidate id; a null-prototype object (see above). */
export type Marks = Readonly<Record<string, Mark>>;

/** One mark per candidate id, into a map without a prototype; values from MARKS only. */
const marksSchema = z.unknown().transform((input, ctx): Marks => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    ctx.issues.push({ code: 'invalid_type', expected: 'object', input });
    return z.NEVER;
  }
  const out = Object.create(null) as Record<string, Mark>;
  const keys = Object.keys(input);
  if (keys.length > MAX_BALLOT_ENTRIES) {
    ctx.issues.push(
      refusalIssue({ code: 'too-big', max: MAX_BALLOT_ENTRIES }, keys.length) as never,
    );
    return z.NEVER;
  }
  for (const key of keys) {
    const value = Object.getOwnPropertyDescriptor(input, key)?.value as unknown;
    if (!(MARKS as readonly unknown[]).includes(value)) {
      ctx.issues.push({
        code: 'invalid_value',
        values: [...MARKS],
        input: value,
        path: [key],
      } as never);
    } else out[key] = value as Mark;
  }
  return out;
});

const struckIdsSchema = z.array(textSchema);

/** An id that textSchema would return unchanged: a string, not empty, trimmed, NFC, nothing unsafe. */
const isCleanText = (id: unknown): id is string =>
  typeof id === 'string' &&
  id.length > 0 &&
  id.trim() === id &&
  nfc(id) === id &&
  unsafeCharacter(id) === null;

/**
 * The struck ids. A record strikes up to a hundred thousand and they are nearly always clean: such
 * a list is taken in one loop, since a zod pipe per id was most of a recount's time (issue 13).
 * Any other list is read by textSchema id by id, for its refusals.
 */
const struckSchema = z.unknown().transform((input, ctx): string[] => {
  if (Array.isArray(input) && input.every(isCleanText)) return [...input];
  const parsed = struckIdsSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.issues.push(issue as never);
    return z.NEVER;
  }
  return parsed.data;
});

/** The three shapes, with or without the record's entry number `n`. */
function shapes<N extends z.core.$ZodLooseShape>(n: N) {
  return {
    struck: z.strictObject({ ...n, struck: struckSchema, ruling: rulingSchema.optional() }),
    marks: z.strictObject({ ...n, marks: marksSchema, ruling: rulingSchema.optional() }),
    invalid: z.strictObject({ ...n, invalid: committeeCodeSchema, note: noteSchema.optional() }),
  };
}

export type Ballot =
  | { readonly struck: readonly string[]; readonly ruling?: Ruling }
  | { readonly marks: Marks; readonly ruling?: Ruling }
  | { readonly invalid: CommitteeInvalidCode; readonly note?: string };
export type EnteredBallot = Ballot & { readonly n: number };

type Shape = 'struck' | 'marks' | 'invalid';

/** Which of the three shapes a ballot claims to be, from its own keys; null when none or several. */
function shapeOf(input: unknown): Shape | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const keys = (['struck', 'marks', 'invalid'] as const).filter((k) => Object.hasOwn(input, k));
  return keys.length === 1 ? (keys[0] ?? null) : null;
}

/** "other" needs the committee's note, on a paper ruling and on a ruling beside marks alike. */
function needsNote(ballot: Ballot): PropertyKey[] | null {
  if ('invalid' in ballot)
    return ballot.invalid === 'other' && ballot.note === undefined ? ['note'] : null;
  const { ruling } = ballot;
  return ruling?.invalid === 'other' && ruling.note === undefined ? ['ruling', 'note'] : null;
}

function ballotParser<T extends Ballot>(schemas: ReturnType<typeof shapes>) {
  return z.unknown().transform((input, ctx): T => {
    const shape = shapeOf(input);
    if (shape === null) {
      ctx.issues.push(refusalIssue({ code: 'ballot-shape' }, input) as never);
      return z.NEVER;
    }
    // The length first: a ballot striking one id a million times is refused before a million reads.
    const struck = shape === 'struck' ? (input as { struck: unknown }).struck : null;
    if (Array.isArray(struck) && struck.length > MAX_BALLOT_ENTRIES) {
      ctx.issues.push(
        refusalIssue({ code: 'too-big', max: MAX_BALLOT_ENTRIES }, struck.length, [
          'struck',
        ]) as never,
      );
      return z.NEVER;
    }
    const parsed = schemas[shape].safeParse(input, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.issues.push(issue as never);
      return z.NEVER;
    }
    const ballot = parsed.data as unknown as T;
    const notePath = needsNote(ballot);
    if (notePath !== null) {
      ctx.issues.push(refusalIssue({ code: 'note-required' }, input, notePath) as never);
      return z.NEVER;
    }
    return ballot;
  });
}

/** A ballot as the keyboard produces it and a command carries it: no number yet. */
export const ballotSchema = ballotParser<Ballot>(shapes({})) as unknown as z.ZodType<
  Ballot,
  Ballot
>;
/** A ballot of an election record: its entry number beside the ballot. */
export const enteredBallotSchema = ballotParser<EnteredBallot>(
  shapes({ n: z.int().min(1) }),
) as unknown as z.ZodType<EnteredBallot, EnteredBallot>;

/** What a ballot is checked against: its election's layout and list. */
export interface BallotContext {
  readonly layout: 'strike' | 'approve';
  readonly candidateIds: ReadonlySet<string>;
  readonly candidateOrder: readonly string[];
}

/** At most this many refusals about one ballot: a ballot striking one id a million times is one story. */
const MAX_BALLOT_REFUSALS = 20;

/**
 * The checks that need the election: the layout, ids on the list, no id struck twice, a mark
 * for every candidate. `at` is the ballot's JSON path; `n` its number when it has one.
 */
export function checkBallot(ballot: Ballot, at: string, ctx: BallotContext, n?: number): Refusal[] {
  const refusals: Refusal[] = [];
  const about = n === undefined ? {} : { ballot: n };
  const add = (r: Refusal): boolean => {
    refusals.push(r);
    return refusals.length < MAX_BALLOT_REFUSALS;
  };
  const marked = 'struck' in ballot ? 'struck' : 'marks' in ballot ? 'marks' : null;
  const ballotLayout = marked === 'struck' ? 'strike' : 'approve';
  if (marked !== null && ctx.layout !== ballotLayout) {
    add({
      code: 'layout-mismatch',
      layout: ctx.layout,
      ballotLayout,
      path: `${at}.${marked}`,
      ...about,
    });
  }
  if ('struck' in ballot) {
    const seen = new Set<string>();
    for (let j = 0; j < ballot.struck.length; j++) {
      const id = ballot.struck[j] ?? '';
      const path = `${at}.struck[${j}]`;
      if (!ctx.candidateIds.has(id)) {
        if (!add({ code: 'unknown-candidate', id, path, ...about })) break;
      } else if (seen.has(id)) {
        if (!add({ code: 'duplicate-struck', id, path, ...about })) break;
      }
      seen.add(id);
    }
  } else if ('marks' in ballot) {
    for (const id of Object.keys(ballot.marks)) {
      if (!ctx.candidateIds.has(id)) {
        // The key is input and may hold anything: quoted safely.
        const shown = visible(id);
        const path = `${at}.marks.${visible(id, 40)}`;
        if (!add({ code: 'unknown-candidate', id: shown, path, ...about })) break;
      }
    }
    for (const id of ctx.candidateOrder) {
      if (refusals.length >= MAX_BALLOT_REFUSALS) break;
      if (!Object.hasOwn(ballot.marks, id)) {
        add({ code: 'missing-mark', id, path: `${at}.marks.${id}`, ...about });
      }
    }
  }
  return refusals;
}

/** Marks of an approve ballot in candidate order; only the map's own keys count. */
export function marksInOrder(marks: Marks, order: readonly string[]): Mark[] {
  return order.map((id) => (Object.hasOwn(marks, id) ? (marks[id] ?? 'none') : 'none'));
}

/** A map of marks without a prototype, from pairs (the editor's output, a test's ballot). */
export function marksOf(entries: Iterable<readonly [string, Mark]>): Marks {
  const out = Object.create(null) as Record<string, Mark>;
  for (const [id, mark] of entries) out[id] = mark;
  return out;
}

/** The ballot without its number. */
export function bodyOf(ballot: EnteredBallot): Ballot {
  if ('struck' in ballot) {
    return ballot.ruling === undefined
      ? { struck: ballot.struck }
      : { struck: ballot.struck, ruling: ballot.ruling };
  }
  if ('marks' in ballot) {
    return ballot.ruling === undefined
      ? { marks: ballot.marks }
      : { marks: ballot.marks, ruling: ballot.ruling };
  }
  return ballot.note === undefined
    ? { invalid: ballot.invalid }
    : { invalid: ballot.invalid, note: ballot.note };
}

/** The ruling a ballot carries, beside its marks or from the paper. */
export function rulingOf(ballot: Ballot): Ruling | undefined {
  if ('invalid' in ballot)
    return ballot.note === undefined
      ? { invalid: ballot.invalid }
      : { invalid: ballot.invalid, note: ballot.note };
  return ballot.ruling;
}
