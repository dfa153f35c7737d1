/**
 * Issue 11's "never reads a ballot wrong", at the edge of what a scan shows: every name of a
 * 12-name strike ballot (short names too) crossed by one thin stroke — 1 or 2 pixels, dark or light
 * grey, along the tops of the small letters, through their middle, along the capitals or the
 * baseline, or over the last third of the name only — at 150 and 200 dpi, sharp or blurred, on a
 * sheet printed true or drifting (part of the list a pixel or two off the rest). Every line is
 * struck: a line read "kept" is a wrong reading; "doubtful" goes to a person.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ballotGeometry, type BallotLine } from '../../core/documents/ballot-geometry.ts';
import { parseRecord } from '../../core/record.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { blankPages, randomScanner, rng, scanPage, type Page } from '../scan/deck.ts';
import { report } from './stats.ts';

const NAMES = [
  'Đặng Thị Tâm',
  'Lê Đức Đông',
  'Phan Bảo Nam',
  'Đặng Văn Hùng',
  'Ngô Thu Trung',
  'Trịnh Ngọc Tuấn',
  'Lê A',
  'Võ Ý',
  'Hà Ưu',
  'Đỗ Đức Thu Hiếu',
  'Mai Mùi',
  'Bùi Quốc Việt',
];

/** A stroke: grey level, pixels thick, points below the zone's top, and from/to share of the name. */
interface Stroke {
  readonly level: number;
  readonly width: number;
  readonly y: (l: BallotLine) => number;
  readonly from?: number;
  readonly to?: number;
}

const STROKES: Record<string, Stroke> = {
  'tops, 1 px dark': { level: 40, width: 1, y: (l) => 0.36 * l.name.fontSize },
  'tops, 1 px light': { level: 80, width: 1, y: (l) => 0.36 * l.name.fontSize },
  'above the small letters, 1 px': { level: 40, width: 1, y: (l) => 0.33 * l.name.fontSize },
  'capitals, 1 px': { level: 40, width: 1, y: (l) => 0.1 * l.name.fontSize },
  'baseline, 1 px': { level: 40, width: 1, y: (l) => 0.8 * l.name.fontSize },
  'middle, 1 px light': { level: 80, width: 1, y: (l) => 0.55 * l.zone.h },
  'last third, 2 px dark': { level: 40, width: 2, y: (l) => 0.55 * l.zone.h, from: 0.62 },
  'last third, 1 px grey': { level: 70, width: 1, y: (l) => 0.55 * l.zone.h, from: 0.6 },
};

function stroke(page: Page, l: BallotLine, s: Stroke): Page {
  const rgb = new Uint8Array(page.rgb);
  const k = page.dpi / 72;
  const span = l.name.width + 10;
  const x0 = Math.round((l.name.x - 4 + (s.from ?? 0) * span) * k);
  const x1 = Math.round((l.name.x - 4 + (s.to ?? 1) * span) * k);
  const y0 = Math.round((l.zone.y + s.y(l)) * k);
  for (let y = y0; y < y0 + s.width; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * page.width + x) * 3;
      for (let c = 0; c < 3; c++) rgb[i + c] = Math.min(rgb[i + c]!, s.level);
    }
  }
  return { ...page, rgb };
}

/** The page with everything inside `box` (page pixels) moved right by dx and down by dy. */
function shifted(
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

export async function benchScanThin(): Promise<void> {
  console.log('\n## Scan, thin strokes through every name (each line truly struck)');
  const json = JSON.parse(
    readFileSync('tests/decks/medium-delegates-congress/record.json', 'utf8'),
  ) as Record<string, unknown>;
  json.candidates = NAMES.map((name, i) => ({ id: `c${i + 1}`, name }));
  json.ballots = { ...(json.ballots as object), entered: [] };
  const parsed = parseRecord(json);
  if (!parsed.ok) throw new Error('record refused');
  const record = parsed.value;
  const geometry = ballotGeometry(record, 'A4');
  const lines = geometry.sides[0]!.lines;
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-thin-'));
  const rows: { dpi: number; stroke: string; kept: number; doubtful: number; struck: number }[] =
    [];
  try {
    for (const dpi of [150, 200]) {
      const [blank] = (await blankPages(record, { dpi })) as [Page];
      const k = dpi / 72;
      const area = geometry.sides[0]!.listArea;
      const cut = lines[0]!.name.x + 0.45 * Math.min(...lines.map((l) => l.name.width));
      const full = {
        x0: Math.round(area.x * k),
        y0: Math.round(area.y * k),
        x1: Math.round((area.x + area.w) * k),
        y1: Math.round((area.y + area.h) * k),
      };
      const right = { ...full, x0: Math.round(cut * k) };
      const drifts: readonly ((p: Page) => Page)[] = [
        (p) => p,
        (p) => shifted(p, right, 2, 0),
        (p) => shifted(p, right, -2, 0),
        (p) => shifted(p, right, 0, 1),
        (p) => shifted(p, full, 1, 1),
      ];
      for (const [name, s] of Object.entries(STROKES)) {
        const page = lines.reduce((p, l) => stroke(p, l, s), blank);
        const files: string[] = [];
        for (const [d, drift] of drifts.entries()) {
          for (const blur of [0, 0.6]) {
            const r = rng(7);
            const file = join(dir, `${dpi}-${files.length}-${d}.png`);
            const scanner = {
              ...randomScanner(r, dpi, { jpegQuality: null }),
              rotateDeg: 0,
              scale: 1,
              offsetMm: [0, 0] as [number, number],
              upsideDown: false,
              blur,
              noise: 3,
              colour: false,
              streaks: 0,
              fold: false,
            };
            writeFileSync(file, await scanPage(drift(page), scanner, r));
            files.push(file);
          }
        }
        const sheets = await scanFiles({ record, files, threads: 2 });
        const read = sheets.flatMap((sheet) => sheet.lines ?? []);
        rows.push({
          dpi,
          stroke: name,
          kept: read.filter((l) => l.struck === 'kept').length,
          doubtful: read.filter((l) => l.struck === null).length,
          struck: read.filter((l) => l.struck === 'struck').length,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const r of rows) {
    console.log(
      `  ${String(r.dpi)} dpi  ${r.stroke.padEnd(30)} kept ${String(r.kept).padStart(3)}  doubtful ${String(r.doubtful).padStart(3)}  struck ${String(r.struck).padStart(3)}`,
    );
  }
  const kept = rows.reduce((n, r) => n + r.kept, 0);
  const all = rows.reduce((n, r) => n + r.kept + r.doubtful + r.struck, 0);
  report('struck names read kept (wrong readings)', `${kept} of ${all}`, '0', kept === 0);
}
