/**
 * Test decks with known truth: ballots rendered from the real PDF (pdftoppm), marked with
 * hand-like strokes and distractors drawn in ballot coordinates, then passed through a simulated
 * scanner (rotation, upside down, offset, scale, blur, noise, streaks, fold lines, JPEG, colour).
 * Used by the tests, the bench and `kiem-phieu scan-test`'s own deck is separate (cli/scan-test.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ballotDocument } from '../../core/documents/ballot.ts';
import {
  ballotGeometry,
  type BallotGeometry,
  type BallotLine,
  type Paper,
  type Rect,
} from '../../core/documents/ballot-geometry.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { layoutFingerprint } from '../../db/fingerprint.ts';
import { renderPdf } from '../../db/pdf/render.ts';
import { rasterisePdf } from '../helpers/pdf-raster.ts';
import * as issue from './issue-marks.ts';

export type Rng = () => number;

/** mulberry32: a small seeded generator, so a deck is the same every time. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (r: Rng, a: number, b: number): number => a + (b - a) * r();
const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** An RGB bitmap (3 bytes a pixel) of one page at `dpi`. */
export interface Page {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly rgb: Uint8Array;
}

/** The blank ballot at `dpi`, rasterised from the real PDF by pdftoppm (colour). */
export async function blankPages(
  record: ElectionRecord,
  { dpi, paper = 'A4' }: { dpi: number; paper?: Paper },
): Promise<Page[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kp-blank-'));
  try {
    const pdf = join(dir, 'b.pdf');
    writeFileSync(
      pdf,
      await renderPdf(
        ballotDocument({ record, paper, layoutFingerprint: layoutFingerprint(record) }),
      ),
    );
    return (await rasterisePdf(pdf, dir, dpi)).map((p) => ({ ...p, rgb: new Uint8Array(p.rgb) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Ink = readonly [number, number, number];
const INKS: Readonly<Record<string, Ink>> = {
  black: [25, 25, 30],
  blue: [30, 55, 190],
  red: [195, 35, 35],
  pencil: [125, 125, 130],
};

/** A pen: stamps discs along a path, darkening (never lightening) what is under it. */
class Pen {
  constructor(
    private readonly page: Page,
    private readonly s: number, // pixels per point
  ) {}

  path(points: readonly (readonly [number, number])[], widthPt: number, ink: Ink): void {
    const r = Math.max(0.6, (widthPt * this.s) / 2);
    for (let i = 0; i + 1 < points.length; i++) {
      const [x0, y0] = points[i]!;
      const [x1, y1] = points[i + 1]!;
      const len = Math.hypot(x1 - x0, y1 - y0) * this.s;
      const steps = Math.max(1, Math.ceil(len / 0.7));
      for (let k = 0; k <= steps; k++) {
        const t = k / steps;
        this.disc((x0 + (x1 - x0) * t) * this.s, (y0 + (y1 - y0) * t) * this.s, r, ink);
      }
    }
  }

  private disc(cx: number, cy: number, r: number, ink: Ink): void {
    const { width, height, rgb } = this.page;
    for (let y = Math.floor(cy - r - 1); y <= Math.ceil(cy + r + 1); y++) {
      if (y < 0 || y >= height) continue;
      for (let x = Math.floor(cx - r - 1); x <= Math.ceil(cx + r + 1); x++) {
        if (x < 0 || x >= width) continue;
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const cover = Math.max(0, Math.min(1, r + 0.5 - d));
        if (cover <= 0) continue;
        const i = (y * width + x) * 3;
        for (let c = 0; c < 3; c++) {
          const v = rgb[i + c]! + (ink[c]! - 255) * cover;
          if (v < rgb[i + c]!) rgb[i + c] = Math.max(0, v);
        }
      }
    }
  }
}

export type StrikeStyle = issue.Strike;
export const STRIKE_STYLES: readonly StrikeStyle[] = issue.STRIKES;

export type Distractor =
  issue.NotStrike | issue.InkOutsideLines | 'heading-signature' | 'bottom-note' | 'side-note';
/** Distractors that leave the reading certain (on the line, not a strike). */
export const LINE_DISTRACTORS: readonly Distractor[] = issue.NOT_STRIKES;
/** Ink among the lines but on none (below the last name, beside the list): review. */
export const LIST_DISTRACTORS: readonly Distractor[] = issue.INK_OUTSIDE_LINES;
/**
 * Ink elsewhere on the sheet inside the marks: a signature in the heading (top right, under the
 * Party's name), a note in the bottom margin (between the bottom marks), a note written down the
 * left margin: review.
 */
export const SHEET_DISTRACTORS: readonly Distractor[] = [
  'heading-signature',
  'bottom-note',
  'side-note',
];
/** Ink outside the lines: the sheet must go to review. */
export const OUTSIDE_DISTRACTORS: readonly Distractor[] = [
  ...LIST_DISTRACTORS,
  ...SHEET_DISTRACTORS,
];

/** Handwriting along a line from (x, y): loops of `height` points, `letters` of them. */
function scribble(
  pen: Pen,
  {
    x,
    y,
    letters,
    height,
    vertical = false,
  }: {
    x: number;
    y: number;
    letters: number;
    height: number;
    vertical?: boolean;
  },
  ink: Ink,
  r: Rng,
): void {
  const pts: [number, number][] = [];
  const slant = between(r, 0.5, 1.5);
  for (let i = 0; i <= letters * 6; i++) {
    const t = i / 6;
    const along = t * 6 + slant * Math.sin(t * 3);
    const across = (height / 2) * Math.sin(t * 6.28);
    pts.push(vertical ? [x + across, y + along] : [x + along, y + across]);
  }
  pen.path(pts, between(r, 0.8, 1.2), ink);
}

/**
 * The committee's round stamp in the seal's place: two rings and a star, red or grey, inside
 * the seal's rectangle.
 */
export function stampSeal(
  page: Page,
  geometry: BallotGeometry,
  colour: 'red' | 'grey',
  r: Rng,
): void {
  const seal = geometry.sides[0]!.seal;
  if (seal === null) return;
  const pen = new Pen(page, page.dpi / 72);
  const ink: Ink = colour === 'red' ? [200, 45, 50] : [105, 105, 110];
  const rad = Math.min(seal.w, seal.h) / 2 - 1.5;
  const cx = seal.x + seal.w / 2 + between(r, -0.2, 0.2) * (seal.w / 2 - rad);
  const cy = seal.y + seal.h / 2;
  const ring = (radius: number, width: number): void => {
    const pts: [number, number][] = [];
    for (let i = 0; i <= 48; i++) {
      const a = (i / 48) * 2 * Math.PI;
      pts.push([cx + radius * Math.cos(a), cy + radius * Math.sin(a)]);
    }
    pen.path(pts, width, ink);
  };
  ring(rad, 1.4);
  ring(rad * 0.62, 0.8);
  const star: [number, number][] = [];
  for (let i = 0; i <= 10; i++) {
    const a = -Math.PI / 2 + (i * 4 * Math.PI) / 5;
    star.push([cx + rad * 0.4 * Math.cos(a), cy + rad * 0.4 * Math.sin(a)]);
  }
  pen.path(star, 1.2, ink);
}

function strike(pen: Pen, line: BallotLine, style: StrikeStyle, ink: Ink, r: Rng): void {
  const size = line.name.fontSize;
  const y = line.name.baseline - size * between(r, 0.25, 0.45);
  let x0 = line.name.x - between(r, 0, 0.6) * size;
  let x1 = line.name.x + line.name.width + between(r, 0, 0.6) * size;
  const width =
    style === 'felt'
      ? between(r, 2.6, 3.6)
      : style === 'ballpoint'
        ? between(r, 0.8, 1.1)
        : between(r, 1.1, 1.8);
  const colour = style === 'pencil' ? INKS.pencil! : ink;
  if (style === 'partial') {
    const keep = between(r, 0.8, 0.92);
    if (r() < 0.5) x1 = x0 + (x1 - x0) * keep;
    else x0 = x1 - (x1 - x0) * keep;
  }
  const rise = style === 'slanted' ? between(r, -0.35, 0.35) * size : between(r, -0.1, 0.1) * size;
  const amp = style === 'wavy' ? between(r, 0.08, 0.16) * size : between(r, 0, 0.03) * size;
  const period = between(r, 1.2, 2.2) * size;
  const phase = r() * 6.28;
  const points: [number, number][] = [];
  const n = Math.max(8, Math.ceil((x1 - x0) / 2));
  for (let i = 0; i <= n; i++) {
    const x = x0 + ((x1 - x0) * i) / n;
    points.push([x, y + rise * (i / n - 0.5) + amp * Math.sin(phase + (6.28 * (x - x0)) / period)]);
  }
  pen.path(points, width, colour);
  if (style === 'double') {
    pen.path(
      points.map(([x, yy]) => [x, yy + size * 0.22] as [number, number]),
      width,
      colour,
    );
  }
}

function distractor(
  pen: Pen,
  geometry: BallotGeometry,
  line: BallotLine,
  kind: Distractor,
  ink: Ink,
  r: Rng,
): void {
  const size = line.name.fontSize;
  const after = line.name.x + line.name.width + size * between(r, 0.8, 1.4);
  const mid = line.name.baseline - size * 0.35;
  switch (kind) {
    case 'tick':
      pen.path(
        [
          [after, mid],
          [after + size * 0.25, mid + size * 0.3],
          [after + size * 0.7, mid - size * 0.45],
        ],
        1.2,
        ink,
      );
      return;
    case 'dot':
      pen.path(
        [
          [after, mid],
          [after + 0.8, mid + 0.4],
        ],
        2.6,
        ink,
      );
      return;
    case 'underline': {
      const y = line.name.baseline + size * between(r, 0.2, 0.3);
      pen.path(
        [
          [line.name.x, y],
          [line.name.x + line.name.width, y + between(r, -0.5, 0.5)],
        ],
        1.2,
        ink,
      );
      return;
    }
    case 'circle': {
      const cx = after + size * 0.35;
      const rad = size * 0.32;
      const pts: [number, number][] = [];
      for (let i = 0; i <= 24; i++) {
        const a = (i / 24) * 6.6;
        pts.push([cx + rad * Math.cos(a), mid + rad * Math.sin(a)]);
      }
      pen.path(pts, 1.1, ink);
      return;
    }
    case 'written-name':
    case 'signature':
    case 'note': {
      // Handwriting below the list (or, for a note, in the margin beside the last line).
      const side = geometry.sides[0]!;
      const last = side.lines[side.lines.length - 1]!;
      const x = kind === 'note' ? side.listArea.x + side.listArea.w * 0.55 : side.listArea.x + 30;
      const y = Math.min(last.band.y + last.band.h + 30, side.listArea.y + side.listArea.h - 30);
      const pts: [number, number][] = [];
      const letters = kind === 'signature' ? 6 : 14;
      for (let i = 0; i <= letters * 6; i++) {
        const t = i / 6;
        pts.push([
          x + t * 7 + (kind === 'signature' ? 4 * Math.sin(t * 3) : 0),
          y + 5 * Math.sin(t * 6.28) * (kind === 'signature' ? 1.6 : 1),
        ]);
      }
      pen.path(pts, 1.0, ink);
      return;
    }
    case 'heading-signature': {
      // Under the Party's name, left of the QR code: clear of every printed line.
      const side = geometry.sides[0]!;
      scribble(
        pen,
        {
          x: side.qr.x - between(r, 150, 170),
          y: side.qr.y + side.qr.h * 0.6,
          letters: 6,
          height: 12,
        },
        ink,
        r,
      );
      return;
    }
    case 'bottom-note': {
      // Between the bottom marks, under the list area.
      const side = geometry.sides[0]!;
      const mark = side.marks[3];
      const list = side.listArea;
      const y = (list.y + list.h + mark.y + mark.h) / 2;
      scribble(pen, { x: mark.x + mark.w + between(r, 30, 60), y, letters: 12, height: 8 }, ink, r);
      return;
    }
    case 'side-note': {
      // Down the left margin, between the left marks and the list.
      const side = geometry.sides[0]!;
      const mark = side.marks[0];
      const list = side.listArea;
      scribble(
        pen,
        {
          x: mark.x + mark.w / 2,
          y: list.y + list.h * between(r, 0.3, 0.5),
          letters: 10,
          height: 8,
          vertical: true,
        },
        ink,
        r,
      );
      return;
    }
  }
}

export interface SheetSpec {
  /** Strike layout: the candidates struck. */
  readonly struck?: readonly string[];
  /** Approve layout: the marks per candidate. */
  readonly marks?: Readonly<Record<string, 'agree' | 'disagree' | 'both' | 'none'>>;
  readonly styles?: readonly StrikeStyle[];
  readonly distractors?: readonly Distractor[];
  readonly ink?: keyof typeof INKS;
  /** The committee's stamp in the seal's place (side 1): expected ink, never a distractor. */
  readonly seal?: 'red' | 'grey';
}

/** Draws the voter's marks on a copy of the blank page of one side (distractors on side 1). */
export function markPage(
  blank: Page,
  geometry: BallotGeometry,
  spec: SheetSpec,
  r: Rng,
  side = 1,
): Page {
  const page: Page = { ...blank, rgb: new Uint8Array(blank.rgb) };
  const pen = new Pen(page, blank.dpi / 72);
  const ink = INKS[spec.ink ?? 'black']!;
  const lines = geometry.sides.flatMap((s) => (s.side === side ? s.lines : []));
  if (spec.seal !== undefined && side === 1) stampSeal(page, geometry, spec.seal, r);
  for (const line of lines) {
    if (spec.struck?.includes(line.candidateId)) {
      strike(pen, line, pick(r, spec.styles ?? STRIKE_STYLES), ink, r);
    }
    const mark = spec.marks?.[line.candidateId];
    if (line.boxes !== null && mark !== undefined) {
      for (const [box, on] of [
        [line.boxes.agree, mark === 'agree' || mark === 'both'],
        [line.boxes.disagree, mark === 'disagree' || mark === 'both'],
      ] as const) {
        if (!on) continue;
        const cx = box.x + box.w / 2 + between(r, -0.15, 0.15) * box.w;
        const cy = box.y + box.h / 2 + between(r, -0.1, 0.1) * box.h;
        const h = box.h * between(r, 0.25, 0.35);
        if (r() < 0.75) {
          pen.path(
            [
              [cx - h, cy - h],
              [cx + h, cy + h],
            ],
            1.4,
            ink,
          );
          pen.path(
            [
              [cx + h, cy - h],
              [cx - h, cy + h],
            ],
            1.4,
            ink,
          );
        } else {
          pen.path(
            [
              [cx - h, cy],
              [cx - h * 0.3, cy + h],
              [cx + h, cy - h],
            ],
            1.4,
            ink,
          );
        }
      }
    }
  }
  for (const d of side === 1 ? (spec.distractors ?? []) : []) {
    const candidates = lines.filter((l) => !spec.struck?.includes(l.candidateId));
    distractor(pen, geometry, pick(r, candidates.length > 0 ? candidates : lines), d, ink, r);
  }
  return page;
}

/**
 * A pen line across the first 40 % of a strike zone (BallotLine.zone), from its start: a name
 * crossed only part way, as a hesitant voter might leave it, neither clearly struck nor clearly kept.
 */
export function halfStrike(page: Page, zone: Rect): void {
  const k = page.dpi / 72;
  const y0 = Math.round((zone.y + zone.h / 2) * k);
  for (let y = y0 - 1; y <= y0 + 1; y++)
    for (let x = Math.round(zone.x * k); x < Math.round((zone.x + 0.4 * zone.w) * k); x++)
      page.rgb.fill(20, 3 * (y * page.width + x), 3 * (y * page.width + x) + 3);
}

export interface ScannerSpec {
  readonly dpi: number;
  readonly rotateDeg: number;
  readonly upsideDown: boolean;
  readonly scale: number;
  readonly offsetMm: readonly [number, number];
  readonly blur: number;
  readonly noise: number;
  readonly jpegQuality: number | null;
  readonly colour: boolean;
  readonly streaks: number;
  readonly fold: boolean;
  /** The scanner's frame beyond the sheet on each side: a skewed sheet keeps its corners in it. */
  readonly marginMm: number;
}

export function randomScanner(r: Rng, dpi: number, extra: Partial<ScannerSpec> = {}): ScannerSpec {
  return {
    dpi,
    rotateDeg: between(r, -3, 3),
    upsideDown: r() < 0.15,
    scale: between(r, 0.97, 1.03),
    offsetMm: [between(r, -3, 3), between(r, -3, 3)],
    blur: r() < 0.5 ? between(r, 0.3, 0.9) : 0,
    noise: between(r, 2, 10),
    jpegQuality: r() < 0.7 ? Math.round(between(r, 55, 92)) : null,
    colour: r() < 0.3,
    streaks: r() < 0.1 ? 1 : 0,
    fold: r() < 0.1,
    marginMm: 5,
    ...extra,
  };
}

/**
 * What the scanner writes: the page warped (rotation about the centre, scale, offset, maybe
 * upside down) onto a sheet-sized image at the scan's resolution, with blur, noise, a streak, a
 * fold line, in grey or colour, as PNG or JPEG bytes.
 */
export async function scanPage(page: Page, scan: ScannerSpec, r: Rng): Promise<Buffer> {
  const k = scan.dpi / page.dpi;
  // A scanner whose scale is off scales its whole image, the frame with the sheet.
  const margin = ((2 * scan.marginMm) / 25.4) * page.dpi;
  const width = Math.round((page.width + margin) * k * scan.scale);
  const height = Math.round((page.height + margin) * k * scan.scale);
  const channels = scan.colour ? 3 : 1;
  const out = new Uint8Array(width * height * channels);
  const a = ((scan.rotateDeg + (scan.upsideDown ? 180 : 0)) * Math.PI) / 180;
  const cos = Math.cos(a) / (scan.scale * k);
  const sin = Math.sin(a) / (scan.scale * k);
  const ox = (scan.offsetMm[0] / 25.4) * scan.dpi;
  const oy = (scan.offsetMm[1] / 25.4) * scan.dpi;
  const cxOut = width / 2 + ox;
  const cyOut = height / 2 + oy;
  const cxIn = page.width / 2;
  const cyIn = page.height / 2;
  const { rgb, width: pw, height: ph } = page;
  // A grayscale scan samples the page's luminance: one plane, computed once.
  let lum: Float32Array | null = null;
  if (channels === 1) {
    lum = new Float32Array(pw * ph);
    for (let q = 0, p = 0; q < lum.length; q++, p += 3) {
      lum[q] = 0.299 * rgb[p]! + 0.587 * rgb[p + 1]! + 0.114 * rgb[p + 2]!;
    }
  }
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - cyOut;
    for (let x = 0; x < width; x++) {
      // Inverse map: output pixel → page pixel.
      const dx = x + 0.5 - cxOut;
      const sx = cos * dx + sin * dy + cxIn - 0.5;
      const sy = -sin * dx + cos * dy + cyIn - 0.5;
      const xi = Math.floor(sx);
      const yi = Math.floor(sy);
      const o = (y * width + x) * channels;
      if (xi < 0 || yi < 0 || xi >= pw - 1 || yi >= ph - 1) {
        for (let c = 0; c < channels; c++) out[o + c] = 250;
        continue;
      }
      const fx = sx - xi;
      const fy = sy - yi;
      if (lum !== null) {
        const i = yi * pw + xi;
        const j = i + pw;
        const t = lum[i]! + (lum[i + 1]! - lum[i]!) * fx;
        const b = lum[j]! + (lum[j + 1]! - lum[j]!) * fx;
        out[o] = t + (b - t) * fy;
        continue;
      }
      const i = (yi * pw + xi) * 3;
      const j = i + pw * 3;
      for (let c = 0; c < 3; c++) {
        const t = rgb[i + c]! + (rgb[i + 3 + c]! - rgb[i + c]!) * fx;
        const b = rgb[j + c]! + (rgb[j + 3 + c]! - rgb[j + c]!) * fx;
        out[o + c] = t + (b - t) * fy;
      }
    }
  }
  // Paper is never pure white, and a sensor adds noise (from a table: fast and still seeded).
  const table = new Float32Array(65_536);
  for (let i = 0; i < table.length; i++) table[i] = (r() + r() - 1) * scan.noise;
  const shift = Math.floor(r() * 65_536);
  for (let i = 0; i < out.length; i++) {
    const v = out[i]! * 0.95 + 6 + table[(Math.imul(i, 7919) + shift) & 65_535]!;
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  for (let s = 0; s < scan.streaks; s++) {
    const x0 = Math.floor(between(r, 0.1, 0.9) * width);
    const level = between(r, 0.75, 0.9);
    for (let y = 0; y < height; y++) {
      for (let x = x0; x < x0 + 2; x++) {
        for (let c = 0; c < channels; c++) out[(y * width + x) * channels + c]! *= level;
      }
    }
  }
  if (scan.fold) {
    const y0 = Math.floor(height * between(r, 0.3, 0.7));
    for (let y = y0; y < y0 + Math.max(2, Math.round(scan.dpi / 100)); y++) {
      for (let x = 0; x < width * channels; x++) out[y * width * channels + x]! *= 0.85;
    }
  }
  let img = sharp(Buffer.from(out.buffer, out.byteOffset, out.length), {
    raw: { width, height, channels: channels as 1 | 3 },
  });
  if (scan.blur > 0.3) img = img.blur(scan.blur);
  // A grayscale scan is one channel, as a scanner writes it; no ICC profile (sharp's withMetadata would add one and make it colour).
  img = img.toColourspace(scan.colour ? 'srgb' : 'b-w');
  return scan.jpegQuality === null
    ? img.png({ compressionLevel: 1 }).toBuffer()
    : img.jpeg({ quality: scan.jpegQuality }).toBuffer();
}

/**
 * The page through a random scanner at `dpi` that writes PNG, never JPEG: the bytes of a sheet
 * whose file is named `.png`, as a scanner set to lossless output gives it.
 */
export const scanPng = (page: Page, dpi: number, r: Rng): Promise<Buffer> =>
  scanPage(page, randomScanner(r, dpi, { jpegQuality: null }), r);

/** A random reading of a record: which names are struck (strike) or the marks (approve). */
export function randomVote(record: ElectionRecord, r: Rng): SheetSpec {
  if (record.election.layout === 'approve') {
    const marks: Record<string, 'agree' | 'disagree' | 'both' | 'none'> = {};
    for (const c of record.candidates) {
      const x = r();
      marks[c.id] = x < 0.7 ? 'agree' : x < 0.88 ? 'disagree' : x < 0.94 ? 'both' : 'none';
    }
    return { marks };
  }
  const struck = record.candidates.filter(() => r() < 0.3).map((c) => c.id);
  return { struck };
}

export const geometryOf = (record: ElectionRecord, paper: Paper = 'A4'): BallotGeometry =>
  ballotGeometry(record, paper);

export { pick, between };
