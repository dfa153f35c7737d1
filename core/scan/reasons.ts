/** Every reason a scanned sheet is refused, skipped or sent to review: one list each, worded once. */

/** Why a page is not a readable ballot of this election (a blank page is a skipped back side). */
export const REJECT_REASONS = [
  'blank',
  'missing-mark',
  'marks-inconsistent',
  'resolution',
  'unreadable-code',
  'not-a-ballot',
  'other-election',
  'other-round',
  'other-list',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Why a readable ballot goes to a person: a doubtful line, or ink that is not a plain mark. */
export const REVIEW_REASONS = [
  'doubtful-line',
  'ink-beside-name',
  'ink-outside-lines',
  /** Writing elsewhere on the sheet: the heading, the margins, below the list. */
  'ink-outside-list',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** Why a file or page could not be decoded into a sheet to read. */
export const DECODE_PROBLEMS = [
  'unreadable-file',
  'not-an-image',
  'too-large',
  'corrupt',
  'unsupported-pdf-image',
  'no-image-on-page',
  'duplicate-file',
  /** The reader stopped on this page (out of memory, a crash): the page only, never the batch. */
  'reader-crashed',
] as const;
export type DecodeProblem = (typeof DECODE_PROBLEMS)[number];

export const SCAN_REASONS = [
  ...REJECT_REASONS,
  ...REVIEW_REASONS,
  ...DECODE_PROBLEMS,
  'missing-side',
] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];
