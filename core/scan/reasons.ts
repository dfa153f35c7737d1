/** Every reason a scanned sheet is refused, skipped or sent to review: one union, worded once. */
import type { RejectReason, ReviewReason } from './read-sheet.ts';

/** Why a file or page could not be decoded into a sheet to read. */
export type DecodeProblem =
  | 'unreadable-file'
  | 'not-an-image'
  | 'too-large'
  | 'corrupt'
  | 'unsupported-pdf-image'
  | 'no-image-on-page'
  | 'duplicate-file'
  /** The reader stopped on this page (out of memory, a crash): the page only, never the batch. */
  | 'reader-crashed';

export type ScanReason = RejectReason | ReviewReason | DecodeProblem | 'missing-side';
