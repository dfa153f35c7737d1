/**
 * The second simulator's scanner: the marked page placed crooked on a scanner bed (rotation,
 * upside down, scale, offset) by one affine warp in sharp, then paper tone, sensor noise, a dirty-
 * glass streak, a fold's shadow, blur, grey or colour, PNG or JPEG. Different code, different
 * choices (a fixed bed that can clip the sheet's corners) from the first simulator's scanner.
 */
import sharp from 'sharp';
import type { Raster } from '../../helpers/pdf-raster.ts';
import type { Random } from './random.ts';

export interface ScanSetup {
  readonly dpi: number;
  readonly colour: boolean;
  /** Skew in degrees, and whether the sheet went in upside down. */
  readonly rotateDeg: number;
  readonly upsideDown: boolean;
  readonly scale: number;
  /** Where the sheet's centre lands from the bed's centre, in points. */
  readonly offsetPt: readonly [number, number];
  /** The bed beyond the nominal sheet, each side, in points. */
  readonly bedMarginPt: number;
  /** The bed's colour (grey level) where there is no paper. */
  readonly bed: number;
  readonly blur: number;
  /** Deviation of the sensor noise, in grey levels. */
  readonly noise: number;
  /** The paper's white, as a fraction of full white. */
  readonly tone: number;
  readonly streak: boolean;
  readonly fold: boolean;
  readonly format: 'png' | 'jpeg';
  readonly quality: number;
}

export function randomSetup(r: Random, over: Partial<ScanSetup> = {}): ScanSetup {
  return {
    dpi: r.pick([150, 200, 200, 200, 240, 300]),
    colour: r.chance(0.35),
    rotateDeg: r.real(-3, 3),
    upsideDown: r.chance(0.2),
    scale: r.real(0.97, 1.03),
    offsetPt: [r.real(-8, 8), r.real(-8, 8)],
    bedMarginPt: r.real(14, 24),
    bed: r.chance(0.7) ? r.int(225, 250) : r.int(180, 215),
    blur: r.chance(0.5) ? r.real(0.3, 0.8) : 0,
    noise: r.real(1, 7),
    tone: r.real(0.9, 0.99),
    streak: r.chance(0.1),
    fold: r.chance(0.12),
    format: r.chance(0.65) ? 'jpeg' : 'png',
    quality: r.int(60, 90),
    ...over,
  };
}

/** Raw pixels of a scanned page (before encoding), for files holding several pages. */
export interface ScannedRaw {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Buffer;
}

/** A page as raw pixels: RGB, or one grey channel when the scan is grey (warped 3 times faster). */
export interface PagePixels {
  readonly channels: 1 | 3;
  readonly data: Buffer;
}

/** The marked page: the printed raster with the voter's ink multiplied onto it. */
export async function inkedPage(
  raster: Raster,
  tiles: readonly sharp.OverlayOptions[],
  colour: boolean,
): Promise<PagePixels> {
  let img = sharp(raster.rgb, { raw: { width: raster.width, height: raster.height, channels: 3 } });
  if (tiles.length > 0) {
    img = sharp(
      await img
        .composite([...tiles])
        .removeAlpha()
        .raw()
        .toBuffer(),
      {
        raw: { width: raster.width, height: raster.height, channels: 3 },
      },
    );
  }
  if (colour) return { channels: 3, data: await img.raw().toBuffer() };
  return { channels: 1, data: await img.toColourspace('b-w').raw().toBuffer() };
}

