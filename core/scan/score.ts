/**
 * Scoring added ink on one side: the scan's list area minus the blank's printed ink, then per line
 * how much of the name a stroke crosses (strike) or how far the ink in each box extends (approve),
 * and how much ink lies beside the names or outside the lines.
 */
import type { BallotSide, Rect } from '../documents/ballot-geometry.ts';
import type { GrayImage, Mask } from './image.ts';
import type { Reference } from './reference.ts';

export interface LineScore {
  readonly candidateId: string;
  /** Strike layout: per mille of the name's width crossed. */
  readonly strike: number;
  /** Approve layout: per mille extent of the ink in each box. */
  readonly agree: number;
  readonly disagree: number;
  /** Added ink on the line away from the name and boxes, in mm². */
  readonly besideMm2: number;
}

export interface SideScores {
  readonly lines: readonly LineScore[];
  /** Added ink in the list area outside every line, in mm². */
  readonly outsideMm2: number;
  /** The added ink itself, for drawing a debug picture. */
  readonly added: Mask;
}

const MM_PER_PT = 25.4 / 72;

/** Ink the blank did not print, without isolated specks (dust, noise). */
export function addedInk(patch: GrayImage, printed: Mask, white: number): Mask {
  const { width, height } = patch;
  const cut = white * 0.62;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) if (patch.data[i]! < cut && !printed.bits[i]) ink[i] = 1;
  const out = new Uint8Array(width * height);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (!ink[i]) continue;
      const n =
        ink[i - width - 1]! +
        ink[i - width]! +
        ink[i - width + 1]! +
        ink[i - 1]! +
        ink[i + 1]! +
        ink[i + width - 1]! +
        ink[i + width]! +
        ink[i + width + 1]!;
      if (n >= 2) out[i] = 1;
    }
  }
  return { width, height, bits: out };
}

interface Box {
  readonly u0: number;
  readonly v0: number;
  readonly u1: number;
  readonly v1: number;
}

function boxOf(r: Rect, area: Rect, res: number, mask: Mask): Box {
  return {
    u0: Math.max(0, Math.round((r.x - area.x) * res)),
    v0: Math.max(0, Math.round((r.y - area.y) * res)),
    u1: Math.min(mask.width, Math.round((r.x + r.w - area.x) * res)),
    v1: Math.min(mask.height, Math.round((r.y + r.h - area.y) * res)),
  };
}

/** How many of the flags are set once gaps of at most `gap` between set runs are closed. */
function bridgedCount(flags: Uint8Array, gap: number): number {
  let count = 0;
  let lastSet = -1;
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    count += lastSet >= 0 && i - lastSet - 1 <= gap ? i - lastSet : 1;
    lastSet = i;
  }
  return count;
}

function columnsWithInk(mask: Mask, b: Box): Uint8Array {
  const flags = new Uint8Array(Math.max(0, b.u1 - b.u0));
  for (let v = b.v0; v < b.v1; v++) {
    const row = v * mask.width;
    for (let u = b.u0; u < b.u1; u++) if (mask.bits[row + u]) flags[u - b.u0] = 1;
  }
  return flags;
}

function rowsWithInk(mask: Mask, b: Box): Uint8Array {
  const flags = new Uint8Array(Math.max(0, b.v1 - b.v0));
  for (let v = b.v0; v < b.v1; v++) {
    const row = v * mask.width;
    for (let u = b.u0; u < b.u1; u++) {
      if (mask.bits[row + u]) {
        flags[v - b.v0] = 1;
        break;
      }
    }
  }
  return flags;
}

function countIn(mask: Mask, b: Box, skip: readonly Box[] = []): number {
  let n = 0;
  for (let v = b.v0; v < b.v1; v++) {
    const row = v * mask.width;
    for (let u = b.u0; u < b.u1; u++) {
      if (!mask.bits[row + u]) continue;
      if (skip.some((s) => u >= s.u0 && u < s.u1 && v >= s.v0 && v < s.v1)) continue;
      n++;
    }
  }
  return n;
}

/** Scores of every line of a side, from the list area sampled at the reference's resolution. */
export function scoreSide(
  side: BallotSide,
  patch: GrayImage,
  reference: Reference,
  white: number,
): SideScores {
  const { res, area } = reference;
  const added = addedInk(patch, reference.printed, white);
  const pxToMm2 = (px: number): number => (px * (MM_PER_PT * MM_PER_PT)) / (res * res);
  const bands: Box[] = [];
  const lines = side.lines.map((line): LineScore => {
    const fontPx = line.name.fontSize * res;
    const band = boxOf(line.band, area, res, added);
    bands.push(band);
    if (line.boxes === null) {
      const zone = boxOf(line.zone, area, res, added);
      const span = boxOf(
        { x: line.name.x, y: line.zone.y, w: line.name.width, h: line.zone.h },
        area,
        res,
        added,
      );
      // Letters hide the stroke where it crosses them: close gaps up to about two letters wide.
      const covered = bridgedCount(columnsWithInk(added, span), Math.round(1.0 * fontPx));
      const strike = Math.round((1000 * covered) / Math.max(1, span.u1 - span.u0));
      // Beside the name: the band left of the number and right of the name's zone (with room
      // for a stroke that runs on past the last letter).
      const keep: Box = {
        u0: Math.round((line.number.x - area.x) * res) - Math.round(0.3 * fontPx),
        v0: band.v0,
        u1: zone.u1 + Math.round(1.5 * fontPx),
        v1: band.v1,
      };
      return {
        candidateId: line.candidateId,
        strike,
        agree: 0,
        disagree: 0,
        besideMm2: pxToMm2(countIn(added, band, [keep])),
      };
    }
    const boxScore = (r: Rect): number => {
      const b = boxOf(r, area, res, added);
      const side = Math.min(b.u1 - b.u0, b.v1 - b.v0);
      const gap = Math.round(side * 0.15);
      const extent = Math.max(
        bridgedCount(columnsWithInk(added, b), gap),
        bridgedCount(rowsWithInk(added, b), gap),
      );
      return Math.min(1000, Math.round((1000 * extent) / Math.max(1, side)));
    };
    const agree = boxOf(line.boxes.agree, area, res, added);
    const disagree = boxOf(line.boxes.disagree, area, res, added);
    return {
      candidateId: line.candidateId,
      strike: 0,
      agree: boxScore(line.boxes.agree),
      disagree: boxScore(line.boxes.disagree),
      besideMm2: pxToMm2(countIn(added, band, [agree, disagree])),
    };
  });
  const all: Box = { u0: 0, v0: 0, u1: added.width, v1: added.height };
  return { lines, outsideMm2: pxToMm2(countIn(added, all, bands)), added };
}
