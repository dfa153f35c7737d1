/**
 * The printed ballot as the second simulator knows it: the PDF printed by the real CLI
 * (`kiem-phieu ballot`), rasterised by poppler's pdftoppm, and every candidate found on it by
 * poppler's pdftotext word boxes and by the pixels of the rendered page — never from the project's
 * geometry. Coordinates are in PDF points from the page's top-left corner.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rasterisePdf, type Raster } from '../../helpers/pdf-raster.ts';
import { kiemPhieu, type Via } from './cli.ts';
import type { Sim2Record } from './records.ts';

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Word extends Box {
  readonly text: string;
}

/** Where a candidate's name is printed, measured on the rendered page. */
export interface NameSpot {
  readonly candidateId: string;
  /** 0-based page (side) of the ballot. */
  readonly page: number;
  /** The words' box as pdftotext gives it. */
  readonly words: Box;
  /** The ink of the name: its extent left to right, and the band of its lower-case letters. */
  readonly inkX0: number;
  readonly inkX1: number;
  readonly bodyY0: number;
  readonly bodyY1: number;
  /** Approve layout: the inside of the agree and disagree cells of its row. */
  readonly agree: Box | null;
  readonly disagree: Box | null;
}

export interface PrintedBallot {
  readonly pdf: Buffer;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly words: readonly (readonly Word[])[];
  readonly names: readonly NameSpot[];
  /** Per page: empty places (no printed ink, away from names) where a voter may write. */
  readonly freeSpots: readonly (readonly Box[])[];
  /** Rasters by dpi, per page. */
  readonly rasters: Map<number, readonly Raster[]>;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(#\d+|\w+);/gu, (_, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (entities[e] ?? `&${e};`),
  );

/** pdftotext -bbox output: the words of every page. */
export function parseBbox(html: string): { width: number; height: number; words: Word[] }[] {
  const pages: { width: number; height: number; words: Word[] }[] = [];
  const re =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu;
  for (const m of html.matchAll(re)) {
    if (m[1] !== undefined) {
      pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
      continue;
    }
    pages[pages.length - 1]!.words.push({
      x0: Number(m[3]),
      y0: Number(m[4]),
      x1: Number(m[5]),
      y1: Number(m[6]),
      text: unescape(m[7]!).normalize('NFC'),
    });
  }
  return pages;
}

const dark = (r: Raster, x: number, y: number): boolean => {
  const i = (y * r.width + x) * 3;
  return r.rgb[i]! + r.rgb[i + 1]! + r.rgb[i + 2]! < 3 * 128;
};

/** The ink of a printed name inside its word box: extent, and the rows dense with ink (x-height). */
function measureName(r: Raster, box: Box): Pick<NameSpot, 'inkX0' | 'inkX1' | 'bodyY0' | 'bodyY1'> {
  const k = r.dpi / 72;
  const x0 = Math.floor(box.x0 * k);
  const x1 = Math.ceil(box.x1 * k);
  const y0 = Math.floor(box.y0 * k);
  const y1 = Math.ceil(box.y1 * k);
  const rows: number[] = [];
  let ix0 = x1;
  let ix1 = x0;
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = x0; x < x1; x++) {
      if (!dark(r, x, y)) continue;
      n++;
      if (x < ix0) ix0 = x;
      if (x > ix1) ix1 = x;
    }
    rows.push(n);
  }
  const most = Math.max(...rows);
  // The lower-case body: the rows carrying at least 40 % of the busiest row's ink.
  let first = rows.findIndex((n) => n >= most * 0.4);
  let last = rows.length - 1 - [...rows].reverse().findIndex((n) => n >= most * 0.4);
  if (first < 0) first = 0;
  if (last < first) last = first;
  return {
    inkX0: ix0 / k,
    inkX1: (ix1 + 1) / k,
    bodyY0: (y0 + first) / k,
    bodyY1: (y0 + last + 1) / k,
  };
}

