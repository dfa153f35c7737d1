/**
 * A list of people (delegates, party members, candidates) read from an .xlsx or .csv file, for
 * the import preview. Nothing is stored here: the preview shows every row and every problem at
 * once, and `importablePeople` is the gate that lets an import through only when there is none.
 *
 * Old party-office files are handled as they come: title rows above the header, merged cells,
 * split name columns, text in TCVN3 or VNI (decided once per column, see core/legacy-text.ts),
 * CSV in UTF-8, UTF-16 or Windows-1252 with `,` `;` or tab.
 */
import { Buffer } from 'node:buffer';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  detectVietnameseEncodingOf,
  hasUnicodeVietnamese,
  legacyNameToUnicode,
  toUnicodeFrom,
  type LegacyEncoding,
  type VietnameseEncoding,
} from '../core/legacy-text.ts';
import { cleanName } from '../core/names.ts';
import type { Lang } from '../core/refusal.ts';
import { assertNever, err, ok, type Result } from '../core/result.ts';

// ---------------------------------------------------------------------------------------------
// The shape of a sheet.

export const PEOPLE_FIELDS = [
  'no',
  'name',
  'family',
  'given',
  'unit',
  'position',
  'category',
  'status',
  'gender',
  'birthYear',
] as const;
export type PeopleField = (typeof PEOPLE_FIELDS)[number];

const column = z.number().int().min(1).max(16_384);
const optionalColumns = {
  no: column.optional(),
  unit: column.optional(),
  position: column.optional(),
  category: column.optional(),
  status: column.optional(),
  gender: column.optional(),
  birthYear: column.optional(),
};

/** Columns by field, 1-based (A = 1): one name column, or family (with middle) + given. */
export const columnMappingSchema = z.union([
  z.strictObject({ name: column, ...optionalColumns }),
  z.strictObject({ family: column, given: column, ...optionalColumns }),
]);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const explicitSchema = z.strictObject({
  mapping: columnMappingSchema,
  headerRow: z.number().int().min(0).optional(),
});

export type PersonStatus = 'official' | 'alternate';

export interface SheetPerson {
  /** The spreadsheet row number (1-based), as the operator sees it in Excel. */
  readonly row: number;
  readonly name: string;
  readonly family?: string;
  readonly given?: string;
  readonly no?: string;
  readonly unit?: string;
  readonly position?: string;
  readonly category?: string;
  readonly status?: PersonStatus;
  readonly gender?: string;
  readonly birthYear?: number;
}

export interface SheetColumn {
  readonly field: PeopleField;
  readonly column: number;
  /** The header text as found (decoded), or '' when the mapping was given without a header. */
  readonly header: string;
  readonly encoding: VietnameseEncoding;
}

export type SheetSource =
  | { readonly format: 'xlsx'; readonly sheetName: string }
  | { readonly format: 'csv'; readonly charset: CsvCharset; readonly delimiter: CsvDelimiter };

export interface PeopleSheet {
  readonly source: SheetSource;
  /** 1-based; 0 when a mapping was given and no header row was found or named. */
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  readonly columns: readonly SheetColumn[];
  readonly people: readonly SheetPerson[];
  /** Row problems; any of them blocks the import (see importablePeople). */
  readonly problems: readonly SheetProblem[];
}

export type SheetProblem =
  | { readonly code: 'unsupported-type'; readonly fileName: string }
  | { readonly code: 'unreadable'; readonly fileName: string; readonly reason: string }
  | { readonly code: 'empty-file'; readonly fileName: string }
  | { readonly code: 'no-header' }
  | {
      readonly code: 'column-out-of-range';
      readonly field: PeopleField;
      readonly column: number;
      readonly columns: number;
    }
  | { readonly code: 'bad-mapping'; readonly reason: string }
  | { readonly code: 'no-people'; readonly rows: readonly number[] }
  | { readonly code: 'empty-name'; readonly rows: readonly number[]; readonly field: PeopleField }
  | {
      readonly code: 'duplicate-name';
      readonly rows: readonly number[];
      readonly field: PeopleField;
      readonly name: string;
    }
  | {
      readonly code: 'unknown-status' | 'invalid-birth-year';
      readonly rows: readonly number[];
      readonly field: PeopleField;
      readonly value: string;
    };

