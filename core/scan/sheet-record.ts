/**
 * A scanned sheet as the congress file keeps it: where it came from (file, page, the image's
 * SHA-256), what the reader read line by line with its scores, and why it was doubted or refused.
 * The reading is kept as read; a person's decision is kept beside it, never in its place.
 */
import { z } from 'zod';
import { marksOf, type Ballot } from '../ballot.ts';
import { MARKS, type Layout } from '../codes.ts';
import { cleanText } from '../names.ts';
import { REVIEW_REASONS, SCAN_REASONS } from './reasons.ts';

export const SCAN_STATUSES = ['read', 'review', 'rejected', 'skipped'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

const perMille = z.int().min(0).max(1000);

export const scanLineSchema = z.strictObject({
  id: z.string().min(1).max(64),
  strike: perMille,
  agree: perMille,
  disagree: perMille,
  /** null: doubtful, for a person to decide. */
  struck: z.enum(['struck', 'kept']).nullable(),
  mark: z.enum(MARKS).nullable(),
  reasons: z.array(z.enum(REVIEW_REASONS)).max(REVIEW_REASONS.length),
});
export type ScanLine = z.output<typeof scanLineSchema>;

/** The affine map from ballot millimetres to image pixels of one side: a b c d e f. */
const transform = z.array(z.number().finite()).length(6);

export const scanSheetSchema = z.strictObject({
  /** The file's name as the scanner wrote it (no folder: the folder may name a person). */
  file: z.string().trim().min(1).max(255).transform(cleanText),
  page: z.int().min(1).max(100_000),
  pages: z.int().min(1).max(100_000),
  /** The page's own image (the file, for a one-page image): the same image twice is refused. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  /** The file as the scanner wrote it, kept under this name beside the congress file. */
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/u),
  status: z.enum(SCAN_STATUSES),
  reason: z.enum(SCAN_REASONS).optional(),
  detail: z.string().max(500).transform(cleanText).optional(),
  lines: z.array(scanLineSchema).max(2_000).optional(),
  review: z.array(z.string().min(1).max(64)).max(2_000).default([]),
  reasons: z.array(z.enum(REVIEW_REASONS)).max(REVIEW_REASONS.length).default([]),
  outsideMm2: z.number().min(0).max(1_000_000).default(0),
  /** One per side read, in side order (for showing the sheet straightened). */
  transforms: z.array(transform).max(8).default([]),
});
export type ScanSheet = z.output<typeof scanSheetSchema>;
export type ScanSheetInput = z.input<typeof scanSheetSchema>;

/** Why a sheet's form contradicts its status: a certain reading with a doubt in it, say. */
export type SheetFormProblem = 'lines-missing' | 'reason-missing' | 'doubt-in-read' | 'no-doubt';

export function sheetFormProblem(sheet: ScanSheet): SheetFormProblem | null {
  if (sheet.status === 'rejected' || sheet.status === 'skipped')
    return sheet.reason === undefined ? 'reason-missing' : null;
  if (sheet.lines === undefined) return 'lines-missing';
  const doubtful = sheet.lines.some(
    (l) => (l.struck === null && l.mark === null) || l.reasons.length > 0,
  );
  if (sheet.status === 'read')
    return doubtful || sheet.review.length > 0 || sheet.reasons.length > 0 ? 'doubt-in-read' : null;
  return doubtful || sheet.review.length > 0 || sheet.reasons.length > 0 ? null : 'no-doubt';
}

/** The ballot a certain reading is: the struck names, or every row's mark. */
export function ballotOfReading(layout: Layout, lines: readonly ScanLine[]): Ballot {
  return layout === 'strike'
    ? { struck: lines.filter((l) => l.struck === 'struck').map((l) => l.id) }
    : { marks: marksOf(lines.map((l) => [l.id, l.mark ?? 'none'] as const)) };
}

/** A scanned sheet as a station sees it. */
export interface ScanView {
  readonly id: number;
  /** Feed order within the election. */
  readonly seq: number;
  readonly batchId: number | null;
  /** The scanner pass it belongs to, when the stack is read more than once (its ballot is the reading's). */
  readonly readingId: number | null;
  readonly file: string;
  readonly page: number;
  readonly pages: number;
  readonly sha256: string;
  readonly fileSha256: string;
  readonly status: ScanStatus;
  readonly reason: string | null;
  readonly detail: string | null;
  readonly lines: readonly ScanLine[];
  readonly review: readonly string[];
  readonly reasons: readonly string[];
  /** Per side read: ballot points to image pixels. */
  readonly transforms: readonly (readonly number[])[];
  /** The ballot it became, read with certainty or decided. */
  readonly ballotN: number | null;
  readonly decision: {
    readonly ballot: Ballot;
    readonly by: string;
    readonly at: string;
  } | null;
  readonly scannedBy: string;
}

/** Rejections that say the paper is not a ballot of this election: no person can make it one. */
const NOT_THIS_ELECTION: ReadonlySet<string> = new Set([
  'other-election',
  'other-round',
  'other-list',
  'duplicate-file',
]);

/** A person may read this sheet from the paper: it is in review, or rejected but may be ours. */
export const isDecidable = (s: Pick<ScanView, 'status' | 'decision' | 'reason'>): boolean =>
  s.decision === null &&
  (s.status === 'review' ||
    (s.status === 'rejected' && (s.reason === null || !NOT_THIS_ELECTION.has(s.reason))));

/** A sheet in review holds its stack and its election open until a person decides it. */
export const awaitsDecision = (s: Pick<ScanView, 'status' | 'decision'>): boolean =>
  s.status === 'review' && s.decision === null;

/** A sheet of a scanner pass that is, or will be once decided, one of the pass's ballots. */
export const isPassBallot = (s: Pick<ScanView, 'status' | 'decision'>): boolean =>
  s.decision !== null || s.status === 'read' || s.status === 'review';

/** What a sheet says: a person's decision, else the reader's reading (a doubtful line as unmarked). */
export const sheetBallot = (layout: Layout, s: Pick<ScanView, 'lines' | 'decision'>): Ballot =>
  s.decision?.ballot ?? ballotOfReading(layout, s.lines);
