/** What the entry screen says about the ballot being typed. */
import type { Messages } from '../../../core/messages/index.ts';
import { isUntouched, readingOf, type EditorState } from './editor.ts';

export type ReadingKind = 'neutral' | 'valid' | 'invalid';

export function readingText(t: Messages, state: EditorState): { text: string; kind: ReadingKind } {
  // A fresh ballot is neither valid nor invalid yet: nothing is said until the first key.
  if (isUntouched(state)) return { text: t.count.untouched, kind: 'neutral' };
  const r = readingOf(state);
  return r.status === 'valid'
    ? { text: t.count.valid(r.chosen), kind: 'valid' }
    : { text: t.invalid[r.code], kind: 'invalid' };
}
