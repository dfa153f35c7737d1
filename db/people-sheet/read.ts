/**
 * The whole file: picks the reader by extension, measures it against the limits, picks the sheet
 * with a header, the mapping (found or given), and reads the rows; `importablePeople` is the
 * import gate. Run it in a worker (in-worker.ts): a file may still be slow to read.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.ts';
import { headerText } from './cell-text.ts';
import { readCsv, type CsvRefusal } from './csv.ts';
import { cellAt, type Grid } from './grid.ts';
import { findHeader, mappedColumns, mappingOf } from './header.ts';
import { SHEET_LIMITS } from './limits.ts';
import { readRows } from './rows.ts';
import { columnLetters } from './xlsx-shape.ts';
import {
  columnMappingSchema,
  type ColumnMapping,
  type PeopleSheet,
  type ReadPeopleSheetInput,
  type SheetPerson,
  type SheetProblem,
  type SheetSource,
} from './types.ts';
import { readXlsx, xlsxRefusal, type XlsxRefusal } from './xlsx.ts';

/** Below this share of words read as Vietnamese, an 8-bit CSV's encoding is a guess. */
const LEAST_CONFIDENCE = 50;

function csvProblem(r: CsvRefusal, fileName: string): SheetProblem {
  const over = { code: 'over-limit' as const, fileName };
  switch (r.kind) {
    case 'mixed':
      return { code: 'mixed-encoding', fileName, utf8Line: r.utf8Line, otherLine: r.otherLine };
    case 'unterminated-quote':
      return { code: 'unterminated-quote', fileName, row: r.row };
    case 'rows':
    case 'cells':
      return { ...over, limit: r.kind, max: SHEET_LIMITS[r.kind], row: r.row };
    case 'columns':
    case 'cell-chars':
      return {
        ...over,
        limit: r.kind,
        max: r.kind === 'columns' ? SHEET_LIMITS.columns : SHEET_LIMITS.cellChars,
        cell: `${columnLetters(r.column)}${r.row}`,
      };
  }
}

function xlsxProblem(r: XlsxRefusal, fileName: string): SheetProblem {
  const over = { code: 'over-limit' as const, fileName };
  switch (r.kind) {
    case 'damaged':
      return { code: 'unreadable', fileName, reason: r.reason };
    case 'entries':
      return { ...over, limit: 'zip-entries', max: r.max };
    case 'expanded':
      return { ...over, limit: 'expanded-bytes', max: r.max, part: r.part };
    case 'rows':
      return {
        ...over,
        limit: 'rows',
        max: SHEET_LIMITS.rows,
        row: r.row,
        ...(r.cell ? { cell: r.cell } : {}),
      };
    case 'columns':
      return { ...over, limit: 'columns', max: SHEET_LIMITS.columns, cell: r.cell };
    case 'cells':
      return { ...over, limit: 'cells', max: SHEET_LIMITS.cells, cell: r.cell };
  }
}

const explicitSchema = z.strictObject({
  mapping: columnMappingSchema,
  headerRow: z.number().int().min(0).optional(),
});

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
  // A loop, not Math.max(...rows): spreading a long sheet overflows the stack.
  let width = 0;
  for (const r of grid) width = Math.max(width, r.length);
  const outside: SheetProblem[] = mappedColumns(mapping)
    .filter(([, c]) => c > width)
    .map(([field, c]) => ({ code: 'column-out-of-range', field, column: c, columns: width }));
  if (outside.length > 0) return err(outside);

  const read = readRows(grid, mapping, headerRow, new Set(input.leaveOut ?? []));
  const { people, leftOut, encodings } = read;
  const problems =
    source.format === 'csv' && source.confidence < LEAST_CONFIDENCE
      ? [
          {
            code: 'doubtful-encoding' as const,
            fileName: input.fileName,
            charset: source.charset,
            confidence: source.confidence,
          },
          ...read.problems,
        ]
      : read.problems;
  const columns = mappedColumns(mapping).map(([field, c]) => ({
    field,
    column: c,
    header: headerRow > 0 ? headerText(cellAt(grid, headerRow, c).text) : '',
    encoding: encodings.get(field) ?? 'unicode',
  }));
  return ok({ source, headerRow, mapping, columns, people, leftOut, problems });
}

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
  if (bytes.length > SHEET_LIMITS.fileBytes) {
    return err([
      { code: 'over-limit', fileName, limit: 'file-bytes', max: SHEET_LIMITS.fileBytes },
    ]);
  }
  if (extension === 'csv') {
    const csv = readCsv(bytes);
    if (!csv.ok) return err([csvProblem(csv.refusal, fileName)]);
    return sheetOf(csv.grid, csv.source, input);
  }
  const refused = xlsxRefusal(bytes);
  if (refused !== undefined) return err([xlsxProblem(refused, fileName)]);
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
