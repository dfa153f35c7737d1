/**
 * The introductions' keyboard, as a pure step: slide 0 is the whole list, slides 1…N the
 * candidates in ballot order. → ↓ PageDown Space: next; ← ↑ PageUp: back; Home: the list; End: the
 * last candidate; digits then Enter: that candidate (0: the list); Backspace: a digit back;
 * Escape: the digits dropped.
 */
export interface SlideState {
  /** 0: the list; n: the candidate numbered n on the ballot. */
  readonly slide: number;
  /** Digits typed so far, waiting for Enter. */
  readonly typed: string;
}

export const FIRST: SlideState = { slide: 0, typed: '' };

const clamp = (slide: number, count: number): number => Math.max(0, Math.min(count, slide));

/** The state after `key`, or null when the key is not the slides' (the browser keeps it). */
export function step(state: SlideState, key: string, count: number): SlideState | null {
  if (/^[0-9]$/u.test(key)) {
    return state.typed.length >= 4 ? state : { ...state, typed: state.typed + key };
  }
  switch (key) {
    case 'Enter':
      if (state.typed === '') return { slide: clamp(state.slide + 1, count), typed: '' };
      return { slide: clamp(Number(state.typed), count), typed: '' };
    case 'Backspace':
      if (state.typed !== '') return { ...state, typed: state.typed.slice(0, -1) };
      return { slide: clamp(state.slide - 1, count), typed: '' };
    case 'Escape':
      return state.typed === '' ? null : { ...state, typed: '' };
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return { slide: clamp(state.slide + 1, count), typed: '' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { slide: clamp(state.slide - 1, count), typed: '' };
    case 'Home':
      return FIRST;
    case 'End':
      return { slide: count, typed: '' };
    default:
      return null;
  }
}

/** The election the slides show, from the address: `#/intro?show=3`. */
export function showsElection(hash: string): number | null {
  const id = /[?&]show=(\d{1,9})\b/u.exec(hash)?.[1];
  return id === undefined ? null : Number(id);
}
