/** The keyboard entry of a ballot: every keystroke rule, and typing any ballot reproduces it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  editorFromBody,
  emptyBallot,
  keysFor,
  withNote,
  press,
  readingOf,
  type EditorShape,
  type EditorState,
  type KeyResult,
} from '../../renderer/features/entry/editor.ts';

const shape = (
  count: number,
  seats: number,
  layout: 'strike' | 'approve' = 'strike',
): EditorShape => ({
  layout,
  seats,
  codes: Array.from({ length: count }, (_, i) => `c${i + 1}`),
});

function type(
  state: EditorState,
  keys: readonly string[],
): { state: EditorState; results: KeyResult[] } {
  const results: KeyResult[] = [];
  for (const key of keys) {
    const r = press(state, { key });
    results.push(r);
    state = r.state;
  }
  return { state, results };
}

describe('ballot entry by keyboard', () => {
  it('with up to 9 candidates a digit toggles at once', () => {
    const { state } = type(emptyBallot(shape(5, 3)), ['2', '5']);
    expect(bodyOf(state)).toEqual({ struck: ['c2', 'c5'] });
    expect(state.buffer).toBe('');
  });

  it('with more, a number that cannot grow acts at once; one that can waits', () => {
    const s = shape(12, 9);
    let { state } = type(emptyBallot(s), ['3']);
    expect(bodyOf(state)).toEqual({ struck: ['c3'] });
    ({ state } = type(state, ['1']));
    expect(state.buffer).toBe('1');
    ({ state } = type(state, ['2']));
    expect(bodyOf(state)).toEqual({ struck: ['c3', 'c12'] });
  });

  it('a pending number is completed by the next number, a space, or Enter (which also saves)', () => {
    const s = shape(12, 9);
    expect(bodyOf(type(emptyBallot(s), ['1', '5']).state)).toEqual({ struck: ['c1', 'c5'] });
    expect(bodyOf(type(emptyBallot(s), ['1', ' ', '1', '0']).state)).toEqual({
      struck: ['c1', 'c10'],
    });
    const saved = type(emptyBallot(s), ['1', 'Enter']);
    expect(saved.results[1]?.action).toBe('save');
    expect(bodyOf(saved.state)).toEqual({ struck: ['c1'] });
  });

  it('typing a number again un-strikes it; Backspace takes back the last toggle or digit', () => {
    const s = shape(5, 3);
    expect(bodyOf(type(emptyBallot(s), ['2', '2']).state)).toEqual({ struck: [] });
    expect(bodyOf(type(emptyBallot(s), ['2', '4', 'Backspace']).state)).toEqual({ struck: ['c2'] });
    const many = shape(30, 20);
    const r = type(emptyBallot(many), ['2', 'Backspace', '5']);
    expect(bodyOf(r.state)).toEqual({ struck: ['c5'] });
  });

  it('a number not on the list is refused out loud, never silently', () => {
    const r = type(emptyBallot(shape(5, 3)), ['7']);
    expect(r.results[0]).toMatchObject({
      action: 'rejected',
      reason: { code: 'no-such-number', number: 7 },
    });
    expect(bodyOf(r.state)).toEqual({ struck: [] });
    expect(type(emptyBallot(shape(12, 3)), ['0']).results[0]?.action).toBe('rejected');
  });

  it('shows the reading as you type: valid, over-vote, all-struck', () => {
    const s = shape(4, 2);
    expect(readingOf(emptyBallot(s))).toEqual({ status: 'invalid', code: 'over-vote' });
    expect(readingOf(type(emptyBallot(s), ['1', '2']).state)).toEqual({
      status: 'valid',
      chosen: 2,
    });
    expect(readingOf(type(emptyBallot(s), ['1', '2', '3', '4']).state)).toEqual({
      status: 'invalid',
      code: 'all-struck',
    });
  });

  it('approve layout: a number cycles agree → disagree → both → none', () => {
    const s = shape(1, 1, 'approve');
    const seq = ['1', '1', '1', '1'].map((_, i, all) =>
      bodyOf(type(emptyBallot(s), all.slice(0, i + 1)).state),
    );
    expect(seq).toEqual([
      { marks: { c1: 'agree' } },
      { marks: { c1: 'disagree' } },
      { marks: { c1: 'both' } },
      { marks: { c1: 'none' } },
    ]);
    expect(readingOf(emptyBallot(s))).toEqual({ status: 'invalid', code: 'no-choice' });
  });

  it('letters record the committee’s ruling from the paper; "other" asks for the note', () => {
    const s = shape(4, 2);
    expect(bodyOf(type(emptyBallot(s), ['p']).state)).toEqual({ invalid: 'not-issued' });
    expect(bodyOf(type(emptyBallot(s), ['t']).state)).toEqual({ invalid: 'added-name' });
    expect(bodyOf(type(emptyBallot(s), ['k', 'k']).state)).toEqual({ struck: [] });
    expect(type(emptyBallot(s), ['o']).results[0]?.action).toBe('ask-note');
    expect(readingOf(type(emptyBallot(s), ['k']).state)).toEqual({
      status: 'paper',
      code: 'marked',
    });
  });

  it('marks typed before a ruling stay beside it, never thrown away (issue 9, item 2)', () => {
    const s = shape(4, 2);
    for (const [key, code] of [
      ['k', 'marked'],
      ['t', 'added-name'],
      ['p', 'not-issued'],
    ] as const) {
      expect(bodyOf(type(emptyBallot(s), ['1', '3', key]).state)).toEqual({
        struck: ['c1', 'c3'],
        ruling: { invalid: code },
      });
    }
    // A pending number is completed by the ruling key, not lost.
    const many = shape(12, 9);
    expect(bodyOf(type(emptyBallot(many), ['1', 'k']).state)).toEqual({
      struck: ['c1'],
      ruling: { invalid: 'marked' },
    });
    // The same letter again takes the ruling back; the marks are still there.
    expect(bodyOf(type(emptyBallot(s), ['2', 'k', 'k']).state)).toEqual({ struck: ['c2'] });
    // Another letter replaces the ruling; Backspace removes it, then the marks one by one.
    expect(bodyOf(type(emptyBallot(s), ['2', 'k', 'p']).state)).toEqual({
      struck: ['c2'],
      ruling: { invalid: 'not-issued' },
    });
    expect(bodyOf(type(emptyBallot(s), ['2', 'k', 'Backspace']).state)).toEqual({
      struck: ['c2'],
    });
    // "other": the note goes into the ruling; cancelling the note drops the ruling, not the marks.
    const other = type(emptyBallot(s), ['4', 'o']);
    expect(other.results[1]?.action).toBe('ask-note');
    expect(bodyOf(withNote(other.state, 'rách góc'))).toEqual({
      struck: ['c4'],
      ruling: { invalid: 'other', note: 'rách góc' },
    });
    expect(bodyOf(withNote(other.state, null))).toEqual({ struck: ['c4'] });
    // The screen shows the ballot counts under the ruling.
    expect(readingOf(type(emptyBallot(s), ['1', 'k']).state)).toEqual({
      status: 'paper',
      code: 'marked',
    });
  });

  it('approve layout: marks kept beside a ruling, and loaded back with it', () => {
    const s = shape(2, 2, 'approve');
    const body = bodyOf(type(emptyBallot(s), ['1', '2', '2', 'k']).state);
    expect(body).toEqual({ marks: { c1: 'agree', c2: 'disagree' }, ruling: { invalid: 'marked' } });
    expect(bodyOf(editorFromBody(s, body))).toEqual(body);
    const struck = { struck: ['c2'], ruling: { invalid: 'other' as const, note: 'chữ ký' } };
    expect(bodyOf(editorFromBody(shape(4, 2), struck))).toEqual(struck);
    expect(keysFor(shape(4, 2), struck)).toEqual(['2', 'o', 'Enter']);
  });

  it('candidate ids that are names of Object.prototype are ids like any other', () => {
    const codes = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const s: EditorShape = { layout: 'approve', seats: codes.length, codes };
    const body = bodyOf(type(emptyBallot(s), ['1', '3', '3']).state);
    expect(JSON.parse(JSON.stringify(body))).toEqual(
      JSON.parse(
        '{"marks":{"__proto__":"agree","constructor":"none","toString":"disagree","valueOf":"none","hasOwnProperty":"none"}}',
      ),
    );
    // A body read back from JSON (a plain object) with a mark missing: that row is blank, not a function.
    const partial = JSON.parse('{"marks":{"__proto__":"agree"}}');
    expect(editorFromBody(s, partial).marks).toEqual(['agree', 'none', 'none', 'none', 'none']);
    expect(keysFor(s, partial)).toEqual(['1', 'Enter']);
  });

  it('Escape clears the ballot; Ctrl+Z asks to undo the last saved ballot', () => {
    const s = shape(4, 2);
    expect(bodyOf(type(emptyBallot(s), ['1', 'Escape']).state)).toEqual({ struck: [] });
    expect(press(emptyBallot(s), { key: 'z', ctrl: true }).action).toBe('undo-last-ballot');
  });

  it('a saved ballot loads back for correction', () => {
    const s = shape(4, 2);
    expect(bodyOf(editorFromBody(s, { struck: ['c2', 'c4'] }))).toEqual({ struck: ['c2', 'c4'] });
    expect(bodyOf(editorFromBody(s, { invalid: 'other', note: 'rách' }))).toEqual({
      invalid: 'other',
      note: 'rách',
    });
  });

  it('typing the keys of any ballot reproduces it exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 250 }).chain((count) =>
          fc.record({
            count: fc.constant(count),
            layout: fc.constantFrom('strike' as const, 'approve' as const),
            picks: fc.uniqueArray(fc.integer({ min: 1, max: count }), {
              maxLength: Math.min(count, 40),
            }),
            marks: fc.array(
              fc.constantFrom(
                'agree' as const,
                'disagree' as const,
                'both' as const,
                'none' as const,
              ),
              { minLength: Math.min(count, 12), maxLength: Math.min(count, 12) },
            ),
          }),
        ),
        ({ count, layout, picks, marks }) => {
          const s = shape(layout === 'approve' ? Math.min(count, 12) : count, 1, layout);
          const body =
            layout === 'strike'
              ? { struck: s.codes.filter((_, i) => picks.includes(i + 1)) }
              : { marks: Object.fromEntries(s.codes.map((c, i) => [c, marks[i] ?? 'none'])) };
          const { state, results } = type(emptyBallot(s), keysFor(s, body));
          expect(results.every((r) => r.action !== 'rejected')).toBe(true);
          expect(results[results.length - 1]?.action).toBe('save');
          expect(bodyOf(state)).toEqual(body);
        },
      ),
      { numRuns: 500 },
    );
  });
});
