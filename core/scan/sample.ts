/** Resampling a rectangle of the ballot (in points) from the scan, through the fitted affine map. */
import type { Affine } from './affine.ts';
import type { GrayImage } from './image.ts';
import type { Rect } from '../documents/ballot-geometry.ts';

/**
 * The pixels of `rect` at `res` pixels per point, bilinear. Outside the scan is white: a sheet
 * shifted off the glass has no ink there.
 */
export function sampleRect(image: GrayImage, t: Affine, rect: Rect, res: number): GrayImage {
  const width = Math.max(1, Math.round(rect.w * res));
  const height = Math.max(1, Math.round(rect.h * res));
  const out = new Uint8Array(width * height);
  const { width: iw, height: ih, data } = image;
  const step = 1 / res;
  const dxu = t.a * step;
  const dyu = t.d * step;
  for (let v = 0; v < height; v++) {
    const Y = rect.y + (v + 0.5) * step;
    const X0 = rect.x + 0.5 * step;
    // Pixel centres: image coordinate x maps to the pixel whose centre is x - 0.5.
    let x = t.a * X0 + t.b * Y + t.c - 0.5;
    let y = t.d * X0 + t.e * Y + t.f - 0.5;
    const row = v * width;
    for (let u = 0; u < width; u++, x += dxu, y += dyu) {
      const xi = Math.floor(x);
      const yi = Math.floor(y);
      if (xi < 0 || yi < 0 || xi >= iw - 1 || yi >= ih - 1) {
        out[row + u] = 255;
        continue;
      }
      const fx = x - xi;
      const fy = y - yi;
      const i = yi * iw + xi;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + iw]! + (data[i + iw + 1]! - data[i + iw]!) * fx;
      out[row + u] = top + (bottom - top) * fy;
    }
  }
  return { width, height, data: out };
}
