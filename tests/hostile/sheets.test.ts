/**
 * Hostile spreadsheets (issue 10 items 3, 4, 9): each is refused quickly, with a message naming the
 * file and the place, before anything is expanded; names in Windows-1258 are read right; the
 * reader runs on a worker thread that is killed past its limits while the caller keeps working.
 */
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  problemText,
  readPeopleSheet,
  readPeopleSheetInWorker,
  type PeopleSheet,
  type ReadPeopleSheetInput,
  type SheetProblem,
} from '../../db/people-sheet.ts';
import { BUNDLED_WORKER_NAMES } from '../../db/people-sheet/in-worker.ts';
import { readRows } from '../../db/people-sheet/rows.ts';
import * as files from './sheets-files.ts';

async function refusedFast(input: ReadPeopleSheetInput, seconds: number): Promise<SheetProblem[]> {
  const started = performance.now();
  const result = await readPeopleSheet(input);
  const elapsed = (performance.now() - started) / 1000;
  expect(elapsed).toBeLessThan(seconds);
  if (result.ok) throw new Error(`expected ${input.fileName} to be refused`);
  for (const p of result.error) {
    expect(problemText(p, 'vi')).toContain(input.fileName);
    expect(problemText(p, 'en')).toContain(input.fileName);
  }
  return result.error;
}

async function read(input: ReadPeopleSheetInput): Promise<PeopleSheet> {
  const result = await readPeopleSheet(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const vi = (p: SheetProblem): string => problemText(p, 'vi');

describe('hostile .xlsx: refused from the zip and the sheet XML, before exceljs expands them', () => {
  it('one cell at XFD1048576 (a 6 KB file)', async () => {
    const bytes = await files.farCellXlsx();
    expect(bytes.length).toBeLessThan(10_000);
    const [p] = await refusedFast({ bytes, fileName: 'xa.xlsx' }, 2);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'rows', row: 1_048_576 });
    expect(vi(p!)).toBe('Tệp “xa.xlsx” có quá 25000 dòng (dòng 1048576)');
  });

  it('mergeCell A3:XFD1048576', async () => {
    const [p] = await refusedFast({ bytes: await files.hugeMergeXlsx(), fileName: 'gop.xlsx' }, 2);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'rows', cell: 'XFD1048576' });
  });

  it('a zip bomb that declares its 4 GB is refused without inflating a byte', async () => {
    const bytes = await files.zipBombXlsx(4000, 'honest');
    const [p] = await refusedFast({ bytes, fileName: 'bom.xlsx' }, 1);
    expect(p).toEqual({
      code: 'over-limit',
      fileName: 'bom.xlsx',
      limit: 'expanded-bytes',
      max: 64 * 1024 * 1024,
      part: 'xl/worksheets/sheet1.xml',
    });
    expect(vi(p!)).toBe(
      'Tệp “bom.xlsx” giải nén ra quá 64 MB (ở phần xl/worksheets/sheet1.xml): không phải một danh sách bình thường, không đọc',
    );
  });

  it('a zip bomb that lies about its size stops at the cap', async () => {
    const bytes = await files.zipBombXlsx(4000, 'lying');
    const [p] = await refusedFast({ bytes, fileName: 'bom.xlsx' }, 3);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'expanded-bytes' });
  });

  it('a 1,000,000-row sheet', async () => {
    const [p] = await refusedFast(
      { bytes: await files.millionRowsXlsx(), fileName: 'trieu.xlsx' },
      5,
    );
    expect(p).toMatchObject({ code: 'over-limit', limit: 'rows', row: 25_001 });
  });

  it('formula cells in a name column are refused, not read as their cached value', async () => {
    const sheet = await read({ bytes: await files.formulaXlsx(), fileName: 'ct.xlsx' });
    expect(sheet.people.map((p) => [p.row, p.name, p.unit])).toEqual([
      [2, 'Nguyễn Văn An', 'Chi bộ 1'],
      [5, 'Lê Văn Cường', 'Chi bộ 4'],
    ]);
    expect(sheet.problems).toEqual([
      { code: 'formula', rows: [3], field: 'name', formula: '1+1' },
      { code: 'formula', rows: [4], field: 'name', formula: 'B2' },
    ]);
    expect(vi(sheet.problems[0]!)).toBe(
      'Dòng 3, cột Họ và tên: là công thức “=1+1”, không phải tên; hãy nhập tên',
    );
  });
});

