/**
 * CSV as party offices save it: UTF-8 (with or without BOM), UTF-16, Windows-1258 or Windows-1252
 * (see encoding.ts), split by `,` `;` or tab, with Excel's "sep=" line honoured. Parsed within the
 * limits: a quote never closed, a row past the last allowed, a cell longer than any name is
 * refused at its row, not read into one "person" of millions of characters.
 */
import type { CsvDelimiter, SheetSource } from '../../core/protocol/sheet.ts';
import { decodeCsvBytes, type EncodingRefusal } from './encoding.ts';
import type { Grid } from './grid.ts';
import { SHEET_LIMITS } from './limits.ts';

export type CsvRefusal =
  | EncodingRefusal
  | { readonly kind: 'unterminated-quote'; readonly row: number }
  | { readonly kind: 'rows'; readonly row: number }
  | { readonly kind: 'columns'; readonly row: number; readonly column: number }
  | { readonly kind: 'cells'; readonly row: number }
  | { readonly kind: 'cell-chars'; readonly row: number; readonly column: number };

type Parsed = { ok: true; records: string[][] } | { ok: false; refusal: CsvRefusal };

/** RFC 4180 records: quoted fields may hold the delimiter, "" and line breaks. */
function parseCsv(text: string, delimiter: string): Parsed {
  const { rows: maxRows, columns: maxColumns, cells: maxCells, cellChars } = SHEET_LIMITS;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteRow = 0;
  let cells = 0;
  const row = (): number => records.length + 1;
  const endField = (): CsvRefusal | undefined => {
    record.push(field);
    field = '';
    cells++;
    if (record.length > maxColumns) return { kind: 'columns', row: row(), column: record.length };
    if (cells > maxCells) return { kind: 'cells', row: row() };
    return undefined;
  };
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
      quoteRow = row();
    } else if (ch === delimiter) {
      const refused = endField();
      if (refused) return { ok: false, refusal: refused };
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      const refused = endField();
      if (refused) return { ok: false, refusal: refused };
      records.push(record);
      record = [];
      if (records.length >= maxRows && i + 1 < text.length) {
        return { ok: false, refusal: { kind: 'rows', row: records.length + 1 } };
      }
    } else {
      field += ch;
    }
    if (field.length > cellChars) {
      // A quote that is never closed swallows the rest of the file: say so, not "too long".
      if (quoted && text.indexOf('"', i + 1) < 0) {
        return { ok: false, refusal: { kind: 'unterminated-quote', row: quoteRow } };
      }
      return { ok: false, refusal: { kind: 'cell-chars', row: row(), column: record.length + 1 } };
    }
  }
  if (quoted) return { ok: false, refusal: { kind: 'unterminated-quote', row: quoteRow } };
  if (field !== '' || record.length > 0) {
    const refused = endField();
    if (refused) return { ok: false, refusal: refused };
    records.push(record);
  }
  return { ok: true, records };
}

// The delimiter that splits the first lines most consistently into more than one field.
function guessDelimiter(text: string): CsvDelimiter {
  const sample = text.split(/\r\n|\n|\r/u, 30).join('\n');
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of [',', ';', '\t'] as const) {
    const parsed = parseCsv(sample, delimiter);
    // A quote opened in the sample and closed further down is no evidence either way.
    if (!parsed.ok) continue;
    const counts = new Map<number, number>();
    for (const r of parsed.records) {
      if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    }
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

export function readCsv(
  bytes: Uint8Array,
): { ok: true; grid: Grid; source: SheetSource } | { ok: false; refusal: CsvRefusal } {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const { text: raw, charset, confidence } = decoded.value;
  // Excel's "sep=;" first line names the delimiter and is not shown as a row.
  const sep = /^sep=(.)\r?\n/u.exec(raw);
  const text = sep ? raw.slice(sep[0].length) : raw;
  const named = sep?.[1];
  const delimiter: CsvDelimiter =
    named === ',' || named === ';' || named === '\t' ? named : guessDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  if (!parsed.ok) return parsed;
  const grid = parsed.records.map((record) => record.map((t) => ({ text: t })));
  return { ok: true, grid, source: { format: 'csv', charset, delimiter, confidence } };
}
