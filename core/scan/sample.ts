/** Resampling a rectangle of the ballot (in points) from the scan, through the fitted affine map. */
import type { Affine } from './affine.ts';
import type { GrayImage } from './image.ts';
import type { Rect } from '../documents/ballot-geometry.ts';

/** How to sample: where to write, and what besides one bilinear point a pixel. */
export interface SampleOptions {
  /** Where to write the pixels (a buffer kept from sheet to sheet), if large enough. */
  readonly into?: Uint8Array;
  /**
   * Each pixel the mean of the scan over its area: where the scan is finer than `res`, a grid of
   * points (up to 4 × 4) a pixel, as a coarser scanner would see it. One point a pixel skips the
   * scan's rows between two points: a hairline at 300 dpi, on the rows between, is not there at
   * all. (Large ink, a note or a signature, needs no such care.)
   */
  readonly mean?: boolean;
  /**
   * Where to write, per pixel, the darker of its points' two scan rows, each read along the row
   * (as many pixels): a line along the list a scan pixel thin, between two points' rows, is half
   * as dark in the pixels and whole here. Paper comes out darker too, by the noise's one or two
   * standard deviations: what this shows is doubt, never a mark.
   */
  readonly darkest?: Uint8Array;
  /** The rows (1) whose darker-row pixels are wanted, if not all; the others are paper (255). */
  readonly darkestRows?: Uint8Array;
}

/**
 * The pixels of `rect` at `res` pixels per point, bilinear (or the mean of a grid of bilinear
 * points, see SampleOptions). Outside the scan is white: a sheet shifted off the glass has no ink
 * there.
 */
export function sampleRect(
  image: GrayImage,
  t: Affine,
  rect: Rect,
  res: number,
  { into, mean = false, darkest, darkestRows }: SampleOptions = {},
): GrayImage {
  const width = Math.max(1, Math.round(rect.w * res));
  const height = Math.max(1, Math.round(rect.h * res));
  const out =
    into !== undefined && into.length >= width * height
      ? into.subarray(0, width * height)
      : new Uint8Array(width * height);
  if (darkest !== undefined && darkest.length < width * height) {
    throw new Error(`darkest holds ${darkest.length} pixels, not ${width * height}`);
  }
  const n = mean ? Math.min(4, Math.max(1, Math.round(Math.hypot(t.a, t.d) / res))) : 1;
  const row = n === 1 ? out : new Uint8Array(width);
  const sum = n === 1 ? null : new Uint16Array(width);
  for (let v = 0; v < height; v++) {
    const at = v * width;
    darkest?.fill(255, at, at + width);
    const low = darkestRows === undefined || darkestRows[v] ? darkest : undefined;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const X = rect.x + (i + 0.5) / (n * res);
        const Y = rect.y + (v + (j + 0.5) / n) / res;
        samplePoints(image, t, X, Y, 1 / res, row, n === 1 ? at : 0, width, low, at);
        if (sum !== null) for (let u = 0; u < width; u++) sum[u]! += row[u]!;
      }
    }
    if (sum === null) continue;
    const half = (n * n) >> 1;
    for (let u = 0; u < width; u++) {
      out[at + u] = ((sum[u]! + half) / (n * n)) | 0;
      sum[u] = 0;
    }
  }
  return { width, height, data: out };
}

/**
 * `width` bilinear points of the scan along a row of the ballot, from (X0, Y) in points a `step`
 * apart, into `out` from `at`; and each lowers `low` (from `lowAt`) to the darker of its two
 * rows.
 */
function samplePoints(
  image: GrayImage,
  t: Affine,
  X0: number,
  Y: number,
  step: number,
  out: Uint8Array,
  at: number,
  width: number,
  low: Uint8Array | undefined,
  lowAt: number,
): void {
  const { width: iw, height: ih, data } = image;
  const dxu = t.a * step;
  const dyu = t.d * step;
  // Pixel centres: image coordinate x maps to the pixel whose centre is x - 0.5.
  const x0 = t.a * X0 + t.b * Y + t.c - 0.5;
  const y0 = t.d * X0 + t.e * Y + t.f - 0.5;
  // The run of u whose four neighbours are all inside the scan (the map is linear along a row).
  const [from, to] = insideRun(x0, dxu, iw - 1, insideRun(y0, dyu, ih - 1, [0, width]));
  out.fill(255, at, at + Math.min(from, width));
  out.fill(255, at + Math.max(from, to), at + width);
  let x = x0 + from * dxu;
  let y = y0 + from * dyu;
  for (let u = from; u < to; u++, x += dxu, y += dyu) {
    const xi = x | 0;
    const yi = y | 0;
    const fx = x - xi;
    const fy = y - yi;
    const i = yi * iw + xi;
    const p = data[i]!;
    const q = data[i + iw]!;
    const top = p + (data[i + 1]! - p) * fx;
    const bottom = q + (data[i + iw + 1]! - q) * fx;
    out[at + u] = top + (bottom - top) * fy;
    if (low === undefined) continue;
    // Branch-free minima of integers (d >> 31 is -1 where d < 0): the noise makes a branch a
    // coin toss.
    const a = top | 0;
    let d = (bottom | 0) - a;
    const m = a + (d & (d >> 31));
    d = low[lowAt + u]! - m;
    low[lowAt + u] = m + (d & (d >> 31));
  }
}

/**
 * The u in [range) with 0 <= start + u·step < limit, shrunk by a pixel's margin at each end so that
 * rounding never reads outside the image: a white pixel at the very edge of a scan changes nothing.
 */
function insideRun(
  start: number,
  step: number,
  limit: number,
  [from, to]: readonly [number, number],
): [number, number] {
  if (Math.abs(step) < 1e-12) return start >= 0 && start < limit ? [from, to] : [from, from];
  const a = (0 - start) / step;
  const b = (limit - start) / step;
  const lo = Math.max(from, Math.ceil(Math.min(a, b)) + 1);
  const hi = Math.min(to, Math.floor(Math.max(a, b)) - 1);
  return hi < lo ? [from, from] : [lo, hi];
}
