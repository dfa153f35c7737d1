/**
 * A scanner streak (dust on the glass: one dark line along the feed, down the whole sheet) through
 * the agree column fills every box it crosses from top to bottom, as a mark would. It must never
 * read as votes: the boxes it crosses are doubtful and the sheet goes to a person.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ballotGeometry } from '../../core/documents/ballot-geometry.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { approveRecord } from './approve-record.ts';
import { blankPages, markPage, randomScanner, rng, scanPage, type Page } from './deck.ts';

/** A line `width` pixels wide of grey `level` down the whole page at `xPt` (ballot points). */
function streak(page: Page, xPt: number, level = 70, width = 2): Page {
  const rgb = new Uint8Array(page.rgb);
  const x0 = Math.round((xPt * page.dpi) / 72);
  for (let y = 0; y < page.height; y++)
    for (let x = x0; x < x0 + width; x++)
      rgb.fill(level, 3 * (y * page.width + x), 3 * (y * page.width + x) + 3);
  return { ...page, rgb };
}

/**
 * An approve ballot of 12 names printed at 200 dpi with every `every`-th name from `from` marked
 * disagree and the rest left empty; where its first agree box is.
 */
async function markedSheet(every: number, from: number, seed: number, prefix: string) {
  const record = approveRecord(12);
  const geometry = ballotGeometry(record, 'A4');
  const [blank] = await blankPages(record, { dpi: 200 });
  const marks = Object.fromEntries(
    record.candidates.map((c, i) => [c.id, i % every === from ? 'disagree' : 'none'] as const),
  );
  const r = rng(seed);
  return {
    record,
    marks,
    dir: mkdtempSync(join(tmpdir(), prefix)),
    r,
    marked: markPage(blank!, geometry, { marks }, r),
    agree: geometry.sides[0]!.lines[0]!.boxes!.agree,
  };
}

describe('a scanner streak through the boxes', () => {
  it('is never read as votes: every box it crosses is doubtful, the sheet goes to review', async () => {
    const { record, marks, dir, r, marked, agree } = await markedSheet(3, 0, 5, 'kp-streak-');
    const files: string[] = [];
    for (const [name, page, rotateDeg] of [
      ['clean.png', marked, 0.8],
      ['streak.png', streak(marked, agree.x + agree.w / 2), 0],
      ['streak-skewed.png', streak(marked, agree.x + agree.w / 3), 1.5],
    ] as const) {
      const bytes = await scanPage(
        page,
        {
          ...randomScanner(r, 200, { jpegQuality: null }),
          rotateDeg,
          streaks: 0,
          upsideDown: false,
        },
        r,
      );
      writeFileSync(join(dir, name), bytes);
      files.push(join(dir, name));
    }
    const [clean, ...streaked] = await scanFiles({ record, files, threads: 1 });
    expect(clean!.status).toBe('read');
    expect(Object.fromEntries(clean!.lines!.map((l) => [l.id, l.mark]))).toEqual(marks);
    for (const s of streaked) {
      expect(s.status).toBe('review');
      for (const l of s.lines!) {
        // Either the truth, or doubtful: never a vote the voter did not make.
        if (l.mark !== null) expect(l.mark).toBe(marks[l.id]);
      }
      expect(s.lines!.filter((l) => l.mark === null).length).toBeGreaterThanOrEqual(6);
    }
  }, 120_000);

  it('is never read as votes when it is faint, only here and there as dark as ink', async () => {
    // The second simulator's b0039: a light streak (about the ink cut, broken by the scanner's
    // noise) down the agree column read as a tick in one empty box, the rest faint and doubtful.
    const { record, marks, dir, r, marked, agree } = await markedSheet(
      4,
      1,
      11,
      'kp-faint-streak-',
    );
    const files: string[] = [];
    for (const [level, width] of [
      [140, 1],
      [140, 2],
      [135, 1],
      [135, 2],
      [130, 1],
      [130, 2],
      [125, 1],
      [145, 2],
    ] as const) {
      const bytes = await scanPage(
        streak(marked, agree.x + agree.w * 0.45, level, width),
        {
          ...randomScanner(r, 200, { jpegQuality: 68 }),
          rotateDeg: 0.3,
          noise: 5,
          blur: 0,
          streaks: 0,
          fold: false,
          upsideDown: false,
        },
        r,
      );
      const file = join(dir, `faint-${level}-${width}.jpg`);
      writeFileSync(file, bytes);
      files.push(file);
    }
    for (const s of await scanFiles({ record, files, threads: 1 })) {
      expect(s.status, s.file).toBe('review');
      for (const l of s.lines!)
        if (l.mark !== null) expect(l.mark, `${s.file} ${l.id}`).toBe(marks[l.id]);
    }
  }, 120_000);
});
