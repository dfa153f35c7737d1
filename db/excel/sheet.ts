/** What every sheet of the exports shares: the font, cell writing (NFC), widths, print, bytes. */
import ExcelJS from 'exceljs';
import type { ElectionRecord } from '../../core/record.ts';
import { PARTY, nfc, placeAndDate } from './text.ts';

export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;

/** Party documents use a Times-style serif with full Vietnamese coverage. */
export const FONT: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 12 };
const LINE_HEIGHT = 16; // points per line of 12 pt text

export const INTEGER = '0';
export const PERCENT = '0.00';

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
export const BOXED: Partial<ExcelJS.Borders> = {
  top: THIN,
  left: THIN,
  bottom: THIN,
  right: THIN,
};

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  readonly numFmt?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  readonly indent?: number;
  readonly boxed?: boolean;
  readonly fill?: string;
}

export type Value = string | number | ExcelJS.CellFormulaValue | ExcelJS.CellHyperlinkValue | null;

function normalised(value: Value): ExcelJS.CellValue {
  if (typeof value === 'string') return nfc(value);
  if (value !== null && typeof value === 'object') {
    if ('formula' in value) {
      const result = typeof value.result === 'string' ? nfc(value.result) : value.result;
      return { formula: nfc(value.formula), ...(result === undefined ? {} : { result }) };
    }
    return { text: nfc(value.text), hyperlink: nfc(value.hyperlink) };
  }
  return value;
}

/** Writes one cell, text in NFC; integers get the '0' format unless told otherwise. */
export function put(ws: Worksheet, row: number, col: number, value: Value, style: CellStyle = {}) {
  const cell = ws.getCell(row, col);
  cell.value = normalised(value);
  cell.font = {
    ...FONT,
    ...(style.size === undefined ? {} : { size: style.size }),
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.italic === true ? { italic: true } : {}),
    ...(style.underline === true ? { underline: true } : {}),
  };
  const resultIsNumber =
    value !== null && typeof value === 'object' && 'formula' in value
      ? typeof value.result === 'number'
      : typeof value === 'number';
  const numFmt = style.numFmt ?? (resultIsNumber ? INTEGER : undefined);
  if (numFmt !== undefined) cell.numFmt = numFmt;
  cell.alignment = {
    vertical: 'middle',
    ...(style.align === undefined ? {} : { horizontal: style.align }),
    ...(style.wrap === true ? { wrapText: true } : {}),
    ...(style.indent === undefined ? {} : { indent: style.indent }),
  };
  if (style.boxed === true) cell.border = BOXED;
  if (style.fill !== undefined) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
  }
  return cell;
}

/** Writes text across columns `from`..`to` of one row, merged, with a height that fits it. */
export function putMerged(
  ws: Worksheet,
  row: number,
  from: number,
  to: number,
  text: string,
  style: CellStyle = {},
): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  put(ws, row, from, text, style);
  if (style.wrap === true) {
    let width = 0;
    for (let c = from; c <= to; c++) width += ws.getColumn(c).width ?? 9;
    fitHeight(ws, row, text, width, style.size);
  }
}

/**
 * The head of a Party document on a sheet (documents.md): the organisation on the left, the
 * Party's name over the place and date from column `right`, the heading across row 4.
 */
export function partyHead(
  ws: Worksheet,
  head: {
    congress: ElectionRecord['congress'] | undefined;
    right: number;
    cols: number;
    heading: string;
  },
): void {
  const { congress, right, cols } = head;
  if (congress !== undefined) {
    putMerged(ws, 1, 1, 2, congress.organisation.toLocaleUpperCase('vi'), {
      bold: true,
      align: 'center',
      wrap: true,
    });
  }
  putMerged(ws, 1, right, cols, PARTY, { bold: true, underline: true, align: 'center' });
  const when = congress === undefined ? null : placeAndDate(congress);
  if (when !== null) putMerged(ws, 2, right, cols, when, { italic: true, align: 'center' });
  putMerged(ws, 4, 1, cols, head.heading, { bold: true, size: 14, align: 'center' });
  ws.getRow(4).height = 21;
}

/** A table's header cell: bold, centred, wrapped, boxed and shaded. */
export const HEADER_STYLE = {
  bold: true,
  align: 'center',
  wrap: true,
  boxed: true,
  fill: 'FFEFEFEF',
} as const satisfies CellStyle;

/** A table's header row from column 1, in the header style; wrapped unless told. */
export function putHeader(
  ws: Worksheet,
  row: number,
  titles: readonly string[],
  { wrap = true }: { wrap?: boolean } = {},
): void {
  titles.forEach((title, i) => put(ws, row, i + 1, title, { ...HEADER_STYLE, wrap }));
}

/** Approximate width of text in Excel's column units (Times New Roman 12 pt, some margin). */
export const textWidth = (text: string, size = 12): number =>
  Math.ceil((nfc(text).length * 1.1 * size) / 12) + 2;

/** Raises a row's height so wrapped text of this width shows whole (Excel does not for merges). */
export function fitHeight(ws: Worksheet, row: number, text: string, width: number, size = 12) {
  const perLine = Math.max(1, Math.floor((width - 1) / ((1.1 * size) / 12)));
  const lines = nfc(text)
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  const height = lines * Math.ceil((LINE_HEIGHT * size) / 12) + 2;
  const current = ws.getRow(row).height ?? 0;
  if (height > current) ws.getRow(row).height = height;
}

/** "A", "B", … "Z", "AA", …: the column letters of a 1-based column number. */
export function columnLetter(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a4(
  ws: Worksheet,
  {
    orientation,
    fitToWidth = 1,
    titleRow,
  }: { orientation: 'portrait' | 'landscape'; fitToWidth?: number; titleRow?: number },
): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRow === undefined ? {} : { printTitlesRow: `${titleRow}:${titleRow}` }),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C&P / &N' };
}

/** Freezes rows 1..`rows` and columns 1..`columns`: the table's header stays in view. */
export function freeze(ws: Worksheet, rows: number, columns = 0): void {
  const topLeftCell = `${columnLetter(columns + 1)}${rows + 1}`;
  ws.views = [
    { state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell, activeCell: topLeftCell },
  ];
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kiểm phiếu';
  wb.lastModifiedBy = 'Kiểm phiếu';
  return wb;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  const view = buffer as unknown as Uint8Array;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
