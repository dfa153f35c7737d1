/**
 * CSV as old party-office files come: UTF-8 (with or without BOM), UTF-16 or Windows-1252, split
 * by `,` `;` or tab, with Excel's "sep=" line honoured.
 */
import type { Grid } from './grid.ts';
import type { CsvCharset, CsvDelimiter, SheetSource } from './types.ts';

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

export function readCsv(bytes: Uint8Array): { grid: Grid; source: SheetSource } {
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
