/**
 * What voters draw, in the second simulator's own terms: strikes through a name as found on the
 * printed page (straight, wavy, double, partial, slanted, scribbled; felt, ballpoint, gel, pencil;
 * black, blue, red), an X, tick or slash in an approve box, and distractors that are not strikes
 * (tick, dot, underline, circle beside a name) or ink a committee must look at (a written-in
 * name, a signature, a note).
 */
import * as issue from '../issue-marks.ts';
import type { Box, NameSpot } from './printed.ts';
import {
  dotSvg,
  penStyle,
  strokeSvg,
  wobble,
  type Ink,
  type InkName,
  type PenKind,
  type Pt,
} from './pen.ts';
import type { Random } from './random.ts';

export type StrikeStyle = issue.Strike | 'scribble';
export const STRIKE_STYLES: readonly StrikeStyle[] = [...issue.STRIKES, 'scribble'];

/** On a line, and not a strike: the reading stays "kept" (or the sheet goes to review). */
export type LineDistractor = issue.NotStrike;
export const LINE_DISTRACTORS: readonly LineDistractor[] = issue.NOT_STRIKES;
/** Ink away from the names: the sheet must go to review. */
export type OutsideInk = issue.InkOutsideLines;
export const OUTSIDE_INK: readonly OutsideInk[] = issue.INK_OUTSIDE_LINES;

export type BoxMark = 'x' | 'tick' | 'slash';

const em = (s: NameSpot): number => s.words.y1 - s.words.y0;
const mid = (s: NameSpot): number => (s.bodyY0 + s.bodyY1) / 2;

function line(r: Random, from: Pt, to: Pt, n = 24): Pt[] {
  const bow = r.real(-0.6, 0.6);
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = i / n;
    return [
      from[0] + (to[0] - from[0]) * t,
      from[1] + (to[1] - from[1]) * t + bow * 4 * t * (1 - t),
    ] as const;
  });
}

/** The centre lines of a strike through a name. */
function strikeLines(r: Random, s: NameSpot, style: StrikeStyle): Pt[][] {
  const e = em(s);
  const y = mid(s) + r.real(-0.08, 0.08) * e;
  let x0 = s.inkX0 - (r.chance(0.15) ? r.real(1.0, 1.6) : r.real(-0.1, 0.5)) * e;
  let x1 = s.inkX1 + r.real(-0.1, 0.7) * e;
  const tilt = r.real(-0.04, 0.04) * (x1 - x0);
  switch (style) {
    case 'partial': {
      // Most of the name, from one end: a hurried stroke that stops short.
      const keep = r.real(0.7, 0.9);
      if (r.chance(0.5)) x1 = s.inkX0 + (s.inkX1 - s.inkX0) * keep;
      else x0 = s.inkX1 - (s.inkX1 - s.inkX0) * keep;
      return [wobble(r, line(r, [x0, y - tilt / 2], [x1, y + tilt / 2]), 0.05 * e)];
    }
    case 'wavy': {
      const amp = r.real(0.12, 0.28) * e;
      const period = r.real(0.6, 1.5) * e;
      const phase = r.real(0, 6.3);
      const n = Math.ceil((x1 - x0) / 0.8);
      return [
        Array.from({ length: n + 1 }, (_, i) => {
          const x = x0 + ((x1 - x0) * i) / n;
          return [
            x,
            y + tilt * (i / n - 0.5) + amp * Math.sin(phase + ((x - x0) / period) * 6.283),
          ] as const;
        }),
      ];
    }
    case 'double': {
      const gap = r.real(0.1, 0.18) * e;
      return [
        wobble(r, line(r, [x0, y - gap], [x1, y - gap + tilt]), 0.04 * e),
        wobble(
          r,
          line(r, [x0 + r.real(-2, 2), y + gap], [x1 + r.real(-3, 3), y + gap + tilt]),
          0.04 * e,
        ),
      ];
    }
    case 'slanted': {
      const rise = r.real(0.3, 0.8) * e * (r.chance(0.5) ? 1 : -1);
      return [wobble(r, line(r, [x0, y + rise / 2], [x1, y - rise / 2]), 0.04 * e)];
    }
    case 'scribble': {
      const amp = r.real(0.18, 0.3) * e;
      const step = r.real(0.25, 0.5) * e;
      const pts: Pt[] = [];
      for (let x = x0, up = true; x <= x1; x += step, up = !up)
        pts.push([x, y + (up ? -amp : amp) + r.real(-0.05, 0.05) * e]);
      return [pts];
    }
    case 'straight':
    case 'felt':
    case 'ballpoint':
    case 'pencil':
      return [wobble(r, line(r, [x0, y - tilt / 2], [x1, y + tilt / 2]), 0.05 * e)];
  }
}

const penFor = (r: Random, style: StrikeStyle): PenKind =>
  style === 'felt'
    ? 'felt'
    : style === 'ballpoint'
      ? 'ballpoint'
      : style === 'pencil'
        ? 'pencil'
        : r.pick(['ballpoint', 'gel', 'felt', 'ballpoint'] as const);

export function strikeSvg(r: Random, s: NameSpot, style: StrikeStyle, ink: InkName): Ink[] {
  const pen = penStyle(r, penFor(r, style), ink);
  return strikeLines(r, s, style).map((l) => strokeSvg(r, l, pen));
}

