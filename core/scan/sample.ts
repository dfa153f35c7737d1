/** Resampling a rectangle of the ballot (in points) from the scan, through the fitted affine map. */
import type { Affine } from './affine.ts';
import type { GrayImage } from './image.ts';
import type { Rect } from '../documents/ballot-geometry.ts';

/**
 * The pixels of `rect` at `res` pixels per point, bilinear. Outside the scan is white: a sheet
 * shifted off the glass has no ink there.
 */
export function sampleRect(
  image: GrayImage,
  t: Affine,
  rect: Rect,
  res: number,
  /** Where to write the pixels (a buffer kept from sheet to sheet), if large enough. */
  into?: Uint8Array,
): GrayImage {
  const width = Math.max(1, Math.round(rect.w * res));
  const height = Math.max(1, Math.round(rect.h * res));
  const out =
    into !== undefined && into.length >= width * height
      ? into.subarray(0, width * height)
      : new Uint8Array(width * height);
  const { width: iw, height: ih, data } = image;
  const step = 1 / res;
  const dxu = t.a * step;
  const dyu = t.d * step;
  for (let v = 0; v < height; v++) {
    const Y = rect.y + (v + 0.5) * step;
    const X0 = rect.x + 0.5 * step;
    // Pixel centres: image coordinate x maps to the pixel whose centre is x - 0.5.
    const x0 = t.a * X0 + t.b * Y + t.c - 0.5;
    const y0 = t.d * X0 + t.e * Y + t.f - 0.5;
    // The run of u whose four neighbours are all inside the scan (the map is linear along a row).
    const [from, to] = insideRun(x0, dxu, iw - 1, insideRun(y0, dyu, ih - 1, [0, width]));
    const row = v * width;
    out.fill(255, row, row + Math.min(from, width));
    out.fill(255, row + Math.max(from, to), row + width);
    let x = x0 + from * dxu;
    let y = y0 + from * dyu;
    for (let k = row + from, end = row + to; k < end; k++, x += dxu, y += dyu) {
      const xi = x | 0;
      const yi = y | 0;
      const fx = x - xi;
      const fy = y - yi;
      const i = yi * iw + xi;
      const p = data[i]!;
      const q = data[i + iw]!;
      const top = p + (data[i + 1]! - p) * fx;
      out[k] = top + (q + (data[i + iw + 1]! - q) * fx - top) * fy;
    }
  }
  return { width, height, data: out };
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
