/**
 * Every exported workbook opened by a real spreadsheet: LibreOffice headless converts each sheet
 * to CSV twice, once showing the values cached in the file (as a viewer that does not recalculate
 * shows them) and once recalculating every formula itself. Every computed cell must equal the
 * engine's figure both ways. One LibreOffice run per mode, all files and sheets at once, each
 * with its own private profile so that concurrent runs do not clash.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { Tally, type ElectionResult } from '../../core/tally.ts';
import { percentNumber } from '../../core/percent.ts';
import { ballotsWorkbook, congressWorkbook, resultsWorkbook } from '../../db/excel-export.ts';
import { ROOT } from '../cli/run-cli.ts';
import { overHalfRecord, conferenceRecord, revoteRecord } from '../documents/records.ts';
import { tempDir } from './helpers.ts';

const run = promisify(execFile);

const DECKS = [
  'medium-delegates-congress',
  'rounding-half-up',
  'rounding-half-up-large-base',
  'committee-rulings',
  'approve-no-choice-both-none',
  'tie-one-seat',
];

function deck(name: string): ElectionRecord {
  const raw = JSON.parse(readFileSync(join(ROOT, 'tests/decks', name, 'record.json'), 'utf8'));
  const parsed = parseRecord(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/** OOXMLRecalcMode: 0 always recalculates on load, 1 never (shows the cached values). */
function profile(dir: string, recalc: 0 | 1): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc}</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

/** Comma-separated, UTF-8, raw values (not as shown), every sheet to "<file>-<sheet>.csv". */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

