import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  importablePeople,
  problemText,
  readPeopleSheet,
  type PeopleSheet,
  type ReadPeopleSheetInput,
  type SheetProblem,
} from '../../db/people-sheet.ts';

async function xlsx(
  build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Danh sách'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function read(input: ReadPeopleSheetInput): Promise<PeopleSheet> {
  const result = await readPeopleSheet(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function refused(input: ReadPeopleSheetInput): Promise<SheetProblem[]> {
  const result = await readPeopleSheet(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

const utf8Bom = (text: string) =>
  new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
/** Legacy text as Excel saves it in the Western code page: one byte per character. */
const windows1252 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

const vi = (p: SheetProblem) => problemText(p, 'vi');
/** A CSV file's source as read with full confidence: its character set and delimiter. */
const csvSource = (charset: string, delimiter: string) => ({
  format: 'csv',
  charset,
  delimiter,
  confidence: 100,
});
/** Each column as mapped: its field, its header and the encoding its cells were in. */
const columnsOf = (sheet: PeopleSheet) => sheet.columns.map((c) => [c.field, c.header, c.encoding]);

describe('people sheet — xlsx with title rows, merged cells and a header on row 4', () => {
  const file = xlsx((ws) => {
    ws.getCell('A1').value = 'ĐẢNG BỘ TỈNH HÀ NAM';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 'DANH SÁCH ĐẠI BIỂU CHÍNH THỨC';
    ws.mergeCells('A2:F2');
    ws.getCell('A3').value = '(Kèm theo Nghị quyết số 12-NQ/ĐH)';
    ws.mergeCells('A3:F3');
    ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Chính thức / Dự khuyết', 'Năm sinh']);
    ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']); // row 5: column numbers
    ws.addRow([1, 'Nguyễn  Văn Bình ', 'Chi bộ 1', 'Bí thư', 'Chính thức', 1970]); // 6
    ws.addRow([2, 'Trần Thị Ánh', null, 'Phó bí thư', 'CT', '1965']); // 7
    ws.addRow([3, 'Lê Quang Đạo', null, null, 'DK', new Date(Date.UTC(1958, 2, 1))]); // 8
    ws.mergeCells('C6:C8'); // one unit for three rows
    ws.addRow([]); // 9: empty, skipped
    ws.addRow([4, '', 'Chi bộ 2', 'Đảng viên', 'Chính thức', 1980]); // 10: no name
    ws.addRow([5, 'NGUYỄN VĂN BÌNH', 'Chi bộ 2', null, 'dự khuyết', '19x0']); // 11
    ws.addRow([6, 'Phạm Thị Hương', 'Chi bộ 3', null, 'Khách mời', null]); // 12
    ws.addRow([7, 'Nguye\u0302\u0303n Va\u0306n Bi\u0300nh', 'Chi bộ 3']); // 13: NFD
  });

  it('finds the header below the title and maps the columns', async () => {
    const sheet = await read({ bytes: await file, fileName: 'dai-bieu.xlsx' });
    expect(sheet.source).toEqual({ format: 'xlsx', sheetName: 'Danh sách' });
    expect(sheet.headerRow).toBe(4);
    expect(sheet.mapping).toEqual({
      no: 1,
      name: 2,
      unit: 3,
      position: 4,
      status: 5,
      birthYear: 6,
    });
    expect(columnsOf(sheet)).toEqual([
      ['no', 'STT', 'unicode'],
      ['name', 'Họ và tên', 'unicode'],
      ['unit', 'Đơn vị', 'unicode'],
      ['position', 'Chức vụ', 'unicode'],
      ['status', 'Chính thức / Dự khuyết', 'unicode'],
      ['birthYear', 'Năm sinh', 'unicode'],
    ]);
  });

  it('reads every person with the spreadsheet row number', async () => {
    const sheet = await read({ bytes: await file, fileName: 'dai-bieu.xlsx' });
    expect(sheet.people).toEqual([
      {
        row: 6,
        name: 'Nguyễn Văn Bình',
        no: '1',
        unit: 'Chi bộ 1',
        position: 'Bí thư',
        status: 'official',
        birthYear: 1970,
      },
      {
        row: 7,
        name: 'Trần Thị Ánh',
        no: '2',
        unit: 'Chi bộ 1',
        position: 'Phó bí thư',
        status: 'official',
        birthYear: 1965,
      },
      {
        row: 8,
        name: 'Lê Quang Đạo',
        no: '3',
        unit: 'Chi bộ 1',
        status: 'alternate',
        birthYear: 1958,
      },
      { row: 11, name: 'NGUYỄN VĂN BÌNH', no: '5', unit: 'Chi bộ 2', status: 'alternate' },
      { row: 12, name: 'Phạm Thị Hương', no: '6', unit: 'Chi bộ 3' },
      { row: 13, name: 'Nguyễn Văn Bình', no: '7', unit: 'Chi bộ 3' },
    ]);
    for (const p of sheet.people) expect(p.name).toBe(p.name.normalize('NFC'));
  });

  it('lists every problem at once, by row, with its field', async () => {
    const sheet = await read({ bytes: await file, fileName: 'dai-bieu.xlsx' });
    expect(sheet.problems).toEqual([
      { code: 'duplicate-name', rows: [6, 11, 13], field: 'name', name: 'Nguyễn Văn Bình' },
      { code: 'empty-name', rows: [10], field: 'name' },
      { code: 'invalid-birth-year', rows: [11], field: 'birthYear', value: '19x0' },
      { code: 'unknown-status', rows: [12], field: 'status', value: 'Khách mời' },
    ]);
    expect(sheet.problems.map(vi)).toEqual([
      'Dòng 6, 11, 13, cột Họ và tên: trùng tên “Nguyễn Văn Bình”',
      'Dòng 10, cột Họ và tên: để trống',
      'Dòng 11, cột Năm sinh: “19x0” không phải năm sinh',
      'Dòng 12, cột Chính thức / Dự khuyết: “Khách mời” không phải “Chính thức” hay “Dự khuyết”',
    ]);
    expect(problemText(sheet.problems[1] as SheetProblem, 'en')).toBe(
      'Row 10, column Full name: empty',
    );
    expect(problemText(sheet.problems[0] as SheetProblem, 'en')).toBe(
      'Rows 6, 11, 13, column Full name: the same name “Nguyễn Văn Bình”',
    );
  });

  it('the import gate refuses while there is a problem, and lets a clean sheet through', async () => {
    const sheet = await read({ bytes: await file, fileName: 'dai-bieu.xlsx' });
    const gate = importablePeople(sheet);
    expect(gate.ok).toBe(false);
    if (!gate.ok) expect(gate.error).toHaveLength(4);

    const clean = await read({
      bytes: await xlsx((ws) => {
        ws.addRow(['Họ tên', 'Đơn vị']);
        ws.addRow(['Nguyễn Văn Bình', 'Chi bộ 1']);
      }),
      fileName: 'sach.xlsx',
    });
    expect(importablePeople(clean)).toEqual({
      ok: true,
      value: [{ row: 2, name: 'Nguyễn Văn Bình', unit: 'Chi bộ 1' }],
    });
  });
});

describe('people sheet — split names and legacy encodings', () => {
  it('reads "Họ và tên đệm" + "Tên" columns typed in TCVN3, decided per column', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['DANH SÁCH ỨNG CỬ VIÊN']);
      ws.addRow(['TT', 'Họ và tên đệm', 'Tên', 'Đơn vị', 'Giới tính']);
      ws.addRow([1, 'NguyÔn V¨n', 'B×nh', 'Chi bộ Thôn Đông', 'Nam']);
      ws.addRow([2, 'TrÇn ThÞ', '¸nh', 'Chi bộ Thôn Đoài', 'N÷']);
      ws.addRow([3, 'Lª Quang', '§¹o', 'Chi bộ Trường học', 'Nam']);
      ws.addRow([4, 'Ph¹m ThÞ', 'H\u00adêng', 'Chi bộ Trạm y tế', 'N÷']);
      ws.addRow([5, '§Æng Ngäc', 'YÕn', 'Chi bộ Công an', 'N÷']);
      ws.addRow([6, 'Hoµng Xu©n', '¦ng', 'Chi bộ Quân sự', 'Nam']);
      ws.addRow([7, 'Bïi', '', 'Chi bộ Quân sự', 'Nam']); // 9: no given name
    });
    const sheet = await read({ bytes, fileName: 'ung-cu-vien.xlsx' });
    expect(sheet.headerRow).toBe(2);
    expect(sheet.mapping).toEqual({ no: 1, family: 2, given: 3, unit: 4, gender: 5 });
    expect(Object.fromEntries(sheet.columns.map((c) => [c.field, c.encoding]))).toEqual({
      no: 'unicode',
      family: 'tcvn3',
      given: 'tcvn3',
      unit: 'unicode',
      gender: 'tcvn3',
    });
    expect(sheet.people.map((p) => [p.row, p.name, p.family, p.given, p.gender])).toEqual([
      [3, 'Nguyễn Văn Bình', 'Nguyễn Văn', 'Bình', 'Nam'],
      [4, 'Trần Thị Ánh', 'Trần Thị', 'Ánh', 'Nữ'],
      [5, 'Lê Quang Đạo', 'Lê Quang', 'Đạo', 'Nam'],
      [6, 'Phạm Thị Hường', 'Phạm Thị', 'Hường', 'Nữ'],
      [7, 'Đặng Ngọc Yến', 'Đặng Ngọc', 'Yến', 'Nữ'],
      [8, 'Hoàng Xuân Ưng', 'Hoàng Xuân', 'Ưng', 'Nam'],
    ]);
    expect(sheet.problems).toEqual([{ code: 'empty-name', rows: [9], field: 'given' }]);
    expect(vi(sheet.problems[0] as SheetProblem)).toBe('Dòng 9, cột Tên: để trống');
  });

  it('reads a header typed in TCVN3, and trusts a .VnTime font where the text alone cannot tell', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['STT', 'Hä vµ tªn', '§¬n vÞ', 'Ghi chó']);
      ws.addRow([1, 'NguyÔn V¨n B×nh', 'Chi bé x·', 'BÐ']);
      ws.addRow([2, 'NGUYÔN THÞ MAI', 'Chi bé th«n', '']);
      ws.addRow([3, 'Lª V¨n Tý', 'Chi bé tr­êng', '']);
      ws.getColumn(4).font = { name: '.VnTime' };
      ws.getCell('B3').font = { name: '.VnTimeH' };
      ws.getCell('B4').value = {
        richText: [
          { text: 'Lª V¨n ', font: { name: '.VnTime' } },
          { text: 'Tý', font: { name: 'Times New Roman' } },
        ],
      };
    });
    const sheet = await read({ bytes, fileName: 'cu.xlsx' });
    expect(sheet.headerRow).toBe(1);
    expect(sheet.mapping).toEqual({ no: 1, name: 2, unit: 3 });
    expect(sheet.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'Đơn vị']);
    expect(sheet.people.map((p) => [p.name, p.unit])).toEqual([
      ['Nguyễn Văn Bình', 'Chi bộ xã'],
      ['NGUYỄN THỊ MAI', 'Chi bộ thôn'],
      ['Lê Văn Tý', 'Chi bộ trường'],
    ]);

    // The notes column is unmapped by detection; mapped by hand, its one word "BÐ" is decided by
    // the .VnTime font of the column.
    const mapped = await read({ bytes, fileName: 'cu.xlsx', mapping: { name: 2, category: 4 } });
    expect(mapped.headerRow).toBe(1);
    expect(mapped.columns.find((c) => c.field === 'category')?.encoding).toBe('tcvn3');
    expect(mapped.people[0]?.category).toBe('Bé');
  });

  it('skips a cover sheet and reads the first sheet with a header', async () => {
    const bytes = await xlsx((ws, wb) => {
      ws.addRow(['Báo cáo của Ban tổ chức']);
      const list = wb.addWorksheet('DS');
      list.addRow(['Full name', 'Unit', 'Official/Alternate']);
      list.addRow(['Nguyễn Văn Bình', 'Cell 1', 'Alternate']);
    });
    const sheet = await read({ bytes, fileName: 'book.xlsx' });
    expect(sheet.source).toEqual({ format: 'xlsx', sheetName: 'DS' });
    expect(sheet.people).toEqual([
      { row: 2, name: 'Nguyễn Văn Bình', unit: 'Cell 1', status: 'alternate' },
    ]);
  });
});

