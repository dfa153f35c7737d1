/**
 * The ballot's code checked module by module before the QR decoder: the symbol pdfmake printed is
 * seen exactly where the marks put it, on a crooked, blurred, upside-down scan at a low
 * resolution; another code (another list, another side) is never taken for it; the decoder reads
 * the same text; a sheet of another list is still refused with the code it carries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatBallotCode } from '../../core/documents/ballot-code.ts';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import type { GrayImage } from '../../core/scan/image.ts';
import { decodeQr, qrSymbol, showsSymbol } from '../../core/scan/qr.ts';
import { readSide } from '../../core/scan/read-sheet.ts';
import { DEFAULT_THRESHOLDS } from '../../core/scan/settings.ts';
import { scanTarget } from '../../db/scan/target.ts';
import { ROOT } from '../cli/run-cli.ts';
import { blankPages, randomScanner, rng, scanPage } from './deck.ts';

const load = (edit: (json: { candidates: { name: string }[] }) => void = () => {}) => {
  const json = JSON.parse(
    readFileSync(join(ROOT, 'tests/decks/medium-delegates-congress/record.json'), 'utf8'),
  ) as { candidates: { name: string }[] };
  edit(json);
  const parsed = parseRecord(json);
  if (!parsed.ok) throw new Error('record refused');
  return parsed.value;
};

describe('the expected QR code, checked module by module', () => {
  let record: ElectionRecord;
  let image: GrayImage;
  beforeAll(async () => {
    record = load();
    const [blank] = await blankPages(record, { dpi: 150 });
    const scanner = randomScanner(rng(11), 150, {
      rotateDeg: 2.4,
      upsideDown: true,
      blur: 0.8,
      noise: 8,
      jpegQuality: 60,
      colour: false,
      streaks: 0,
      fold: false,
    });
    const bytes = await scanPage(blank!, scanner, rng(12));
    const { data, info } = await sharp(bytes)
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    image = { width: info.width, height: info.height, data: new Uint8Array(data) };
  }, 120_000);

  it('is seen on a crooked scan where the marks put it, and no other code is', () => {
    const target = scanTarget(record);
    const reading = readSide(image, target, DEFAULT_THRESHOLDS);
    if (reading.status === 'rejected') throw new Error(`rejected: ${reading.reason}`);
    const side = target.layoutFor('A4')!.geometry.sides[0]!;
    const text = formatBallotCode(target.expected);
    const symbol = qrSymbol(text, side.qr.w);
    // As pdfmake prints it: whole-point modules, as large as fit in the code's square.
    expect(symbol.module).toBe(Math.floor(side.qr.w / symbol.n));
    expect(symbol.n).toBeGreaterThanOrEqual(21);
    expect(showsSymbol(image, reading.transform, side.qr, symbol, 230)).toBe(true);
    // The decoder reads the very text the check accepts.
    expect(decodeQr(image, reading.transform, side.qr)).toBe(text);
    const others = [
      { ...target.expected, fingerprint: 'f'.repeat(24) },
      { ...target.expected, side: 2, sides: 2 },
      { ...target.expected, round: target.expected.round + 1 },
    ];
    for (const other of others) {
      const wrong = qrSymbol(formatBallotCode(other), side.qr.w);
      expect(showsSymbol(image, reading.transform, side.qr, wrong, 230)).toBe(false);
    }
    // Turned the other way up, the place holds no code at all.
    const turned = {
      a: -reading.transform.a,
      b: -reading.transform.b,
      c: image.width - reading.transform.c,
      d: -reading.transform.d,
      e: -reading.transform.e,
      f: image.height - reading.transform.f,
    };
    expect(showsSymbol(image, turned, side.qr, symbol, 230)).toBe(false);
  });

  it('never takes a sheet of another list for this one: refused with the code it carries', () => {
    const other = load((json) => {
      json.candidates[0]!.name = `${json.candidates[0]!.name} Văn`;
    });
    const reading = readSide(image, scanTarget(other), DEFAULT_THRESHOLDS);
    expect(reading.status).toBe('rejected');
    if (reading.status !== 'rejected') return;
    expect(reading.reason).toBe('other-list');
    expect(reading.code?.fingerprint).toBe(scanTarget(record).expected.fingerprint);
  });
});
