/** Grayscale pixels as the reader sees them: one byte a pixel, 0 black, 255 white, row by row. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** One bit a pixel (a byte holding 0 or 1), over a rectangle of a patch. */
export interface Mask {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
}

export const emptyMask = (width: number, height: number): Mask => ({
  width,
  height,
  bits: new Uint8Array(width * height),
});

/**
 * Box-average downsampling by an integer factor (fast, and it keeps solid shapes solid), of the
 * whole image or of a window of it given in source pixels.
 */
export function downsample(
  image: GrayImage,
  factor: number,
  win: { x0: number; y0: number; w: number; h: number } = {
    x0: 0,
    y0: 0,
    w: image.width,
    h: image.height,
  },
): GrayImage {
  const width = Math.floor(win.w / factor);
  const height = Math.floor(win.h / factor);
  const out = new Uint8Array(width * height);
  const sums = new Uint32Array(width);
  const area = factor * factor;
  const src = image.data;
  const iw = image.width;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const start = (win.y0 + y * factor + dy) * iw + win.x0;
      // The factors of 150–600 dpi scans spelled out: a loop of two or three is slow.
      if (factor === 3) {
        for (let x = 0, i = start; x < width; x++, i += 3) {
          sums[x] = sums[x]! + src[i]! + src[i + 1]! + src[i + 2]!;
        }
      } else if (factor === 2) {
        for (let x = 0, i = start; x < width; x++, i += 2)
          sums[x] = sums[x]! + src[i]! + src[i + 1]!;
      } else {
        let i = start;
        for (let x = 0; x < width; x++) {
          let s = 0;
          for (let dx = 0; dx < factor; dx++) s += src[i++]!;
          sums[x] = sums[x]! + s;
        }
      }
    }
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = (sums[x]! / area) | 0;
  }
  return { width, height, data: out };
}

/** Grows every set bit by `radius` pixels in each direction (a square structuring element). */
export function dilate(mask: Mask, radius: number): Mask {
  const { width, height } = mask;
  const tmp = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // Horizontal pass: distance to the nearest set bit on either side.
    let prev = -Infinity;
    for (let x = 0; x < width; x++) {
      if (mask.bits[row + x]) prev = x;
      if (x - prev <= radius) tmp[row + x] = 1;
    }
    let nextSet = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (mask.bits[row + x]) nextSet = x;
      if (nextSet - x <= radius) tmp[row + x] = 1;
    }
  }
  const out = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) {
    let prev = -Infinity;
    for (let y = 0; y < height; y++) {
      if (tmp[y * width + x]) prev = y;
      if (y - prev <= radius) out[y * width + x] = 1;
    }
    let nextSet = Infinity;
    for (let y = height - 1; y >= 0; y--) {
      if (tmp[y * width + x]) nextSet = y;
      if (nextSet - y <= radius) out[y * width + x] = 1;
    }
  }
  return { width, height, bits: out };
}

const inverted = (mask: Mask): Mask => ({ ...mask, bits: mask.bits.map((b) => 1 - b) });

/** Shrinks the set bits by `radius` pixels: what stays set is that far inside on every side. */
export const erode = (mask: Mask, radius: number): Mask => inverted(dilate(inverted(mask), radius));