/** Table rules seen on the page: long dark rows (horizontal) and columns (vertical), in points. */
function tableRules(r: Raster): { rows: number[]; cols: number[]; top: number; bottom: number } {
  const k = r.dpi / 72;
  const group = (hits: number[]): number[] => {
    const out: number[] = [];
    let start = -2;
    let prev = -2;
    for (const h of hits) {
      if (h !== prev + 1) {
        if (prev >= 0) out.push((start + prev + 1) / 2 / k);
        start = h;
      }
      prev = h;
    }
    if (prev >= 0) out.push((start + prev + 1) / 2 / k);
    return out;
  };
  const rowHits: number[] = [];
  for (let y = 0; y < r.height; y++) {
    let run = 0;
    let best = 0;
    for (let x = 0; x < r.width; x++) {
      run = dark(r, x, y) ? run + 1 : 0;
      if (run > best) best = run;
    }
    if (best > r.width * 0.3) rowHits.push(y);
  }
  const rows = group(rowHits);
  if (rows.length < 2) return { rows, cols: [], top: 0, bottom: 0 };
  // The table spans the rules that are at least half as long as the longest: those of the list.
  const top = rows[0]!;
  const bottom = rows[rows.length - 1]!;
  const colHits: number[] = [];
  const ty0 = Math.ceil(top * k) + 2;
  const ty1 = Math.floor(bottom * k) - 2;
  for (let x = 0; x < r.width; x++) {
    let n = 0;
    for (let y = ty0; y < ty1; y++) if (dark(r, x, y)) n++;
    if (n > (ty1 - ty0) * 0.9) colHits.push(x);
  }
  return { rows, cols: group(colHits), top, bottom };
}

const tokens = (s: string): string[] => s.normalize('NFC').split(/\s+/u).filter(Boolean);

/** The word runs on a page that spell `name`, as boxes. */
function findName(words: readonly Word[], name: string): Box[] {
  const want = tokens(name);
  const found: Box[] = [];
  for (let i = 0; i + want.length <= words.length; i++) {
    if (!want.every((w, j) => words[i + j]!.text === w)) continue;
    const run = words.slice(i, i + want.length);
    // A name is printed on one line: its words share a baseline.
    if (run.some((w) => Math.abs(w.y1 - run[0]!.y1) > 1)) continue;
    found.push({
      x0: Math.min(...run.map((w) => w.x0)),
      y0: Math.min(...run.map((w) => w.y0)),
      x1: Math.max(...run.map((w) => w.x1)),
      y1: Math.max(...run.map((w) => w.y1)),
    });
  }
  return found;
}

const between = (cuts: readonly number[], v: number): [number, number] | null => {
  for (let i = 0; i + 1 < cuts.length; i++)
    if (cuts[i]! < v && v < cuts[i + 1]!) return [cuts[i]!, cuts[i + 1]!];
  return null;
};

/** Empty rectangles of the page (no printed ink within a margin), below the first name. */
function freeSpots(r: Raster, names: readonly NameSpot[], page: number): Box[] {
  const k = r.dpi / 72;
  const mine = names.filter((n) => n.page === page);
  if (mine.length === 0) return [];
  const top = Math.min(...mine.map((n) => n.words.y0));
  const w = 130;
  const h = 30;
  const pad = 10;
  const spots: Box[] = [];
  const empty = (b: Box): boolean => {
    for (let y = Math.floor((b.y0 - pad) * k); y < (b.y1 + pad) * k; y += 2) {
      for (let x = Math.floor((b.x0 - pad) * k); x < (b.x1 + pad) * k; x += 2) {
        if (x < 0 || y < 0 || x >= r.width || y >= r.height || dark(r, x, y)) return false;
      }
    }
    return true;
  };
  const W = r.width / k;
  const H = r.height / k;
  // Away from the page's edge (the corner marks, the scanner's cut) by 50 points.
  for (let y = top; y + h < H - 60; y += 13) {
    for (let x = 60; x + w < W - 60; x += 20) {
      const b = { x0: x, y0: y, x1: x + w, y1: y + h };
      if (spots.some((s) => s.x0 < b.x1 && b.x0 < s.x1 && s.y0 < b.y1 && b.y0 < s.y1)) continue;
      if (empty(b)) spots.push(b);
    }
  }
  return spots;
}

