/**
 * The reader's thresholds, as settings. A line's score is per mille: for a strike, the share of the
 * name's width crossed by added ink; for an approve box, the extent of the added ink over the
 * box's side. At or above `definite` the mark is certain; under `marginal` it is certainly absent;
 * between the two the sheet goes to review. Ink areas are in square millimetres.
 */
export interface ScanThresholds {
  readonly strike: { readonly definite: number; readonly marginal: number };
  readonly box: { readonly definite: number; readonly marginal: number };
  /** Added ink between or around the lines (a note, a signature, a written-in name). */
  readonly outsideMm2: number;
  /** Added ink on a candidate's line but away from the name (beside it, after it). */
  readonly besideMm2: number;
}

export const DEFAULT_THRESHOLDS: ScanThresholds = {
  strike: { definite: 550, marginal: 80 },
  box: { definite: 400, marginal: 150 },
  outsideMm2: 10,
  besideMm2: 14,
};
