/**
 * Hostile spreadsheets, made by the tests themselves: a far cell, a merge over the whole sheet,
 * zip bombs (honest and lying about their size), a million rows, formulas in the name column,
 * CSV with an unterminated quote or two encodings. Kept small on disk and quick to make: the
 * bombs repeat one deflate block (ended by a full flush, so blocks can simply be concatenated).
 */
import { Buffer } from 'node:buffer';
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const SHEET = 'xl/worksheets/sheet1.xml';

/** A clean list: a header and two people, as exceljs writes it. */
export async function cleanXlsx(
  build: (ws: ExcelJS.Worksheet) => void = (ws) => {
    ws.addRow(['STT', 'Họ và tên', 'Đơn vị']);
    ws.addRow([1, 'Nguyễn Văn An', 'Chi bộ 1']);
    ws.addRow([2, 'Trần Thị Bình', 'Chi bộ 2']);
  },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Danh sách'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The clean list with its sheet XML edited. */
export async function editedXlsx(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await cleanXlsx());
  const xml = await zip.file(SHEET)?.async('string');
  if (xml === undefined) throw new Error('no sheet1.xml');
  zip.file(SHEET, edit(xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One cell at the sheet's last address, XFD1048576. */
export const farCellXlsx = (): Promise<Uint8Array> =>
  editedXlsx((xml) =>
    xml.replace(
      '</sheetData>',
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    ),
  );

/** A merge from A3 to the sheet's last cell. */
export const hugeMergeXlsx = (): Promise<Uint8Array> =>
  editedXlsx((xml) =>
    xml.replace(
      '</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>',
    ),
  );

/** Name cells holding formulas (with cached values), as a careless copy leaves them. */
export const formulaXlsx = (): Promise<Uint8Array> =>
  cleanXlsx((ws) => {
    ws.addRow(['STT', 'Họ và tên', 'Đơn vị']);
    ws.addRow([1, 'Nguyễn Văn An', 'Chi bộ 1']);
    ws.addRow([2, { formula: '1+1', result: 2 }, 'Chi bộ 2']);
    ws.addRow([3, { formula: 'B2', result: 'Nguyễn Văn An' }, 'Chi bộ 3']);
    ws.addRow([4, 'Lê Văn Cường', { formula: '"Chi bộ "&A5', result: 'Chi bộ 4' }]);
  });

// ---- a hand-made zip, for entries whose content is given already deflated ----

interface RawEntry {
  readonly name: string;
  /** Raw deflate data (method 8). */
  readonly deflated: Uint8Array;
  /** What the headers declare; a bomb may lie. */
  readonly declaredSize: number;
}

function zipOf(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC left 0: the reader must give up long before checking it
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.deflated));
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/** `head` + `chunk` × `times` + `tail`, deflated in O(chunk) time by repeating one block. */
function repeatedDeflate(head: string, chunk: string, times: number, tail: string): Uint8Array {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const block = deflateRawSync(Buffer.from(chunk, 'utf8'), flush);
  const parts = [deflateRawSync(Buffer.from(head, 'utf8'), flush)];
  for (let i = 0; i < times; i++) parts.push(block);
  parts.push(deflateRawSync(Buffer.from(tail, 'utf8'))); // the final block
  return new Uint8Array(Buffer.concat(parts));
}

/** Every part of the clean workbook, deflated afresh, with its sheet replaced by `sheet`. */
async function workbookWithSheet(sheet: RawEntry): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await cleanXlsx());
  const entries: RawEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (name === SHEET) {
      entries.push(sheet);
      continue;
    }
    const bytes = await file.async('uint8array');
    entries.push({ name, deflated: deflateRawSync(bytes), declaredSize: bytes.length });
  }
  return zipOf(entries);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';
const ROW = '<row><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c></row>';
const MIB = 1024 * 1024;

/** One MiB of rows (the same row again and again). */
const rowsMiB = (): { chunk: string; rows: number } => {
  const rows = Math.floor(MIB / Buffer.byteLength(ROW));
  return { chunk: ROW.repeat(rows), rows };
};

/**
 * A zip bomb: a sheet of `mib` MiB of rows in a few MB. `declared`: 'honest' states the real
 * size (kept under 4 GiB), 'lying' claims 1 KiB.
 */
export function zipBombXlsx(mib: number, declared: 'honest' | 'lying'): Promise<Uint8Array> {
  const { chunk } = rowsMiB();
  const deflated = repeatedDeflate(SHEET_HEAD, chunk, mib, SHEET_TAIL);
  const real =
    Buffer.byteLength(SHEET_HEAD) + Buffer.byteLength(chunk) * mib + Buffer.byteLength(SHEET_TAIL);
  return workbookWithSheet({
    name: SHEET,
    deflated,
    declaredSize: declared === 'honest' ? Math.min(real, 0xfffffffe) : 1024,
  });
}

/** A sheet of about a million rows (one name each), honest about its size. */
export function millionRowsXlsx(): Promise<Uint8Array> {
  const { chunk, rows } = rowsMiB();
  const times = Math.ceil(1_000_000 / rows);
  const real =
    Buffer.byteLength(SHEET_HEAD) +
    Buffer.byteLength(chunk) * times +
    Buffer.byteLength(SHEET_TAIL);
  return workbookWithSheet({
    name: SHEET,
    deflated: repeatedDeflate(SHEET_HEAD, chunk, times, SHEET_TAIL),
    declaredSize: real,
  });
}

// ---- CSV ----

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** 100,000 rows of the same name under a header: 1.9 MB. */
export const identicalNamesCsv = (n = 100_000): Uint8Array =>
  utf8(`Họ và tên\r\n${'Nguyễn Văn An\r\n'.repeat(n)}`);

/** A million short rows. */
export const millionRowsCsv = (): Uint8Array =>
  utf8(`STT,Họ và tên\n${Array.from({ length: 1_000_000 }, (_, i) => `${i + 1},An`).join('\n')}`);

/** A quote opened on row 3 and never closed, followed by `tail` characters. */
export const unterminatedQuoteCsv = (tail: number): Uint8Array =>
  utf8(`STT,Họ và tên\n1,Nguyễn Văn An\n2,"Trần Thị Bình${'a'.repeat(tail)}\n3,Lê Văn Cường\n`);

/** Windows-1258 bytes as Vietnamese Excel writes them (tone marks often as combining marks). */
export function windows1258(text: string): Uint8Array {
  // The table comes from the platform's own decoder, not from the code under test.
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  const out: number[] = [];
  const put = (ch: string): void => {
    const direct = byChar.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      return;
    }
    // The letter (ê, ơ, ă…) in one byte, its tone mark after it.
    const parts = [...ch.normalize('NFD')];
    const tone = parts.findIndex((p) => /[\u0300\u0301\u0303\u0309\u0323]/u.test(p));
    if (tone < 0) throw new Error(`not in windows-1258: ${ch}`);
    const [mark] = parts.splice(tone, 1);
    put(parts.join('').normalize('NFC'));
    put(mark as string);
  };
  for (const ch of text.normalize('NFC')) put(ch);
  return new Uint8Array(out);
}
