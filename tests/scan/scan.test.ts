/**
 * The scanner mode end to end through the real CLI: a small simulated deck (rotated, upside down,
 * blurred, JPEG, colour) read with no wrong reading and no genuine sheet rejected; bad input
 * refused with its reason naming file and page; the ballot PDF byte-identical between renders.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ballotDocument } from '../../core/documents/ballot.ts';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { layoutFingerprint } from '../../db/fingerprint.ts';
import { renderPdf } from '../../db/pdf/render.ts';
import { ROOT, runCli } from '../cli/run-cli.ts';
import { blankPages, OUTSIDE_DISTRACTORS, randomScanner, rng, scanPage } from './deck.ts';
import { makeDeck, type TruthSheet } from './make-deck.ts';

const RECORD = join(ROOT, 'tests/decks/medium-delegates-congress/record.json');
const load = (file: string): ElectionRecord => {
  const parsed = parseRecord(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error('record refused');
  return parsed.value;
};

interface ScanJson {
  format: string;
  sheets: { file: string; page?: number; status: string; struck?: string[]; reason?: string }[];
  skipped: { file: string; page?: number; reason: string }[];
}

/**
 * One deck and one set of bad files, made once; one run of the CLI over all of them (the bad
 * files between the genuine sheets, so nothing else is held up by them), with a declared count
 * that does not match. Every assertion below reads that one run.
 */
