/** One sentence per sheet problem and a label per field, in Vietnamese or English. */
import type { Lang } from '../../core/refusal.ts';
import { assertNever } from '../../core/result.ts';
import { HEADER_SEARCH_ROWS } from './header.ts';
import type { PeopleField, SheetProblem } from './types.ts';

const FIELD_LABELS: Readonly<Record<PeopleField, { vi: string; en: string }>> = {
  no: { vi: 'STT', en: 'No.' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  family: { vi: 'Họ và tên đệm', en: 'Family and middle names' },
  given: { vi: 'Tên', en: 'Given name' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  position: { vi: 'Chức vụ', en: 'Position' },
  category: { vi: 'Thành phần', en: 'Category' },
  status: { vi: 'Chính thức / Dự khuyết', en: 'Official / Alternate' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  birthYear: { vi: 'Năm sinh', en: 'Year of birth' },
};

export const fieldLabel = (field: PeopleField, lang: Lang): string => FIELD_LABELS[field][lang];

function where(rows: readonly number[], field: PeopleField, lang: Lang): string {
  const list = rows.join(', ');
  const label = fieldLabel(field, lang);
  if (lang === 'vi') return `Dòng ${list}, cột ${label}`;
  return `${rows.length > 1 ? 'Rows' : 'Row'} ${list}, column ${label}`;
}

/** One sentence per problem, naming the row(s) and the column, in Vietnamese or English. */
export function problemText(p: SheetProblem, lang: Lang): string {
  const vi = lang === 'vi';
  switch (p.code) {
    case 'unsupported-type': {
      const xls = /\.xls$/iu.test(p.fileName);
      if (vi) {
        return xls
          ? `Tệp “${p.fileName}” là dạng .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx`
          : `Tệp “${p.fileName}” không phải bảng tính .xlsx hoặc .csv`;
      }
      return xls
        ? `“${p.fileName}” is an old .xls file: open it in Excel and save it as .xlsx`
        : `“${p.fileName}” is not an .xlsx or .csv spreadsheet`;
    }
    case 'unreadable':
      return vi
        ? `Không đọc được tệp “${p.fileName}” (tệp hỏng, có mật khẩu hoặc không đúng định dạng)`
        : `Cannot read “${p.fileName}” (damaged, password-protected or not of its type)`;
    case 'empty-file':
      return vi ? `Tệp “${p.fileName}” không có dữ liệu` : `“${p.fileName}” holds no data`;
    case 'no-header':
      return vi
        ? `Không tìm thấy dòng tiêu đề có cột Họ và tên (hoặc Họ và Tên) trong ${HEADER_SEARCH_ROWS} dòng đầu`
        : `No header row with a Full name column (or Family and Given name) in the first ${HEADER_SEARCH_ROWS} rows`;
    case 'column-out-of-range':
      return vi
        ? `Cột ${fieldLabel(p.field, lang)} được chọn là cột ${p.column}, nhưng bảng chỉ có ${p.columns} cột`
        : `Column ${fieldLabel(p.field, lang)} was set to column ${p.column}, but the sheet has ${p.columns} columns`;
    case 'bad-mapping':
      return vi
        ? `Cách ghép cột không hợp lệ: ${p.reason}`
        : `The column mapping is not valid: ${p.reason}`;
    case 'no-people':
      return vi
        ? `Không có người nào dưới dòng tiêu đề${p.rows.length > 0 ? ` (dòng ${p.rows.join(', ')})` : ''}`
        : `No one is listed below the header row${p.rows.length > 0 ? ` (row ${p.rows.join(', ')})` : ''}`;
    case 'empty-name':
      return `${where(p.rows, p.field, lang)}: ${vi ? 'để trống' : 'empty'}`;
    case 'duplicate-name':
      return vi
        ? `${where(p.rows, p.field, lang)}: trùng tên “${p.name}”`
        : `${where(p.rows, p.field, lang)}: the same name “${p.name}”`;
    case 'unknown-status':
      return vi
        ? `${where(p.rows, p.field, lang)}: “${p.value}” không phải “Chính thức” hay “Dự khuyết”`
        : `${where(p.rows, p.field, lang)}: “${p.value}” is neither official nor alternate`;
    case 'invalid-birth-year':
      return vi
        ? `${where(p.rows, p.field, lang)}: “${p.value}” không phải năm sinh`
        : `${where(p.rows, p.field, lang)}: “${p.value}” is not a year of birth`;
    default:
      return assertNever(p);
  }
}