describe('hostile .csv', () => {
  it('a 1,000,000-row CSV is refused at the row past the limit', async () => {
    const [p] = await refusedFast({ bytes: files.millionRowsCsv(), fileName: 'trieu.csv' }, 10);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'rows', row: 25_001 });
  });

  it('100,000 identical names: refused by the row limit at once; the duplicate check is linear', async () => {
    const bytes = files.identicalNamesCsv();
    expect(bytes.length).toBeGreaterThan(1_700_000);
    const [p] = await refusedFast({ bytes, fileName: 'trung.csv' }, 5);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'rows' });

    const grid = [
      [{ text: 'Họ và tên' }],
      ...Array.from({ length: 100_000 }, () => [{ text: 'Nguyễn Văn An' }]),
    ];
    // CPU time, not wall time: the machine running the tests may be shared.
    const cpu = process.cpuUsage();
    const rows = readRows(grid, { name: 1 }, 1);
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
    expect(rows.people).toHaveLength(100_000);
    expect(rows.problems).toHaveLength(1);
    const dup = rows.problems[0]!;
    expect(dup).toMatchObject({ code: 'duplicate-name', name: 'Nguyễn Văn An' });
    expect('rows' in dup && dup.rows.length).toBe(100_000);
    // The message names the first rows and the count, not a hundred thousand numbers.
    expect(vi(dup)).toBe(
      `Dòng ${Array.from({ length: 20 }, (_, i) => i + 2).join(', ')}… (100000 dòng), cột Họ và tên: trùng tên “Nguyễn Văn An”`,
    );
  });

  it('20,000 identical names (a full list) read in well under a second', async () => {
    const started = performance.now();
    const sheet = await read({ bytes: files.identicalNamesCsv(20_000), fileName: 'trung.csv' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(sheet.people).toHaveLength(20_000);
    expect(sheet.problems).toHaveLength(1);
  });

  it('an unterminated quote is refused at the row it opens, short or 20 million characters long', async () => {
    for (const tail of [0, 20_000_000]) {
      const [p] = await refusedFast(
        { bytes: files.unterminatedQuoteCsv(tail), fileName: 'ngoac.csv' },
        5,
      );
      expect(p).toEqual({ code: 'unterminated-quote', fileName: 'ngoac.csv', row: 3 });
      expect(vi(p!)).toBe('Tệp “ngoac.csv”, dòng 3: dấu ngoặc kép " mở ra mà không đóng lại');
    }
  });

  it('a closed quote holding a cell longer than any name is refused at its cell', async () => {
    const bytes = Buffer.from(`Họ và tên,Đơn vị\nAn,"${'x'.repeat(3000)}"\n`, 'utf8');
    const [p] = await refusedFast({ bytes, fileName: 'dai.csv' }, 1);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'cell-chars', cell: 'B2' });
  });

  it('more columns than a list has', async () => {
    const bytes = Buffer.from(`Họ và tên${','.repeat(300)}\nAn\n`, 'utf8');
    const [p] = await refusedFast({ bytes, fileName: 'rong.csv' }, 1);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'columns', cell: 'IW1' });
  });

  it('a file over the size limit is refused by its size', async () => {
    const bytes = new Uint8Array(25 * 1024 * 1024).fill(0x41);
    const [p] = await refusedFast({ bytes, fileName: 'to.csv' }, 1);
    expect(p).toMatchObject({ code: 'over-limit', limit: 'file-bytes' });
  });
});

