/**
 * The size of each worksheet, read from its XML before exceljs builds anything: the rows and cells
 * it names (`<row r>`, `<c r>`), its merged ranges and its column definitions. exceljs lays out
 * every cell up to the farthest one named and fills every cell of a merge, so one cell at
 * XFD1048576 or one `mergeCell A3:XFD1048576` is billions of cells: refused here, by address.
 */
import { Buffer } from 'node:buffer';
import { SHEET_LIMITS } from './limits.ts';

export type ShapeRefusal =
  | { readonly kind: 'rows'; readonly row: number; readonly cell?: string }
  | { readonly kind: 'columns'; readonly cell: string }
  | { readonly kind: 'cells'; readonly cell: string }
  | { readonly kind: 'damaged'; readonly reason: string };

/** "XFD" → 16384; 0 when not column letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) {
    const d = ch.charCodeAt(0) - 64;
    if (d < 1 || d > 26) return 0;
    n = n * 26 + d;
    if (n > 1_000_000) return n;
  }
  return n;
}

export function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  }
  return letters;
}

const ATTR_R = /\br\s*=\s*["']([^"']*)["']/u;
const TAGS = /<(?:[\w.-]+:)?(row|c|mergeCell|col)\b([^>]*)>|<!DOCTYPE|<!ENTITY/gu;

const addressOf = (ref: string): { col: number; row: number } | undefined => {
  const m = /^\$?([A-Z]{1,7})\$?(\d{1,12})$/u.exec(ref.trim().toUpperCase());
  return m ? { col: columnNumber(m[1] as string), row: Number(m[2]) } : undefined;
};

/** The first limit one sheet's XML passes, or undefined when it fits. */
export function sheetShapeRefusal(xml: Uint8Array): ShapeRefusal | undefined {
  // Tags and attributes are ASCII: one character per byte is enough, and much faster than UTF-8.
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('latin1');
  const { rows: maxRows, columns: maxColumns, cells: maxCells } = SHEET_LIMITS;
  let row = 0;
  let col = 0;
  let farRow = 0;
  let farCol = 0;
  let cells = 0;
  const place = (r: number, c: number): ShapeRefusal | undefined => {
    const cell = `${columnLetters(Math.min(c, 16_384))}${r}`;
    if (r > maxRows) return { kind: 'rows', row: r, cell };
    if (c > maxColumns) return { kind: 'columns', cell };
    farRow = Math.max(farRow, r);
    farCol = Math.max(farCol, c);
    if (farRow * farCol > maxCells) return { kind: 'cells', cell };
    return undefined;
  };
  for (const m of text.matchAll(TAGS)) {
    const [, tag, attrs = ''] = m;
    if (tag === undefined) return { kind: 'damaged', reason: 'a DOCTYPE in a sheet' };
    if (tag === 'row') {
      const r = ATTR_R.exec(attrs)?.[1];
      row = r === undefined ? row + 1 : Number(r);
      if (!Number.isSafeInteger(row) || row < 1) return { kind: 'damaged', reason: `row r="${r}"` };
      col = 0;
      if (row > maxRows) return { kind: 'rows', row };
    } else if (tag === 'c') {
      const r = ATTR_R.exec(attrs)?.[1];
      const at = r === undefined ? { row: Math.max(row, 1), col: col + 1 } : addressOf(r);
      if (at === undefined || at.col < 1) return { kind: 'damaged', reason: `cell r="${r}"` };
      col = at.col;
      cells++;
      const refused = place(at.row, at.col);
      if (refused) return refused;
    } else if (tag === 'mergeCell') {
      const ref = /\bref\s*=\s*["']([^"']*)["']/u.exec(attrs)?.[1] ?? '';
      const [from, to = from] = ref.split(':').map(addressOf);
      if (from === undefined || to === undefined) {
        return { kind: 'damaged', reason: `mergeCell ref="${ref}"` };
      }
      const refused = place(from.row, from.col) ?? place(to.row, to.col);
      if (refused) return refused;
    } else if (tag === 'col') {
      // Column formats reach column 16,384 in ordinary files; exceljs makes one object per
      // column, so only a range past the sheet's last column is refused.
      const max = Number(/\bmax\s*=\s*["'](\d+)["']/u.exec(attrs)?.[1] ?? 0);
      if (max > 16_384) return { kind: 'columns', cell: `${columnLetters(16_384)}1` };
    }
  }
  if (cells > maxCells) return { kind: 'cells', cell: `${columnLetters(farCol)}${farRow}` };
  return undefined;
}

/** The parts that are worksheets. */
export const isWorksheetPart = (name: string): boolean =>
  /^xl\/worksheets\/[^/]+\.xml$/iu.test(name);