/** A distractor drawn on a name's line, never through the name. */
export function lineDistractorSvg(r: Random, s: NameSpot, kind: LineDistractor, ink: InkName): Ink {
  const e = em(s);
  const pen = penStyle(r, r.pick(['ballpoint', 'gel'] as const), ink);
  const after = s.inkX1 + r.real(0.8, 1.6) * e;
  const y = mid(s);
  switch (kind) {
    case 'tick':
      return strokeSvg(
        r,
        [
          [after, y],
          [after + 0.3 * e, y + 0.35 * e],
          [after + 0.85 * e, y - 0.55 * e],
        ],
        pen,
      );
    case 'dot':
      return dotSvg(
        r.chance(0.7) ? after : s.words.x0 - r.real(1.5, 2.5) * e,
        y,
        r.real(0.8, 1.5),
        pen,
      );
    case 'underline': {
      // Under the letters' baseline, as a reader underlines: below the lower-case body.
      const uy = s.bodyY1 + r.real(0.12, 0.3) * e;
      const x0 = s.inkX0 + r.real(-0.2, 0.2) * e;
      const x1 = s.inkX1 + r.real(-0.3, 0.3) * e;
      return strokeSvg(
        r,
        wobble(r, line(r, [x0, uy], [x1, uy + r.real(-0.08, 0.08) * e]), 0.02 * e),
        pen,
      );
    }
    case 'circle': {
      const rad = r.real(0.3, 0.45) * e;
      const cx = after + rad;
      const start = r.real(0, 6.3);
      const pts: Pt[] = Array.from({ length: 41 }, (_, i) => {
        const a = start + (i / 40) * 6.283 * 1.08;
        return [cx + rad * Math.cos(a), y + rad * 0.9 * Math.sin(a)] as const;
      });
      return strokeSvg(r, pts, pen);
    }
  }
}

/** A mark in an approve box: the box is the inside of its cell. */
export function boxMarkSvg(r: Random, box: Box, kind: BoxMark, ink: InkName): Ink[] {
  const pen = penStyle(r, r.pick(['ballpoint', 'gel', 'gel', 'felt', 'pencil'] as const), ink);
  const side = Math.min(box.x1 - box.x0, box.y1 - box.y0);
  const h = (side * r.real(0.45, 0.8)) / 2;
  const cx = (box.x0 + box.x1) / 2 + r.real(-0.15, 0.15) * side;
  const cy = (box.y0 + box.y1) / 2 + r.real(-0.1, 0.1) * side;
  const j = (): number => r.real(-0.12, 0.12) * h;
  switch (kind) {
    case 'x':
      return [
        strokeSvg(r, line(r, [cx - h + j(), cy - h + j()], [cx + h + j(), cy + h + j()], 12), pen),
        strokeSvg(r, line(r, [cx + h + j(), cy - h + j()], [cx - h + j(), cy + h + j()], 12), pen),
      ];
    case 'tick':
      return [
        strokeSvg(
          r,
          [
            [cx - h, cy],
            [cx - h * 0.25, cy + h * 0.8],
            [cx + h, cy - h],
          ],
          pen,
        ),
      ];
    case 'slash':
      return [
        strokeSvg(r, line(r, [cx - h + j(), cy + h + j()], [cx + h + j(), cy - h + j()], 12), pen),
      ];
  }
}

/** A stray dot in a box (a pen rested there): not a mark. */
export function boxDotSvg(r: Random, box: Box, ink: InkName): Ink {
  const pen = penStyle(r, 'ballpoint', ink);
  const x = box.x0 + (box.x1 - box.x0) * r.real(0.2, 0.8);
  const y = box.y0 + (box.y1 - box.y0) * r.real(0.2, 0.8);
  return dotSvg(x, y, r.real(0.7, 1.2), pen);
}

/**
 * Handwriting in a free spot: joined cursive letters (one to three arches or loops each, some with
 * an ascender), a name or a signature on one line, a note on two; a signature ends in a flourish.
 */
export function outsideInkSvg(r: Random, spot: Box, kind: OutsideInk, ink: InkName): Ink[] {
  const pen = penStyle(r, r.pick(['ballpoint', 'gel'] as const), ink);
  const rows = kind === 'note' ? 2 : 1;
  const out: Ink[] = [];
  for (let row = 0; row < rows; row++) {
    const base = spot.y0 + 15 + row * 11;
    const size = kind === 'signature' ? r.real(8, 11) : r.real(5.5, 7.5);
    const pts: Pt[] = [];
    let x = spot.x0 + r.real(0, 6);
    while (x < spot.x1 - 8) {
      const arches = r.int(1, 3);
      const tall = r.chance(0.25) ? 2 : 1;
      const w = size * r.real(0.3, 0.45);
      const slant = size * 0.2;
      for (let a = 0; a < arches; a++) {
        const h = size * 0.5 * (a === 0 ? tall : 1);
        // Up and over like an n, or a loop like an e or an l.
        const loop = r.chance(0.4);
        for (let t = 0; t <= 6; t++) {
          const q = (t / 6) * Math.PI;
          const dx = loop ? (w / 2) * (1 - Math.cos(q)) - (w / 3) * Math.sin(q) : (w * t) / 6;
          pts.push([x + dx + slant * Math.sin(q), base - Math.sin(q) * h + r.real(-0.3, 0.3)]);
        }
        x += w;
      }
      // A gap between words now and then: the pen lifts.
      if (r.chance(0.2) && pts.length > 8) {
        out.push(strokeSvg(r, pts.splice(0), pen));
        x += size * 0.6;
      }
    }
    if (kind === 'signature') pts.push([x + 4, base - 5], [spot.x0 + r.real(0, 10), base + 3]);
    if (pts.length > 1) out.push(strokeSvg(r, pts, pen));
  }
  return out;
}