describe('encodings, per file, with a confidence', () => {
  const NAMES = [
    'Nguyễn Văn An',
    'Trần Thị Ánh Tuyết',
    'Lê Quang Đạo',
    'Phạm Thị Hường',
    'Đặng Ngọc Yến',
    'Hoàng Xuân Ưng',
    'Khuất Quỳnh Nga',
    'Vũ Thị Thuỷ',
  ];
  const csv = (names: readonly string[]): string =>
    `STT,Họ và tên,Đơn vị\r\n${names.map((n, i) => `${i + 1},${n},Chi bộ ${i + 1}`).join('\r\n')}\r\n`;

  it('Windows-1258 (Vietnamese Excel’s CSV, tone marks as combining characters) reads as NFC', async () => {
    const bytes = files.windows1258(csv(NAMES));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    // Some tone marks really are separate bytes in the file.
    expect(bytes).toContain(0xde);
    const sheet = await read({ bytes, fileName: 'excel-1258.csv' });
    expect(sheet.source).toMatchObject({ format: 'csv', charset: 'windows-1258' });
    expect(sheet.source.format === 'csv' && sheet.source.confidence).toBeGreaterThanOrEqual(90);
    expect(sheet.people.map((p) => p.name)).toEqual(NAMES);
    expect(sheet.columns.find((c) => c.field === 'name')?.header).toBe('Họ và tên');
    for (const p of sheet.people) expect(p.name).toBe(p.name.normalize('NFC'));
    expect(sheet.problems).toEqual([]);
  });

  it('one invalid byte in a UTF-8 file is refused as two encodings, naming the lines', async () => {
    const good = Buffer.from(csv(NAMES), 'utf8');
    // Line 5 (Phạm Thị Hường) gets one byte of Windows-1258 in place of its UTF-8 "ờ".
    const text = csv(NAMES);
    const at = Buffer.byteLength(text.slice(0, text.indexOf('Hường') + 1));
    const broken = Buffer.concat([
      good.subarray(0, at),
      Buffer.from([0xfd]),
      good.subarray(at + 3),
    ]);
    const [p] = await refusedFast({ bytes: broken, fileName: 'tron.csv' }, 1);
    expect(p).toEqual({ code: 'mixed-encoding', fileName: 'tron.csv', utf8Line: 1, otherLine: 5 });
    expect(vi(p!)).toBe(
      'Tệp “tron.csv” trộn hai bảng mã: dòng 1 là Unicode (UTF-8), dòng 5 thì không; hãy lưu lại tệp dạng CSV UTF-8',
    );
  });

  it('a UTF-8 file and a Windows-1258 file pasted together are refused', async () => {
    const bytes = Buffer.concat([
      Buffer.from(csv(NAMES.slice(0, 4)), 'utf8'),
      files.windows1258(
        NAMES.slice(4)
          .map((n, i) => `${i + 5},${n},Chi bộ`)
          .join('\r\n'),
      ),
    ]);
    const [p] = await refusedFast({ bytes, fileName: 'ghep.csv' }, 1);
    expect(p).toMatchObject({ code: 'mixed-encoding', otherLine: 6 });
  });

  it('text that reads as Vietnamese in no encoding is shown with a doubt that blocks the import', async () => {
    const bytes = new Uint8Array(
      Buffer.from('Ho va ten\n\x9f\xa4\xb6\xc7 \xd8\xe9\xfa\n\xab\xbc\xcd \xde\xef\n', 'latin1'),
    );
    const sheet = await read({ bytes, fileName: 'la.csv' });
    expect(sheet.problems[0]).toMatchObject({ code: 'doubtful-encoding', fileName: 'la.csv' });
    expect(sheet.source.format === 'csv' && sheet.source.confidence).toBeLessThan(50);
  });
});

