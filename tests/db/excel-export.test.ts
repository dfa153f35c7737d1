/**
 * The Excel exports, read back with exceljs from their bytes and checked against the engine
 * (Tally.ofRecord(record).result()) on the golden decks.
 */
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVALID_CODES, type ExclusionCategory } from '../../core/codes.ts';
import { baseSummary, invalidLabel, outcomeLabel, warningText } from '../../core/labels.ts';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { Tally, type ElectionResult } from '../../core/tally.ts';
import {
  RESULTS_SHEET,
  ballotsWorkbook,
  congressWorkbook,
  isValidSheetName,
  resultsWorkbook,
  uniqueSheetNames,
} from '../../db/excel-export.ts';
import { EXCLUSION_LABELS } from '../../core/labels.ts';
import { overHalfRecord, revoteRecord } from '../documents/records.ts';

const ROOT = join(import.meta.dirname, '../..');
const DECKS = join(ROOT, 'tests/decks');
const ARTIFACTS = join(ROOT, 'tests/artifacts/excel');

const REQUIRED = [
  'strike-basic-complete',
  'tie-one-seat',
  'approve-secretary',
  'committee-rulings',
  'medium-delegates-congress',
];
const ALL_DECKS = readdirSync(DECKS).filter(
  (d) => d !== 'malformed' && existsSync(join(DECKS, d, 'record.json')),
);

