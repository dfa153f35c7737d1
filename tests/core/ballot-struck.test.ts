/**
 * The struck list of a ballot is taken in one loop when every id is already clean (core/ballot.ts,
 * issue 13's recount time); any other list is read by textSchema id by id. Both ways must give the
 * same ballot, or the same refusals, for any list: checked here against textSchema itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ballotSchema, textSchema } from '../../core/ballot.ts';

/** What every id of a list goes through when read one by one. */
const byTextSchema = z.array(textSchema);

/** Ids clean and not: spaces around, decomposed accents, controls, bidi marks, empty, not text. */
const idArb = fc.oneof(
  fc.constantFrom('c1', 'c2', 'Nguyễn Văn A', '__proto__', 'constructor'),
  fc.constantFrom(
    ' c1',
    'c1 ',
    '',
    '   ',
    'a\u0301',
    '\u00e1',
    'x\u202e',
    'x\u0007',
    'a\tb',
    '\ud800',
  ),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(1, null, true, {}, ['c1']),
);

const outcome = (result: z.ZodSafeParseResult<unknown>, prefix: PropertyKey[]) =>
  result.success
    ? { ok: true, value: result.data }
    : {
        ok: false,
        issues: result.error.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })),
      };

describe('a struck list', () => {
  it('gives what textSchema gives id by id: the same ids, or the same refusals', () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 8 }), (struck) => {
        const ballot = ballotSchema.safeParse({ struck }, { reportInput: true });
        const ids = byTextSchema.safeParse(struck, { reportInput: true });
        expect(outcome(ballot, [])).toEqual(
          ids.success ? { ok: true, value: { struck: ids.data } } : outcome(ids, ['struck']),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('of clean ids comes back equal, and not as the same array', () => {
    const struck = ['c1', 'Nguyễn Văn A'];
    const parsed = ballotSchema.parse({ struck }) as { struck: string[] };
    expect(parsed.struck).toEqual(struck);
    expect(parsed.struck).not.toBe(struck);
  });
});
