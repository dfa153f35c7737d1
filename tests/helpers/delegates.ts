/** A delegates' list as a party office sends it (an .xlsx), with generated Vietnamese names. */
import ExcelJS from 'exceljs';

const FAMILIES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hương',
  'Khánh',
  'Lan',
  'Long',
  'Minh',
  'Nga',
];

/**
 * The `i`-th delegate (from 0) of a list drawing on the first `names` family and given names
 * (13 at most), the given name stepping by `step`; a letter after the name keeps each unique.
 */
function delegateName(i: number, names: number, step: number): string {
  const letter = String.fromCharCode(65 + Math.floor(i / names));
  return `${FAMILIES[i % names]} ${i % 2 ? 'Thị' : 'Văn'} ${GIVEN[(i * step) % names]} ${letter}`;
}

/**
 * `count` delegates as a list's rows: the number (STT) from 1, the name (delegateName with `names`
 * and `step`), then the columns `more` gives for the `i`-th (from 0).
 */
export const delegateRows = (
  count: number,
  { names, step }: { names: number; step: number },
  more: (i: number) => readonly unknown[],
): unknown[][] =>
  Array.from({ length: count }, (_, i) => [i + 1, delegateName(i, names, step), ...more(i)]);

/**
 * The list written to `path`: a title (merged over the header's width when `mergeTitle`), an
 * empty row, the header, the rows, then `after` (a total below the list, say).
 */
export async function delegatesXlsx(
  path: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  { mergeTitle = false, after = [] }: { mergeTitle?: boolean; after?: readonly unknown[][] } = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đại biểu');
  ws.addRow(['DANH SÁCH ĐẠI BIỂU CHÍNH THỨC']);
  if (mergeTitle) ws.mergeCells(1, 1, 1, header.length);
  ws.addRow([]);
  ws.addRow([...header]);
  for (const row of [...rows, ...after]) ws.addRow([...row]);
  await wb.xlsx.writeFile(path);
}
