/**
 * Issue 11's "never reads a ballot wrong", at the edge of what a scan shows: every name of a
 * 12-name strike ballot (short names too) crossed by one thin stroke — 1 or 2 pixels, dark or light
 * grey, along the tops of the small letters, through their middle, along the capitals or the
 * baseline, or over the first or last third of the name only, or a light pencil's two pixels — at
 * 150 and 200 dpi, and at 300 dpi as wide in millimetres as at 150 (twice the pixels), sharp or
 * blurred, on a sheet printed true or drifting (part of the list a pixel or two off the rest). Every
 * line is struck: a line read "kept" is a wrong reading; "doubtful" goes to a person. The same
 * sheets with no stroke at all are the control: a line read "struck" there is a wrong reading, and
 * the doubtful ones are what the drift alone costs in review.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ballotGeometry, type BallotLine } from '../../core/documents/ballot-geometry.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { blankPages, rng, scanPage, type Page } from '../scan/deck.ts';
import { line, shifted, SHORT_NAMES, steadyScanner, strikeRecord } from '../scan/thin-strokes.ts';
import { report } from './stats.ts';

/**
 * A stroke: grey level, pixels thick, points below the zone's top, and the share of its run (from 4
 * points before the name to 6 after it) it covers.
 */
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
  'first third, 2 px dark': { level: 40, width: 2, y: (l) => 0.55 * l.zone.h, to: 0.35 },
  'tops, first third, 1 px': { level: 40, width: 1, y: (l) => 0.36 * l.name.fontSize, to: 0.4 },
  'tops, last third, 1 px': { level: 40, width: 1, y: (l) => 0.36 * l.name.fontSize, from: 0.6 },
  'middle, 2 px pencil': { level: 180, width: 2, y: (l) => 0.55 * l.zone.h },
  'no stroke (control)': { level: 255, width: 0, y: () => 0 },
};
const CONTROL = 'no stroke (control)';

export async function benchScanThin(): Promise<void> {
  console.log('\n## Scan, thin strokes through every name (each line truly struck), and none');
  const record = strikeRecord(SHORT_NAMES);
  const geometry = ballotGeometry(record, 'A4');
  const lines = geometry.sides[0]!.lines;
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-thin-'));
  const rows: { dpi: number; stroke: string; kept: number; doubtful: number; struck: number }[] =
    [];
  try {
    for (const dpi of [150, 200, 300]) {
      const px = dpi >= 300 ? 2 : 1;
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
        const page = lines.reduce(
          (p, l) => line(p, l, s.level, px * s.width, s.y(l), { from: s.from ?? 0, to: s.to ?? 1 }),
          blank,
        );
        const files: string[] = [];
        for (const [d, drift] of drifts.entries()) {
          for (const blur of [0, 0.6]) {
            const r = rng(7);
            const file = join(dir, `${dpi}-${files.length}-${d}.png`);
            writeFileSync(file, await scanPage(drift(page), steadyScanner(r, dpi, blur), r));
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
  const sum = (of: typeof rows, f: (r: (typeof rows)[number]) => number): number =>
    of.reduce((n, r) => n + f(r), 0);
  const stroked = rows.filter((r) => r.stroke !== CONTROL);
  const control = rows.filter((r) => r.stroke === CONTROL);
  const kept = sum(stroked, (r) => r.kept);
  const all = sum(stroked, (r) => r.kept + r.doubtful + r.struck);
  report('struck names read kept (wrong readings)', `${kept} of ${all}`, '0', kept === 0);
  const wrongStruck = sum(control, (r) => r.struck);
  const names = sum(control, (r) => r.kept + r.doubtful + r.struck);
  report(
    'names with no stroke read struck (wrong readings)',
    `${wrongStruck} of ${names}`,
    '0',
    wrongStruck === 0,
  );
  const doubt = sum(control, (r) => r.doubtful);
  report(
    'names with no stroke left doubtful by the drift alone',
    `${doubt} of ${names}`,
    '—',
    true,
  );
}