describe('the reader on a worker thread', () => {
  it('reads a list there, and refuses a hostile file there too', async () => {
    const ok = await readPeopleSheetInWorker({
      bytes: await files.cleanXlsx(),
      fileName: 'ds.xlsx',
    });
    expect(ok.ok && ok.value.people.map((p) => p.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    const far = await readPeopleSheetInWorker({
      bytes: await files.farCellXlsx(),
      fileName: 'xa.xlsx',
    });
    expect(!far.ok && far.error[0]).toMatchObject({ code: 'over-limit', limit: 'rows' });
  });

  it('the caller keeps answering while a large list is read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ']);
    for (let i = 1; i <= 20_000; i++)
      ws.addRow([i, `Nguyễn Văn ${i}`, `Chi bộ ${i % 50}`, 'Đảng viên']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    let ticks = 0;
    let worstGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ticks++;
    }, 10);
    const result = await readPeopleSheetInWorker({ bytes, fileName: 'lon.xlsx' });
    clearInterval(timer);
    expect(result.ok && result.value.people).toHaveLength(20_000);
    expect(ticks).toBeGreaterThan(10);
    // The same read on this thread blocks it for seconds.
    expect(worstGap).toBeLessThan(1000);
  });

  it('a read past its time or memory limit is killed and refused; the next read works', async () => {
    const big = await files.cleanXlsx((ws) => {
      ws.addRow(['Họ và tên', 'Đơn vị']);
      for (let i = 1; i <= 20_000; i++) ws.addRow([`Trần Văn ${i}`, `Chi bộ ${i}`]);
    });
    const slow = await readPeopleSheetInWorker(
      { bytes: big, fileName: 'cham.xlsx' },
      { seconds: 0.05, heapMb: 512 },
    );
    expect(!slow.ok && slow.error).toEqual([
      { code: 'over-limit', fileName: 'cham.xlsx', limit: 'time', max: 0.05 },
    ]);
    const hungry = await readPeopleSheetInWorker(
      { bytes: big, fileName: 'doi.xlsx' },
      { seconds: 60, heapMb: 8 },
    );
    expect(!hungry.ok && hungry.error).toEqual([
      { code: 'over-limit', fileName: 'doi.xlsx', limit: 'memory', max: 8 },
    ]);
    expect(!hungry.ok && problemText(hungry.error[0]!, 'vi')).toBe(
      'Đọc tệp “doi.xlsx” cần quá 8 MB bộ nhớ nên đã dừng',
    );
    const after = await readPeopleSheetInWorker({ bytes: big, fileName: 'lai.xlsx' });
    expect(after.ok && after.value.people).toHaveLength(20_000);
  });
});

describe('the worker from a CommonJS bundle, as the Electron host ships it', () => {
  it('finds people-sheet-worker.cjs beside the bundle and reads with it', async () => {
    const ROOT = fileURLToPath(new URL('../..', import.meta.url));
    mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'tests', 'artifacts', 'sheet-bundle-'));
    try {
      const common: BuildOptions = {
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['exceljs'],
        define: { 'import.meta.dirname': '__dirname' },
        logLevel: 'silent',
      };
      const built = await Promise.all([
        build({
          ...common,
          entryPoints: [join(ROOT, 'tests', 'hostile', 'fixtures', 'sheet-bundle-entry.ts')],
          outfile: join(dir, 'main.cjs'),
        }),
        build({
          ...common,
          entryPoints: [join(ROOT, 'db', 'people-sheet', 'worker.ts')],
          outfile: join(dir, BUNDLED_WORKER_NAMES[0]),
        }),
      ]);
      expect(built.flatMap((b) => b.warnings)).toEqual([]);
      const sheetPath = join(dir, 'ds.xlsx');
      writeFileSync(sheetPath, await files.cleanXlsx());
      const farPath = join(dir, 'xa.xlsx');
      writeFileSync(farPath, await files.farCellXlsx());
      const run = (path: string): unknown =>
        JSON.parse(
          execFileSync(process.execPath, [join(dir, 'main.cjs'), path], { encoding: 'utf8' }),
        );
      expect(run(sheetPath)).toMatchObject({
        ok: true,
        value: { people: [{ name: 'Nguyễn Văn An' }, { name: 'Trần Thị Bình' }] },
      });
      expect(run(farPath)).toMatchObject({
        ok: false,
        error: [{ code: 'over-limit', limit: 'rows' }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