export interface ReadPeopleSheetInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Overrides header detection; columns are 1-based. */
  readonly mapping?: ColumnMapping;
  /** The header row (1-based) when the mapping is given; data starts on the next row. */
  readonly headerRow?: number;
}

// ---------------------------------------------------------------------------------------------
// A grid of cells, the same for both formats.

interface Cell {
  readonly text: string;
  /** Legacy encoding named by the cell's font (.VnTime, VNI-Times); `upper` for .VnTimeH. */
  readonly font?: { readonly encoding: LegacyEncoding; readonly upper: boolean };
  /** Copied from the top of a vertically merged block: shown, but not data of its own. */
  readonly inherited?: boolean;
  /** Already Unicode (a rich-text cell whose runs were decoded one by one). */
  readonly decoded?: boolean;
}
/** rows[r - 1][c - 1] is the cell at row r, column c. */
type Grid = readonly (readonly Cell[])[];

const EMPTY: Cell = { text: '' };
const cellAt = (grid: Grid, row: number, col: number): Cell => grid[row - 1]?.[col - 1] ?? EMPTY;

// ---------------------------------------------------------------------------------------------
// CSV.

export type CsvCharset = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

function decodeCsv(bytes: Uint8Array): { text: string; charset: CsvCharset } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    // Not UTF-8: an old file saved by Excel in the Western code page, where TCVN3 and VNI bytes
    // come out as the Latin-1 letters core/legacy-text.ts expects.
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}

/** RFC 4180 records: quoted fields may hold the delimiter, "" and line breaks. */
function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

// The delimiter that splits the first lines most consistently into more than one field.
function guessDelimiter(text: string): CsvDelimiter {
  const sample = text.split(/\r\n|\n|\r/u, 30).join('\n');
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of [',', ';', '\t'] as const) {
    const widths = parseCsv(sample, delimiter)
      .map((r) => r.length)
      .filter((n) => n > 1);
    const counts = new Map<number, number>();
    for (const n of widths) counts.set(n, (counts.get(n) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

function readCsv(bytes: Uint8Array): { grid: Grid; source: SheetSource } {
  const { text: raw, charset } = decodeCsv(bytes);
  // Excel's "sep=;" first line names the delimiter and is not shown as a row.
  const sep = /^sep=(.)\r?\n/u.exec(raw);
  const text = sep ? raw.slice(sep[0].length) : raw;
  const named = sep?.[1];
  const delimiter: CsvDelimiter =
    named === ',' || named === ';' || named === '\t' ? named : guessDelimiter(text);
  const grid = parseCsv(text, delimiter).map((record) => record.map((t) => ({ text: t })));
  return { grid, source: { format: 'csv', charset, delimiter } };
}

// ---------------------------------------------------------------------------------------------
// XLSX.

function fontEncoding(name: string | undefined): Cell['font'] {
  const font = name?.trim() ?? '';
  if (/^\.vn/iu.test(font)) return { encoding: 'tcvn3', upper: /h$/u.test(font) };
  if (/^vni[-\s]/iu.test(font)) return { encoding: 'vni', upper: false };
  return undefined;
}

function decodeRun(text: string, font: Cell['font']): string {
  if (font === undefined) return text;
  const decoded = toUnicodeFrom(text, font.encoding);
  return font.upper ? decoded.toUpperCase() : decoded;
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return value.result === undefined ? '' : valueText(value.result);
  if ('error' in value) return '';
  return '';
}

function xlsxCell(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && 'richText' in value) {
    const runs = value.richText.map((run) => ({
      text: run.text,
      font: fontEncoding(run.font?.name),
    }));
    const first = runs[0]?.font;
    const same = runs.every(
      (r) => r.font?.encoding === first?.encoding && r.font?.upper === first?.upper,
    );
    // Runs in different fonts can mix encodings: decode each by its own font.
    if (!same) return { text: runs.map((r) => decodeRun(r.text, r.font)).join(''), decoded: true };
    return { text: valueText(value), ...(first ? { font: first } : {}) };
  }
  const font = fontEncoding(cell.font?.name);
  return { text: valueText(value), ...(font ? { font } : {}) };
}

function worksheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const grid: Cell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      if (master === cell || master.address === cell.address) cells.push(xlsxCell(cell));
      // A block merged down a column (a unit spanning its members' rows) belongs to every row
      // of the block; a cell merged sideways is empty, or the title would fill every column.
      else if (Number(master.col) === c) cells.push({ ...xlsxCell(master), inherited: true });
      else cells.push(EMPTY);
    }
    grid.push(cells);
  }
  return grid;
}

