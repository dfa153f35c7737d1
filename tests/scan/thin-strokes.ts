/**
 * Pieces for decks at the edge of what a scan shows (the fine-strokes test and the thin-stroke
 * bench): a strike ballot with chosen names, a straight thin line through a name, and part of the
 * page moved a pixel or two off the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BallotLine } from '../../core/documents/ballot-geometry.ts';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { ROOT } from '../cli/run-cli.ts';
import { randomScanner, type Page, type Rng, type ScannerSpec } from './deck.ts';

/** Names with capitals, stacked and dotted diacritics: the most edge a letter can show. */
export const EDGY_NAMES: readonly string[] = [
  'Đặng Thị Tâm',
  'Lê Đức Đông',
  'Phan Bảo Nam',
  'Đặng Văn Hùng',
  'Ngô Thu Trung',
  'Trịnh Ngọc Tuấn',
  'Hồ Thùy Hùng',
  'Huỳnh Thị Thắng',
  'Võ Ngọc Cường',
  'Đỗ Đức Thu Hiếu',
  'Phạm Thị Ánh',
  'Bùi Quốc Việt',
];

/** The edgiest names, four of them made short (a stroke over one or two letters). */
const SHORT: Readonly<Record<number, string>> = { 6: 'Lê A', 7: 'Võ Ý', 8: 'Hà Ưu', 10: 'Mai Mùi' };
export const SHORT_NAMES: readonly string[] = EDGY_NAMES.map((name, i) => SHORT[i] ?? name);

/** The medium congress's strike election with these candidates, in this order. */
export function strikeRecord(names: readonly string[]): ElectionRecord {
  const json = JSON.parse(
    readFileSync(join(ROOT, 'tests/decks/medium-delegates-congress/record.json'), 'utf8'),
  ) as Record<string, unknown>;
  json.candidates = names.map((name, i) => ({ id: `c${i + 1}`, name }));
  json.ballots = { ...(json.ballots as object), entered: [] };
  const parsed = parseRecord(json);
  if (!parsed.ok) throw new Error('record refused');
  return parsed.value;
}

/** The page with everything inside `box` (page pixels) moved down by `dy` and right by `dx`. */
export function shifted(
  page: Page,
  box: { x0: number; y0: number; x1: number; y1: number },
  dx: number,
  dy: number,
): Page {
  const rgb = new Uint8Array(page.rgb);
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const from = ((y - dy) * page.width + (x - dx)) * 3;
      rgb.set(page.rgb.subarray(from, from + 3), (y * page.width + x) * 3);
    }
  }
  return { ...page, rgb };
}

/**
 * A straight line of grey `level`, `width` pixels thick, `y` points below the top of a name's strike
 * zone (by default through the middle of its small letters), from 4 points before the name to 6
 * after it, or over the share [from, to] of that run only.
 */
export function line(
  page: Page,
  l: BallotLine,
  level: number,
  width: number,
  y?: number,
  part: { from: number; to: number } = { from: 0, to: 1 },
): Page {
  const rgb = new Uint8Array(page.rgb);
  const k = page.dpi / 72;
  const run = l.name.width + 10;
  const y0 = Math.round((l.zone.y + (y ?? l.zone.h * 0.55)) * k);
  const x0 = Math.round((l.name.x - 4 + part.from * run) * k);
  const x1 = Math.round((l.name.x - 4 + part.to * run) * k);
  for (let y = y0; y < y0 + width; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * page.width + x) * 3;
      for (let c = 0; c < 3; c++) rgb[i + c] = Math.min(rgb[i + c]!, level);
    }
  }
  return { ...page, rgb };
}

/** A scanner that feeds straight and true (no turn, offset or scale), grey, PNG, noise 3. */
export const steadyScanner = (r: Rng, dpi: number, blur: number): ScannerSpec => ({
  ...randomScanner(r, dpi, { jpegQuality: null }),
  rotateDeg: 0,
  scale: 1,
  offsetMm: [0, 0],
  upsideDown: false,
  blur,
  noise: 3,
  colour: false,
  streaks: 0,
  fold: false,
});
