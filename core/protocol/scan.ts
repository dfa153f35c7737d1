/**
 * Scanning from a station: the host reads files the scanner wrote on its own disk (chosen files,
 * or the new files of a watched folder), records each sheet through `recordScan`, and shows any
 * sheet straightened with its lines, for review.
 */
import { z } from 'zod';
import type { Rect } from '../documents/ballot-geometry.ts';
import type { Refusal } from '../refusal.ts';
import type { ScanReason } from '../scan/reasons.ts';

const id = z.int().min(1);

/** The app's pre-congress test deck: every line struck and kept several times over. */
export const SCAN_TEST_BALLOTS = 20;
const path = z.string().min(1).max(4096);

export const scanCalls = {
  /** These files, in this order (the scanner's feed order). */
  files: z.strictObject({
    electionId: id,
    batchId: id.optional(),
    /** The scanner pass the sheets belong to, when each stack is read more than once. */
    readingId: id.optional(),
    paths: z.array(path).min(1).max(5_000),
  }),
  /** The files of this folder not fed yet, in name order; a station calls it again to watch. */
  folder: z.strictObject({
    electionId: id,
    batchId: id.optional(),
    readingId: id.optional(),
    folder: path,
  }),
  /** The pre-congress test: the scans of the printed test deck in this folder, judged. */
  test: z.strictObject({ electionId: id, folder: path }),
  /** The run under way, if any: for the progress bar. */
  progress: z.strictObject({}),
  /** One side of a recorded sheet, straightened, with where each line is. */
  image: z.strictObject({
    electionId: id,
    scanId: id,
    side: z.int().min(1).max(8).default(1),
  }),
} as const;

/** A page that could not be recorded: unreadable, not an image, or refused (a duplicate). */
export interface ScanProblem {
  readonly file: string;
  readonly page: number;
  readonly reason?: ScanReason;
  readonly detail?: string;
  readonly refusals?: readonly Refusal[];
}

export interface ScanRunView {
  /** Files read in this run (a watched folder's files already fed are not read again). */
  readonly files: number;
  readonly sheets: number;
  /** Read with certainty: ballots now. */
  readonly counted: number;
  readonly review: number;
  readonly rejected: number;
  /** Blank back sides of a duplex scan. */
  readonly skipped: number;
  readonly problems: readonly ScanProblem[];
  readonly milliseconds: number;
}

export interface ScanProgressView {
  readonly electionId: number;
  readonly listed: number;
  readonly done: number;
  readonly milliseconds: number;
}

export interface ScanLineBox {
  readonly candidateId: string;
  /** The candidate's number on the ballot (1-based). */
  readonly number: number;
  readonly band: Rect;
  readonly zone: Rect;
  readonly boxes: { readonly agree: Rect; readonly disagree: Rect } | null;
}

export interface ScanImageView {
  /** JPEG, for the screen. */
  readonly base64: string;
  readonly width: number;
  readonly height: number;
  /** Image pixels per ballot point; null when the sheet could not be straightened (rejected). */
  readonly scale: number | null;
  readonly sides: number;
  readonly lines: readonly ScanLineBox[];
}

/** One ballot of the test deck: read as printed, or not and why. */
export interface ScanTestBallot {
  /** The deck's number; null for a sheet beyond the deck. */
  readonly n: number | null;
  readonly outcome: 'match' | 'mismatch' | 'missing' | 'extra';
  readonly file?: string;
  readonly page?: number;
  readonly status?: 'read' | 'review' | 'rejected' | 'skipped';
  readonly reason?: ScanReason;
  /** Strike layout: the struck candidates read and expected (ids). */
  readonly got?: readonly string[] | Readonly<Record<string, string>>;
  readonly expected?: readonly string[] | Readonly<Record<string, string>>;
}

export interface ScanTestView {
  readonly ballots: readonly ScanTestBallot[];
  readonly matched: number;
  readonly total: number;
}
