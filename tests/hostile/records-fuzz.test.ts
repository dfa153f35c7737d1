/**
 * Fuzzing the record parser (issue 10, "Done when"): every input either parses and then counts
 * exactly as a naive recount of the file's own JSON, or is refused with messages in both
 * languages that name a field; nothing throws, nothing hangs. Each property runs for a bounded
 * time (a few seconds in CI), then stops.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseBoundedJson } from '../../core/bounded-json.ts';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { refusalText, type Refusal } from '../../core/refusal.ts';
import { Tally } from '../../core/tally.ts';
import { rawRecord } from '../helpers/record.ts';
import { BUILT_IN_NAMES } from './built-in-names.ts';

/** A few seconds in CI; `FUZZ_MS=60000` for a longer run. */
const TIME_LIMIT_MS = Number(process.env.FUZZ_MS ?? 3_000);
const settings = { numRuns: 100_000, interruptAfterTimeLimit: TIME_LIMIT_MS } as const;

const COMMITTEE = ['not-issued', 'added-name', 'marked', 'other'] as const;
const MARKS = ['agree', 'disagree', 'both', 'none'] as const;

/** Ids from the built-in member names, plain ones, and arbitrary strings. */
const idArb = fc.oneof(
  fc.constantFrom(...BUILT_IN_NAMES),
  fc.constantFrom('c1', 'c2', 'c3'),
  fc.string({ minLength: 1, maxLength: 6 }),
);

/** A value that may replace any field: often of the wrong kind. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string(),
  fc.integer({ min: -3, max: 1_000 }),
  fc.constantFrom('\u001B[2J', '__proto__', 'toString', '', ' ', '\uD800', 'c1'),
);

/** Now and then (1 in `odds`) a value, otherwise null. */
const rarely = <T>(arb: fc.Arbitrary<T>, odds = 8): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: odds - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** A ballot drawn for a list: mostly well formed, sometimes with a wrong id, key or value. */
function ballotArb(ids: readonly string[], layout: 'strike' | 'approve') {
  const struck = fc
    .subarray([...ids])
    .chain((s) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(s) },
        { weight: 1, arbitrary: fc.tuple(idArb).map(([x]) => [...s, x]) },
      ),
    );
  const marks = fc
    .tuple(
      fc.array(fc.constantFrom(...MARKS), { minLength: ids.length, maxLength: ids.length }),
      rarely(fc.tuple(idArb, fc.constantFrom(...MARKS, 'yes'))),
      rarely(fc.nat({ max: ids.length })),
    )
    .map(([values, extra, drop]) => {
      const pairs: [string, string][] = ids.map((id, i) => [id, values[i]!]);
      if (drop !== null) pairs.splice(drop, 1);
      if (extra !== null) pairs.push(extra);
      return Object.fromEntries(pairs);
    });
  const note = fc.oneof(fc.constantFrom('rách', 'chữ ký', undefined), fc.string({ maxLength: 8 }));
  const ruling = rarely(fc.record({ invalid: fc.constantFrom(...COMMITTEE), note }), 4).map(
    (r) => r ?? undefined,
  );
  return fc.oneof(
    { weight: layout === 'strike' ? 20 : 1, arbitrary: fc.record({ struck, ruling }) },
    { weight: layout === 'approve' ? 20 : 1, arbitrary: fc.record({ marks, ruling }) },
    {
      weight: 1,
      arbitrary: fc.record({
        invalid: fc.constantFrom(...COMMITTEE, 'over-vote'),
        note,
      }),
    },
    { weight: 1, arbitrary: junk },
  );
}

/** A record as a file holds it (through JSON text), with one field possibly replaced by junk. */
const recordArb = fc
  .record({
    ids: fc.uniqueArray(idArb, { minLength: 1, maxLength: 6 }),
    layout: fc.constantFrom('strike' as const, 'approve' as const),
    seats: fc.integer({ min: 1, max: 6 }),
    convened: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 1, max: 30 }) },
      { weight: 1, arbitrary: fc.constant(0) },
    ),
  })
  .chain(({ ids, layout, seats, convened }) =>
    fc.record({
      ids: fc.constant(ids),
      layout: fc.constant(layout),
      seats: fc.constant(layout === 'approve' ? ids.length : seats),
      convened: fc.constant(convened),
      ballots: fc.array(
        fc.tuple(
          ballotArb(ids, layout),
          rarely(fc.integer({ min: 1, max: 40 }), 20).map((n) => n ?? undefined),
        ),
        { maxLength: 25 },
      ),
      mutation: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constantFrom(
              ['format'],
              ['congress', 'kind'],
              ['congress', 'name'],
              ['rules'],
              ['base', 'convened'],
              ['base', 'exclusions'],
              ['base', 'override'],
              ['election', 'layout'],
              ['election', 'seats'],
              ['election', 'id'],
              ['candidates'],
              ['candidates', 0, 'name'],
              ['ballots', 'issued'],
              ['ballots', 'entered'],
              ['extra'],
            ),
            junk,
          ),
        },
      ),
    }),
  )
  .map(({ ids, layout, seats, convened, ballots, mutation }) => {
    const raw = rawRecord({
      candidates: ids.length,
      seats,
      layout,
      kind: layout === 'approve' ? 'secretary' : 'committee',
      convened,
      // Numbers in entry order, now and then one out of place (often a duplicate).
      ballots: ballots.map(([b, n], i) =>
        typeof b === 'object' && b !== null && !Array.isArray(b) ? { n: n ?? i + 1, ...b } : b,
      ),
    });
    (raw.candidates as { id: string }[]).forEach((c, i) => (c.id = ids[i]!));
    const text = JSON.stringify(raw, (_k, v: unknown) => (v === undefined ? undefined : v));
    const data = JSON.parse(text) as Record<string, unknown>;
    if (mutation !== null) {
      const [path, value] = mutation;
      let at: Record<string | number, unknown> = data;
      for (const key of path.slice(0, -1)) at = (at[key] ?? {}) as typeof at;
      at[path[path.length - 1]!] = value;
    }
    return JSON.parse(JSON.stringify(data) ?? 'null') as unknown;
  });