async function convert(files: readonly string[], out: string, recalc: 0 | 1): Promise<void> {
  mkdirSync(out, { recursive: true });
  await run(
    'soffice',
    [
      `-env:UserInstallation=${profile(join(out, '..', `lo-profile-${recalc}`), recalc)}`,
      '--headless',
      '--norestore',
      '--convert-to',
      CSV_FILTER,
      '--outdir',
      out,
      ...files,
    ],
    { timeout: 120_000 },
  );
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

type Sheets = Map<string, string[][]>;
function readSheets(dir: string): Sheets {
  const out: Sheets = new Map();
  for (const f of readdirSync(dir))
    if (f.endsWith('.csv'))
      out.set(f.normalize('NFC').slice(0, -4), parseCsv(readFileSync(join(dir, f), 'utf8')));
  return out;
}

const num = (s: string | undefined): number => Number(s);
/** The first row below the ballots whose label starts so. */
const rowStarting = (rows: string[][], label: string): string[] => {
  const below = rows.findIndex((r) => r[0] === 'Phiếu số');
  const row = rows.slice(below).find((r) => (r[0] ?? '').normalize('NFC').startsWith(label));
  if (row === undefined) throw new Error(`no row "${label}"`);
  return row;
};

/** The ballot-level sheet: every formula cell against the engine. */
function checkBallotsSheet(rows: string[][], record: ElectionRecord, result: ElectionResult) {
  const header = rows.findIndex((r) => r[0] === 'Phiếu số');
  const first = 3; // D: the first candidate
  const k = result.candidates.length;
  const ballots = rows.slice(header + 1).filter((r) => /^\d+$/u.test(r[0] ?? ''));
  expect(ballots).toHaveLength(record.ballots.entered.length);
  for (const b of ballots) {
    const marks = b.slice(first, first + k).map(num);
    expect(num(b[first + k]), `ballot ${b[0]}: names chosen`).toBe(
      marks.reduce((s, v) => s + v, 0),
    );
  }
  const sums = rowStarting(rows, 'Số phiếu bầu cho từng người');
  expect(sums.slice(first, first + k).map(num)).toEqual(result.candidates.map((c) => c.votes));
  expect(num(sums[first + k])).toBe(result.candidates.reduce((s, c) => s + c.votes, 0));
  expect(num(rowStarting(rows, 'Số phiếu hợp lệ')[first])).toBe(result.ballots.valid);
  expect(num(rowStarting(rows, 'Số phiếu thu vào')[first])).toBe(result.ballots.collected);
  expect(num(rowStarting(rows, 'Số phiếu không hợp lệ')[first])).toBe(result.ballots.invalid);
  expect(num(rowStarting(rows, 'Cơ sở tính tỷ lệ')[first])).toBe(result.base);
  expect(num(rowStarting(rows, 'Ngưỡng trúng cử')[first])).toBe(result.threshold);
  expect(
    rowStarting(rows, 'Tỷ lệ (%)')
      .slice(first, first + k)
      .map(num),
  ).toEqual(result.candidates.map((c) => percentNumber(c.votes, result.base, 2)));
  expect(rowStarting(rows, 'Quá một nửa?').slice(first, first + k)).toEqual(
    result.candidates.map((c) => (c.qualified ? 'Quá một nửa' : 'Không đủ')),
  );
}

/** A results sheet: the votes table and the figures against the engine. */
function checkResultsSheet(rows: string[][], result: ElectionResult) {
  const header = rows.findIndex((r) => r[0] === 'STT');
  result.candidates.forEach((c, i) => {
    const r = rows[header + 1 + i] ?? [];
    expect(r[1]?.normalize('NFC')).toBe(c.name);
    expect(num(r[2])).toBe(c.votes);
    expect(num(r[3])).toBe(percentNumber(c.votes, result.base, 2));
  });
  const figure = (label: string) =>
    num(
      rows.find(
        (r) => (r[0] ?? '').startsWith(label) && !(r[0] ?? '').includes('trúng cử khi được'),
      )?.[4],
    );
  expect(figure('Cơ sở tính tỷ lệ')).toBe(result.base);
  expect(figure('Ngưỡng trúng cử')).toBe(result.threshold);
  expect(figure('Số phiếu thu vào')).toBe(result.ballots.collected);
  expect(figure('Số phiếu hợp lệ')).toBe(result.ballots.valid);
  expect(figure('Số phiếu không hợp lệ')).toBe(result.ballots.invalid);
}

describe('every workbook, opened in LibreOffice, shows the engine figures', () => {
  const records = [...DECKS.map(deck), overHalfRecord(), conferenceRecord(), revoteRecord()];
  const modes = { cached: 1, recalculated: 0 } as const;
  const seen: Record<keyof typeof modes, Sheets> = { cached: new Map(), recalculated: new Map() };

  beforeAll(async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (const [i, record] of records.entries()) {
      for (const [kind, bytes] of [
        ['ket-qua', await resultsWorkbook(record)],
        ['phieu', await ballotsWorkbook(record)],
      ] as const) {
        const file = join(dir, `${kind}-${i}.xlsx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
    }
    // A probe whose cached value is wrong on purpose: it tells the two modes apart.
    const probe = new ExcelJS.Workbook();
    probe.addWorksheet('Thử').getCell('A1').value = { formula: '1+1', result: 3 };
    const probeFile = join(dir, 'thu.xlsx');
    writeFileSync(probeFile, Buffer.from(await probe.xlsx.writeBuffer()));
    files.push(probeFile);
    const congress = join(dir, 'dai-hoi.xlsx');
    writeFileSync(congress, await congressWorkbook(records));
    files.push(congress);
    // Both modes at once: one LibreOffice each, with its own profile.
    await Promise.all(
      (Object.keys(modes) as (keyof typeof modes)[]).map((mode) =>
        convert(files, join(dir, mode), modes[mode]),
      ),
    );
    for (const mode of Object.keys(modes) as (keyof typeof modes)[])
      seen[mode] = readSheets(join(dir, mode));
  }, 180_000);

  for (const mode of ['cached', 'recalculated'] as const) {
    it(`${mode}: ballot sheets, results sheets and the congress summary equal the engine`, () => {
      const sheets = seen[mode];
      records.forEach((record, i) => {
        const result = Tally.ofRecord(record).result();
        const ballots = sheets.get(`phieu-${i}-Phiếu bầu`);
        const results = sheets.get(`ket-qua-${i}-Kết quả`);
        expect(ballots, `phieu-${i}`).toBeDefined();
        expect(results, `ket-qua-${i}`).toBeDefined();
        checkBallotsSheet(ballots!, record, result);
        checkResultsSheet(results!, result);
      });
      const summary = sheets.get('dai-hoi-Tổng hợp');
      expect(summary).toBeDefined();
      const header = summary!.findIndex((r) => r[0] === 'STT');
      records.forEach((record, i) => {
        const result = Tally.ofRecord(record).result();
        const r = summary![header + 1 + i] ?? [];
        expect(r.slice(3, 10).map(num)).toEqual([
          record.election.seats,
          result.base,
          result.threshold,
          result.ballots.collected,
          result.ballots.valid,
          result.ballots.invalid,
          result.elected.length,
        ]);
      });
    });
  }

  it('a viewer that does not recalculate shows the same as one that does, cell for cell', () => {
    // The harness: the cached mode shows the file's value, the other recalculates.
    expect(seen.cached.get('thu-Thử')?.[0]?.[0]).toBe('3');
    expect(seen.recalculated.get('thu-Thử')?.[0]?.[0]).toBe('2');
    seen.cached.delete('thu-Thử');
    seen.recalculated.delete('thu-Thử');
    expect([...seen.cached.keys()].sort()).toEqual([...seen.recalculated.keys()].sort());
    for (const [name, rows] of seen.cached) expect(rows, name).toEqual(seen.recalculated.get(name));
  });
});
