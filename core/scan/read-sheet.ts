/**
 * Reading one scanned page: marks, orientation, QR code, then every line scored against the blank.
 * A page is `read` only when every reading is certain; any doubt is `review` with its reasons;
 * a page that is not a readable ballot of this election is `rejected` with its reason. Never a guess.
 */
import type { Mark } from '../codes.ts';
import { formatBallotCode, parseBallotCode, type BallotCode } from '../documents/ballot-code.ts';
import type { BallotGeometry, Paper, Rect } from '../documents/ballot-geometry.ts';
import { fitAffine, scaleOf, type Affine, type Point } from './affine.ts';
import type { GrayImage } from './image.ts';
import { findMarks, paperWhite } from './marks.ts';
import { decodeQr, qrInk, qrSymbol, showsSymbol, type QrSymbol } from './qr.ts';
import type { Reference } from './reference.ts';
import { remembered } from './remembered.ts';
import { sampleRect } from './sample.ts';
import {
  scoreRest,
  scoreSide,
  strikeSpanRows,
  type LineScore,
  type RestScore,
  type SideScores,
} from './score.ts';
import type { ScanThresholds } from './settings.ts';
import type { RejectReason, ReviewReason } from './reasons.ts';

export type StrikeReading = 'struck' | 'kept';
/** An approve row as read: the ballot's own marks (core/codes.ts). */
export type ApproveMark = Mark;

export type { RejectReason, ReviewReason } from './reasons.ts';

export interface LineReading {
  readonly candidateId: string;
  readonly score: LineScore;
  /** null when the line is doubtful. */
  readonly struck: StrikeReading | null;
  readonly mark: ApproveMark | null;
  readonly reasons: readonly ReviewReason[];
}

export type SideReading =
  | {
      readonly status: 'read' | 'review';
      readonly code: BallotCode;
      readonly lines: readonly LineReading[];
      /** Candidate ids whose reading is uncertain. */
      readonly review: readonly string[];
      readonly reasons: readonly ReviewReason[];
      /** Added ink outside every line, in the list area and on the rest of the sheet, in mm². */
      readonly outsideMm2: number;
      /** Added ink on the sheet outside the list area (heading, margins, below the list). */
      readonly rest: RestScore;
      /** The affine map from ballot points to image pixels, for drawing. */
      readonly transform: Affine;
      readonly scores: SideScores;
    }
  | {
      readonly status: 'rejected';
      readonly reason: RejectReason;
      /** For missing marks, the image corners (0 top-left, clockwise). */
      readonly corners?: readonly number[];
      readonly code?: BallotCode;
    };

/** A side's code as this election's sheets carry it, and where it is printed. */
export interface CodeSymbol {
  readonly qr: Rect;
  readonly symbol: QrSymbol;
}

/**
 * What the reader needs of an election: its expected code and, per paper, geometry, blank and the
 * symbol of the code each side carries (worked out once per election, not per sheet).
 */
export interface ScanTarget {
  readonly expected: BallotCode;
  readonly layoutFor: (paper: Paper) => {
    readonly geometry: BallotGeometry;
    readonly references: readonly Reference[];
    readonly symbols: readonly CodeSymbol[];
  } | null;
}

/** Per side of a layout, the symbol of the code `expected` on that side and where it is printed. */
export function codeSymbols(geometry: BallotGeometry, expected: BallotCode): CodeSymbol[] {
  const sides = geometry.sides.length;
  return geometry.sides.map((s, k) => ({
    qr: s.qr,
    symbol: qrSymbol(
      formatBallotCode({ ...expected, paper: geometry.paper, side: k + 1, sides }),
      s.qr.w,
    ),
  }));
}

/**
 * The list area's pixels, one buffer per blank kept from sheet to sheet: nothing read from them
 * outlives the reading of a sheet, and a fresh megabyte a sheet is work for the memory manager.
 */
const listPixels = new WeakMap<Reference, Uint8Array>();
const darkestPixels = new WeakMap<Reference, Uint8Array>();

const centre = (r: { x: number; y: number; w: number; h: number }): Point => ({
  x: r.x + r.w / 2,
  y: r.y + r.h / 2,
});

/**
 * Marked, not marked, or doubtful. Faint ink (a light pencil, a thin stroke blurred by a low
 * resolution) that would reach the marginal score makes an absent mark doubtful: never "not
 * marked" for a stroke a person can see.
 */
function classify(
  score: number,
  faint: number,
  t: { definite: number; marginal: number },
): boolean | null {
  if (score >= t.definite) return true;
  if (score < t.marginal && faint < t.marginal) return false;
  return null;
}

/**
 * A box's mark is certain when its dark ink reaches the definite score and spreads across and down
 * at least the marginal one (a line straight down or across a box is not a mark); or, the same
 * rule as a strike's, when the dark ink reaches the marginal score and the mark with its faint
 * ink the definite one, both ways. Never under a streak.
 */