function deck(name: string): ElectionRecord {
  const parsed = parseRecord(JSON.parse(readFileSync(join(DECKS, name, 'record.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

const resultOf = (record: ElectionRecord): ElectionResult => Tally.ofRecord(record).result();

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet "${name}"`);
  return ws;
}

/** What a cell shows, as text: strings, numbers, formula results, links, rich text. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((p) => p.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('formula' in value || 'sharedFormula' in value) return textOf(value.result as never);
  return '';
}

const text = (ws: ExcelJS.Worksheet, row: number, col: number): string =>
  textOf(ws.getCell(row, col).value);

/** A cell's number, directly or as a formula's cached result. */
function numberAt(ws: ExcelJS.Worksheet, row: number, col: number): number {
  const cell = ws.getCell(row, col);
  const n = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (typeof n !== 'number') throw new Error(`${ws.name}!R${row}C${col} is not a number`);
  return n;
}

/**
 * A formula and its cached result. Read through the cell: exceljs's `value` getter drops a
 * cached result of 0 (the file holds it, `<v>0</v>`).
 */
function formulaAt(ws: ExcelJS.Worksheet, row: number, col: number) {
  const cell = ws.getCell(row, col);
  expect(cell.type).toBe(ExcelJS.ValueType.Formula);
  return { formula: cell.formula, result: cell.result as number | string };
}

/** The first row (from `from`) whose column `col` satisfies `test`. */
function rowWhere(
  ws: ExcelJS.Worksheet,
  test: (t: string) => boolean,
  { col = 1, from = 1 }: { col?: number; from?: number } = {},
): number {
  for (let r = from; r <= ws.rowCount; r++) if (test(text(ws, r, col))) return r;
  throw new Error(`${ws.name}: no row found`);
}

/** Every text anywhere in the workbook (cells, formulas, sheet names). */
function allTexts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        out.push(textOf(cell.value));
        if (cell.type === ExcelJS.ValueType.Formula) out.push(cell.formula);
      }),
    );
  });
  return out;
}

const expectedOutcome = (c: ElectionResult['candidates'][number], r: ElectionResult): string =>
  c.elected ? `Trúng cử (${c.rank})` : outcomeLabel(c, r, 'vi');

/** Everything a results sheet must show, checked against the engine. */
function checkResultsSheet(ws: ExcelJS.Worksheet, record: ElectionRecord): void {
  const result = resultOf(record);
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => texts.push(textOf(cell.value))));

  // Title block.
  expect(texts).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  expect(texts.some((t) => t.startsWith(record.election.title))).toBe(true);
  expect(texts.some((t) => t.startsWith(record.congress.name))).toBe(true);
  expect(texts).toContain(record.congress.organisation.toLocaleUpperCase('vi'));
  if (record.congress.date !== undefined) {
    const [y, m, d] = record.congress.date.split('-');
    expect(texts.some((t) => t.includes(`${d}/${m}/${y}`))).toBe(true);
  }

  // The base in the title block, as on every document of the election.
  expect(texts).toContain(baseSummary(record, result, 'vi'));

  // Figures: label across A:D, value in E (below the title block's base line).
  const figure = (label: string): number =>
    numberAt(
      ws,
      rowWhere(ws, (t) => t.startsWith(label) && !t.includes('trúng cử khi được')),
      5,
    );
  expect(figure('Số lượng cần bầu')).toBe(record.election.seats);
  expect(figure('Số được triệu tập')).toBe(record.base.convened);
  expect(figure('Cơ sở tính tỷ lệ')).toBe(result.base);
  expect(figure('Ngưỡng trúng cử')).toBe(result.threshold);
  expect(figure('Số phiếu phát ra')).toBe(result.ballots.issued);
  expect(figure('Số phiếu thu vào')).toBe(result.ballots.collected);
  expect(figure('Số phiếu hợp lệ')).toBe(result.ballots.valid);
  expect(figure('Số phiếu không hợp lệ')).toBe(result.ballots.invalid);
  for (const code of INVALID_CODES) {
    const n = result.ballots.invalidByReason[code];
    if (n !== undefined) expect(figure(`– ${invalidLabel(code, 'vi')}`)).toBe(n);
  }
  for (const x of record.base.exclusions) {
    expect(figure(`– ${EXCLUSION_LABELS[x.category as ExclusionCategory]}`)).toBe(x.count);
  }
  const excluded = record.base.exclusions.reduce((s, x) => s + x.count, 0);
  expect(figure('Loại trừ khỏi cơ sở tính tỷ lệ')).toBe(excluded);
  if (record.base.override !== null) {
    expect(texts.some((t) => t.includes(record.base.override?.note ?? '∅'))).toBe(true);
  }

  // The votes table, in ballot order.
  const header = rowWhere(ws, (t) => t === 'STT');
  expect([1, 2, 3, 4, 5].map((c) => text(ws, header, c))).toEqual([
    'STT',
    'Họ và tên',
    'Số phiếu',
    'Tỷ lệ (%)',
    'Kết quả',
  ]);
  expect(ws.getCell(header, 1).font.bold).toBe(true);
  result.candidates.forEach((c, i) => {
    const r = header + 1 + i;
    expect(numberAt(ws, r, 1)).toBe(i + 1);
    expect(text(ws, r, 2)).toBe(c.name);
    expect(numberAt(ws, r, 3)).toBe(c.votes);
    expect(ws.getCell(r, 3).numFmt).toBe('0');
    expect(numberAt(ws, r, 4)).toBe(c.percent);
    expect(ws.getCell(r, 4).numFmt).toBe('0.00');
    expect(text(ws, r, 5)).toBe(expectedOutcome(c, result));
  });

  // The elected, in vote order, with their rank.
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  if (result.elected.length === 0) expect(texts).toContain('Chưa có người trúng cử.');
  else {
    const top = rowWhere(ws, (t) => t === 'Thứ tự');
    result.elected.forEach((id, i) => {
      const c = byId.get(id);
      expect(numberAt(ws, top + 1 + i, 1)).toBe(i + 1);
      expect(text(ws, top + 1 + i, 2)).toBe(c?.name);
      expect(numberAt(ws, top + 1 + i, 3)).toBe(c?.votes);
      expect(numberAt(ws, top + 1 + i, 4)).toBe(c?.percent);
    });
  }

  // The closing sentence and the warnings.
  if (result.tie !== null) {
    const names = result.tie.candidates.map((id) => byId.get(id)?.name ?? '').join(', ');
    expect(texts.some((t) => t.startsWith(`Bằng phiếu ở chỗ cuối: ${names}`))).toBe(true);
  } else if (result.status === 'unfilled') {
    expect(texts.some((t) => t.startsWith(`Còn ${result.openSeats} chỗ`))).toBe(true);
  } else {
    expect(texts).toContain('Đã bầu đủ số lượng cần bầu.');
  }
  for (const w of result.warnings) expect(texts).toContain(`! ${warningText(w, 'vi')}`);

  // Columns wide enough for the longest name; A4 portrait, fit to one page wide.
  const longest = Math.max(...result.candidates.map((c) => c.name.length));
  expect(ws.getColumn(2).width ?? 0).toBeGreaterThanOrEqual(longest);
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.orientation).toBe('portrait');
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
}

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('resultsWorkbook — one election as in the counting minutes', () => {
  it('the required golden decks exist', () => {
    for (const d of REQUIRED) expect(ALL_DECKS).toContain(d);
  });

  for (const name of ALL_DECKS) {
    it(`${name}: names, votes, percentages and outcomes equal the engine's`, async () => {
      const record = deck(name);
      const bytes = await resultsWorkbook(record);
      const wb = await open(bytes);
      expect(wb.worksheets.map((w) => w.name)).toEqual([RESULTS_SHEET]);
      checkResultsSheet(sheet(wb, RESULTS_SHEET), record);
    });
  }

  it('lists the counting committee, head first, when given', async () => {
    const record = deck('strike-basic-complete');
    const wb = await open(
      await resultsWorkbook(record, {
        committee: [
          { name: 'Lê Thị Hồng Nhung', role: 'member' },
          { name: 'Nguyễn Đình Hùng', role: 'head' },
        ],
      }),
    );
    const ws = sheet(wb, RESULTS_SHEET);
    const head = rowWhere(ws, (t) => t === 'Nguyễn Đình Hùng', { col: 2 });
    expect(text(ws, head, 3)).toBe('Trưởng ban');
    expect(text(ws, head + 1, 2)).toBe('Lê Thị Hồng Nhung');
    expect(text(ws, head + 1, 3)).toBe('Thành viên');
  });
});

