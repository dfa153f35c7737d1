/**
 * Fuzzing the spreadsheet reader (issue 10, "Done when"): every input either reads, and then reads
 * right, or is refused with a message in both languages; nothing throws, nothing hangs. Lists
 * written by the test come back name for name; random bytes, damaged zips and hand-edited sheet
 * XML are read or refused. Each property runs for a bounded time, then stops.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cleanName } from '../../core/names.ts';
import { problemText, readPeopleSheet, type SheetProblem } from '../../db/people-sheet.ts';
import { cleanXlsx, windows1258 } from './sheets-files.ts';

/** A few seconds in CI; `FUZZ_MS=60000` for a longer run. */
const TIME_LIMIT_MS = Number(process.env.FUZZ_MS ?? 3_000);
const settings = { numRuns: 100_000, interruptAfterTimeLimit: TIME_LIMIT_MS } as const;
/** No single file may take longer than this. */
const PER_FILE_MS = 2_000;

function worded(problems: readonly SheetProblem[]): void {
  for (const p of problems) {
    for (const lang of ['vi', 'en'] as const) {
      const text = problemText(p, lang);
      expect(typeof text).toBe('string');
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain('undefined');
    }
  }
}

/** Reads within the time bound; whatever comes back is worded; people have a name in NFC. */
async function readsOrRefuses(bytes: Uint8Array, fileName: string) {
  const started = performance.now();
  const result = await readPeopleSheet({ bytes, fileName });
  expect(performance.now() - started).toBeLessThan(PER_FILE_MS);
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(0);
    worded(result.error);
    return result;
  }
  worded(result.value.problems);
  const rows = [
    ...result.value.people.map((p) => p.row),
    ...result.value.leftOut.map((r) => r.row),
  ];
  expect(new Set(rows).size).toBe(rows.length);
  for (const p of result.value.people) {
    expect(p.name.length).toBeGreaterThan(0);
    expect(p.name).toBe(p.name.normalize('NFC'));
  }
  return result;
}

const SYLLABLES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Văn', 'Thị', 'Ngọc', 'Đức', 'Ánh'];
const SYLLABLES_2 = ['Hường', 'Quỳnh', 'Yến', 'Ưng', 'Tuyết', 'An', 'Bình', 'Cường', 'Dung'];
const nameArb = fc
  .tuple(
    fc.constantFrom(...SYLLABLES),
    fc.array(fc.constantFrom(...SYLLABLES), { maxLength: 2 }),
    fc.constantFrom(...SYLLABLES_2),
  )
  .map(([family, middle, given]) => [family, ...middle, given].join(' '));

const csvField = (text: string): string =>
  /[",;\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;

describe('fuzz: the spreadsheet reader', () => {
  it('a list written as CSV (UTF-8, Windows-1258, any delimiter) reads back name for name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(nameArb, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1258'),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 40 }),
        async (names, delimiter, charset, units) => {
          const rows = [
            ['STT', 'Họ và tên', 'Đơn vị'],
            ...names.map((n, i) => [String(i + 1), n, `Chi bộ ${units[i] ?? ''}`.trim()]),
          ];
          const text = rows.map((r) => r.map(csvField).join(delimiter)).join('\r\n');
          const bytes =
            charset === 'windows-1258'
              ? windows1258(text.replace(/[^\x20-\x7eÀ-ỹ\r\n\t]/gu, ''))
              : new Uint8Array(
                  Buffer.from(`${charset === 'utf-8-bom' ? '\uFEFF' : ''}${text}`, 'utf8'),
                );
          const result = await readsOrRefuses(bytes, 'ds.csv');
          // A unit of random text may carry a formula sign or a quote: refused or read, never
          // wrong. When it reads, every name comes back in order.
          if (result.ok && result.value.problems.length === 0) {
            expect(result.value.people.map((p) => p.name)).toEqual(names.map(cleanName));
          }
        },
      ),
      settings,
    );
  });

  it('random bytes as a CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        await readsOrRefuses(bytes, 'rac.csv');
      }),
      settings,
    );
  });

  it('CSV text with quotes, separators and line breaks anywhere', async () => {
    const piece = fc.oneof(
      fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r\n', '\r', '=', 'sep=;\n', 'Họ và tên'),
      nameArb,
      fc.string({ maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
        await readsOrRefuses(new Uint8Array(Buffer.from(pieces.join(''), 'utf8')), 'x.csv');
      }),
      settings,
    );
  });

  it('an .xlsx with bytes flipped, cut short, or its sheet XML edited', async () => {
    const clean = await cleanXlsx();
    const zip = await JSZip.loadAsync(clean);
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const tags = fc.constantFrom(
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Lê Văn Cường</t></is></c></row>',
      '<row r="99999999">',
      '<c r="ZZZZZZ1">',
      '<c r="B0">',
      '<mergeCell ref="A1:C40000"/>',
      '<mergeCell ref="Q"/>',
      '<col min="1" max="99999"/>',
      '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
      '<c r="B4"><f>1+1</f><v>2</v></c>',
      '&a;',
      '<',
      '</sheetData>',
    );
    const variant = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.array(fc.nat(clean.length - 1), { minLength: 1, maxLength: 8 }),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(clean.length - 1) }),
      fc.record({
        kind: fc.constant('xml' as const),
        at: fc.nat(sheetXml.length),
        insert: fc.array(tags, { minLength: 1, maxLength: 3 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(variant, async (v) => {
        let bytes: Uint8Array;
        if (v.kind === 'flip') {
          bytes = new Uint8Array(clean);
          for (const i of v.at) bytes[i] = v.value;
        } else if (v.kind === 'cut') {
          bytes = clean.subarray(0, v.at);
        } else {
          const edited = await JSZip.loadAsync(clean);
          edited.file(
            'xl/worksheets/sheet1.xml',
            sheetXml.slice(0, v.at) + v.insert.join('') + sheetXml.slice(v.at),
          );
          bytes = await edited.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
        }
        await readsOrRefuses(bytes, 'ds.xlsx');
      }),
      { ...settings, numRuns: 2_000 },
    );
  });
});