export function classifyBox(
  s: { dark: number; darkNarrow: number; faint: number; faintNarrow: number },
  streak: boolean,
  t: { definite: number; marginal: number },
): boolean | null {
  if (streak) return null;
  if (s.dark >= t.definite && s.darkNarrow >= t.marginal) return true;
  if (s.dark >= t.marginal && s.faint >= t.definite && s.faintNarrow >= t.marginal) return true;
  return classify(s.dark, s.faint, { definite: Infinity, marginal: t.marginal });
}

/**
 * Ink on a name that runs on past its end (or starts before it) this far, in mm, is a stroke over
 * its last (or first) letters, however much of the stroke the letters hide; when the name itself
 * carries any ink of it (RUN_ON_INK ‰: a stroke along the tops of the last letters shows a sliver
 * or two, and a dot after a clean name none). Ink clear of the print over SOME_INK ‰ is a stroke
 * too (through a letter's counter, between letters): a letter's edge out of place never is.
 */
const RUN_ON_MM = 1.2;
const RUN_ON_INK = 5;
const SOME_INK = 40;

/** Dark ink on the baseline or under it in nearly all its columns (‰): an underline, maybe. */
const LOW = 900;

/**
 * Dark ink along one row of a name this much longer (mm) than the print's own run there: a stroke
 * laid along the letters, however much of it they hide. Letters in the scan run at most a pixel or
 * two longer than in the blank (0.35 mm on every deck, clean names).
 */
const BAR_MM = 0.9;

/** A thin stroke joined by its faint stretches is certain only where dark over this share (‰). */
const JOINED_DARK = 250;

/**
 * A strike is certain when dark ink crosses the definite share of the name; or when a thin stroke,
 * dark over a quarter of the name at least, reaches it with its faint stretches joined, and no faint
 * line runs on beside the name (a fold's shadow crosses the whole sheet; a voter's stroke stops).
 * Neither is certain when the ink lies along the letters' feet: an underline touching them is not
 * a strike, and a line along the baseline may be either.
 *
 * A name is left standing, certain, only when neither dark nor faint ink reaches the marginal
 * share, no light line (lighter than faint) does either, nothing shows clear of the print, no dark
 * run along a row joins its letters, and no ink on it runs on past its ends. Anything else a
 * person can see on a name is doubt.
 */
export function classifyStrike(score: LineScore, t: ScanThresholds): boolean | null {
  const { definite, marginal } = t.strike;
  const struck =
    score.strike >= definite ||
    (score.joinedStrike >= definite &&
      score.strike >= JOINED_DARK &&
      score.faintBesideMm2 < t.besideMm2);
  if (struck) return score.lowShare >= LOW ? null : true;
  if (Math.max(score.strike, score.faintStrike, score.lightStrike) >= marginal) return null;
  const seen = score.clearStrike >= SOME_INK || score.barMm >= BAR_MM;
  const runsOn = score.runOnMm >= RUN_ON_MM && score.lightStrike >= RUN_ON_INK;
  return seen || runsOn ? null : false;
}

