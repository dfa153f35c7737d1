/**
 * .xlsx through exceljs: visible sheets only, merged cells spread down their column, rich text
 * and cell fonts naming a legacy encoding (.VnTime, VNI-Times), formulas marked as such. exceljs
 * only ever sees a file whose zip and sheets were measured first (zip.ts, xlsx-shape.ts).
 */
import { Buffer } from 'node:buffer';
import ExcelJS from 'exceljs';
import { toUnicodeFrom } from '../../core/legacy-text.ts';
import { EMPTY, type Cell, type Grid } from './grid.ts';
import { SHEET_LIMITS } from './limits.ts';
import { isWorksheetPart, sheetShapeRefusal, type ShapeRefusal } from './xlsx-shape.ts';
import { readZip, type ZipRefusal } from './zip.ts';

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

function formulaOf(value: ExcelJS.CellValue): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if ('formula' in value && typeof value.formula === 'string') return value.formula;
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') {
    return value.sharedFormula;
  }
  return undefined;
}

function xlsxCell(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  const formula = formulaOf(value);
  if (formula !== undefined) return { text: valueText(value), formula };
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

export type XlsxRefusal = ZipRefusal | (ShapeRefusal & { readonly sheet: string });

/** The zip and every sheet measured against the limits; undefined when exceljs may open it. */
export function xlsxRefusal(bytes: Uint8Array): XlsxRefusal | undefined {
  const zip = readZip(bytes, {
    maxEntries: SHEET_LIMITS.zipEntries,
    maxExpanded: SHEET_LIMITS.expandedBytes,
  });
  if (!zip.ok) return zip.refusal;
  for (const [name, xml] of zip.parts) {
    if (!isWorksheetPart(name)) continue;
    const refused = sheetShapeRefusal(xml);
    if (refused) return { ...refused, sheet: name };
  }
  return undefined;
}

export async function readXlsx(
  bytes: Uint8Array,
): Promise<{ sheets: { name: string; grid: Grid }[] }> {
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
