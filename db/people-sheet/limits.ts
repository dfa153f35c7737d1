/**
 * Hard limits on a spreadsheet, checked before anything is expanded: a list of people is at most
 * 20,000 rows (importDelegates takes no more), a few columns, short cells. A file past a limit is
 * refused with the limit named; nothing in it is read further.
 */
import { MAX_SHEET_BYTES } from '../../core/protocol/sheet.ts';

export const SHEET_LIMITS = {
  /** The file as sent. */
  fileBytes: MAX_SHEET_BYTES,
  /** Every part of an .xlsx once unzipped, together: a real list of 20,000 people is ~15 MB. */
  expandedBytes: 64 * 1024 * 1024,
  /** Parts in an .xlsx (a workbook has a dozen or two). */
  zipEntries: 1_000,
  /** Rows of one sheet: 20,000 people, their title, header and footer rows. */
  rows: 25_000,
  /** Columns: a list has ten or so; Excel's last column is 16,384. */
  columns: 256,
  /** Cells of one sheet's used rectangle (rows × columns), what the reader lays out. */
  cells: 1_000_000,
  /** Characters in one cell: a name is at most 200, any text the app keeps 2,000. */
  cellChars: 2_000,
  /**
   * A candidate's details, as the projector and the handout show them: a place, a position, a
   * unit or a degree is a line or two; the biography is a short paragraph read from the back of
   * a hall (tóm tắt), not a CV.
   */
  detailChars: 200,
  biographyChars: 600,
  /** Wall time for reading one file, in the reader's worker. */
  seconds: 20,
  /** The worker's heap. */
  heapMb: 512,
} as const;

export type { SheetLimit } from '../../core/protocol/sheet.ts';