/** The ballots sheet: 0/1 per candidate per ballot, summing to the engine's votes. */
function checkBallotsWorkbook(wb: ExcelJS.Workbook, record: ElectionRecord): void {
  const result = resultOf(record);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Phiếu bầu', 'Hướng dẫn']);
  const ws = sheet(wb, 'Phiếu bầu');
  const header = rowWhere(ws, (t) => t === 'Phiếu số');
  expect(text(ws, header, 2)).toBe('Tình trạng');
  expect(text(ws, header, 3)).toBe('Ghi chú của Ban kiểm phiếu');
  const firstCol = 4;
  const ids = result.candidates.map((c) => c.id);
  result.candidates.forEach((c, i) => {
    expect(text(ws, header, firstCol + i)).toBe(`${i + 1}. ${c.name}`);
  });
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header, xSplit: 3 });

  const invalidLabels = new Set(INVALID_CODES.map((code) => invalidLabel(code, 'vi')));
  const sums = ids.map(() => 0);
  let valid = 0;
  const ballots = [...record.ballots.entered].sort((a, b) => a.n - b.n);
  ballots.forEach((ballot, k) => {
    const r = header + 1 + k;
    expect(numberAt(ws, r, 1)).toBe(ballot.n);
    const status = text(ws, r, 2);
    const cells = ids.map((_, i) => numberAt(ws, r, firstCol + i));
    for (const v of cells) expect(v === 0 || v === 1).toBe(true);
    if (status === 'Hợp lệ') {
      valid++;
      // The layout's rule, read from the record itself rather than from the engine.
      if ('struck' in ballot)
        expect(cells).toEqual(ids.map((id) => (ballot.struck.includes(id) ? 0 : 1)));
      if ('marks' in ballot)
        expect(cells).toEqual(ids.map((id) => (ballot.marks[id] === 'agree' ? 1 : 0)));
      expect('invalid' in ballot || ('ruling' in ballot && ballot.ruling !== undefined)).toBe(
        false,
      );
    } else {
      expect(invalidLabels.has(status)).toBe(true);
      expect(cells.every((v) => v === 0)).toBe(true);
    }
    const note = 'invalid' in ballot ? ballot.note : ballot.ruling?.note;
    expect(text(ws, r, 3)).toBe(note ?? '');
    cells.forEach((v, i) => (sums[i] = (sums[i] ?? 0) + v));
    const chosen = formulaAt(ws, r, firstCol + ids.length);
    expect(chosen.formula).toMatch(/^SUM\(/u);
    expect(chosen.result).toBe(cells.reduce((a, b) => a + b, 0));
  });
  // Computed here from the 0/1 cells: the engine's votes.
  expect(sums).toEqual(result.candidates.map((c) => c.votes));
  expect(valid).toBe(result.ballots.valid);

  const first = header + 1;
  const last = Math.max(first, header + ballots.length);
  const totals = rowWhere(ws, (t) => t.startsWith('Số phiếu bầu cho từng người'));
  const validRow = rowWhere(ws, (t) => t.startsWith('Số phiếu hợp lệ'));
  const baseRow = rowWhere(ws, (t) => t === 'Cơ sở tính tỷ lệ');
  const thresholdRow = rowWhere(ws, (t) => t.startsWith('Ngưỡng trúng cử'));
  const halfRow = rowWhere(ws, (t) => t.startsWith('Quá một nửa?'));
  const percentRow = rowWhere(ws, (t) => t.startsWith('Tỷ lệ (%)'));
  expect(totals).toBeGreaterThan(last);
  result.candidates.forEach((c, i) => {
    const col = ws.getColumn(firstCol + i).letter;
    const sum = formulaAt(ws, totals, firstCol + i);
    expect(sum.formula).toBe(`SUM(${col}${first}:${col}${last})`);
    expect(sum.result).toBe(c.votes);
    const half = formulaAt(ws, halfRow, firstCol + i);
    expect(half.formula).toBe(`IF(2*${col}${totals}>$D$${baseRow},"Quá một nửa","Không đủ")`);
    expect(half.result).toBe(c.qualified ? 'Quá một nửa' : 'Không đủ');
    expect(numberAt(ws, percentRow, firstCol + i)).toBe(c.percent);
    expect(ws.getCell(percentRow, firstCol + i).numFmt).toBe('0.00');
  });
  const countValid = formulaAt(ws, validRow, firstCol);
  expect(countValid.formula).toBe(`COUNTIF(B${first}:B${last},"Hợp lệ")`);
  expect(countValid.result).toBe(result.ballots.valid);
  // The base and the threshold are values, not formulas.
  expect(ws.getCell(baseRow, firstCol).value).toBe(result.base);
  expect(ws.getCell(thresholdRow, firstCol).value).toBe(result.threshold);

  const guide = sheet(wb, 'Hướng dẫn');
  const guideText = guide
    .getColumn(1)
    .values.map((v) => textOf(v as ExcelJS.CellValue))
    .join('\n');
  expect(guideText).toContain('HƯỚNG DẪN');
  expect(guideText).toContain('SUM');
  expect(guideText).toContain('COUNTIF');
  expect(guideText).toContain(`từ ${result.threshold} phiếu trở lên`);
}

