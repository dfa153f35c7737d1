/**
 * Finding the four registration marks of a scanned sheet: the solid square nearest to each corner
 * of the image, checked at full resolution to be solid with white around it (so a QR finder
 * pattern or a bold letter is never taken for one).
 */
import type { Point } from './affine.ts';
import { downsample, type GrayImage } from './image.ts';

export interface FoundMark {
  readonly centre: Point;
  /** Side of the square in image pixels. */
  readonly size: number;
}

export type MarkSearch =
  | {
      readonly kind: 'found';
      readonly marks: readonly [FoundMark, FoundMark, FoundMark, FoundMark];
      /** The paper's white level (paperWhite), for the steps that follow. */
      readonly white: number;
    }
  | { readonly kind: 'blank' }
  | { readonly kind: 'missing'; readonly corners: readonly number[] };

/** The level under which a pixel is ink: a fraction of the paper's white (90th percentile). */
export function paperWhite(image: GrayImage, step = 7): number {
  const hist = new Uint32Array(256);
  const data = image.data;
  const length = data.length;
  let n = 0;
  for (let i = 0; i < length; i += step) {
    hist[data[i]!]!++;
    n++;
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= n * 0.9) return Math.max(v, 64);
  }
  return 255;
}

interface Blob {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly count: number;
}

/** Dark connected regions inside a window of a small image (4-connected). */
function blobs(
  small: GrayImage,
  cut: number,
  win: { x0: number; y0: number; x1: number; y1: number },
): Blob[] {
  const { width } = small;
  const ww = win.x1 - win.x0;
  const wh = win.y1 - win.y0;
  // 1: dark and not yet visited; 0: light or visited.
  const todo = new Uint8Array(ww * wh);
  for (let y = 0; y < wh; y++) {
    const row = (y + win.y0) * width + win.x0;
    for (let x = 0; x < ww; x++) if (small.data[row + x]! < cut) todo[y * ww + x] = 1;
  }
  const out: Blob[] = [];
  const stack = new Int32Array(ww * wh + 1);
  for (let start = 0; start < todo.length; start++) {
    if (!todo[start]) continue;
    let top = 0;
    stack[top++] = start;
    todo[start] = 0;
    let x0 = ww;
    let x1 = 0;
    let y0 = wh;
    let y1 = 0;
    let count = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % ww;
      const y = (i - x) / ww;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x + 1 < ww && todo[i + 1]) {
        todo[i + 1] = 0;
        stack[top++] = i + 1;
      }
      if (x > 0 && todo[i - 1]) {
        todo[i - 1] = 0;
        stack[top++] = i - 1;
      }
      if (y + 1 < wh && todo[i + ww]) {
        todo[i + ww] = 0;
        stack[top++] = i + ww;
      }
      if (y > 0 && todo[i - ww]) {
        todo[i - ww] = 0;
        stack[top++] = i - ww;
      }
    }
    out.push({
      x0: x0 + win.x0,
      y0: y0 + win.y0,
      x1: x1 + 1 + win.x0,
      y1: y1 + 1 + win.y0,
      count,
    });
  }
  return out;
}

/** Fraction of pixels under `cut` in a rectangle of the full image (clipped to it). */
function darkFraction(
  image: GrayImage,
  cut: number,
  r: { x0: number; y0: number; x1: number; y1: number },
  hole?: { x0: number; y0: number; x1: number; y1: number },
): number {
  const x0 = Math.max(0, Math.round(r.x0));
  const y0 = Math.max(0, Math.round(r.y0));
  const x1 = Math.min(image.width, Math.round(r.x1));
  const y1 = Math.min(image.height, Math.round(r.y1));
  let dark = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (hole && x >= hole.x0 && x < hole.x1 && y >= hole.y0 && y < hole.y1) continue;
      n++;
      if (image.data[y * image.width + x]! < cut) dark++;
    }
  }
  return n === 0 ? 0 : dark / n;
}

