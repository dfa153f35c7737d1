/**
 * Header-row detection (Vietnamese or English header words, in Unicode, TCVN3 or VNI, among the
 * first rows) and the column mapping it gives.
 */
import { toUnicodeFrom } from '../../core/legacy-text.ts';
import { foldName } from '../../core/names.ts';
import type { Grid } from './grid.ts';
import { PEOPLE_FIELDS, type ColumnMapping, type PeopleField } from './types.ts';

// Header words per field, folded. One-word entries must match the whole cell ("Tên" is the given
// name, "Tên đơn vị" is not); longer ones may be followed by more words ("Họ và tên đại biểu").
// When two fields match, the longer entry wins ("Họ và tên đệm" is the family, not the name).
const HEADER_WORDS: Readonly<Record<PeopleField, readonly string[]>> = {
  no: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 'no', 'number', 'seq'],
  name: ['ho va ten', 'ho ten', 'full name', 'name', 'ho va ten khai sinh', 'ten day du'],
  family: [
    'ho',
    'ho dem',
    'ho va dem',
    'ho va ten dem',
    'ho va chu dem',
    'ho lot',
    'ho va ten lot',
    'family name',
    'surname',
    'last name',
  ],
  given: ['ten', 'given name', 'first name', 'ten goi'],
  unit: [
    'don vi',
    'chi bo',
    'dang bo',
    'ten don vi',
    'don vi cong tac',
    'noi cong tac',
    'co quan',
    'doan dai bieu',
    'unit',
    'organisation',
    'organization',
  ],
  position: ['chuc vu', 'chuc danh', 'position', 'title', 'job title'],
  category: ['loai', 'thanh phan', 'category', 'type', 'loai dai bieu'],
  status: [
    'chinh thuc du khuyet',
    'chinh thuc hoac du khuyet',
    'chinh thuc hay du khuyet',
    'ct dk',
    'official alternate',
    'official or alternate',
    'status',
  ],
  gender: ['gioi tinh', 'gender', 'sex', 'nam nu'],
  birthYear: [
    'nam sinh',
    'year of birth',
    'birth year',
    'born',
    'ngay sinh',
    'ngay thang nam sinh',
    'sinh ngay',
    'date of birth',
  ],
  hometown: ['que quan', 'que', 'nguyen quan', 'hometown', 'home town', 'place of origin'],
  // "Trình độ chuyên môn", "Trình độ học vấn", "Trình độ lý luận chính trị": the first one found.
  education: [
    'trinh do',
    'hoc van',
    'hoc ham hoc vi',
    'hoc vi',
    'chuyen mon',
    'education',
    'qualification',
    'qualifications',
  ],
  biography: [
    'tom tat',
    'tieu su',
    'tom tat tieu su',
    'tieu su tom tat',
    'qua trinh cong tac',
    'tom tat qua trinh cong tac',
    'biography',
    'bio',
  ],
};

/** The field a header cell names, trying the text as it is and as TCVN3 or VNI. */
function headerField(text: string): PeopleField | undefined {
  const readings = new Set(
    (['unicode', 'tcvn3', 'vni'] as const).map((e) => foldName(toUnicodeFrom(text, e))),
  );
  let best: { field: PeopleField; length: number } | undefined;
  for (const folded of readings) {
    if (folded === '') continue;
    for (const field of PEOPLE_FIELDS) {
      for (const words of HEADER_WORDS[field]) {
        const matches = folded === words || (words.includes(' ') && folded.startsWith(`${words} `));
        if (matches && (best === undefined || words.length > best.length)) {
          best = { field, length: words.length };
        }
      }
    }
  }
  return best?.field;
}

export { HEADER_SEARCH_ROWS } from '../../core/protocol/sheet.ts';
import { HEADER_SEARCH_ROWS } from '../../core/protocol/sheet.ts';

export interface Header {
  readonly row: number;
  readonly fields: ReadonlyMap<PeopleField, { column: number; header: string }>;
}

function headerOfRow(grid: Grid, row: number): Header | undefined {
  const fields = new Map<PeopleField, { column: number; header: string }>();
  (grid[row - 1] ?? []).forEach((cell, i) => {
    const field = headerField(cell.text);
    if (field !== undefined && !fields.has(field)) {
      fields.set(field, { column: i + 1, header: cell.text.trim() });
    }
  });
  // "Tên" alone, without a family column, holds the whole name.
  const given = fields.get('given');
  if (!fields.has('name') && !fields.has('family') && given !== undefined) {
    fields.set('name', given);
    fields.delete('given');
  }
  const named = fields.has('name') || (fields.has('family') && fields.has('given'));
  return named ? { row, fields } : undefined;
}

/** The row among the first thirty that names the most columns, a name column among them. */
export function findHeader(grid: Grid): Header | undefined {
  let best: Header | undefined;
  for (let row = 1; row <= Math.min(grid.length, HEADER_SEARCH_ROWS); row++) {
    const header = headerOfRow(grid, row);
    if (header && (best === undefined || header.fields.size > best.fields.size)) best = header;
  }
  return best;
}

export function mappingOf(header: Header): ColumnMapping {
  const col = (field: PeopleField) => header.fields.get(field)?.column;
  const optional = Object.fromEntries(
    PEOPLE_FIELDS.filter((f) => !['name', 'family', 'given'].includes(f))
      .filter((f) => col(f) !== undefined)
      .map((f) => [f, col(f)]),
  );
  const name = col('name');
  const family = col('family');
  const given = col('given');
  if (name !== undefined) return { name, ...optional };
  if (family !== undefined && given !== undefined) return { family, given, ...optional };
  throw new Error('a header without a name column');
}

export function mappedColumns(mapping: ColumnMapping): [PeopleField, number][] {
  return PEOPLE_FIELDS.flatMap((f) => {
    const c = (mapping as Partial<Record<PeopleField, number>>)[f];
    return c === undefined ? [] : [[f, c] as [PeopleField, number]];
  });
}
