/** Entry keys of issue 9: Backspace after Ctrl+Z (item 12), a neutral fresh ballot (item 13). */
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  editorFromBody,
  emptyBallot,
  isUntouched,
  press,
  type EditorShape,
  type EditorState,
} from '../../renderer/features/entry/editor.ts';
import { readingText } from '../../renderer/features/entry/reading.ts';
import { vi } from '../../core/messages/vi.ts';

const strike: EditorShape = { layout: 'strike', seats: 3, codes: ['c1', 'c2', 'c3', 'c4', 'c5'] };
const approve: EditorShape = { layout: 'approve', seats: 2, codes: ['c1', 'c2'] };
const type = (s: EditorState, keys: string[]): EditorState =>
  keys.reduce((state, key) => press(state, { key }).state, s);

describe('a ballot brought back (Ctrl+Z, a correction) is edited like one just typed', () => {
  it('Backspace takes back the marks one by one (strike)', () => {
    const back = editorFromBody(strike, { struck: ['c2', 'c4'] });
    expect(bodyOf(type(back, ['Backspace']))).toEqual({ struck: ['c2'] });
    expect(bodyOf(type(back, ['Backspace', 'Backspace']))).toEqual({ struck: [] });
    expect(bodyOf(type(back, ['Backspace', '5']))).toEqual({ struck: ['c2', 'c5'] });
  });

  it('Backspace steps an approve row back (both → disagree → agree → none)', () => {
    const back = editorFromBody(approve, { marks: { c1: 'agree', c2: 'both' } });
    expect(bodyOf(type(back, ['Backspace']))).toEqual({ marks: { c1: 'agree', c2: 'disagree' } });
    expect(bodyOf(type(back, ['Backspace', 'Backspace', 'Backspace']))).toEqual({
      marks: { c1: 'agree', c2: 'none' },
    });
  });

  it('with a ruling beside the marks, Backspace takes the ruling first, then the marks', () => {
    const back = editorFromBody(strike, { struck: ['c1'], ruling: { invalid: 'marked' } });
    expect(bodyOf(type(back, ['Backspace']))).toEqual({ struck: ['c1'] });
    expect(bodyOf(type(back, ['Backspace', 'Backspace']))).toEqual({ struck: [] });
  });
});

describe('a fresh ballot reads neither valid nor invalid until the first key', () => {
  it('a fresh strike ballot is neutral, not "over the seats"', () => {
    const fresh = emptyBallot(strike);
    expect(isUntouched(fresh)).toBe(true);
    expect(readingText(vi, fresh)).toEqual({ text: vi.count.untouched, kind: 'neutral' });
  });

  it('any key that changes the ballot ends the neutral state, and so does a ruling', () => {
    expect(readingText(vi, type(emptyBallot(strike), ['1'])).kind).toBe('invalid');
    expect(readingText(vi, type(emptyBallot(strike), ['1', '2'])).kind).toBe('valid');
    expect(readingText(vi, type(emptyBallot(strike), ['k']))).toEqual({
      text: vi.invalid.marked,
      kind: 'invalid',
    });
    // Toggled and toggled back: the operator has read this ballot; it is shown for what it is.
    expect(readingText(vi, type(emptyBallot(strike), ['1', '1'])).kind).toBe('invalid');
    expect(readingText(vi, type(emptyBallot(strike), ['1', 'Escape'])).kind).toBe('neutral');
  });

  it('a ballot loaded back is never neutral', () => {
    expect(isUntouched(editorFromBody(strike, { struck: ['c1', 'c2'] }))).toBe(false);
  });
});
