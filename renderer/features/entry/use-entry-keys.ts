/**
 * The keyboard of the entry screen: every key typed outside a form field goes to the ballot
 * (editor.ts). Tab does not carry keystrokes out of the ballot into another field: the operator
 * leaves the ballot deliberately, with the mouse.
 */
import { useEffect, useRef } from 'react';
import { press, type EditorAction, type EditorState, type KeyResult } from './editor.ts';

/** Form fields keep their own keys: typing in one never reaches a ballot. */
export const FIELDS: ReadonlySet<string> = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Keys the ballot takes whatever they would do elsewhere (scroll, click a focused button). */
const BALLOT_KEYS = /^([0-9 ]|Enter|Backspace|Tab)$/u;

export interface EntryKeys {
  readonly editor: { current: EditorState };
  update(next: EditorState): void;
  /** A dialog is open: keys are its own. */
  readonly paused: boolean;
  act(action: EditorAction, result: KeyResult): void;
  /** Tab was pressed in the ballot. */
  onTab(): void;
}

export function useEntryKeys(keys: EntryKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { editor, update, paused, act, onTab } = ref.current;
      const target = e.target as HTMLElement | null;
      if (paused || (target !== null && FIELDS.has(target.tagName))) return;
      if (e.altKey || e.metaKey) return;
      if (BALLOT_KEYS.test(e.key)) e.preventDefault();
      if (e.key === 'Tab') {
        // Focus would move to the next field, and the next digits would land there.
        (document.activeElement as HTMLElement | null)?.blur();
        return onTab();
      }
      const r = press(editor.current, { key: e.key, ctrl: e.ctrlKey });
      if (r.state !== editor.current) update(r.state);
      if (r.action !== undefined) {
        e.preventDefault();
        act(r.action, r);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
