/**
 * Reviewing a doubtful sheet: a keyboard state machine, pure so that every key is tested without
 * a browser. The lines the reader was sure of keep their reading; each doubtful one takes one key
 * (strike: 1 struck, 0 not; approve: 1 agree, 2 disagree, 3 both, 0 blank), and the cursor moves
 * to the next. A ruling from the paper (P, T, K, O as in entry) stands beside the marks.
 */
import { marksOf, type Ballot } from '../../../core/ballot.ts';
import type { CommitteeInvalidCode, Layout, Mark } from '../../../core/codes.ts';
import type { ScanView } from '../../../core/scan/sheet-record.ts';
import { PAPER_KEYS } from '../entry/editor.ts';

/** A line's value: struck or not (strike layout), or its mark (approve layout). */
export type LineValue = 'struck' | 'kept' | Mark;

export interface ReviewLine {
  readonly id: string;
  /** What the reader read; null when it could not tell. */
  readonly read: LineValue | null;
  /** The person must look at it: doubtful, or ink beside it. */
  readonly doubtful: boolean;
}

export interface ReviewState {
  readonly layout: Layout;
  readonly lines: readonly ReviewLine[];
  /** The person's value for each doubtful line, by index. */
  readonly decided: Readonly<Record<number, LineValue>>;
  /** Index into `lines` of the doubtful line the keys go to; null when none is left. */
  readonly cursor: number | null;
  readonly ruling: CommitteeInvalidCode | null;
  readonly note: string;
}

export type ReviewAction = 'save' | 'ask-note' | 'later' | 'undecided';

const STRIKE_KEYS: Readonly<Record<string, LineValue>> = { '1': 'struck', '0': 'kept' };
const APPROVE_KEYS: Readonly<Record<string, LineValue>> = {
  '1': 'agree',
  '2': 'disagree',
  '3': 'both',
  '0': 'none',
};

export function reviewOf(layout: Layout, sheet: Pick<ScanView, 'lines' | 'review'>): ReviewState {
  const lines = sheet.lines.map((l) => ({
    id: l.id,
    read: layout === 'strike' ? l.struck : l.mark,
    doubtful:
      (layout === 'strike' ? l.struck : l.mark) === null ||
      l.reasons.length > 0 ||
      sheet.review.includes(l.id),
  }));
  const first = lines.findIndex((l) => l.doubtful);
  return {
    layout,
    lines,
    decided: {},
    cursor: first < 0 ? null : first,
    ruling: null,
    note: '',
  };
}

const nextDoubtful = (lines: readonly ReviewLine[], from: number): number | null => {
  for (let i = from; i < lines.length; i++) if (lines[i]!.doubtful) return i;
  return null;
};

const previousDoubtful = (lines: readonly ReviewLine[], before: number): number | null => {
  for (let i = before - 1; i >= 0; i--) if (lines[i]!.doubtful) return i;
  return null;
};

/** The value a line has now: the person's, or the reader's when the reader was sure. */
export function valueOf(state: ReviewState, index: number): LineValue | null {
  const line = state.lines[index]!;
  return state.decided[index] ?? (line.doubtful && line.read === null ? null : line.read);
}

/** Doubtful lines the reader could not read and the person has not decided. */
export const undecided = (state: ReviewState): number =>
  state.lines.filter((l, i) => l.doubtful && valueOf(state, i) === null).length;

export function press(
  state: ReviewState,
  key: string,
): { state: ReviewState; action?: ReviewAction } {
  const lower = key.toLowerCase();
  const values = state.layout === 'strike' ? STRIKE_KEYS : APPROVE_KEYS;
  const value = values[key];
  if (value !== undefined && state.cursor !== null) {
    const cursor = state.cursor;
    return {
      state: {
        ...state,
        decided: { ...state.decided, [cursor]: value },
        cursor: nextDoubtful(state.lines, cursor + 1) ?? cursor,
      },
    };
  }
  const ruling = PAPER_KEYS[lower];
  if (ruling !== undefined) {
    const next = { ...state, ruling: state.ruling === ruling ? null : ruling, note: '' };
    return next.ruling === 'other' ? { state: next, action: 'ask-note' } : { state: next };
  }
  switch (key) {
    case 'Enter':
      return undecided(state) > 0 ? { state, action: 'undecided' } : { state, action: 'save' };
    case 'Escape':
      return { state, action: 'later' };
    case 'Backspace': {
      if (state.ruling !== null) return { state: { ...state, ruling: null, note: '' } };
      const back = previousDoubtful(state.lines, state.cursor ?? state.lines.length);
      if (back === null) return { state };
      const decided = { ...state.decided };
      delete decided[back];
      return { state: { ...state, decided, cursor: back } };
    }
    case 'ArrowDown':
      return {
        state: {
          ...state,
          cursor: nextDoubtful(state.lines, (state.cursor ?? -1) + 1) ?? state.cursor,
        },
      };
    case 'ArrowUp':
      return {
        state: {
          ...state,
          cursor: previousDoubtful(state.lines, state.cursor ?? 0) ?? state.cursor,
        },
      };
    default:
      return { state };
  }
}

/** Clicking a line sets it to the next value, doubtful or not: the paper is what counts. */
export function toggle(state: ReviewState, index: number): ReviewState {
  const order: readonly LineValue[] =
    state.layout === 'strike' ? ['kept', 'struck'] : ['none', 'agree', 'disagree', 'both'];
  const now = valueOf(state, index);
  const next = order[(now === null ? -1 : order.indexOf(now)) + 1] ?? order[0]!;
  return { ...state, decided: { ...state.decided, [index]: next } };
}

export const withNote = (state: ReviewState, note: string | null): ReviewState =>
  note === null || note.trim() === ''
    ? { ...state, ruling: null, note: '' }
    : { ...state, note: note.trim() };

/** The ballot the person decided: every line's value, with the ruling beside the marks. */
export function ballotOf(state: ReviewState): Ballot {
  const ruling =
    state.ruling === null
      ? {}
      : { ruling: { invalid: state.ruling, ...(state.note === '' ? {} : { note: state.note }) } };
  if (state.layout === 'strike') {
    return {
      struck: state.lines.filter((_, i) => valueOf(state, i) === 'struck').map((l) => l.id),
      ...ruling,
    };
  }
  return {
    marks: marksOf(
      state.lines.map((l, i) => [l.id, (valueOf(state, i) ?? 'none') as Mark] as const),
    ),
    ...ruling,
  };
}
