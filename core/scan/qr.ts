/** Reading the ballot's QR code from its known place, already turned upright by the affine map. */
import jsQRModule from 'jsqr';
// The encoder pdfmake prints the ballot's code with (its compiled CommonJS build, the one the
// printer loads): the symbol expected on a sheet is the very one printed, module for module.
import qrEncModule from 'pdfmake/js/qrEnc.js';
import type { Rect } from '../documents/ballot-geometry.ts';
import type { Affine } from './affine.ts';
import type { GrayImage } from './image.ts';
import { sampleRect } from './sample.ts';

// jsqr is CommonJS: its module object is the function itself.
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default'];

interface QrEnc {
  measure(node: { qr: string; fit: number }): {
    _width: number;
    _canvas: readonly { x: number; y: number; w: number }[];
  };
}
const qrEnc = ((qrEncModule as unknown as { default?: QrEnc }).default ??
  qrEncModule) as unknown as QrEnc;

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

/** A code's symbol as printed: n × n modules (1 dark) of `module` points from the QR's corner. */
export interface QrSymbol {
  readonly text: string;
  readonly n: number;
  readonly module: number;
  readonly dark: Uint8Array;
}

/** The symbol pdfmake prints for `text` fitted into `fit` points (core/documents/ballot.ts). */
export function qrSymbol(text: string, fit: number): QrSymbol {
  const { _width: size, _canvas: canvas } = qrEnc.measure({ qr: text, fit });
  // The first rectangle is the white background; then one per dark module.
  const module = canvas[1]?.w ?? size;
  const n = Math.round(size / module);
  const dark = new Uint8Array(n * n);
  for (const r of canvas.slice(1))
    dark[Math.round(r.y / module) * n + Math.round(r.x / module)] = 1;
  return { text, n, module, dark };
}

/**
 * Modules that may read wrong on a sheet still taken to show the symbol. Two different codes
 * differ in at least as many modules as their error-correction codewords (15 and up for a ballot
 * code), so a sheet that shows another code never comes this close: it goes to the QR decoder.
 */
const MISMATCHES = 3;

/**
 * Whether the scan shows exactly `symbol` at `qr` (its top-left corner), read at the centre of
 * each module: every module on its side of the middle between the dark and the light modules'
 * mean levels, but at most MISMATCHES, with a clear contrast. A quick check for the code a sheet
 * is expected to carry, before the decoder (which finds the symbol anywhere in its patch and costs
 * a hundred times more); any doubt is left to the decoder.
 */
export function showsSymbol(
  image: GrayImage,
  t: Affine,
  qr: Rect,
  symbol: QrSymbol,
  white: number,
): boolean {
  const { n, module, dark } = symbol;
  const levels = new Float64Array(n * n);
  let darkSum = 0;
  let lightSum = 0;
  let darkCount = 0;
  const { width, height, data } = image;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      // The module's centre and four points around it, a fifth of a module away.
      let level = 0;
      for (let k = 0; k < 5; k++) {
        const du = k === 0 ? 0.5 : k & 1 ? 0.3 : 0.7;
        const dv = k === 0 ? 0.5 : k < 3 ? 0.3 : 0.7;
        const X = qr.x + module * (col + du);
        const Y = qr.y + module * (row + dv);
        const x = t.a * X + t.b * Y + t.c - 0.5;
        const y = t.d * X + t.e * Y + t.f - 0.5;
        const xi = Math.floor(x);
        const yi = Math.floor(y);
        if (xi < 0 || yi < 0 || xi + 1 >= width || yi + 1 >= height) return false;
        const fx = x - xi;
        const fy = y - yi;
        const i = yi * width + xi;
        const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
        const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
        level += top + (bottom - top) * fy;
      }
      const m = row * n + col;
      levels[m] = level / 5;
      if (dark[m]) {
        darkSum += levels[m]!;
        darkCount++;
      } else lightSum += levels[m]!;
    }
  }
  if (darkCount === 0 || darkCount === n * n) return false;
  const darkMean = darkSum / darkCount;
  const lightMean = lightSum / (n * n - darkCount);
  if (lightMean - darkMean < white * 0.3) return false;
  const middle = (darkMean + lightMean) / 2;
  let wrong = 0;
  for (let m = 0; m < n * n; m++) {
    if (levels[m]! < middle !== (dark[m] === 1) && ++wrong > MISMATCHES) return false;
  }
  return true;
}