/** Prints the blank ballot with the real CLI and finds every name (and box) on it. */
export async function printBallot(
  record: Sim2Record,
  {
    dpis,
    paper = 'A4',
    workDir,
    via = 'module',
  }: { dpis: readonly number[]; paper?: 'A4' | 'A5'; workDir?: string; via?: Via },
): Promise<PrintedBallot> {
  const dir = mkdtempSync(join(workDir ?? tmpdir(), 'kp-sim2-print-'));
  try {
    const recordFile = join(dir, 'record.json');
    writeFileSync(recordFile, JSON.stringify(record));
    const pdfFile = join(dir, 'ballot.pdf');
    const args = ['ballot', recordFile, '--pdf', pdfFile, '--paper', paper, '--lang', 'en'];
    const run = await kiemPhieu(args, via);
    if (run.code !== 0) throw new Error(`kiem-phieu ballot failed: ${run.stderr}`);
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfFile, '-'], {
      encoding: 'utf8',
    });
    const pages = parseBbox(html);
    const rasters = new Map<number, readonly Raster[]>();
    for (const dpi of new Set([...dpis, 200]))
      rasters.set(dpi, await rasterisePdf(pdfFile, dir, dpi));
    const measure = rasters.get(200)!;
    const rules = measure.map(tableRules);
    const names: NameSpot[] = [];
    for (const c of record.candidates) {
      const hits = pages.flatMap((p, page) =>
        findName(p.words, c.name).map((box) => ({ box, page })),
      );
      if (hits.length !== 1) throw new Error(`${c.name}: printed ${hits.length} times`);
      const { box, page } = hits[0]!;
      const ink = measureName(measure[page]!, box);
      let agree: Box | null = null;
      let disagree: Box | null = null;
      if (record.election.layout === 'approve') {
        const words = pages[page]!.words;
        const head = (i: number): number => (words[i]!.x0 + words[i + 1]!.x1) / 2;
        // The column headings: "Đồng ý" and "Không đồng ý".
        const yes = words.findIndex((w, i) => w.text === 'Đồng' && words[i + 1]?.text === 'ý');
        const no = words.findIndex(
          (w, i) =>
            w.text === 'Không' && words[i + 1]?.text === 'đồng' && words[i + 2]?.text === 'ý',
        );
        if (yes < 0 || no < 0) throw new Error(`page ${page + 1}: no column headings`);
        const { rows, cols } = rules[page]!;
        const row = between(rows, (box.y0 + box.y1) / 2);
        const colYes = between(cols, head(yes));
        const colNo = between(cols, (words[no]!.x0 + words[no + 2]!.x1) / 2);
        if (row === null || colYes === null || colNo === null) {
          throw new Error(`${c.name}: no cell found for its boxes`);
        }
        const inset = 1;
        const cell = (col: [number, number]): Box => ({
          x0: col[0] + inset,
          y0: row[0] + inset,
          x1: col[1] - inset,
          y1: row[1] - inset,
        });
        agree = cell(colYes);
        disagree = cell(colNo);
      }
      names.push({ candidateId: c.id, page, words: box, ...ink, agree, disagree });
    }
    return {
      pdf: readFileSync(pdfFile),
      pageWidth: pages[0]!.width,
      pageHeight: pages[0]!.height,
      words: pages.map((p) => p.words),
      names,
      freeSpots: measure.map((r, page) => freeSpots(r, names, page)),
      rasters,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