describe('ballotsWorkbook — the ballot-level data, to recount in a spreadsheet', () => {
  for (const name of ALL_DECKS) {
    it(`${name}: the 0/1 cells and the cached SUMs give the engine's votes`, async () => {
      const record = deck(name);
      checkBallotsWorkbook(await open(await ballotsWorkbook(record)), record);
    });
  }
});

/** Elections with long, clashing, awkward titles, as a congress may well have. */
function awkwardCongress(): ElectionRecord[] {
  const base = deck('medium-delegates-congress');
  const long =
    'Bầu Ban Chấp hành Đảng bộ phường Thành Sen khóa I, nhiệm kỳ 2025–2030 [danh sách chính thức]: 1/2 * ? \\';
  const titled = (id: string, title: string, round = 1): ElectionRecord => ({
    ...base,
    election: { ...base.election, id, title, round },
  });
  return [
    ...REQUIRED.map(deck),
    titled('x1', long),
    titled('x2', long),
    titled('x3', long, 2),
    titled('x4', long.toLocaleUpperCase('vi')),
    titled('x5', "Bầu Ủy ban Kiểm tra xã Đắk R'Lấp"),
    titled('x6', 'History'),
    titled('x7', "'Tổng hợp'"),
  ];
}

const STATUS = (r: ElectionResult): string =>
  r.status === 'complete'
    ? 'Đã bầu đủ'
    : r.status === 'tie'
      ? `Bằng phiếu — còn ${r.tie?.seats} chỗ cần bầu lại`
      : `Chưa đủ — còn ${r.openSeats} chỗ`;

