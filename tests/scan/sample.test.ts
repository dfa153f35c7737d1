/**
 * Sampling the scan at the reference's resolution: each pixel the mean of the scan over its area
 * where the scan is finer, and beside it the darker of each point's two scan rows. A line one scan
 * pixel thin must show whatever rows the sampling points fall on.
 */
import { describe, expect, it } from 'vitest';
import type { Affine } from '../../core/scan/affine.ts';
import { sampleRect } from '../../core/scan/sample.ts';

const RES = 2; // pixels per point: the reference's 144 dpi

/** A white scan at `dpi` (straight, no offset) with one dark row `y` across it. */
function scanWithRow(
  dpi: number,
  y: number,
): { image: { width: number; height: number; data: Uint8Array }; t: Affine } {
  const width = Math.round((dpi / 72) * 60);
  const height = width;
  const data = new Uint8Array(width * height).fill(240);
  data.fill(40, y * width, (y + 1) * width);
  const k = dpi / 72;
  return { image: { width, height, data }, t: { a: k, b: 0, c: 0, d: 0, e: k, f: 0 } };
}

/** The darkest value of each sampled row (its middle column). */
const darkestRow = (p: { width: number; height: number; data: Uint8Array }): number => {
  let low = 255;
  for (let v = 0; v < p.height; v++) low = Math.min(low, p.data[v * p.width + (p.width >> 1)]!);
  return low;
};

describe('sampling the scan', () => {
  it('shows a one-pixel line at 300 dpi whatever row it falls on: in the mean, and at its own darkness in the darker rows', () => {
    // 300 dpi is 2.08 scan pixels to a reference pixel: one point a pixel skipped half the rows.
    for (let y = 40; y < 48; y++) {
      const { image, t } = scanWithRow(300, y);
      const darkest = new Uint8Array(120 * 120);
      const p = sampleRect(image, t, { x: 0, y: 0, w: 50, h: 50 }, RES, { mean: true, darkest });
      // The mean over about two rows: 240 - 200 / 2.08 where the line falls inside one pixel, a
      // quarter of its contrast in each of two where it falls on their edge; never paper.
      expect(darkestRow(p), `row ${y}`).toBeLessThanOrEqual(195);
      expect(darkestRow({ ...p, data: darkest }), `row ${y}`).toBe(40);
    }
  });

  it('keeps a one-pixel line at its own darkness in the darker rows at 150 dpi, whatever the phase', () => {
    for (let y = 20; y < 26; y++) {
      const { image, t } = scanWithRow(150, y);
      const darkest = new Uint8Array(120 * 120);
      const p = sampleRect(image, t, { x: 0.3, y: 0.3, w: 50, h: 50 }, RES, {
        mean: true,
        darkest,
      });
      expect(darkestRow({ ...p, data: darkest }), `row ${y}`).toBe(40);
      // Bilinear between two rows halves it at worst.
      expect(darkestRow(p), `row ${y}`).toBeLessThanOrEqual(145);
    }
  });

  it('reads plain paper as paper, in both', () => {
    const { image, t } = scanWithRow(300, 0);
    image.data.fill(240);
    const darkest = new Uint8Array(120 * 120);
    const p = sampleRect(image, t, { x: 0, y: 0, w: 50, h: 50 }, RES, { mean: true, darkest });
    expect(Math.min(...p.data)).toBe(240);
    expect(Math.min(...darkest.subarray(0, p.width * p.height))).toBe(240);
  });
});
