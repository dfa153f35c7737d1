/** A grid of cells, the same for both formats (.xlsx and .csv). */
import type { LegacyEncoding } from '../../core/legacy-text.ts';

export interface Cell {
  readonly text: string;
  /** Legacy encoding named by the cell's font (.VnTime, VNI-Times); `upper` for .VnTimeH. */
  readonly font?: { readonly encoding: LegacyEncoding; readonly upper: boolean };
  /** Copied from the top of a vertically merged block: shown, but not data of its own. */
  readonly inherited?: boolean;
  /** Already Unicode (a rich-text cell whose runs were decoded one by one). */
  readonly decoded?: boolean;
  /** The formula of a formula cell (its text is the value Excel last computed). */
  readonly formula?: string;
}
/** rows[r - 1][c - 1] is the cell at row r, column c. */
export type Grid = readonly (readonly Cell[])[];

export const EMPTY: Cell = { text: '' };
export const cellAt = (grid: Grid, row: number, col: number): Cell =>
  grid[row - 1]?.[col - 1] ?? EMPTY;
