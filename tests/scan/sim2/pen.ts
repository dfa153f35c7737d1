/**
 * The second simulator's hand: strokes as filled ribbons (a centre line with a pressure-varying
 * width, tapered ends, a slow wobble) written as SVG and composited onto the printed page with
 * sharp (librsvg), multiplied like ink on paper. Coordinates in PDF points.
 */
import type { Random } from './random.ts';

export type Pt = readonly [number, number];

export interface InkStyle {
  /** sRGB colour of the ink. */
  readonly colour: string;
  readonly opacity: number;
  /** Nominal width in points. */
  readonly width: number;
  /** Pencil: several thin strands, lighter, for the grain. */
  readonly strands: number;
  /** Ballpoint skips: short gaps in the stroke (points), 0 for none. */
  readonly skips: number;
}

export const INKS = {
  black: '#16161c',
  blue: '#1e3ca6',
  royal: '#2b4fd4',
  red: '#c3232b',
  pencil: '#4a4a50',
} as const;

export type InkName = keyof typeof INKS;
export type PenKind = 'ballpoint' | 'felt' | 'gel' | 'pencil';

export function penStyle(r: Random, kind: PenKind, ink: InkName): InkStyle {
  switch (kind) {
    case 'ballpoint':
      return {
        colour: INKS[ink],
        opacity: r.real(0.8, 0.95),
        width: r.real(0.6, 1.0),
        strands: 1,
        skips: r.chance(0.4) ? r.real(0.6, 2.5) : 0,
      };
    case 'gel':
      return {
        colour: INKS[ink],
        opacity: r.real(0.88, 1),
        width: r.real(0.9, 1.4),
        strands: 1,
        skips: 0,
      };
    case 'felt':
      return {
        colour: INKS[ink],
        opacity: r.real(0.8, 0.92),
        width: r.real(2.4, 3.8),
        strands: 1,
        skips: 0,
      };
    case 'pencil':
      return {
        colour: INKS.pencil,
        opacity: r.real(0.85, 1),
        width: r.real(0.7, 1.2),
        strands: 3,
        skips: 0,
      };
  }
}

/** A centre line with a hand's slow wobble added (two low-frequency waves, random phases). */
export function wobble(r: Random, points: readonly Pt[], amount: number): Pt[] {
  const f1 = r.real(0.01, 0.04);
  const f2 = r.real(0.05, 0.12);
  const p1 = r.real(0, 6.3);
  const p2 = r.real(0, 6.3);
  let s = 0;
  return points.map((p, i) => {
    if (i > 0) s += Math.hypot(p[0] - points[i - 1]![0], p[1] - points[i - 1]![1]);
    const d = amount * (0.7 * Math.sin(p1 + s * f1 * 6.3) + 0.3 * Math.sin(p2 + s * f2 * 6.3));
    return [p[0], p[1] + d] as const;
  });
}

/** Points along a polyline every `step` points (the ribbon needs a dense centre line). */
export function densify(points: readonly Pt[], step = 0.6): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 0; k < n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  out.push(points[points.length - 1]!);
  return out;
}

const f = (v: number): string => v.toFixed(2);

/** Ink drawn: SVG elements in points, and the box they cover (points). */
export interface Ink {
  readonly svg: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One ribbon as an SVG polygon path: left edge forward, right edge back. */
function ribbon(r: Random, line: readonly Pt[], width: number): string {
  const n = line.length;
  if (n < 2) return '';
  const pressure1 = r.real(0, 6.3);
  const left: string[] = [];
  const right: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = line[Math.max(0, i - 1)]!;
    const b = line[Math.min(n - 1, i + 1)]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy) || 1;
    const t = i / (n - 1);
    // Pressure: tapered at both ends (the pen lands and lifts), a slow swell in between.
    const taper = Math.min(1, t / 0.06, (1 - t) / 0.06);
    const w = (width / 2) * (0.35 + 0.65 * taper) * (0.85 + 0.15 * Math.sin(pressure1 + t * 9));
    const nx = (-dy / len) * w;
    const ny = (dx / len) * w;
    const [x, y] = line[i]!;
    left.push(`${f(x + nx)},${f(y + ny)}`);
    right.push(`${f(x - nx)},${f(y - ny)}`);
  }
  return `M${left.join('L')}L${right.reverse().join('L')}Z`;
}

/** One stroke along `centre` (points) in a given ink style. */
export function strokeSvg(r: Random, centre: readonly Pt[], style: InkStyle): Ink {
  const dense = densify(centre);
  const pieces: Pt[][] = [];
  if (style.skips > 0 && dense.length > 40) {
    // A ballpoint that skips: one or two short gaps somewhere in the middle.
    let from = 0;
    for (const at of [r.real(0.25, 0.45), r.real(0.55, 0.8)]) {
      const i = Math.floor(at * dense.length);
      const gap = Math.max(1, Math.round(style.skips / 0.6));
      if (i - from < 4) continue;
      pieces.push(dense.slice(from, i));
      from = i + gap;
    }
    pieces.push(dense.slice(from));
  } else pieces.push(dense);
  const out: string[] = [];
  for (const piece of pieces) {
    for (let s = 0; s < style.strands; s++) {
      const off = style.strands === 1 ? 0 : (s - (style.strands - 1) / 2) * style.width * 0.45;
      const line = off === 0 ? piece : piece.map(([x, y]) => [x, y + off] as const);
      const width = style.strands === 1 ? style.width : style.width * 0.55;
      const opacity = style.strands === 1 ? style.opacity : style.opacity * r.real(0.55, 0.75);
      out.push(
        `<path d="${ribbon(r, line, width)}" fill="${style.colour}" fill-opacity="${opacity.toFixed(2)}"/>`,
      );
    }
  }
  const pad = style.width * 2;
  return {
    svg: out.join(''),
    x0: Math.min(...dense.map((p) => p[0])) - pad,
    y0: Math.min(...dense.map((p) => p[1])) - pad,
    x1: Math.max(...dense.map((p) => p[0])) + pad,
    y1: Math.max(...dense.map((p) => p[1])) + pad,
  };
}

/** A dot of ink (a pen set down), an ellipse in points. */
export function dotSvg(x: number, y: number, radius: number, style: InkStyle): Ink {
  return {
    svg: `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(radius)}" ry="${f(radius * 0.85)}" fill="${style.colour}" fill-opacity="${style.opacity.toFixed(2)}"/>`,
    x0: x - radius - 1,
    y0: y - radius - 1,
    x1: x + radius + 1,
    y1: y + radius + 1,
  };
}

/**
 * The ink as overlays for sharp's composite: one small SVG tile per stroke, at `k` pixels a point
 * (rendering only where there is ink, not a whole page).
 */
export function inkTiles(
  inks: readonly Ink[],
  k: number,
  page: { width: number; height: number },
): { input: Buffer; left: number; top: number; blend: 'multiply' }[] {
  return inks.flatMap((ink) => {
    const left = Math.max(0, Math.floor(ink.x0 * k));
    const top = Math.max(0, Math.floor(ink.y0 * k));
    const right = Math.min(page.width, Math.ceil(ink.x1 * k));
    const bottom = Math.min(page.height, Math.ceil(ink.y1 * k));
    if (right - left < 1 || bottom - top < 1) return [];
    const w = right - left;
    const h = bottom - top;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><g transform="translate(${-left} ${-top}) scale(${k.toFixed(5)})">${ink.svg}</g></svg>`;
    return [{ input: Buffer.from(svg), left, top, blend: 'multiply' as const }];
  });
}