describe('congressWorkbook — every election of a congress', () => {
  it('has a summary row and a full results sheet per election, under valid unique names', async () => {
    const records = awkwardCongress();
    const bytes = await congressWorkbook(records);
    const wb = await open(bytes);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(records.length + 1);
    expect(names[0]).toBe('Tổng hợp');
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/u);
      expect(n.startsWith("'") || n.endsWith("'")).toBe(false);
      expect(n.toLowerCase()).not.toBe('history');
      expect(isValidSheetName(n)).toBe(true);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);

    const summary = sheet(wb, 'Tổng hợp');
    const header = rowWhere(summary, (t) => t === 'STT');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    records.forEach((record, i) => {
      const r = header + 1 + i;
      const result = resultOf(record);
      expect(numberAt(summary, r, 1)).toBe(i + 1);
      expect(text(summary, r, 2)).toBe(record.election.title);
      expect(numberAt(summary, r, 3)).toBe(record.election.round);
      expect(numberAt(summary, r, 4)).toBe(record.election.seats);
      expect(numberAt(summary, r, 5)).toBe(result.base);
      expect(numberAt(summary, r, 6)).toBe(result.threshold);
      expect(numberAt(summary, r, 7)).toBe(result.ballots.collected);
      expect(numberAt(summary, r, 8)).toBe(result.ballots.valid);
      expect(numberAt(summary, r, 9)).toBe(result.ballots.invalid);
      expect(numberAt(summary, r, 10)).toBe(result.elected.length);
      expect(text(summary, r, 11)).toBe(STATUS(result));
      const link = summary.getCell(r, 12).value as ExcelJS.CellHyperlinkValue;
      const target = names[i + 1] ?? '';
      expect(link.text).toBe(target);
      expect(link.hyperlink).toBe(`#'${target.replace(/'/gu, "''")}'!A1`);
      checkResultsSheet(sheet(wb, target), record);
    });
    writeFileSync(join(ARTIFACTS, 'dai-hoi-ten-dai.xlsx'), bytes);
  });

  it('a round 2 is told apart from round 1 by its sheet name', async () => {
    const names = (await open(await congressWorkbook(awkwardCongress()))).worksheets.map(
      (w) => w.name,
    );
    expect(names.some((n) => n.endsWith('(vòng 2)'))).toBe(true);
    expect(names.some((n) => n.endsWith('(2)'))).toBe(true);
    expect(names).toContain('Ủy ban Kiểm tra xã Đắk R’Lấp');
  });

  it('an empty congress still makes a workbook with its summary', async () => {
    const wb = await open(await congressWorkbook([]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp']);
  });
});

