/**
 * The approve layout end to end: the table over two sides when the list is long (rows whole,
 * numbering continuous), and simulated scans read box by box into agree, disagree, both and none,
 * a two-sided ballot joined from its two pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ballotGeometry, type Rect } from '../../core/documents/ballot-geometry.ts';
import { scanFiles, type SheetOutcome } from '../../db/scan/scan-files.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { approveRecord } from './approve-record.ts';
import { blankPages, markPage, randomScanner, rng, scanPage, type Page } from './deck.ts';

type Mark = 'agree' | 'disagree' | 'both' | 'none';
const MARKS: readonly Mark[] = ['agree', 'disagree', 'both', 'none'];

const inside = (a: Rect, b: Rect): boolean =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w + 0.01 && a.y + a.h <= b.y + b.h + 0.01;

const marksOf = (s: SheetOutcome): Record<string, string | null> =>
  Object.fromEntries((s.lines ?? []).map((l) => [l.id, l.mark]));

describe('the approve table', () => {
  it('fits a short list on one side and a long one over two, every row whole and numbered in order', () => {
    expect(ballotGeometry(approveRecord()).sides).toHaveLength(1);
    const long = approveRecord(40);
    const g = ballotGeometry(long);
    expect(g.sides).toHaveLength(2);
    const lines = g.sides.flatMap((s) => s.lines);
    expect(lines.map((l) => l.candidateId)).toEqual(long.candidates.map((c) => c.id));
    expect(lines.map((l) => l.number.text)).toEqual(long.candidates.map((_, i) => `${i + 1}`));
    for (const side of g.sides) {
      // The second side repeats the headings and draws its own grid; only the first has the header.
      expect(side.listText.map((t) => t.text)).toEqual([
        'STT',
        'Họ và tên',
        'Đồng ý',
        'Không đồng ý',
      ]);
      expect(side.header.length > 0).toBe(side.side === 1);
      for (const line of side.lines) {
        expect(inside(line.boxes!.agree, line.band)).toBe(true);
        expect(inside(line.boxes!.disagree, line.band)).toBe(true);
        expect(inside(line.band, side.listArea)).toBe(true);
        expect(line.band.y).toBeGreaterThan(side.qr.y + side.qr.h);
      }
    }
  });
});

describe('approve ballots read from simulated scans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-approve-'));
  let short: ElectionRecord;
  let long: ElectionRecord;
  let shortTruth: Record<string, Mark>[];
  let longTruth: Record<string, Mark>[];
  let shortRead: SheetOutcome[];
  let longRead: SheetOutcome[];

  const scanned = async (
    blank: Page,
    record: ElectionRecord,
    marks: Record<string, Mark>,
    i: number,
    side = 1,
  ) => {
    const r = rng(100 + i * 7 + side);
    const page = markPage(blank, ballotGeometry(record), { marks }, r, side);
    const file = join(dir, `${record.candidates.length}-${i}-${side}.jpg`);
    writeFileSync(
      file,
      await scanPage(page, randomScanner(r, 150, { upsideDown: i % 2 === 1, jpegQuality: 80 }), r),
    );
    return file;
  };

  beforeAll(async () => {
    short = approveRecord();
    long = approveRecord(40);
    // Every decision on every line across the deck.
    shortTruth = MARKS.map((_, i) =>
      Object.fromEntries(short.candidates.map((c, k) => [c.id, MARKS[(i + k) % 4]!])),
    );
    longTruth = [0, 1].map((i) =>
      Object.fromEntries(long.candidates.map((c, k) => [c.id, MARKS[(i + k) % 4]!])),
    );
    const [shortBlank] = await blankPages(short, { dpi: 200 });
    const shortFiles: string[] = [];
    for (const [i, marks] of shortTruth.entries())
      shortFiles.push(await scanned(shortBlank!, short, marks, i));
    shortRead = await scanFiles({ record: short, files: shortFiles, threads: 1 });
    const longBlanks = await blankPages(long, { dpi: 200 });
    const longFiles: string[] = [];
    for (const [i, marks] of longTruth.entries()) {
      for (const side of [1, 2])
        longFiles.push(await scanned(longBlanks[side - 1]!, long, marks, i, side));
    }
    longRead = await scanFiles({ record: long, files: longFiles, threads: 1 });
  }, 120_000);

  it('reads agree, disagree, both and none box by box', () => {
    expect(shortRead.map((s) => s.status)).toEqual(['read', 'read', 'read', 'read']);
    shortRead.forEach((s, i) => expect(marksOf(s), `sheet ${i + 1}`).toEqual(shortTruth[i]));
  });

  it('joins the two sides of a long ballot into one reading of all its lines', () => {
    expect(longRead.map((s) => s.status)).toEqual(['read', 'read']);
    longRead.forEach((s, i) => {
      expect(s.page).toBe(1);
      expect(marksOf(s), `ballot ${i + 1}`).toEqual(longTruth[i]);
    });
  });
});
