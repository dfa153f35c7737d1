/**
 * The ballot being typed, for a screen that types ballots (keyboard entry, confirming scans): its
 * state, a ref the key handler reads without waiting for a render, and one way to change both.
 */
import { useCallback, useRef, useState } from 'react';
import type { ElectionView } from '../../../core/views.ts';
import { emptyBallot, type EditorShape, type EditorState } from './editor.ts';

export function useEditor(election: ElectionView) {
  const shape: EditorShape = {
    layout: election.layout,
    seats: election.seats,
    codes: election.candidates.map((c) => c.code),
  };
  const [editor, setEditor] = useState<EditorState>(() => emptyBallot(shape));
  const editorRef = useRef(editor);
  const update = useCallback((next: EditorState) => {
    editorRef.current = next;
    setEditor(next);
  }, []);
  return { shape, editor, editorRef, update };
}
