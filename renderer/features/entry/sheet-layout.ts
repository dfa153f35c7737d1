/**
 * How the ballot's names are laid out on the entry screen: up to 20 rows a column and up to three
 * columns (wide enough for a long Vietnamese name), so any list up to 60 names is seen whole on a
 * 1366×768 screen; a longer list scrolls and keeps the candidate being typed in view.
 */
import type { EditorState } from './editor.ts';

export const ROWS_PER_COLUMN = 20;
export const MAX_COLUMNS = 3;

export function sheetGrid(count: number): { columns: number; rows: number; scrolls: boolean } {
  const columns = Math.min(MAX_COLUMNS, Math.max(1, Math.ceil(count / ROWS_PER_COLUMN)));
  return {
    columns,
    rows: Math.max(1, Math.ceil(count / columns)),
    scrolls: count > ROWS_PER_COLUMN * MAX_COLUMNS,
  };
}

/** The candidate number the operator is at: the one being typed, else the last one toggled. */
export const cursorOf = (state: EditorState): number | null =>
  state.buffer !== '' ? Number(state.buffer) : (state.history.at(-1) ?? null);