export function readSide(
  image: GrayImage,
  target: ScanTarget,
  thresholds: ScanThresholds,
): SideReading {
  const search = findMarks(image);
  if (search.kind === 'blank') return { status: 'rejected', reason: 'blank' };
  if (search.kind === 'missing') {
    return { status: 'rejected', reason: 'missing-mark', corners: search.corners };
  }
  const found = search.marks.map((m) => m.centre);
  const portrait =
    Math.hypot(found[1]!.x - found[0]!.x, found[1]!.y - found[0]!.y) <
    Math.hypot(found[2]!.x - found[1]!.x, found[2]!.y - found[1]!.y);
  // The marks are the same on every paper and side: any geometry of the election places them.
  const first = target.layoutFor(target.expected.paper) ?? target.layoutFor('A4');
  const fallbackPaper: Paper = target.expected.paper === 'A4' ? 'A5' : 'A4';
  const geometries = [first, target.layoutFor(fallbackPaper)].filter((g) => g !== null);
  const white = search.white;
  let decoded: { text: string; transform: Affine } | null = null;
  let anyFit = false;
  for (const layout of geometries) {
    const side0 = layout.geometry.sides[0]!;
    const marks = side0.marks.map(centre);
    const fits = (portrait ? [0, 2] : [1, 3]).flatMap((r) => {
      const to = marks.map((_, i) => found[(i + r) % 4]!);
      const fit = fitAffine(marks, to);
      if (fit === null) return [];
      const scale = scaleOf(fit.transform);
      if (fit.residual > 3 * scale) return [];
      return [{ transform: fit.transform, ink: qrInk(image, fit.transform, side0.qr, white) }];
    });
    if (fits.length > 0) anyFit = true;
    fits.sort((p, q) => q.ink - p.ink);
    // The code this election's sheets carry, checked module by module first; the decoder reads
    // any other (another election's, a damaged one).
    for (const fit of fits) {
      const shown = layout.symbols.find((s) =>
        showsSymbol(image, fit.transform, s.qr, s.symbol, white),
      );
      const text = shown?.symbol.text ?? decodeQr(image, fit.transform, side0.qr);
      if (text !== null) {
        decoded = { text, transform: fit.transform };
        break;
      }
    }
    if (decoded !== null) break;
  }
  if (!anyFit) return { status: 'rejected', reason: 'marks-inconsistent' };
  if (decoded === null) return { status: 'rejected', reason: 'unreadable-code' };
  const code = parseBallotCode(decoded.text);
  if (code === null) return { status: 'rejected', reason: 'not-a-ballot' };
  const expected = target.expected;
  if (code.election !== expected.election)
    return { status: 'rejected', reason: 'other-election', code };
  if (code.round !== expected.round) return { status: 'rejected', reason: 'other-round', code };
  if (code.fingerprint !== expected.fingerprint || code.layout !== expected.layout) {
    return { status: 'rejected', reason: 'other-list', code };
  }
  const layout = target.layoutFor(code.paper);
  const side = layout?.geometry.sides[code.side - 1];
  const reference = layout?.references[code.side - 1];
  if (
    layout === null ||
    layout === undefined ||
    side === undefined ||
    reference === undefined ||
    code.sides !== layout.geometry.sides.length
  ) {
    return { status: 'rejected', reason: 'other-list', code };
  }
  const transform = decoded.transform;
  // Under 100 dpi a ballpoint stroke is thinner than a pixel: not a scan to count from.
  if (scaleOf(transform) * 72 < 95) return { status: 'rejected', reason: 'resolution', code };
  const pixels = remembered(
    listPixels,
    reference,
    () => new Uint8Array(reference.printed.width * reference.printed.height),
  );
  const darkest = remembered(darkestPixels, reference, () => new Uint8Array(pixels.length));
  const patch = sampleRect(image, transform, reference.area, reference.res, {
    into: pixels,
    mean: true,
    darkest,
    darkestRows: strikeSpanRows(side, reference),
  });
  const paper = paperWhite(patch, 3);
  // The image's columns (the scanner's feed) in the straightened list: T⁻¹·(0, 1), up to scale.
  const feed = { du: -transform.b, dv: transform.a };
  const scores = scoreSide(side, patch, reference, paper, feed, darkest);
  const sheet = reference.sheet;
  const rest = scoreRest(
    sheet.parts.map((p) => sampleRect(image, transform, p.area, sheet.res)),
    sheet,
    paper,
  );
  const lines = scores.lines.map((score): LineReading => {
    const reasons: ReviewReason[] = [];
    if (score.besideMm2 >= thresholds.besideMm2) reasons.push('ink-beside-name');
    if (layout.geometry.layout === 'strike') {
      const struck = classifyStrike(score, thresholds);
      if (struck === null) reasons.push('doubtful-line');
      return {
        candidateId: score.candidateId,
        score,
        struck: struck === null ? null : struck ? 'struck' : 'kept',
        mark: null,
        reasons,
      };
    }
    const agree = classifyBox(
      {
        dark: score.agree,
        darkNarrow: score.agreeNarrow,
        faint: score.faintAgree,
        faintNarrow: score.faintAgreeNarrow,
      },
      score.streak,
      thresholds.box,
    );
    const disagree = classifyBox(
      {
        dark: score.disagree,
        darkNarrow: score.disagreeNarrow,
        faint: score.faintDisagree,
        faintNarrow: score.faintDisagreeNarrow,
      },
      score.streak,
      thresholds.box,
    );
    let mark: ApproveMark | null = null;
    if (agree === null || disagree === null || score.streak) reasons.push('doubtful-line');
    else mark = agree && disagree ? 'both' : agree ? 'agree' : disagree ? 'disagree' : 'none';
    return { candidateId: score.candidateId, score, struck: null, mark, reasons };
  });
  const reasons = new Set<ReviewReason>(lines.flatMap((l) => l.reasons));
  // Where the ink is: among the lines, or elsewhere on the sheet (so the person knows where to
  // look); ink split over both that is enough together goes where most of it is.
  const outsideMm2 = scores.outsideMm2 + rest.mm2;
  if (scores.outsideMm2 >= thresholds.outsideMm2) reasons.add('ink-outside-lines');
  if (rest.mm2 >= thresholds.outsideMm2) reasons.add('ink-outside-list');
  if (outsideMm2 >= thresholds.outsideMm2) {
    reasons.add(rest.mm2 > scores.outsideMm2 ? 'ink-outside-list' : 'ink-outside-lines');
  }
  const review = lines.filter((l) => l.reasons.length > 0).map((l) => l.candidateId);
  return {
    status: reasons.size === 0 ? 'read' : 'review',
    code,
    lines,
    review,
    reasons: [...reasons],
    outsideMm2,
    rest,
    transform,
    scores,
  };
}