describe('sheet names', () => {
  it('are cut to 31 at a word, cleaned, unique ignoring case, never split a surrogate pair', () => {
    const long = 'Bầu Ban Chấp hành Đảng bộ phường Thành Sen khóa I';
    const names = uniqueSheetNames(
      [
        { name: long },
        { name: long },
        { name: long.toUpperCase() },
        { name: long, suffix: '(vòng 2)' },
        { name: 'a/b\\c[d]e:f*g?h' },
        { name: '   ' },
        { name: 'History' },
        { name: `${'x'.repeat(30)}😀` },
        { name: 'Tổng hợp' },
      ],
      ['Tổng hợp'],
    );
    expect(names[0]).toBe('Bầu Ban Chấp hành Đảng bộ…');
    expect(names[1]).toBe('Bầu Ban Chấp hành Đảng… (2)');
    expect(names[2]).toBe('BẦU BAN CHẤP HÀNH ĐẢNG… (3)');
    expect(names[3]).toBe('Bầu Ban Chấp hành… (vòng 2)');
    expect(names[4]).toBe('a-b-c-d-e-f-g-h');
    expect(names[5]).toBe('Trang');
    expect(names[6]).toBe('History (2)');
    expect(names[7]).toBe(`${'x'.repeat(30)}…`);
    expect(names[8]).toBe('Tổng hợp (2)');
    for (const n of names) expect(isValidSheetName(n)).toBe(true);
  });
});

describe('Vietnamese text is NFC, exactly', () => {
  const nfd = (s: string) => s.normalize('NFD');
  /** A record whose texts were typed decomposed (as some macOS tools produce them). */
  function decomposed(): { record: ElectionRecord; original: ElectionRecord } {
    const original = deck('committee-rulings');
    const record: ElectionRecord = {
      ...original,
      congress: {
        ...original.congress,
        name: nfd(original.congress.name),
        organisation: nfd(original.congress.organisation),
        place: nfd(original.congress.place ?? ''),
      },
      election: { ...original.election, title: nfd(original.election.title) },
      candidates: original.candidates.map((c) => ({ ...c, name: nfd(c.name) })),
      ballots: {
        ...original.ballots,
        entered: original.ballots.entered.map((b) =>
          'invalid' in b && b.note !== undefined ? { ...b, note: nfd(b.note) } : b,
        ),
      },
    };
    expect(record.candidates[0]?.name).not.toBe(original.candidates[0]?.name);
    return { record, original };
  }

  it('every text of every workbook is NFC, and names read back equal the NFC names', async () => {
    const { record, original } = decomposed();
    const books = [
      await resultsWorkbook(record, { committee: [{ name: nfd('Trần Thị Thủy'), role: 'head' }] }),
      await congressWorkbook([record, deck('tie-one-seat'), deck('approve-secretary')]),
      await ballotsWorkbook(record),
    ];
    for (const bytes of books) {
      const texts = allTexts(await open(bytes));
      for (const t of texts) expect(t).toBe(t.normalize('NFC'));
      for (const c of original.candidates) {
        expect(texts.some((t) => t === c.name || t.endsWith(`. ${c.name}`))).toBe(true);
      }
    }
    const ws = sheet(await open(books[0] as Uint8Array), RESULTS_SHEET);
    const header = rowWhere(ws, (t) => t === 'STT');
    original.candidates.forEach((c, i) => expect(text(ws, header + 1 + i, 2)).toBe(c.name));
    expect(allTexts(await open(books[0] as Uint8Array))).toContain('Trần Thị Thủy');
  });

  it('golden deck names round-trip byte for byte', async () => {
    for (const name of REQUIRED) {
      const record = deck(name);
      const texts = allTexts(await open(await resultsWorkbook(record)));
      for (const c of record.candidates) expect(texts).toContain(c.name);
      expect(texts.some((t) => t.startsWith(record.election.title))).toBe(true);
    }
  });
});