/** The page through the scanner, as raw pixels of the bed. */
export async function scanRaw(
  raster: Raster,
  page: PagePixels,
  setup: ScanSetup,
  r: Random,
): Promise<ScannedRaw> {
  if (raster.dpi !== setup.dpi) throw new Error('the page is rasterised at the scan resolution');
  const k = setup.dpi / 72;
  const a = ((setup.rotateDeg + (setup.upsideDown ? 180 : 0)) * Math.PI) / 180;
  const s = setup.scale;
  const bg = { r: setup.bed, g: setup.bed, b: setup.bed };
  const ch = page.channels;
  const warped = await sharp(page.data, {
    raw: { width: raster.width, height: raster.height, channels: ch },
  })
    .affine(
      [
        [s * Math.cos(a), -s * Math.sin(a)],
        [s * Math.sin(a), s * Math.cos(a)],
      ],
      { background: bg, interpolator: 'bilinear' },
    )
    // A one-channel page comes out of the warp as sRGB: back to one channel.
    .toColourspace(ch === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const wW = warped.info.width;
  const wH = warped.info.height;
  const W = Math.round(raster.width + 2 * setup.bedMarginPt * k);
  const H = Math.round(raster.height + 2 * setup.bedMarginPt * k);
  const left = Math.round((W - wW) / 2 + setup.offsetPt[0] * k);
  const top = Math.round((H - wH) / 2 + setup.offsetPt[1] * k);
  // The bed: the warped sheet where it falls, the bed's colour elsewhere (corners may be clipped).
  const bed = Buffer.alloc(W * H * ch, setup.bed);
  for (let y = Math.max(0, top); y < Math.min(H, top + wH); y++) {
    const x0 = Math.max(0, left);
    const x1 = Math.min(W, left + wW);
    if (x1 <= x0) continue;
    const from = ((y - top) * wW + (x0 - left)) * ch;
    warped.data.copy(bed, (y * W + x0) * ch, from, from + (x1 - x0) * ch);
  }
  // Optics first (blur), then the sensor: grey or colour, paper tone, noise, streak, fold.
  const data =
    setup.blur >= 0.3
      ? await sharp(bed, { raw: { width: W, height: H, channels: ch } })
          .blur(setup.blur)
          .toColourspace(ch === 1 ? 'b-w' : 'srgb')
          .raw()
          .toBuffer()
      : bed;
  sensor(data, W, H, ch, setup, r);
  return { width: W, height: H, channels: ch, data };
}

/** Paper tone, sensor noise (a table of normal deviates, picked by a cheap inline generator),
 * a streak along the feed and a fold's shadow across it, in place. */
function sensor(
  data: Buffer,
  W: number,
  H: number,
  channels: 1 | 3,
  setup: ScanSetup,
  r: Random,
): void {
  const k = setup.dpi / 72;
  const table = new Float32Array(1 << 16);
  for (let i = 0; i < table.length; i++) table[i] = r.normal() * setup.noise;
  let seed = (r.next() * 4294967296) >>> 0 || 1;
  const cast = channels === 3 ? [r.real(0.98, 1), r.real(0.98, 1), r.real(0.95, 1)] : [1];
  const foldY = setup.fold ? r.real(0.25, 0.75) * H : -1;
  const foldSlope = r.real(-0.01, 0.01);
  const foldWidth = Math.max(2, Math.round(k * r.real(1, 2.5)));
  const foldDepth = r.real(0.1, 0.25);
  const streakX = setup.streak ? r.int(Math.round(W * 0.1), Math.round(W * 0.9)) : -10;
  const streakW = r.int(1, 3);
  const streakDepth = r.real(0.15, 0.5);
  const gains = new Float32Array(W);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let gain = setup.tone;
      if (foldY >= 0) {
        const d = Math.abs(y - foldY - foldSlope * x);
        if (d < foldWidth) gain *= 1 - foldDepth * (1 - d / foldWidth);
        else if (d < foldWidth * 2 && y > foldY + foldSlope * x) gain *= 1.02;
      }
      if (x >= streakX && x < streakX + streakW) gain *= 1 - streakDepth;
      gains[x] = gain;
    }
    let i = y * W * channels;
    for (let x = 0; x < W; x++) {
      const g = gains[x]!;
      for (let c = 0; c < channels; c++, i++) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        const v = data[i]! * g * cast[c]! + table[seed & 0xffff]!;
        data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
}

export async function encode(
  raw: ScannedRaw,
  setup: Pick<ScanSetup, 'format' | 'quality'>,
): Promise<Buffer> {
  const img = sharp(raw.data, {
    raw: { width: raw.width, height: raw.height, channels: raw.channels },
  });
  const typed = raw.channels === 1 ? img.toColourspace('b-w') : img;
  return setup.format === 'jpeg'
    ? typed.jpeg({ quality: setup.quality }).toBuffer()
    : typed.png({ compressionLevel: 3 }).toBuffer();
}

/** A duplex scan's back side: paper, noise and the front faintly showing through (mirrored). */
export async function blankBack(raster: Raster, setup: ScanSetup, r: Random): Promise<ScannedRaw> {
  const ch = setup.colour ? 3 : 1;
  const front = await inkedPage(raster, [], setup.colour);
  const data = Buffer.alloc(front.data.length);
  const { width, height } = raster;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + (width - 1 - x)) * ch;
      const to = (y * width + x) * ch;
      for (let c = 0; c < ch; c++)
        data[to + c] = 255 - Math.round((255 - front.data[from + c]!) * 0.05);
    }
  }
  return scanRaw(raster, { channels: ch, data }, { ...setup, streak: false, fold: false }, r);
}
