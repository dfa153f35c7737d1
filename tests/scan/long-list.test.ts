/**
 * A provincial congress's list: 60 names in three columns, the layout the double-entry bench
 * counts (its election, its names in the app's order). A row of it sits where the blank's pixel
 * centres miss the letters' feet; each sheet then showed the feet as added ink on that row, and
 * most sheets went to review. Also the rule behind the mend, on the reference alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ballotGeometry } from '../../core/documents/ballot-geometry.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { sideReference } from '../../core/scan/reference.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { blankPages } from './deck.ts';
import { makeDeck } from './make-deck.ts';
import { strikeRecord } from './thin-strokes.ts';

/** "Đại biểu Số 1" … "Số 60" in the app's order (by name: 1, 10, 11, …, 19, 2, 20, …). */
const NAMES = Array.from({ length: 60 }, (_, i) => `Đại biểu Số ${i + 1}`).sort();

function longList(): ElectionRecord {
  const record = strikeRecord(NAMES);
  return {
    ...record,
    congress: {
      ...record.congress,
      name: 'Đại hội đại biểu Đảng bộ xã Thử Nghiệm lần thứ I',
      organisation: 'Đảng bộ xã Thử Nghiệm',
    },
    election: { ...record.election, title: 'Bầu Ban Chấp hành khóa I', seats: 45 },
  };
}

describe('a 60-name list read from the scanner', () => {
  it('reads every sheet of a distractor-free deck, none wrong and none sent to review', async () => {
    const record = longList();
    const dir = mkdtempSync(join(tmpdir(), 'kp-long-'));
    const [blank] = await blankPages(record, { dpi: 200 });
    const truth = await makeDeck({
      record,
      dir,
      count: 20,
      seed: 348,
      dpi: 200,
      distractorShare: 0,
      blank: blank!,
    });
    const sheets = await scanFiles({ record, files: truth.map((t) => join(dir, t.file)) });
    const wrong: string[] = [];
    const review: string[] = [];
    for (const [k, sheet] of sheets.entries()) {
      expect(sheet.status, `${sheet.file}: ${sheet.reason ?? ''}`).not.toBe('rejected');
      for (const line of sheet.lines ?? []) {
        const struck = truth[k]!.struck!.includes(line.id);
        if (line.struck === null) review.push(`${truth[k]!.file} ${line.id} ${line.strike}`);
        else if ((line.struck === 'struck') !== struck) wrong.push(`${truth[k]!.file} ${line.id}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(review).toEqual([]);
    expect(sheets.filter((s) => s.status === 'read')).toHaveLength(20);
  }, 180_000);

  it("keeps a stroke thinner than a pixel that misses every pixel centre in the blank's print, ungrown", () => {
    const record = longList();
    const side = ballotGeometry(record, 'A4').sides[0]!;
    const area = side.listArea;
    const res = 2;
    // A bar 0.4 pixel tall between the centres of pixel rows 40 and 41 (a serif's foot), 20 to 60
    // pixels from the list's left edge; every other item prints nothing.
    const [x0, x1] = [area.x + 20 / res, area.x + 60 / res];
    const [y0, y1] = [area.y + 40.55 / res, area.y + 40.95 / res];
    const bar = [x0, y0, x1, y0, x1, y1, x0, y1];
    const reference = sideReference(side, (item) => (item === side.lines[0]!.name ? [bar] : []), {
      res,
    });
    const printed = (u: number, v: number): number =>
      reference.printed.bits[v * reference.printed.width + u]!;
    for (let u = 21; u < 59; u++) {
      expect(printed(u, 40), `column ${u}`).toBe(1);
      // Touched, not grown: a hairline a pixel off the letters still shows.
      expect(printed(u, 39) + printed(u, 41), `column ${u}`).toBe(0);
    }
  });
});