async function readXlsx(bytes: Uint8Array): Promise<{ sheets: { name: string; grid: Grid }[] }> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's own Buffer type lags @types/node's generic one.
  await workbook.xlsx.load(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
  );
  return {
    sheets: workbook.worksheets
      .filter((s) => s.state === 'visible')
      .map((s) => ({ name: s.name, grid: worksheetGrid(s) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Header detection.

/** Accent-, case- and punctuation-free: "Họ và tên (1)" → "ho va ten 1". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

// Header words per field, folded. One-word entries must match the whole cell ("Tên" is the given
// name, "Tên đơn vị" is not); longer ones may be followed by more words ("Họ và tên đại biểu").
// When two fields match, the longer entry wins ("Họ và tên đệm" is the family, not the name).
const HEADER_WORDS: Readonly<Record<PeopleField, readonly string[]>> = {
  no: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 'no', 'number', 'seq'],
  name: ['ho va ten', 'ho ten', 'full name', 'name', 'ho va ten khai sinh', 'ten day du'],
  family: [
    'ho',
    'ho dem',
    'ho va dem',
    'ho va ten dem',
    'ho va chu dem',
    'ho lot',
    'ho va ten lot',
    'family name',
    'surname',
    'last name',
  ],
  given: ['ten', 'given name', 'first name', 'ten goi'],
  unit: [
    'don vi',
    'chi bo',
    'dang bo',
    'ten don vi',
    'don vi cong tac',
    'noi cong tac',
    'co quan',
    'doan dai bieu',
    'unit',
    'organisation',
    'organization',
  ],
  position: ['chuc vu', 'chuc danh', 'position', 'title', 'job title'],
  category: ['loai', 'thanh phan', 'category', 'type', 'loai dai bieu'],
  status: [
    'chinh thuc du khuyet',
    'chinh thuc hoac du khuyet',
    'chinh thuc hay du khuyet',
    'ct dk',
    'official alternate',
    'official or alternate',
    'status',
  ],
  gender: ['gioi tinh', 'gender', 'sex', 'nam nu'],
  birthYear: ['nam sinh', 'year of birth', 'birth year', 'born', 'ngay sinh', 'date of birth'],
};

/** The field a header cell names, trying the text as it is and as TCVN3 or VNI. */
function headerField(text: string): PeopleField | undefined {
  const readings = new Set(
    (['unicode', 'tcvn3', 'vni'] as const).map((e) => fold(toUnicodeFrom(text, e))),
  );
  let best: { field: PeopleField; length: number } | undefined;
  for (const folded of readings) {
    if (folded === '') continue;
    for (const field of PEOPLE_FIELDS) {
      for (const words of HEADER_WORDS[field]) {
        const matches = folded === words || (words.includes(' ') && folded.startsWith(`${words} `));
        if (matches && (best === undefined || words.length > best.length)) {
          best = { field, length: words.length };
        }
      }
    }
  }
  return best?.field;
}

const HEADER_SEARCH_ROWS = 30;

interface Header {
  readonly row: number;
  readonly fields: ReadonlyMap<PeopleField, { column: number; header: string }>;
}

function headerOfRow(grid: Grid, row: number): Header | undefined {
  const fields = new Map<PeopleField, { column: number; header: string }>();
  (grid[row - 1] ?? []).forEach((cell, i) => {
    const field = headerField(cell.text);
    if (field !== undefined && !fields.has(field)) {
      fields.set(field, { column: i + 1, header: cell.text.trim() });
    }
  });
  // "Tên" alone, without a family column, holds the whole name.
  const given = fields.get('given');
  if (!fields.has('name') && !fields.has('family') && given !== undefined) {
    fields.set('name', given);
    fields.delete('given');
  }
  const named = fields.has('name') || (fields.has('family') && fields.has('given'));
  return named ? { row, fields } : undefined;
}

/** The row among the first thirty that names the most columns, a name column among them. */
function findHeader(grid: Grid): Header | undefined {
  let best: Header | undefined;
  for (let row = 1; row <= Math.min(grid.length, HEADER_SEARCH_ROWS); row++) {
    const header = headerOfRow(grid, row);
    if (header && (best === undefined || header.fields.size > best.fields.size)) best = header;
  }
  return best;
}

function mappingOf(header: Header): ColumnMapping {
  const col = (field: PeopleField) => header.fields.get(field)?.column;
  const optional = Object.fromEntries(
    PEOPLE_FIELDS.filter((f) => !['name', 'family', 'given'].includes(f))
      .filter((f) => col(f) !== undefined)
      .map((f) => [f, col(f)]),
  );
  const name = col('name');
  const family = col('family');
  const given = col('given');
  if (name !== undefined) return { name, ...optional };
  if (family !== undefined && given !== undefined) return { family, given, ...optional };
  throw new Error('a header without a name column');
}

function mappedColumns(mapping: ColumnMapping): [PeopleField, number][] {
  return PEOPLE_FIELDS.flatMap((f) => {
    const c = (mapping as Partial<Record<PeopleField, number>>)[f];
    return c === undefined ? [] : [[f, c] as [PeopleField, number]];
  });
}

// ---------------------------------------------------------------------------------------------
// Rows.

const NAME_FIELDS: readonly PeopleField[] = ['name', 'family', 'given'];

/** One encoding per column: decided from its data cells, or from their font when text can't. */
function columnEncoding(cells: readonly Cell[]): VietnameseEncoding {
  const open = cells.filter((c) => !c.decoded && c.text !== '');
  const detected = detectVietnameseEncodingOf(open.map((c) => c.text));
  if (detected !== 'unicode') return detected;
  const nonAscii = open.filter((c) => /[^\x00-\x7f]/u.test(c.text));
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const inFont = nonAscii.filter((c) => c.font?.encoding === encoding);
    if (inFont.length * 2 > nonAscii.length && !inFont.some((c) => hasUnicodeVietnamese(c.text))) {
      return encoding;
    }
  }
  return 'unicode';
}

function cellUnicode(cell: Cell, field: PeopleField, encoding: VietnameseEncoding): string {
  if (cell.decoded || encoding === 'unicode' || hasUnicodeVietnamese(cell.text)) {
    return cleanName(cell.text);
  }
  const text = NAME_FIELDS.includes(field)
    ? legacyNameToUnicode(cell.text, encoding)
    : toUnicodeFrom(cell.text, encoding);
  return cleanName(cell.font?.upper && encoding === 'tcvn3' ? text.toUpperCase() : text);
}

const isNumbering = (text: string): boolean => /^\(?\d{1,2}\)?$/u.test(text.trim());

function parseStatus(text: string): PersonStatus | undefined | 'unknown' {
  const folded = fold(text);
  if (folded === '') return undefined;
  if (/^(dai bieu )?(chinh thuc|ct)$|^official$/u.test(folded)) return 'official';
  if (/^(dai bieu )?(du khuyet|dk)$|^alternate$/u.test(folded)) return 'alternate';
  return 'unknown';
}

function parseBirthYear(text: string): number | undefined {
  const t = text.trim();
  const year =
    /^(\d{4})(\.0+)?$/u.exec(t)?.[1] ??
    /^(\d{4})-\d{2}-\d{2}$/u.exec(t)?.[1] ??
    /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/u.exec(t)?.[1];
  const n = Number(year);
  return year !== undefined && n >= 1900 && n <= 2100 ? n : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface RowRead {
  /** Absent when the row has no name: such a row is only a problem. */
  readonly person?: SheetPerson;
  readonly problems: readonly SheetProblem[];
}

function readRow(value: (field: PeopleField) => string, row: number, split: boolean): RowRead {
  const problems: SheetProblem[] = [];
  const person: Mutable<SheetPerson> = { row, name: '' };
  if (split) {
    const family = value('family');
    const given = value('given');
    Object.assign(person, { name: cleanName(`${family} ${given}`), family, given });
    if (given === '') problems.push({ code: 'empty-name', rows: [row], field: 'given' });
  } else {
    person.name = value('name');
    if (person.name === '') problems.push({ code: 'empty-name', rows: [row], field: 'name' });
  }
  for (const field of ['no', 'unit', 'position', 'category', 'gender'] as const) {
    const text = value(field);
    if (text !== '') person[field] = text;
  }
  const status = value('status');
  const parsed = parseStatus(status);
  if (parsed === 'unknown') {
    problems.push({ code: 'unknown-status', rows: [row], field: 'status', value: status });
  } else if (parsed !== undefined) {
    person.status = parsed;
  }
  const born = value('birthYear');
  const year = parseBirthYear(born);
  if (born !== '' && year === undefined) {
    problems.push({ code: 'invalid-birth-year', rows: [row], field: 'birthYear', value: born });
  } else if (year !== undefined) {
    person.birthYear = year;
  }
  const named = split ? person.given !== '' : person.name !== '';
  return named ? { person, problems } : { problems };
}

interface RowsRead {
  readonly people: SheetPerson[];
  readonly problems: SheetProblem[];
  readonly encodings: ReadonlyMap<PeopleField, VietnameseEncoding>;
}

function readRows(grid: Grid, mapping: ColumnMapping, headerRow: number): RowsRead {
  const columns = new Map(mappedColumns(mapping));
  const firstRow = headerRow + 1;
  const dataRows = grid.slice(headerRow);
  const encodings = new Map(
    [...columns].map(([field, c]) => [
      field,
      columnEncoding(dataRows.map((r) => r[c - 1] ?? EMPTY)),
    ]),
  );
  const people: SheetPerson[] = [];
  const problems: SheetProblem[] = [];
  for (let row = firstRow; row <= grid.length; row++) {
    const own = (grid[row - 1] ?? []).filter((c) => !c.inherited && c.text.trim() !== '');
    if (own.length === 0) continue;
    // A row of column numbers, "1 2 3 …" or "(1) (2) (3) …", printed under the header.
    if (row === firstRow && own.length > 1 && own.every((c) => isNumbering(c.text))) continue;
    const value = (field: PeopleField): string => {
      const c = columns.get(field);
      if (c === undefined) return '';
      return cellUnicode(cellAt(grid, row, c), field, encodings.get(field) ?? 'unicode');
    };
    const read = readRow(value, row, !('name' in mapping));
    if (read.person) people.push(read.person);
    problems.push(...read.problems);
  }
  problems.push(...duplicates(people));
  if (people.length === 0 && problems.length === 0) {
    problems.push({ code: 'no-people', rows: headerRow > 0 ? [headerRow] : [] });
  }
  problems.sort((a, b) => firstRowOf(a) - firstRowOf(b));
  return { people, problems, encodings };
}

// Compared after NFC and case folding; reported on the full name even in split files, since the
// message quotes the whole name.
function duplicates(people: readonly SheetPerson[]): SheetProblem[] {
  const byKey = new Map<string, SheetPerson[]>();
  for (const p of people) {
    const key = p.name.normalize('NFC').toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  return [...byKey.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({
      code: 'duplicate-name' as const,
      rows: group.map((p) => p.row),
      field: 'name' as const,
      name: group[0]?.name ?? '',
    }));
}

const firstRowOf = (p: SheetProblem): number => ('rows' in p ? (p.rows[0] ?? 0) : 0);

// ---------------------------------------------------------------------------------------------
// The whole file.

function sheetOf(
  grid: Grid,
  source: SheetSource,
  input: ReadPeopleSheetInput,
): Result<PeopleSheet, SheetProblem[]> {
  const header = findHeader(grid);
  let mapping: ColumnMapping;
  let headerRow: number;
  if (input.mapping !== undefined) {
    const parsed = explicitSchema.safeParse({ mapping: input.mapping, headerRow: input.headerRow });
    if (!parsed.success) {
      return err([{ code: 'bad-mapping', reason: z.prettifyError(parsed.error) }]);
    }
    mapping = parsed.data.mapping;
    headerRow = parsed.data.headerRow ?? header?.row ?? 0;
  } else if (header !== undefined) {
    mapping = mappingOf(header);
    headerRow = header.row;
  } else {
    return err([{ code: 'no-header' }]);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  const outside: SheetProblem[] = mappedColumns(mapping)
    .filter(([, c]) => c > width)
    .map(([field, c]) => ({ code: 'column-out-of-range', field, column: c, columns: width }));
  if (outside.length > 0) return err(outside);

  const { people, problems, encodings } = readRows(grid, mapping, headerRow);
  const columns = mappedColumns(mapping).map(([field, c]) => ({
    field,
    column: c,
    header: headerRow > 0 ? headerText(cellAt(grid, headerRow, c).text) : '',
    encoding: encodings.get(field) ?? 'unicode',
  }));
  return ok({ source, headerRow, mapping, columns, people, problems });
}

// The header as the operator would read it, decoded when it is in TCVN3 or VNI.
const headerText = (text: string): string =>
  cleanName(toUnicodeFrom(text, detectVietnameseEncodingOf([text])));

/**
 * Reads a people list. File-level failures (unsupported type, unreadable, no header, a mapping
 * that does not fit) are the error; row problems are in `problems` beside the people, so a
 * preview can show every row at once.
 */
export async function readPeopleSheet(
  input: ReadPeopleSheetInput,
): Promise<Result<PeopleSheet, SheetProblem[]>> {
  const { bytes, fileName } = input;
  const extension = /\.([^.]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== 'xlsx' && extension !== 'csv') {
    return err([{ code: 'unsupported-type', fileName }]);
  }
  if (bytes.length === 0) return err([{ code: 'empty-file', fileName }]);
  if (extension === 'csv') {
    const { grid, source } = readCsv(bytes);
    return sheetOf(grid, source, input);
  }
  let sheets: { name: string; grid: Grid }[];
  try {
    ({ sheets } = await readXlsx(bytes));
  } catch (e) {
    return err([
      { code: 'unreadable', fileName, reason: e instanceof Error ? e.message : String(e) },
    ]);
  }
  if (sheets.length === 0) return err([{ code: 'empty-file', fileName }]);
  // The first sheet with a header row (a workbook may open on a cover sheet); with a mapping
  // given, the first sheet.
  const chosen =
    (input.mapping === undefined ? sheets.find((s) => findHeader(s.grid)) : undefined) ?? sheets[0];
  if (chosen === undefined) return err([{ code: 'empty-file', fileName }]);
  return sheetOf(chosen.grid, { format: 'xlsx', sheetName: chosen.name }, input);
}

/** The import gate: the people only when the sheet has no problem at all. */
export function importablePeople(
  sheet: PeopleSheet,
): Result<readonly SheetPerson[], readonly SheetProblem[]> {
  return sheet.problems.length > 0 ? err(sheet.problems) : ok(sheet.people);
}

// ---------------------------------------------------------------------------------------------
// Messages.

const FIELD_LABELS: Readonly<Record<PeopleField, { vi: string; en: string }>> = {
  no: { vi: 'STT', en: 'No.' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  family: { vi: 'Họ và tên đệm', en: 'Family and middle names' },
  given: { vi: 'Tên', en: 'Given name' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  position: { vi: 'Chức vụ', en: 'Position' },
  category: { vi: 'Thành phần', en: 'Category' },
  status: { vi: 'Chính thức / Dự khuyết', en: 'Official / Alternate' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  birthYear: { vi: 'Năm sinh', en: 'Year of birth' },
};

export const fieldLabel = (field: PeopleField, lang: Lang): string => FIELD_LABELS[field][lang];

function where(rows: readonly number[], field: PeopleField, lang: Lang): string {
  const list = rows.join(', ');
  const label = fieldLabel(field, lang);
  if (lang === 'vi') return `Dòng ${list}, cột ${label}`;
  return `${rows.length > 1 ? 'Rows' : 'Row'} ${list}, column ${label}`;
}

/** One sentence per problem, naming the row(s) and the column, in Vietnamese or English. */
export function problemText(p: SheetProblem, lang: Lang): string {
  const vi = lang === 'vi';
  switch (p.code) {
    case 'unsupported-type': {
      const xls = /\.xls$/iu.test(p.fileName);
      if (vi) {
        return xls
          ? `Tệp “${p.fileName}” là dạng .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx`
          : `Tệp “${p.fileName}” không phải bảng tính .xlsx hoặc .csv`;
      }
      return xls
        ? `“${p.fileName}” is an old .xls file: open it in Excel and save it as .xlsx`
        : `“${p.fileName}” is not an .xlsx or .csv spreadsheet`;
    }
    case 'unreadable':
      return vi
        ? `Không đọc được tệp “${p.fileName}” (tệp hỏng, có mật khẩu hoặc không đúng định dạng)`
        : `Cannot read “${p.fileName}” (damaged, password-protected or not of its type)`;
    case 'empty-file':
      return vi ? `Tệp “${p.fileName}” không có dữ liệu` : `“${p.fileName}” holds no data`;
    case 'no-header':
      return vi
        ? `Không tìm thấy dòng tiêu đề có cột Họ và tên (hoặc Họ và Tên) trong ${HEADER_SEARCH_ROWS} dòng đầu`
        : `No header row with a Full name column (or Family and Given name) in the first ${HEADER_SEARCH_ROWS} rows`;
    case 'column-out-of-range':
      return vi
        ? `Cột ${fieldLabel(p.field, lang)} được chọn là cột ${p.column}, nhưng bảng chỉ có ${p.columns} cột`
        : `Column ${fieldLabel(p.field, lang)} was set to column ${p.column}, but the sheet has ${p.columns} columns`;
    case 'bad-mapping':
      return vi
        ? `Cách ghép cột không hợp lệ: ${p.reason}`
        : `The column mapping is not valid: ${p.reason}`;
    case 'no-people':
      return vi
        ? `Không có người nào dưới dòng tiêu đề${p.rows.length > 0 ? ` (dòng ${p.rows.join(', ')})` : ''}`
        : `No one is listed below the header row${p.rows.length > 0 ? ` (row ${p.rows.join(', ')})` : ''}`;
    case 'empty-name':
      return `${where(p.rows, p.field, lang)}: ${vi ? 'để trống' : 'empty'}`;
    case 'duplicate-name':
      return vi
        ? `${where(p.rows, p.field, lang)}: trùng tên “${p.name}”`
        : `${where(p.rows, p.field, lang)}: the same name “${p.name}”`;
    case 'unknown-status':
      return vi
        ? `${where(p.rows, p.field, lang)}: “${p.value}” không phải “Chính thức” hay “Dự khuyết”`
        : `${where(p.rows, p.field, lang)}: “${p.value}” is neither official nor alternate`;
    case 'invalid-birth-year':
      return vi
        ? `${where(p.rows, p.field, lang)}: “${p.value}” không phải năm sinh`
        : `${where(p.rows, p.field, lang)}: “${p.value}” is not a year of birth`;
    default:
      return assertNever(p);
  }
}
