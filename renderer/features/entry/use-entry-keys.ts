/**
 * The keyboard of a screen that types ballots (keyboard entry, confirming scans): every key typed
 * outside a form field goes to the ballot (editor.ts). Enter saves, O asks for the committee's
 * note, a number not on the ballot is said. Tab does not carry keystrokes out of the ballot into
 * another field: the operator leaves the ballot deliberately, with the mouse.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n.ts';
import { useAskOtherNote } from './AskOtherNote.tsx';
import { press, withNote, type EditorState } from './editor.ts';
import type { Notice } from './use-save-queue.ts';

/** Form fields keep their own keys: typing in one never reaches a ballot. */
export const FIELDS: ReadonlySet<string> = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Keys the ballot takes whatever they would do elsewhere (scroll, click a focused button). */
const BALLOT_KEYS = /^([0-9 ]|Enter|Backspace|Tab)$/u;

export interface EntryKeys {
  readonly editor: { current: EditorState };
  update(next: EditorState): void;
  say(notice: Notice): void;
  save(): void;
  /** Ctrl+Z: take back the last ballot saved here; a screen without it lets the key pass. */
  undo?(): void;
}

/** Listens while the screen is shown; returns the note dialog to render. */
export function useEntryKeys(keys: EntryKeys): ReactNode {
  const t = useT();
  // Cancelled: the ruling is taken back; the marks typed before it stay.
  const note = useAskOtherNote((text) => keys.update(withNote(keys.editor.current, text)));
  const ref = useRef({ ...keys, t, note });
  ref.current = { ...keys, t, note };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { editor, update, say, save, undo, t, note } = ref.current;
      const target = e.target as HTMLElement | null;
      if (note.asking || (target !== null && FIELDS.has(target.tagName))) return;
      if (e.altKey || e.metaKey) return;
      if (BALLOT_KEYS.test(e.key)) e.preventDefault();
      if (e.key === 'Tab') {
        // Focus would move to the next field, and the next digits would land there.
        (document.activeElement as HTMLElement | null)?.blur();
        return say({ text: t.count.tabStays, kind: 'warn' });
      }
      const r = press(editor.current, { key: e.key, ctrl: e.ctrlKey });
      if (r.state !== editor.current) update(r.state);
      if (r.action === undefined) return;
      e.preventDefault();
      switch (r.action) {
        case 'save':
          return save();
        case 'undo-last-ballot':
          return undo?.();
        case 'ask-note':
          return note.ask();
        case 'rejected':
          if (r.reason) say({ text: t.count.noSuchNumber(r.reason.number), kind: 'error' });
          return;
        case 'clear':
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return note.dialog;
}