/**
 * The naive recount: straight from the file's JSON, with Maps, no code shared with the engine.
 * Votes per candidate and invalid ballots per reason.
 */
function naiveCount(raw: Record<string, unknown>) {
  const ids = (raw.candidates as { id: string }[]).map((c) => c.id.trim().normalize('NFC'));
  const election = raw.election as { layout: string; seats: number };
  const votes = new Map(ids.map((id) => [id, 0]));
  const invalid = new Map<string, number>();
  let valid = 0;
  for (const b of (raw.ballots as { entered: Record<string, unknown>[] }).entered) {
    const ruling = b.ruling as { invalid: string } | undefined;
    let code: string | null = null;
    let chosen: string[] = [];
    if (typeof b.invalid === 'string') code = b.invalid;
    else if (Array.isArray(b.struck)) {
      const struck = new Set((b.struck as string[]).map((s) => s.trim().normalize('NFC')));
      chosen = ids.filter((id) => !struck.has(id));
      if (chosen.length === 0) code = 'all-struck';
      else if (chosen.length > election.seats) code = 'over-vote';
    } else {
      const marks = new Map(Object.entries(b.marks as Record<string, string>));
      chosen = ids.filter((id) => marks.get(id) === 'agree');
      const decided = ids.filter((id) => marks.get(id) === 'agree' || marks.get(id) === 'disagree');
      if (decided.length === 0) code = 'no-choice';
      else if (chosen.length > election.seats) code = 'over-vote';
    }
    if (ruling !== undefined) code = ruling.invalid;
    if (code !== null) {
      invalid.set(code, (invalid.get(code) ?? 0) + 1);
      continue;
    }
    valid++;
    for (const id of chosen) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  return { votes: [...votes], valid, invalid: Object.fromEntries(invalid) };
}

const UNSAFE_OUT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function checkRefusals(refusals: readonly Refusal[]): void {
  expect(refusals.length).toBeGreaterThan(0);
  expect(refusals.length).toBeLessThanOrEqual(50);
  for (const r of refusals) {
    expect(typeof r.path).toBe('string');
    for (const lang of ['vi', 'en'] as const) {
      const text = refusalText(r, lang);
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThan(2_000);
      expect(text).not.toMatch(UNSAFE_OUT);
    }
  }
}

function checkCounted(record: ElectionRecord, raw: Record<string, unknown>): void {
  const result = Tally.ofRecord(record).result();
  const naive = naiveCount(raw);
  expect(result.candidates.map((c) => [c.id, c.votes])).toEqual(naive.votes);
  expect(result.ballots.valid).toBe(naive.valid);
  expect({ ...result.ballots.invalidByReason }).toEqual(naive.invalid);
}

const figures = { tried: 0, accepted: 0, refused: 0 };

describe('the record parser under fuzzing', () => {
  it('generated records: counted exactly as a naive recount, or refused with messages', () => {
    fc.assert(
      fc.property(recordArb, (raw) => {
        figures.tried++;
        const parsed = parseRecord(raw);
        if (parsed.ok) {
          figures.accepted++;
          checkCounted(parsed.value, raw as Record<string, unknown>);
        } else {
          figures.refused++;
          checkRefusals(parsed.error);
        }
      }),
      settings,
    );
    // Both outcomes were exercised, many times.
    console.info(`records fuzzed: ${JSON.stringify(figures)}`);
    expect(figures.accepted).toBeGreaterThan(20);
    expect(figures.refused).toBeGreaterThan(20);
  });

  it('bytes: a valid record’s file with bytes changed, cut or inserted never crashes the reader', () => {
    const text = JSON.stringify(
      rawRecord({
        candidates: 3,
        seats: 2,
        ballots: [
          { n: 1, struck: ['c1'] },
          { n: 2, invalid: 'marked' },
        ],
      }),
    );
    const bytes = new TextEncoder().encode(text);
    const edit = fc.tuple(
      fc.nat({ max: bytes.length - 1 }),
      fc.nat({ max: 4 }),
      fc.uint8Array({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let b = bytes;
        for (const [at, cut, put] of edits) {
          const i = Math.min(at, b.length);
          b = new Uint8Array([...b.subarray(0, i), ...put, ...b.subarray(i + cut)]);
        }
        const decoded = decodeUtf8(b);
        if (!decoded.ok) return checkRefusals(decoded.error);
        const json = parseBoundedJson(decoded.value);
        if (!json.ok) return checkRefusals(json.error);
        const parsed = parseRecord(json.value);
        if (parsed.ok) checkCounted(parsed.value, json.value as Record<string, unknown>);
        else checkRefusals(parsed.error);
      }),
      settings,
    );
  });

  it('arbitrary JSON values are refused with messages, never thrown on', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const parsed = parseRecord(value);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) checkRefusals(parsed.error);
      }),
      settings,
    );
  });
});