/** The darkness-weighted centre of a square at full resolution, if it is solid with white around it. */
function refine(image: GrayImage, blob: Blob, factor: number, white: number): FoundMark | null {
  const cut = white * 0.55;
  const pad = factor + 1;
  const x0 = Math.max(0, Math.floor(blob.x0 * factor - pad));
  const y0 = Math.max(0, Math.floor(blob.y0 * factor - pad));
  const x1 = Math.min(image.width, Math.ceil(blob.x1 * factor + pad));
  const y1 = Math.min(image.height, Math.ceil(blob.y1 * factor + pad));
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const w = white - image.data[y * image.width + x]!;
      if (w <= white * 0.25) continue;
      sw += w;
      sx += w * x;
      sy += w * y;
    }
  }
  if (sw === 0) return null;
  const centre = { x: sx / sw + 0.5, y: sy / sw + 0.5 };
  const size = Math.sqrt(sw / (white * 0.85));
  const h = size / 2;
  const core = {
    x0: centre.x - h * 0.6,
    y0: centre.y - h * 0.6,
    x1: centre.x + h * 0.6,
    y1: centre.y + h * 0.6,
  };
  const inner = {
    x0: centre.x - h * 1.3,
    y0: centre.y - h * 1.3,
    x1: centre.x + h * 1.3,
    y1: centre.y + h * 1.3,
  };
  const ring = {
    x0: centre.x - h * 1.9,
    y0: centre.y - h * 1.9,
    x1: centre.x + h * 1.9,
    y1: centre.y + h * 1.9,
  };
  if (darkFraction(image, cut, core) < 0.92) return null;
  if (darkFraction(image, cut, ring, inner) > 0.08) return null;
  return { centre, size };
}

/**
 * The four marks in the order of the image's corners: top-left, top-right, bottom-right,
 * bottom-left. A page with almost no ink is `blank` (a duplex scan's back side).
 */
export function findMarks(image: GrayImage): MarkSearch {
  const factor = Math.max(1, Math.floor(Math.min(image.width, image.height) / 450));
  const white = paperWhite(image, 13);
  const cut = white * 0.5;
  // Blank: almost no dark pixel away from the edges (sampled sparsely: a back side is empty).
  const bx = Math.floor(image.width * 0.03);
  const by = Math.floor(image.height * 0.03);
  const rows = Math.max(0, Math.ceil((image.height - 2 * by) / 4));
  const cols = Math.max(0, Math.ceil((image.width - 2 * bx) / 3));
  // Enough dark pixels seen: not blank (a ballot's first rows of print settle it).
  const enough = rows * cols * 0.0005;
  const data = image.data;
  let dark = 0;
  for (let y = by; y < image.height - by && dark < enough; y += 4) {
    const row = y * image.width;
    for (let x = bx; x < image.width - bx; x += 3) if (data[row + x]! < cut) dark++;
  }
  if (dark < enough) return { kind: 'blank' };
  // Only the corners are searched, each downsampled on its own.
  const cw = Math.floor((image.width * 0.25) / factor) * factor;
  const ch = Math.floor((image.height * 0.25) / factor) * factor;
  const maxSize = (Math.min(image.width, image.height) * 0.07) / factor;
  const corners = [
    { x0: 0, y0: 0, cx: 0, cy: 0 },
    { x0: image.width - cw, y0: 0, cx: cw, cy: 0 },
    { x0: image.width - cw, y0: image.height - ch, cx: cw, cy: ch },
    { x0: 0, y0: image.height - ch, cx: 0, cy: ch },
  ];
  const found: FoundMark[] = [];
  const missing: number[] = [];
  corners.forEach((c, i) => {
    const small = downsample(image, factor, { x0: c.x0, y0: c.y0, w: cw, h: ch });
    const sw = small.width;
    const sh = small.height;
    const cx = c.cx / factor;
    const cy = c.cy / factor;
    // A blob touching the image's own edge is the scanner's background, not a mark.
    const edgeX0 = c.x0 === 0;
    const edgeY0 = c.y0 === 0;
    const candidates = blobs(small, cut, { x0: 0, y0: 0, x1: sw, y1: sh })
      .filter((b) => {
        const w = b.x1 - b.x0;
        const h = b.y1 - b.y0;
        return (
          w >= 3 &&
          h >= 3 &&
          w <= maxSize &&
          h <= maxSize &&
          w / h > 0.6 &&
          w / h < 1.67 &&
          b.count / (w * h) > 0.6 &&
          (edgeX0 ? b.x0 > 0 : b.x1 < sw) &&
          (edgeY0 ? b.y0 > 0 : b.y1 < sh)
        );
      })
      .sort(
        (p, q) =>
          Math.hypot((p.x0 + p.x1) / 2 - cx, (p.y0 + p.y1) / 2 - cy) -
          Math.hypot((q.x0 + q.x1) / 2 - cx, (q.y0 + q.y1) / 2 - cy),
      );
    const mark = candidates
      .slice(0, 3)
      .map((b) =>
        refine(
          image,
          {
            x0: b.x0 + c.x0 / factor,
            y0: b.y0 + c.y0 / factor,
            x1: b.x1 + c.x0 / factor,
            y1: b.y1 + c.y0 / factor,
            count: b.count,
          },
          factor,
          white,
        ),
      )
      .find((m) => m !== null);
    if (mark) found.push(mark);
    else missing.push(i);
  });
  if (missing.length > 0) return { kind: 'missing', corners: missing };
  return {
    kind: 'found',
    marks: found as unknown as [FoundMark, FoundMark, FoundMark, FoundMark],
    white,
  };
}