describe('people sheet — csv', () => {
  it('UTF-8 with BOM, semicolons, quoted fields and a title row', async () => {
    const text = [
      'DANH SÁCH ĐẢNG VIÊN;;;',
      'STT;Họ và tên;Chi bộ;Chức vụ',
      '1;Nguyễn Văn Bình;"Chi bộ 1; khu A";"Bí thư, ""kiêm"" trưởng thôn"',
      '2;"Trần Thị Ánh";Chi bộ 2;"Đảng viên',
      'dự bị"',
      ';;;',
      '3;;Chi bộ 3;',
      '4;Lê Quang Đạo;Chi bộ 3;',
    ].join('\r\n');
    const sheet = await read({ bytes: utf8Bom(text), fileName: 'dang-vien.CSV' });
    expect(sheet.source).toEqual(csvSource('utf-8-bom', ';'));
    expect(sheet.headerRow).toBe(2);
    expect(sheet.mapping).toEqual({ no: 1, name: 2, unit: 3, position: 4 });
    expect(sheet.people).toEqual([
      {
        row: 3,
        name: 'Nguyễn Văn Bình',
        no: '1',
        unit: 'Chi bộ 1; khu A',
        position: 'Bí thư, "kiêm" trưởng thôn',
      },
      { row: 4, name: 'Trần Thị Ánh', no: '2', unit: 'Chi bộ 2', position: 'Đảng viên dự bị' },
      { row: 7, name: 'Lê Quang Đạo', no: '4', unit: 'Chi bộ 3' },
    ]);
    expect(sheet.problems).toEqual([{ code: 'empty-name', rows: [6], field: 'name' }]);
    expect(vi(sheet.problems[0] as SheetProblem)).toBe('Dòng 6, cột Họ và tên: để trống');
  });

  it('Windows-1252 with VNI text, commas, and an accented header', async () => {
    const text = [
      'STT,Hoï vaø teân,Ñôn vò,Chính thöùc / Döï khuyeát',
      '1,Nguyeãn Vaên Bình,Chi boä 1,Chính thöùc',
      '2,Traàn Thò AÙnh,Chi boä 1,Döï khuyeát',
      '3,Leâ Quang Ñaïo,Chi boä 2,Chính thöùc',
      '4,Phaïm Thò Höông,Chi boä 2,Chính thöùc',
      '5,Ñaëng Ngoïc Yeán,Chi boä 3,Döï khuyeát',
      '6,Hoaøng Xuaân Öng,Chi boä 3,Chính thöùc',
      '7,NGUYEÃN VAÊN BÌNH,Chi boä 4,Chính thöùc',
    ].join('\r\n');
    const bytes = windows1252(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const sheet = await read({ bytes, fileName: 'vni.csv' });
    expect(sheet.source).toEqual(csvSource('windows-1252', ','));
    expect(columnsOf(sheet)).toEqual([
      ['no', 'STT', 'unicode'],
      ['name', 'Họ và tên', 'vni'],
      ['unit', 'Đơn vị', 'vni'],
      ['status', 'Chính thức / Dự khuyết', 'vni'],
    ]);
    expect(sheet.people.map((p) => [p.row, p.name, p.unit, p.status])).toEqual([
      [2, 'Nguyễn Văn Bình', 'Chi bộ 1', 'official'],
      [3, 'Trần Thị Ánh', 'Chi bộ 1', 'alternate'],
      [4, 'Lê Quang Đạo', 'Chi bộ 2', 'official'],
      [5, 'Phạm Thị Hương', 'Chi bộ 2', 'official'],
      [6, 'Đặng Ngọc Yến', 'Chi bộ 3', 'alternate'],
      [7, 'Hoàng Xuân Ưng', 'Chi bộ 3', 'official'],
      [8, 'NGUYỄN VĂN BÌNH', 'Chi bộ 4', 'official'],
    ]);
    expect(sheet.problems).toEqual([
      { code: 'duplicate-name', rows: [2, 8], field: 'name', name: 'Nguyễn Văn Bình' },
    ]);
  });

  it('UTF-16LE with tabs; plain UTF-8 without BOM; "sep=" line', async () => {
    const tabbed = await read({
      bytes: utf16le('Họ tên\tĐơn vị\nĐặng Ngọc Yến\tChi bộ 5\n'),
      fileName: 'u16.csv',
    });
    expect(tabbed.source).toEqual(csvSource('utf-16le', '\t'));
    expect(tabbed.people).toEqual([{ row: 2, name: 'Đặng Ngọc Yến', unit: 'Chi bộ 5' }]);

    const plain = await read({
      bytes: new TextEncoder().encode('sep=,\nName,Unit\nHoàng Xuân Ưng,"Cell 1, Zone B"\n'),
      fileName: 'plain.csv',
    });
    expect(plain.source).toEqual(csvSource('utf-8', ','));
    expect(plain.people).toEqual([{ row: 2, name: 'Hoàng Xuân Ưng', unit: 'Cell 1, Zone B' }]);
  });
});

describe('people sheet — explicit mapping and file problems', () => {
  const noHeader = utf8Bom('1;Nguyễn Văn Bình;Chi bộ 1\n2;Trần Thị Ánh;Chi bộ 2\n');

  it('no header: refused, unless the caller maps the columns', async () => {
    const problems = await refused({ bytes: noHeader, fileName: 'x.csv' });
    expect(problems).toEqual([{ code: 'no-header' }]);
    expect(problemText(problems[0] as SheetProblem, 'vi')).toContain('Họ và tên');

    const sheet = await read({ bytes: noHeader, fileName: 'x.csv', mapping: { name: 2, unit: 3 } });
    expect(sheet.headerRow).toBe(0);
    expect(sheet.columns.map((c) => c.header)).toEqual(['', '']);
    expect(sheet.people.map((p) => [p.row, p.name, p.unit])).toEqual([
      [1, 'Nguyễn Văn Bình', 'Chi bộ 1'],
      [2, 'Trần Thị Ánh', 'Chi bộ 2'],
    ]);
  });

  it('an explicit mapping overrides detection, with its own header row', async () => {
    const bytes = utf8Bom('Họ và tên;Họ;Tên\nx;Nguyễn Văn;Bình\n');
    const detected = await read({ bytes, fileName: 'a.csv' });
    expect(detected.mapping).toEqual({ name: 1 }); // a full-name column wins over split ones
    const mapped = await read({ bytes, fileName: 'a.csv', mapping: { family: 2, given: 3 } });
    expect(mapped.people).toEqual([
      { row: 2, name: 'Nguyễn Văn Bình', family: 'Nguyễn Văn', given: 'Bình' },
    ]);
    const lower = await read({ bytes, fileName: 'a.csv', mapping: { name: 1 }, headerRow: 2 });
    expect(lower.people).toEqual([]);
    expect(lower.problems).toEqual([{ code: 'no-people', rows: [2] }]);
  });

  it('a mapping outside the sheet or of the wrong shape is refused', async () => {
    expect(await refused({ bytes: noHeader, fileName: 'x.csv', mapping: { name: 9 } })).toEqual([
      { code: 'column-out-of-range', field: 'name', column: 9, columns: 3 },
    ]);
    const bad = await refused({
      bytes: noHeader,
      fileName: 'x.csv',
      mapping: { name: 0 } as unknown as { name: number },
    });
    expect(bad[0]?.code).toBe('bad-mapping');
  });

  it('unsupported, empty and unreadable files', async () => {
    const some = new Uint8Array([1, 2, 3]);
    const xls = await refused({ bytes: some, fileName: 'cu.xls' });
    expect(xls).toEqual([{ code: 'unsupported-type', fileName: 'cu.xls' }]);
    expect(problemText(xls[0] as SheetProblem, 'vi')).toBe(
      'Tệp “cu.xls” là dạng .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx',
    );
    expect(await refused({ bytes: some, fileName: 'ds.pdf' })).toEqual([
      { code: 'unsupported-type', fileName: 'ds.pdf' },
    ]);
    expect(await refused({ bytes: new Uint8Array(), fileName: 'ds.csv' })).toEqual([
      { code: 'empty-file', fileName: 'ds.csv' },
    ]);
    const broken = await refused({ bytes: some, fileName: 'ds.xlsx' });
    expect(broken[0]?.code).toBe('unreadable');
    expect(problemText(broken[0] as SheetProblem, 'en')).toContain('Cannot read “ds.xlsx”');
  });
});

describe('people sheet — footers and rows left out (issue 9 item 10)', () => {
  const bytes = xlsx((ws) => {
    ws.addRow(['DANH SÁCH ĐẠI BIỂU CHÍNH THỨC']);
    ws.addRow(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị']); // 2
    ws.addRow([1, 'Nguyễn Văn An', 'Bí thư', 'Chi bộ 1']); // 3
    ws.addRow([2, 'Tống Văn Hòa', 'Chủ tịch', 'Tổng công ty Điện lực']); // 4: not a total
    ws.addRow([null, 'Cộng: 2', null, null]); // 5: a subtotal
    ws.addRow([3, 'Trần Thị Bình', 'Phó Bí thư', 'Chi bộ 2']); // 6
    ws.addRow([4, 'Lê Văn Cường', null, 'Chi bộ 2']); // 7
    ws.addRow([null, 'Tổng số: 4 đại biểu']); // 8
    ws.addRow([4]); // 9: a count with no name
    ws.addRow([]); // 10
    ws.addRow([null, null, null, 'Hà Nội, ngày 14 tháng 10 năm 2025']); // 11
    ws.addRow([null, 'Người lập biểu', null, 'T/M BAN TỔ CHỨC']); // 12
    ws.addRow([null, null, null, 'TRƯỞNG BAN']); // 13
    ws.addRow([]); // 14
    ws.addRow([null, 'Phạm Thị Dung', null, 'Hoàng Văn Em']); // 15: the signers
  });

  it('leaves out totals, the date, the signatures and the signers, with their rows', async () => {
    const sheet = await read({ bytes: await bytes, fileName: 'ds.xlsx' });
    expect(sheet.people.map((p) => [p.row, p.name, p.position ?? null, p.unit])).toEqual([
      [3, 'Nguyễn Văn An', 'Bí thư', 'Chi bộ 1'],
      [4, 'Tống Văn Hòa', 'Chủ tịch', 'Tổng công ty Điện lực'],
      [6, 'Trần Thị Bình', 'Phó Bí thư', 'Chi bộ 2'],
      [7, 'Lê Văn Cường', null, 'Chi bộ 2'],
    ]);
    expect(sheet.leftOut.map((r) => [r.row, r.reason])).toEqual([
      [5, 'summary'],
      [8, 'summary'],
      [9, 'count-only'],
      [11, 'date'],
      [12, 'signature'],
      [13, 'signature'],
      [15, 'below-signature'],
    ]);
    expect(sheet.leftOut.find((r) => r.row === 8)?.text).toBe('Tổng số: 4 đại biểu');
    expect(sheet.problems).toEqual([]);
  });

  it('a row with numbers and no name among the people is still a missing name', async () => {
    const sheet = await read({
      bytes: utf8Bom('STT;Họ và tên\n1;Nguyễn Văn An\n2;\n3;Trần Thị Bình\n'),
      fileName: 'x.csv',
    });
    expect(sheet.leftOut).toEqual([]);
    expect(sheet.problems).toEqual([{ code: 'empty-name', rows: [3], field: 'name' }]);
  });

  it('rows the operator leaves out are neither people nor problems', async () => {
    const file = utf8Bom('STT;Họ và tên\n1;Nguyễn Văn An\n2;Trần Thị Bình\n3;Nguyễn Văn An\n4;\n');
    const sheet = await read({ bytes: file, fileName: 'x.csv', leaveOut: [4, 5] });
    expect(sheet.people.map((p) => p.row)).toEqual([2, 3]);
    expect(sheet.leftOut.map((r) => [r.row, r.reason, r.text])).toEqual([
      [4, 'operator', '3 | Nguyễn Văn An'],
      [5, 'operator', '4'],
    ]);
    expect(sheet.problems).toEqual([]);
  });
});
