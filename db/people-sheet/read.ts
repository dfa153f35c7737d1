/**
 * The whole file: picks the reader by extension, the sheet with a header, the mapping (found or
 * given), and reads the rows; `importablePeople` is the import gate.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.ts';
import { headerText } from './cell-text.ts';
import { readCsv } from './csv.ts';
import { cellAt, type Grid } from './grid.ts';
import { findHeader, mappedColumns, mappingOf } from './header.ts';
import { readRows } from './rows.ts';
import {
  columnMappingSchema,
  type ColumnMapping,
  type PeopleSheet,
  type ReadPeopleSheetInput,
  type SheetPerson,
  type SheetProblem,
  type SheetSource,
} from './types.ts';
import { readXlsx } from './xlsx.ts';

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
