/**
 * The ballot being typed: a keyboard state machine, pure so that every keystroke rule is tested
 * without a browser. Numbers toggle candidates (a strike, or agree → disagree → both → none in the
 * approve layout); a number that cannot grow into another candidate's number acts at once, so
 * most ballots need one key per struck name and Enter.
 */
import { marksInOrder, marksOf, rulingOf, type Ballot } from '../../../core/ballot.ts';
import { readMarks, type Reading } from '../../../core/classify.ts';
import type { CommitteeInvalidCode, Layout, Mark } from '../../../core/codes.ts';

export interface EditorShape {
  readonly layout: Layout;
  readonly seats: number;
  /** Candidate codes in ballot order: number k is codes[k - 1]. */
  readonly codes: readonly string[];
}

export interface EditorState {
  readonly shape: EditorShape;
  readonly struck: readonly boolean[];
  readonly marks: readonly Mark[];
  /**
   * The committee's ruling (a letter key). Marks typed before it stay beside it (rules.md): the
   * ballot is then its marks with the ruling; with no marks, a ruling from the paper alone.
   */
  readonly paper: CommitteeInvalidCode | null;
  readonly note: string;
  /** Digits typed that may still grow into a longer number. */
  readonly buffer: string;
  /** Numbers toggled, most recent last (Backspace takes the last one back). */
  readonly history: readonly number[];
}

export type EditorAction = 'save' | 'clear' | 'undo-last-ballot' | 'ask-note' | 'rejected';

export interface KeyResult {
  readonly state: EditorState;
  readonly action?: EditorAction;
  /** Why a key did nothing (shown to the operator, never silent). */
  readonly reason?: { readonly code: 'no-such-number'; readonly number: number };
}

/** Letters for the committee's rulings from the paper (keys the digits leave free). */
export const PAPER_KEYS: Readonly<Record<string, CommitteeInvalidCode>> = {
  p: 'not-issued',
  t: 'added-name',
  k: 'marked',
  o: 'other',
};

const NEXT_MARK: Readonly<Record<Mark, Mark>> = {
  none: 'agree',
  agree: 'disagree',
  disagree: 'both',
  both: 'none',
};

export function emptyBallot(shape: EditorShape): EditorState {
  const n = shape.codes.length;
  return {
    shape,
    struck: Array.from({ length: n }, () => false),
    marks: Array.from({ length: n }, () => 'none' as Mark),
    paper: null,
    note: '',
    buffer: '',
    history: [],
  };
}

const MARK_STEPS: Readonly<Record<Mark, number>> = { none: 0, agree: 1, disagree: 2, both: 3 };

/** The numbers that toggle an empty ballot into these marks, in ballot order. */
function togglesOf(struck: readonly boolean[], marks: readonly Mark[]): number[] {
  const numbers: number[] = [];
  struck.forEach((s, i) => s && numbers.push(i + 1));
  marks.forEach((m, i) => {
    for (let k = 0; k < MARK_STEPS[m]; k++) numbers.push(i + 1);
  });
  return numbers;
}

/**
 * A ballot already saved, loaded back (a correction, or Ctrl+Z): its marks and the ruling beside
 * them, with the toggles that made them, so that Backspace takes them back one by one.
 */
export function editorFromBody(shape: EditorShape, body: Ballot): EditorState {
  const state = emptyBallot(shape);
  const ruling = rulingOf(body);
  const ruled = ruling === undefined ? {} : { paper: ruling.invalid, note: ruling.note ?? '' };
  const struck = 'struck' in body ? shape.codes.map((c) => body.struck.includes(c)) : state.struck;
  const marks = 'marks' in body ? marksInOrder(body.marks, shape.codes) : state.marks;
  return { ...state, struck, marks, history: togglesOf(struck, marks), ...ruled };
}

/** Nothing typed yet: the screen shows a neutral state, not a reading. */
export const isUntouched = (state: EditorState): boolean =>
  state.paper === null && state.buffer === '' && state.history.length === 0 && !hasMarks(state);

/** Whether any mark was entered (a ruling then stands beside the marks, not alone). */
function hasMarks(state: EditorState): boolean {
  return state.struck.some(Boolean) || state.marks.some((m) => m !== 'none');
}

/** The note asked for an "other" ruling; null (cancelled) takes the ruling back, marks stay. */
export function withNote(state: EditorState, note: string | null): EditorState {
  return note === null ? { ...state, paper: null, note: '' } : { ...state, note };
}

function toggle(state: EditorState, number: number): EditorState {
  const i = number - 1;
  if (state.shape.layout === 'strike') {
    return {
      ...state,
      struck: state.struck.map((s, j) => (j === i ? !s : s)),
      history: [...state.history, number],
    };
  }
  return {
    ...state,
    marks: state.marks.map((m, j) => (j === i ? NEXT_MARK[m] : m)),
    history: [...state.history, number],
  };
}

/** Takes back the last toggle (for approve: steps the row back once). */
function untoggle(state: EditorState): EditorState {
  const last = state.history[state.history.length - 1];
  if (last === undefined) return state;
  const history = state.history.slice(0, -1);
  const i = last - 1;
  if (state.shape.layout === 'strike')
    return { ...state, struck: state.struck.map((s, j) => (j === i ? !s : s)), history };
  const previous =
    (Object.keys(NEXT_MARK) as Mark[]).find((m) => NEXT_MARK[m] === state.marks[i]) ?? 'none';
  return { ...state, marks: state.marks.map((m, j) => (j === i ? previous : m)), history };
}

