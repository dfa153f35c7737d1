/** Reading the ballot's QR code from its known place, already turned upright by the affine map. */
import jsQRModule from 'jsqr';
import type { Rect } from '../documents/ballot-geometry.ts';
import type { Affine } from './affine.ts';
import type { GrayImage } from './image.ts';
import { sampleRect } from './sample.ts';

// jsqr is CommonJS: its module object is the function itself.
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default'];

const QUIET = 10;

/** Share of dark pixels where the QR code should be: tells a right way up from upside down. */
export function qrInk(image: GrayImage, t: Affine, qr: Rect, white: number): number {
  const patch = sampleRect(image, t, qr, 0.5);
  let dark = 0;
  for (const v of patch.data) if (v < white * 0.55) dark++;
  return dark / patch.data.length;
}

export function decodeQr(image: GrayImage, t: Affine, qr: Rect): string | null {
  const area = { x: qr.x - QUIET, y: qr.y - QUIET, w: qr.w + 2 * QUIET, h: qr.h + 2 * QUIET };
  // Four pixels a module first (fast), then finer when that does not decode.
  for (const res of [2, 3, 4.5]) {
    const patch = sampleRect(image, t, area, res);
    const rgba = new Uint8ClampedArray(patch.data.length * 4);
    for (let i = 0; i < patch.data.length; i++) {
      const v = patch.data[i]!;
      rgba[4 * i] = v;
      rgba[4 * i + 1] = v;
      rgba[4 * i + 2] = v;
      rgba[4 * i + 3] = 255;
    }
    const found = jsQR(rgba, patch.width, patch.height, { inversionAttempts: 'dontInvert' });
    if (found !== null) return found.data;
  }
  return null;
}
