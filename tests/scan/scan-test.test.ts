/**
 * The pre-congress scanner test through the real CLI: the deck printed as a PDF with its expected
 * reading, the PDF rendered page by page by pdftoppm (what a scanner gives back), read and judged
 * "khớp"; one page altered and the verdict names that ballot; a test ballot fed into a real count
 * is refused as another election's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ballotGeometry } from '../../core/documents/ballot-geometry.ts';
import { testRecord, type TestDeck } from '../../core/documents/ballot-test-deck.ts';
import { parseRecord } from '../../core/record.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { ROOT, runCli } from '../cli/run-cli.ts';
import { scanPdf } from './scanned-pdf.ts';

const RECORD = join(ROOT, 'tests/decks/medium-delegates-congress/record.json');
const DPI = 150;

describe('kiem-phieu scan-test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-scan-test-'));
  let printed: Awaited<ReturnType<typeof runCli>>;
  let deck: TestDeck;
  let pages: string[];

  beforeAll(async () => {
    printed = await runCli([
      'scan-test',
      RECORD,
      '--pdf',
      join(dir, 'deck.pdf'),
      '--out',
      join(dir, 'expected.json'),
      '--count',
      // Three ballots: read in the CLI's own thread (the pool is the deck test's).
      '3',
    ]);
    deck = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as TestDeck;
    pages = scanPdf(join(dir, 'deck.pdf'), dir, DPI);
  }, 60_000);

  it('prints the deck and its expected reading, a line per ballot', () => {
    expect(printed.code).toBe(0);
    expect(pages).toHaveLength(3);
    expect(deck.format).toBe('kiem-phieu/scan-test@1');
    expect(deck.ballots.map((b) => b.n)).toEqual([1, 2, 3]);
    // The first ballot is unmarked, the second has every name struck.
    expect(deck.ballots[0]).toEqual({ n: 1, struck: [] });
    const second = deck.ballots[1];
    expect(second !== undefined && 'struck' in second ? second.struck : []).toHaveLength(9);
    expect(printed.stdout).toContain('Phiếu 1: không gạch tên nào');
    expect(printed.stdout).toContain('Phiếu 2: gạch: Hoàng Văn Bình, Nguyễn Thị Chi');
    // Each page says it is a test ballot.
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'deck.pdf'), '-'], {
      encoding: 'utf8',
    }).normalize('NFC');
    expect(text).toContain('PHIẾU THỬ MÁY QUÉT — KHÔNG DÙNG ĐỂ BẦU — 1/3');
  });

  it('judges the scans of the deck "khớp", ballot by ballot', async () => {
    const run = await runCli([
      'scan-test',
      RECORD,
      '--expected',
      join(dir, 'expected.json'),
      ...pages,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const n of [1, 2, 3])
      expect(run.stdout).toMatch(new RegExp(`Phiếu ${n} \\(.*p-${n}\\.png\\): khớp`, 'u'));
    expect(run.stdout).toContain('Kết quả: khớp — cả 3 phiếu thử đọc đúng.');
  }, 60_000);

  it('names the ballot whose page reads otherwise, and the verdict is a mismatch', async () => {
    // A stroke through the first name of ballot 1, which was printed unmarked.
    const parsed = parseRecord(JSON.parse(readFileSync(RECORD, 'utf8')));
    if (!parsed.ok) throw new Error('record refused');
    const line = ballotGeometry(testRecord(parsed.value)).sides[0]!.lines[0]!;
    const k = DPI / 72;
    const y = (line.name.baseline - line.name.fontSize * 0.33) * k;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(595 * k)}" height="${Math.ceil(842 * k)}"><line x1="${(line.name.x - 3) * k}" y1="${y}" x2="${(line.name.x + line.name.width + 3) * k}" y2="${y}" stroke="black" stroke-width="${1.4 * k}"/></svg>`;
    const altered = join(dir, 'altered-1.png');
    const { width, height } = await sharp(pages[0]!).metadata();
    writeFileSync(
      altered,
      await sharp(pages[0]!)
        .composite([
          { input: await sharp(Buffer.from(svg)).resize(width, height).png().toBuffer() },
        ])
        .toColourspace('b-w')
        .png()
        .toBuffer(),
    );
    const run = await runCli([
      'scan-test',
      RECORD,
      '--expected',
      join(dir, 'expected.json'),
      altered,
      ...pages.slice(1),
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /Ballot 1 \(.*altered-1\.png\): MISMATCH — read: struck: Hoàng Văn Bình; expected: no name struck/u,
    );
    expect(run.stdout).toMatch(/Ballot 2 \(.*p-2\.png\): match/u);
    expect(run.stdout).toContain('Verdict: MISMATCH — 1/3 test ballots read wrong or missing.');
  }, 60_000);

  it('a test ballot fed into the real count is refused, never counted', async () => {
    const parsed = parseRecord(JSON.parse(readFileSync(RECORD, 'utf8')));
    if (!parsed.ok) throw new Error('record refused');
    const [sheet] = await scanFiles({ record: parsed.value, files: [pages[1]!], threads: 1 });
    expect(sheet).toMatchObject({ status: 'rejected', reason: 'other-election' });
  });
});
