/**
 * One page decoded to grayscale, in a worker: PNG, JPEG and TIFF pages through sharp (libvips), a
 * PDF page's image from the bytes the main thread took out of the PDF (a JPEG, or raw pixels).
 * Nothing here loads the PDF library, so a worker starts light.
 */
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { GrayImage } from '../../core/scan/image.ts';

/** 600 dpi A3 is 70 Mpx; anything larger is not a ballot scan and could exhaust memory. */
export const MAX_PIXELS = 80_000_000;
export const MAX_SIDE = 12_000;

export type { DecodeProblem } from '../../core/scan/reasons.ts';
import type { DecodeProblem } from '../../core/scan/reasons.ts';

export interface DecodeFailure {
  readonly problem: DecodeProblem;
  readonly detail?: string;
}

/** One page to decode: everything a worker needs, with no open handle. */
export type PageJob =
  | { readonly kind: 'file'; readonly path: string; readonly index: number }
  | { readonly kind: 'jpeg'; readonly bytes: Uint8Array }
  | {
      readonly kind: 'raw';
      readonly bytes: Uint8Array;
      readonly width: number;
      readonly height: number;
      readonly channels: 1 | 3 | 4;
      readonly bits: 1 | 8;
    };

export const tooLarge = (width: number, height: number): boolean =>
  width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE;

export type Decoded = { ok: true; image: GrayImage } | { ok: false; failure: DecodeFailure };

const gray = (data: Buffer, width: number, height: number): GrayImage => ({
  width,
  height,
  data: new Uint8Array(data.buffer, data.byteOffset, data.length),
});

const tooLargeFailure = (size: { width?: number; height?: number }): Decoded => ({
  ok: false,
  failure: { problem: 'too-large', detail: `${size.width}×${size.height}` },
});

/** Decodes one page to grayscale; never throws for bad input. */
export async function decodePage(job: PageJob): Promise<Decoded> {
  try {
    if (job.kind === 'raw') {
      const bytesPerRow = job.bits === 1 ? Math.ceil(job.width / 8) : job.width * job.channels;
      const expected = bytesPerRow * job.height;
      const raw = inflateSync(job.bytes, { maxOutputLength: expected + 16 });
      if (raw.length < expected)
        return { ok: false, failure: { problem: 'corrupt', detail: 'short image data' } };
      if (job.bits === 1) {
        const out = Buffer.alloc(job.width * job.height);
        for (let y = 0; y < job.height; y++) {
          for (let x = 0; x < job.width; x++) {
            const bit = (raw[y * bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1;
            out[y * job.width + x] = bit ? 255 : 0;
          }
        }
        return { ok: true, image: gray(out, job.width, job.height) };
      }
      const { data, info } = await sharp(raw.subarray(0, expected), {
        raw: { width: job.width, height: job.height, channels: job.channels },
      })
        .grayscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { ok: true, image: gray(data, info.width, info.height) };
    }
    const input = job.kind === 'file' ? job.path : job.bytes;
    const options = {
      limitInputPixels: MAX_PIXELS,
      failOn: 'truncated' as const,
      ...(job.kind === 'file' ? { page: job.index } : {}),
    };
    // Decoded straight away (the header read once): libvips refuses more than MAX_PIXELS before
    // decoding anything, and an image too long on one side alone is small enough to decode first.
    let decoded: { data: Buffer; info: sharp.OutputInfo };
    try {
      decoded = await sharp(input, options).grayscale().raw().toBuffer({ resolveWithObject: true });
    } catch (e) {
      const meta = await sharp(input, options).metadata();
      if (tooLarge(meta.width ?? 0, meta.height ?? 0)) return tooLargeFailure(meta);
      throw e;
    }
    const { data, info } = decoded;
    if (tooLarge(info.width, info.height)) return tooLargeFailure(info);
    return { ok: true, image: gray(data, info.width, info.height) };
  } catch (e) {
    return {
      ok: false,
      failure: { problem: 'corrupt', detail: (e as Error).message.split('\n')[0] },
    };
  }
}
