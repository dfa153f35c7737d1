/** The review of a doubtful sheet, key by key: one key per doubtful line, rulings, going back. */
import { describe, expect, it } from 'vitest';
import type { ScanLine } from '../../core/scan/sheet-record.ts';
import {
  ballotOf,
  press,
  reviewOf,
  toggle,
  undecided,
  withNote,
  type ReviewState,
} from '../../renderer/features/scan/review.ts';

const line = (id: string, over: Partial<ScanLine> = {}): ScanLine => ({
  id,
  strike: 0,
  agree: 0,
  disagree: 0,
  struck: 'kept',
  mark: null,
  reasons: [],
  ...over,
});

/** c1 struck for sure, c2 doubtful, c3 kept, c4 doubtful, c5 kept but with ink beside it. */
const sheet = {
  lines: [
    line('c1', { struck: 'struck', strike: 900 }),
    line('c2', { struck: null, strike: 400 }),
    line('c3'),
    line('c4', { struck: null, strike: 300 }),
    line('c5', { reasons: ['ink-beside-name'] }),
  ],
  review: ['c2', 'c4'],
};

const keys = (state: ReviewState, ...pressed: string[]) => {
  let s = state;
  const actions: (string | undefined)[] = [];
  for (const k of pressed) {
    const r = press(s, k);
    s = r.state;
    actions.push(r.action);
  }
  return { state: s, actions };
};

describe('reviewing a doubtful sheet', () => {
  it('starts on the first doubtful line and walks the doubtful ones only', () => {
    const s = reviewOf('strike', sheet);
    expect(s.cursor).toBe(1);
    expect(s.lines.map((l) => l.doubtful)).toEqual([false, true, false, true, true]);
    expect(undecided(s)).toBe(2);
    expect(keys(s, '1').state.cursor).toBe(3);
    expect(keys(s, '1', '0').state.cursor).toBe(4);
  });

  it('Enter saves only when every doubtful line is decided; the certain lines keep their reading', () => {
    const s = reviewOf('strike', sheet);
    expect(keys(s, 'Enter').actions).toEqual(['undecided']);
    const done = keys(s, '1', '0', 'Enter');
    expect(done.actions.at(-1)).toBe('save');
    expect(ballotOf(done.state)).toEqual({ struck: ['c1', 'c2'] });
  });

  it('a line with ink beside it may be decided too: the paper is what counts', () => {
    const s = keys(reviewOf('strike', sheet), '0', '0', '1').state;
    expect(ballotOf(s)).toEqual({ struck: ['c1', 'c5'] });
  });

  it('Backspace takes back the last decision and returns to its line', () => {
    const s = keys(reviewOf('strike', sheet), '1', '0', 'Backspace').state;
    expect(s.cursor).toBe(3);
    expect(undecided(s)).toBe(1);
  });

  it('P T K O rule the ballot from the paper beside the marks; O asks for a note', () => {
    const base = keys(reviewOf('strike', sheet), '1', '0').state;
    const k = keys(base, 'k', 'Enter');
    expect(k.actions).toEqual([undefined, 'save']);
    expect(ballotOf(k.state)).toEqual({ struck: ['c1', 'c2'], ruling: { invalid: 'marked' } });
    const o = press(base, 'o');
    expect(o.action).toBe('ask-note');
    expect(ballotOf(withNote(o.state, 'chữ ký'))).toEqual({
      struck: ['c1', 'c2'],
      ruling: { invalid: 'other', note: 'chữ ký' },
    });
    // A cancelled note takes the ruling back.
    expect(withNote(o.state, null).ruling).toBeNull();
    expect(keys(base, 'k', 'Backspace').state.ruling).toBeNull();
  });

  it('Esc leaves the sheet for later', () => {
    expect(press(reviewOf('strike', sheet), 'Escape').action).toBe('later');
  });

  it('approve layout: 1 agree, 2 disagree, 3 both, 0 blank', () => {
    const approve = {
      lines: [
        line('c1', { struck: null, mark: 'agree' }),
        line('c2', { struck: null, mark: null }),
        line('c3', { struck: null, mark: null }),
      ],
      review: ['c2', 'c3'],
    };
    const s = keys(reviewOf('approve', approve), '3', '2', 'Enter');
    expect(s.actions.at(-1)).toBe('save');
    expect(ballotOf(s.state)).toEqual({ marks: { c1: 'agree', c2: 'both', c3: 'disagree' } });
  });

  it('a click steps a line through its values', () => {
    const s = reviewOf('strike', sheet);
    expect(ballotOf(toggle(s, 2))).toEqual({ struck: ['c1', 'c3'] });
    expect(ballotOf(toggle(toggle(s, 0), 0))).toEqual({ struck: ['c1'] });
  });
});
