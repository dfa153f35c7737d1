/**
 * The reader at the edge of what a scan shows, strike layout at 150 dpi: a list printed a pixel off
 * from where the registration marks put it (the edges of capitals and diacritics are then added
 * ink) reads every name kept, certain; and a thin light stroke, dark only in places once blurred,
 * reads struck, certain, where a faint line alone stays doubtful.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ballotGeometry } from '../../core/documents/ballot-geometry.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { scanFiles, type SheetOutcome } from '../../db/scan/scan-files.ts';
import { blankPages, randomScanner, rng, scanPage, type Page } from './deck.ts';
import {
  EDGY_NAMES,
  line,
  shifted,
  SHORT_NAMES,
  steadyScanner,
  strikeRecord,
} from './thin-strokes.ts';

const DPI = 150;

/** The page through a steady scanner (its noise from `seed`), written to `file`, read by scanFiles. */
async function readSteady(
  record: ElectionRecord,
  file: string,
  page: Page,
  seed: number,
  blur: number,
): Promise<SheetOutcome> {
  const r = rng(seed);
  writeFileSync(file, await scanPage(page, steadyScanner(r, page.dpi, blur), r));
  const [sheet] = await scanFiles({ record, files: [file], threads: 1 });
  return sheet!;
}

describe('fine strokes and letters a pixel off at 150 dpi', () => {
  const record = strikeRecord(EDGY_NAMES);
  const geometry = ballotGeometry(record, 'A4');
  const lines = geometry.sides[0]!.lines;
  const dir = mkdtempSync(join(tmpdir(), 'kp-fine-'));
  let blank: Page;

  const scan = (name: string, page: Page, seed: number, blur = 0): Promise<SheetOutcome> =>
    readSteady(record, join(dir, name), page, seed, blur);

  beforeAll(async () => {
    [blank] = (await blankPages(record, { dpi: DPI })) as [Page];
  }, 60_000);

  it('reads every name of a list printed a pixel off its marks as kept, with no doubt', async () => {
    const k = DPI / 72;
    const area = geometry.sides[0]!.listArea;
    const box = {
      x0: Math.round(area.x * k),
      y0: Math.round(area.y * k),
      x1: Math.round((area.x + area.w) * k),
      y1: Math.round((area.y + area.h) * k),
    };
    for (const [dx, dy] of [
      [0, -1],
      [1, 1],
      [-1, 0],
    ] as const) {
      const sheet = await scan(`off-${dx}-${dy}.png`, shifted(blank, box, dx, dy), 3);
      expect(sheet.status, `${dx},${dy}`).toBe('read');
      for (const l of sheet.lines!) {
        expect(l.struck, `${dx},${dy} ${l.id}`).toBe('kept');
        expect(l.strike, `${dx},${dy} ${l.id}`).toBeLessThan(100);
      }
    }
  }, 120_000);

  it('reads a thin light stroke, dark only in places once blurred, as struck; a faint one alone stays doubtful', async () => {
    let page = blank;
    const odd = lines.filter((_, i) => i % 2 === 0);
    const even = lines.filter((_, i) => i % 2 === 1);
    [40, 60, 80, 60, 80, 70].forEach((level, j) => (page = line(page, odd[j]!, level, 1)));
    [150, 160, 170].forEach((level, j) => (page = line(page, even[j]!, level, 2)));
    const sheet = await scan('thin.png', page, 5, 0.6);
    const by = new Map(sheet.lines!.map((l) => [l.id, l.struck]));
    // Dark enough in places: struck, certain (the sampling grid falls differently on each line,
    // and each stretch of a line is registered on its own: a lighter one, dark nowhere or hidden
    // in places by a letter's stroke along it, stays doubtful).
    for (const j of [0, 1, 5])
      expect(by.get(odd[j]!.candidateId), odd[j]!.candidateId).toBe('struck');
    for (const l of odd) expect(by.get(l.candidateId), l.candidateId).not.toBe('kept');
    // Faint all along: never a strike; doubtful where the reader sees it.
    for (const l of even) expect(by.get(l.candidateId), l.candidateId).not.toBe('struck');
    expect(by.get(even[0]!.candidateId)).toBeNull();
    expect(by.get(even[1]!.candidateId)).toBeNull();
  }, 120_000);

  it('never reads a thin light line through tightly set letters as kept: struck, or doubtful', async () => {
    // A 1-pixel grey line along the tops of the small letters, or through their middle, lies
    // within two pixels of the print almost all the way: faint ink there, where a glyph's blurred
    // edge is faint too, counts as doubt in a strike's span (never as a strike).
    for (const [name, y] of [
      ['tops', 0.36],
      ['middle', 0.55],
    ] as const) {
      let page = blank;
      for (const l of lines) {
        const at = name === 'tops' ? y * l.name.fontSize : y * l.zone.h;
        page = line(page, l, 80, 1, at);
      }
      for (const blur of [0, 0.6]) {
        const sheet = await scan(`light-${name}-${blur}.png`, page, 7, blur);
        for (const l of sheet.lines!) expect(l.struck, `${name} ${blur} ${l.id}`).not.toBe('kept');
      }
    }
  }, 120_000);

  it('never reads a hairline along the tops of the small letters as kept: struck, or doubtful where whole words hide it', async () => {
    // The zone's top is 0.8 em above the baseline and the small letters are about 0.46 em tall:
    // their tops are 0.34 em under the zone's top. A one-pixel line just there hides behind whole
    // words; what shows between them must join up, or leave the line to a person.
    const [page200] = (await blankPages(record, { dpi: 200 })) as [Page];
    let page = page200;
    for (const l of lines) page = line(page, l, 40, 1, 0.36 * l.name.fontSize);
    const r = rng(9);
    const file = join(dir, 'tops.png');
    writeFileSync(
      file,
      await scanPage(
        page,
        {
          ...randomScanner(r, 200, { jpegQuality: null }),
          rotateDeg: 0.4,
          upsideDown: false,
          blur: 0,
          noise: 3,
          streaks: 0,
          fold: false,
        },
        r,
      ),
    );
    const [sheet] = await scanFiles({ record, files: [file], threads: 1 });
    for (const l of sheet!.lines!) expect(l.struck, `${l.id} ${l.strike}`).not.toBe('kept');
    expect(sheet!.lines!.filter((l) => l.struck === 'struck').length).toBeGreaterThanOrEqual(9);
  }, 120_000);
});