/** Applies the pending digits, if any. */
export function flush(state: EditorState): EditorState {
  if (state.buffer === '') return state;
  return { ...toggle(state, Number(state.buffer)), buffer: '' };
}

const canGrow = (buffer: string, count: number): boolean => Number(buffer) * 10 <= count;

function digit(state: EditorState, d: string): KeyResult {
  const count = state.shape.codes.length;
  const grown = state.buffer + d;
  if (state.buffer !== '' && Number(grown) <= count) {
    const next = { ...state, buffer: grown };
    return { state: canGrow(grown, count) ? next : flush(next) };
  }
  // The digit starts a new number: whatever was pending is complete.
  const flushed = flush(state);
  const n = Number(d);
  if (n === 0 || n > count) {
    return { state: flushed, action: 'rejected', reason: { code: 'no-such-number', number: n } };
  }
  const next = { ...flushed, buffer: d };
  return { state: canGrow(d, count) ? next : flush(next) };
}

export interface KeyInput {
  readonly key: string;
  readonly ctrl?: boolean;
}

export function press(state: EditorState, { key, ctrl = false }: KeyInput): KeyResult {
  if (ctrl && (key === 'z' || key === 'Z')) return { state, action: 'undo-last-ballot' };
  if (/^[0-9]$/u.test(key)) return state.paper === null ? digit(state, key) : { state };
  switch (key) {
    case ' ':
    case '.':
    case '+':
      return { state: flush(state) };
    case 'Enter':
      return { state: flush(state), action: 'save' };
    case 'Escape':
      return { state: emptyBallot(state.shape), action: 'clear' };
    case 'Backspace':
      if (state.buffer !== '') return { state: { ...state, buffer: state.buffer.slice(0, -1) } };
      if (state.paper !== null) return { state: { ...state, paper: null, note: '' } };
      return { state: untoggle(state) };
    default:
      break;
  }
  const paper = PAPER_KEYS[key.toLowerCase()];
  if (paper !== undefined && !ctrl) {
    if (state.paper === paper) return { state: { ...state, paper: null, note: '' } };
    // The marks typed so far stay: the ruling is recorded beside them, never in their place.
    const ruled = { ...flush(state), paper, note: '' };
    return paper === 'other' ? { state: ruled, action: 'ask-note' } : { state: ruled };
  }
  return { state };
}

/** What the screen shows as the operator types: valid, over-vote, all-struck, no-choice, or the ruling. */
export function readingOf(
  state: EditorState,
): Reading | { readonly status: 'paper'; readonly code: CommitteeInvalidCode } {
  if (state.paper !== null) return { status: 'paper', code: state.paper };
  const shape = { seats: state.shape.seats, candidates: state.shape.codes.length };
  if (state.shape.layout === 'strike') {
    const struck: number[] = [];
    state.struck.forEach((s, i) => s && struck.push(i));
    return readMarks({ kind: 'strike', struck }, shape);
  }
  return readMarks({ kind: 'approve', marks: state.marks }, shape);
}

/** The ballot as the service takes it: the one ballot type of core/ballot.ts. */
export function bodyOf(state: EditorState): Ballot {
  const { codes, layout } = state.shape;
  const note = state.note.trim();
  const ruling =
    state.paper === null
      ? undefined
      : note === ''
        ? { invalid: state.paper }
        : { invalid: state.paper, note };
  if (ruling !== undefined && !hasMarks(state)) return ruling;
  const beside = ruling === undefined ? {} : { ruling };
  if (layout === 'strike') return { struck: codes.filter((_, i) => state.struck[i]), ...beside };
  return { marks: marksOf(codes.map((c, i) => [c, state.marks[i] ?? 'none'])), ...beside };
}

/**
 * The keys an operator types for a ballot whose struck numbers are given (ascending), adding a
 * separator only where two numbers would run together; for the keystroke benchmark and tests.
 */
export function keysFor(shape: EditorShape, body: Ballot): string[] {
  const keys: string[] = [];
  const ruling = rulingOf(body);
  const rulingKey =
    ruling === undefined
      ? []
      : [Object.entries(PAPER_KEYS).find(([, c]) => c === ruling.invalid)?.[0] ?? 'o'];
  if ('invalid' in body) return [...rulingKey, 'Enter'];
  const count = shape.codes.length;
  const numbers: number[] = [];
  if ('struck' in body)
    shape.codes.forEach((c, i) => body.struck.includes(c) && numbers.push(i + 1));
  else {
    marksInOrder(body.marks, shape.codes).forEach((mark, i) => {
      for (let s = 0; s < MARK_STEPS[mark]; s++) numbers.push(i + 1);
    });
  }
  let pending = '';
  for (const n of numbers) {
    const text = String(n);
    // A pending number that the next digits would extend needs a separator first.
    if (pending !== '' && Number(pending + text[0]) <= count) keys.push(' ');
    keys.push(...text);
    pending = canGrow(text, count) ? text : '';
  }
  keys.push(...rulingKey, 'Enter');
  return keys;
}