describe('kiem-phieu scan on a simulated deck with bad input among the sheets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-scan-'));
  const bad = ['other.png', 'notes.txt', 'truncated.jpg', 'copy.jpg', 'huge.png', 'cut.pdf'];
  let truth: TruthSheet[];
  let run: Awaited<ReturnType<typeof runCli>>;
  let out: ScanJson;
  const by = (f: string) => out.sheets.filter((s) => s.file === join(dir, f));

  beforeAll(async () => {
    const record = load(RECORD);
    const [blank] = await blankPages(record, { dpi: 200 });
    truth = await makeDeck({
      record,
      dir,
      count: 6,
      seed: 11,
      dpi: 150,
      distractorShare: 0.5,
      sealShare: 0.5,
      blank: blank!,
    });
    const r = rng(3);
    const good = join(dir, 'good.jpg');
    writeFileSync(good, await scanPage(blank!, randomScanner(r, 150, { upsideDown: true }), r));
    // Another election: the same deck with another id.
    const other = { ...record, election: { ...record.election, id: 'khac' } };
    const [otherBlank] = await blankPages(other, { dpi: 150 });
    writeFileSync(join(dir, 'other.png'), await scanPage(otherBlank!, randomScanner(r, 150), r));
    writeFileSync(join(dir, 'notes.txt'), 'không phải ảnh');
    const bytes = readFileSync(good);
    writeFileSync(join(dir, 'truncated.jpg'), bytes.subarray(0, Math.floor(bytes.length / 3)));
    writeFileSync(join(dir, 'copy.jpg'), bytes);
    // A PNG whose header says 20,000 × 20,000: refused from the header, never decoded.
    const huge = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 255, g: 255, b: 255 } },
    })
      .png()
      .toBuffer();
    huge.writeUInt32BE(20_000, 16);
    huge.writeUInt32BE(20_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    writeFileSync(join(dir, 'huge.png'), huge);
    // A duplex PDF: the ballot, then its blank back side, as a scanner writes them (JPEG pages).
    const pdf = await PDFDocument.create();
    const white = await sharp({
      create: { width: 620, height: 877, channels: 3, background: { r: 250, g: 250, b: 250 } },
    })
      .jpeg()
      .toBuffer();
    for (const jpeg of [bytes, white]) {
      const img = await pdf.embedJpg(jpeg);
      pdf.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
    }
    writeFileSync(join(dir, 'duplex.pdf'), await pdf.save());
    writeFileSync(join(dir, 'cut.pdf'), (await pdf.save()).subarray(0, 400));
    const deck = truth.map((t) => join(dir, t.file));
    const files = [
      ...deck.slice(0, 3),
      'good.jpg',
      ...bad.slice(0, 3),
      'duplex.pdf',
      ...bad.slice(3),
      ...deck.slice(3),
    ].map((f) => (f.startsWith(dir) ? f : join(dir, f)));
    run = await runCli(['scan', RECORD, ...files, '--json', '--lang', 'en', '--expect', '99']);
    out = JSON.parse(run.stdout) as ScanJson;
  }, 120_000);

  it('reads every sheet it marks read exactly as drawn, rejects none, and reviews only ink outside the lines', () => {
    expect(out.format).toBe('kiem-phieu/scan@1');
    const sheets = truth.map((t) => by(t.file));
    sheets.forEach((found, i) => {
      const t = truth[i]!;
      expect(found, t.file).toHaveLength(1);
      const sheet = found[0]!;
      expect(sheet.status, t.file).not.toBe('rejected');
      const outside = t.distractors.some((d) => OUTSIDE_DISTRACTORS.includes(d));
      if (outside) expect(sheet.status, t.file).toBe('review');
      if (sheet.status === 'read') {
        expect([...sheet.struck!].sort(), t.file).toEqual([...t.struck!].sort());
      }
    });
    const reviewedWithoutCause = sheets.filter(
      (s, i) => s[0]!.status === 'review' && truth[i]!.distractors.length === 0,
    );
    expect(reviewedWithoutCause.length).toBeLessThanOrEqual(1);
    // The deck is not trivial: some names struck, some sheets with a distractor.
    expect(truth.some((t) => (t.struck ?? []).length > 0)).toBe(true);
    expect(truth.some((t) => t.distractors.length > 0)).toBe(true);
  });

  it('keeps the order the files were given, one sheet per page', () => {
    const names = out.sheets.map((s) => s.file.slice(dir.length + 1));
    expect(names.slice(0, 4)).toEqual([...truth.slice(0, 3).map((t) => t.file), 'good.jpg']);
    expect(names.slice(-3)).toEqual(truth.slice(3).map((t) => t.file));
  });

  it('names each refused file and why; reads the genuine sheets; skips the blank back', () => {
    expect(run.code).toBe(1);
    expect(by('good.jpg')[0]).toMatchObject({ status: 'read', struck: [] });
    expect(by('other.png')[0]).toMatchObject({ status: 'rejected', reason: 'other-election' });
    expect(by('notes.txt')[0]).toMatchObject({ status: 'rejected', reason: 'not-an-image' });
    expect(by('truncated.jpg')[0]).toMatchObject({ status: 'rejected', reason: 'corrupt' });
    expect(by('copy.jpg')[0]).toMatchObject({ status: 'rejected', reason: 'duplicate-file' });
    expect(by('huge.png')[0]).toMatchObject({ status: 'rejected', reason: 'too-large' });
    expect(by('cut.pdf')[0]).toMatchObject({ status: 'rejected', reason: 'corrupt' });
    // The duplex PDF: its first page is a copy of good.jpg's image, so a new sheet; its back skipped.
    expect(by('duplex.pdf')).toEqual([
      expect.objectContaining({ page: 1, status: 'read', struck: [] }),
    ]);
    expect(out.skipped).toEqual([{ file: join(dir, 'duplex.pdf'), page: 2, reason: 'blank' }]);
    expect(run.stderr).toContain('other.png: a ballot of another election');
    expect(run.stderr).toContain('copy.jpg: the same content as a file given before');
    expect(run.stderr).toContain('huge.png: the image is too large (20000×20000)');
  });

  it('--expect makes a stack count that does not match impossible to overlook', () => {
    expect(run.stderr).toContain(
      `COUNT MISMATCH: ${truth.length + 2} ballots scanned, the stack's declared count is 99`,
    );
  });
});

describe('the ballot PDF drawn from the geometry', () => {
  it('is byte-identical between two renders, and carries the side in its code', async () => {
    const record = load(RECORD);
    const fp = layoutFingerprint(record);
    const date = new Date(Date.UTC(2025, 9, 14));
    const a = await renderPdf(ballotDocument({ record, layoutFingerprint: fp }), {
      creationDate: date,
    });
    const b = await renderPdf(ballotDocument({ record, layoutFingerprint: fp }), {
      creationDate: date,
    });
    expect(a.equals(b)).toBe(true);
  });

  it('approve header keeps "Không đồng ý" on one line; a re-vote names its round once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-ballot-'));
    for (const deck of ['approve-secretary', 'revote-round2']) {
      const record = load(join(ROOT, 'tests/decks', deck, 'record.json'));
      const pdf = join(dir, `${deck}.pdf`);
      writeFileSync(
        pdf,
        await renderPdf(ballotDocument({ record, layoutFingerprint: layoutFingerprint(record) })),
      );
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
        encoding: 'utf8',
      }).normalize('NFC');
      if (deck === 'approve-secretary') expect(text).toMatch(/Đồng ý\s+Không đồng ý/u);
      else expect(text.match(/VÒNG 2/giu)?.length).toBe(1);
    }
  });
});