describe('strokes that show little of themselves on short names', () => {
  const record = strikeRecord(SHORT_NAMES);
  const lines = ballotGeometry(record, 'A4').sides[0]!.lines;
  const dir = mkdtempSync(join(tmpdir(), 'kp-fine-'));

  const read = (name: string, page: Page, blur: number): Promise<SheetOutcome> =>
    readSteady(record, join(dir, name), page, 7, blur);

  it('never reads a name struck over only its last or first letters as kept', async () => {
    // 'Lê A', 'Võ Ý': the letters hide all but a sliver of the stroke on the name; where it runs
    // on past the name's end (or starts before it) it shows.
    const [blank] = (await blankPages(record, { dpi: 150 })) as [Page];
    for (const [name, part] of [
      ['last', { from: 0.62, to: 1 }],
      ['first', { from: 0, to: 0.35 }],
    ] as const) {
      const page = lines.reduce((p, l) => line(p, l, 40, 2, undefined, part), blank);
      const sheet = await read(`${name}.png`, page, 0.6);
      for (const l of sheet.lines!) expect(l.struck, `${name} ${l.id}`).not.toBe('kept');
    }
  }, 120_000);

  it('never reads a light hairline through a name at 200 dpi as kept', async () => {
    // Sampled at the reader's 144 dpi, a 1-pixel grey line at 200 dpi is lighter than faint ink.
    const [blank] = (await blankPages(record, { dpi: 200 })) as [Page];
    const light = lines.reduce((p, l) => line(p, l, 80, 1, 0.36 * l.name.fontSize), blank);
    const sheet = await read('light.png', light, 0.6);
    for (const l of sheet.lines!) expect(l.struck, l.id).not.toBe('kept');
  }, 120_000);

  it('never reads an underline touching the letters as a strike', async () => {
    // Under the baseline by a twentieth of an em or more, a point thick: its top rows fall in the
    // name's zone, along the letters' feet, and cross the whole name.
    const [blank] = (await blankPages(record, { dpi: 200 })) as [Page];
    const k = blank.dpi / 72;
    let page = blank;
    for (const [j, l] of lines.entries()) {
      const below = l.name.baseline - l.zone.y + (0.05 + 0.01 * (j % 4)) * l.name.fontSize;
      page = line(page, l, 30, Math.round(k), below, { from: 0.3, to: 0.95 });
    }
    const sheet = await read('underline.png', page, 0.4);
    for (const l of sheet.lines!) expect(l.struck, l.id).not.toBe('struck');
  }, 120_000);
});

describe('strokes laid along the letters over a name’s last letters', () => {
  // A fine stroke (0.2 mm) along the tops of the small letters, over the last third of the name
  // and a little past it, at 300 dpi: the letters hide all of it but the gaps between them, and a
  // stretch of the blank moved a pixel up hides those too. It joins the letters into one run along
  // the row, as no letter is.
  const record = strikeRecord([
    'Phạm Quỳnh',
    'Tạ Ưng',
    'Lê A',
    'Đinh Công Tráng',
    'Trần Hưng',
    'Võ Văn Kiệt',
    'Hà Huy Tập',
    'Lý Tự Trọng',
  ]);
  const lines = ballotGeometry(record, 'A4').sides[0]!.lines;
  const dir = mkdtempSync(join(tmpdir(), 'kp-fine-'));

  it('never reads a fine stroke along the tops of a name’s last letters as kept', async () => {
    const dpi = 300;
    const [blank] = (await blankPages(record, { dpi })) as [Page];
    for (const top of [0.32, 0.34, 0.36]) {
      const page = lines.reduce(
        (p, l) => line(p, l, 40, 2, top * l.name.fontSize, { from: 0.62, to: 0.97 }),
        blank,
      );
      const sheet = await readSteady(record, join(dir, `tops-${top}.png`), page, 11, 0.5);
      for (const l of sheet.lines!) {
        expect(l.struck, `${top} em ${l.id} ${l.strike}`).not.toBe('kept');
      }
    }
  }, 120_000);
});