describe('nothing identifies a voter', () => {
  it('no dates or times in any cell; a ballot row is its number, reading, note and 0/1s', async () => {
    const record = deck('committee-rulings');
    for (const bytes of [
      await resultsWorkbook(record),
      await ballotsWorkbook(record),
      await congressWorkbook([record]),
    ]) {
      const wb = await open(bytes);
      wb.eachSheet((ws) =>
        ws.eachRow((row) => row.eachCell((cell) => expect(cell.value instanceof Date).toBe(false))),
      );
      // No clock time of any kind in a text either (issue 10, item 14: nothing finer than the minute).
      for (const t of allTexts(wb)) expect(t).not.toMatch(/\d{1,2}:\d{2}|T\d{2}:\d{2}/u);
    }
    const ws = sheet(await open(await ballotsWorkbook(record)), 'Phiếu bầu');
    const header = rowWhere(ws, (t) => t === 'Phiếu số');
    // Number, reading, note, a 0/1 per candidate and the count: no operator, station or sequence.
    expect(ws.getRow(header).cellCount).toBe(3 + record.candidates.length + 1);
    expect([1, 2, 3].map((c) => text(ws, header, c))).toEqual([
      'Phiếu số',
      'Tình trạng',
      'Ghi chú của Ban kiểm phiếu',
    ]);
  });
});

describe('artifacts for people to open (tests/artifacts/excel/, not committed)', () => {
  it('writes one workbook of each kind', async () => {
    for (const name of REQUIRED) {
      writeFileSync(
        join(ARTIFACTS, `ket-qua-${name}.xlsx`),
        await resultsWorkbook(deck(name), {
          committee: [
            { name: 'Nguyễn Đình Hùng', role: 'head' },
            { name: 'Lê Thị Hồng Nhung', role: 'member' },
            { name: 'Phạm Văn Đức', role: 'member' },
          ],
        }),
      );
      writeFileSync(join(ARTIFACTS, `phieu-${name}.xlsx`), await ballotsWorkbook(deck(name)));
    }
    writeFileSync(join(ARTIFACTS, 'dai-hoi.xlsx'), await congressWorkbook(REQUIRED.map(deck)));
    expect(readdirSync(ARTIFACTS).filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(
      2 * REQUIRED.length + 1,
    );
  });
});

describe('headings name the round and the term once (issue 9, item 17)', () => {
  it('a re-vote whose title says "(vòng 2)" is not told "(vòng 2)" again; the term is not repeated', async () => {
    const record = revoteRecord();
    expect(record.election.title).toContain('(vòng 2)');
    expect(record.congress.term).toBe('2025–2030');
    const results = sheet(await open(await resultsWorkbook(record)), 'Kết quả');
    const ballots = sheet(await open(await ballotsWorkbook(record)), 'Phiếu bầu');
    const congress = await open(await congressWorkbook([overHalfRecord(), record]));
    const texts = [
      ...allTexts(await open(await resultsWorkbook(record))),
      ...allTexts(await open(await ballotsWorkbook(record))),
      ...allTexts(congress),
    ];
    for (const t of texts) {
      expect(t.match(/vòng 2/giu)?.length ?? 0, t).toBeLessThanOrEqual(1);
      expect(t.match(/2025–2030/gu)?.length ?? 0, t).toBeLessThanOrEqual(1);
    }
    expect(text(results, 5, 1)).toBe(record.election.title);
    expect(text(results, 6, 1)).toBe(record.congress.name);
    expect(text(ballots, 1, 1)).toBe(`DỮ LIỆU TỪNG PHIẾU BẦU: ${record.election.title}`);
    expect(congress.worksheets.map((w) => w.name).filter((n) => n.includes('vòng 2'))).toHaveLength(
      1,
    );
  });

  it('the outcome beyond the seats is said in full', async () => {
    const record = overHalfRecord();
    const ws = sheet(await open(await resultsWorkbook(record)), 'Kết quả');
    const r = rowWhere(ws, (t) => t === 'Lê Văn Cường', { col: 2 });
    expect(text(ws, r, 5)).toBe('Quá một nửa, không trúng cử (ngoài số lượng)');
  });
});
