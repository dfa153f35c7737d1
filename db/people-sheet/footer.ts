/**
 * Rows below the header that are not people: the total ("Tổng số: 350 đại biểu"), the signature
 * block ("Người lập biểu", "T/M BAN CHẤP HÀNH", "Chủ tịch"), the place and date ("Hà Nội, ngày 14
 * tháng 10 năm 2025"), a count with no name. Matched on the text with its diacritics, so "Tống"
 * (a family name) is never "Tổng", and "Tổng công ty" (a unit) is never a total.
 */
import type { LeftOutReason } from '../../core/protocol/sheet.ts';

export type FooterKind = Extract<LeftOutReason, 'summary' | 'signature' | 'date'>;

const SUMMARY =
  /^(?:tổng số|tổng cộng)(?![\p{L}\p{M}])|^(?:tổng|cộng|total)(?:\s*[:.]|\s*$|\s*\d)|^\(?danh sách (?:này |trên )?(?:có|gồm)\s/u;

const SIGNATURE = new RegExp(
  '^(?:' +
    [
      'người lập(?: biểu| bảng| danh sách)?',
      'người ký',
      '(?:phó )?chủ tịch',
      '(?:phó )?bí thư',
      '(?:phó )?trưởng ban(?: .*)?',
      'thủ trưởng(?: đơn vị| cơ quan)?',
      'xác nhận(?: của .*)?',
      '(?:t/m|tm|k/t|kt|t/l|tl|q|thay mặt|ký thay|thừa lệnh)\\.?\\s.*',
      '\\(?ký(?:,|\\s).*',
      'đã ký',
      'nơi nhận.*',
      'prepared by',
      'signed',
    ].join('|') +
    ')$',
  'u',
);

const DATE =
  /ngày\s*\S*\s*tháng\s*\S*\s*năm|^(?:[\p{L}\p{M} ]+,\s*)?ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/u;

const COUNT = /^\(?\d[\d.,\s]*\)?$/u;

// Vietnamese has no casing rule of its own: the plain lower case is the locale's.
const lower = (text: string): string =>
  text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();

// The words footer text starts with; a name never does. Checked first: most cells are names.
const FIRST_WORDS = new Set(
  'tổng cộng total danh (danh người phó chủ bí trưởng thủ xác t/m tm k/t kt t/l tl q thay ký (ký thừa đã nơi prepared signed'.split(
    ' ',
  ),
);

function mayBeFooter(text: string): boolean {
  const t = text.trimStart();
  const space = t.search(/\s/u);
  const first = (space < 0 ? t : t.slice(0, space)).toLowerCase().replace(/[:;,.]+$/u, '');
  return FIRST_WORDS.has(first) || /ngày/iu.test(t);
}

/** What a single cell says, when it is footer text. */
export function footerCell(text: string): FooterKind | undefined {
  if (!mayBeFooter(text)) return undefined;
  const t = lower(text);
  if (t === '') return undefined;
  if (SUMMARY.test(t)) return 'summary';
  if (DATE.test(t)) return 'date';
  if (SIGNATURE.test(t.replace(/[:;,.]+$/u, ''))) return 'signature';
  return undefined;
}

/**
 * A row's kind from its own non-empty cells (decoded): a total or a date anywhere in the row; a
 * signature row when every cell is signature text (a person's row holds a name besides "Chủ tịch").
 */
export function footerRow(cells: readonly string[]): FooterKind | undefined {
  const kinds = cells.map(footerCell);
  if (kinds.includes('summary')) return 'summary';
  if (kinds.includes('date')) return 'date';
  if (kinds.length > 0 && kinds.every((k) => k === 'signature')) return 'signature';
  return undefined;
}

/** A row of numbers only (a count under the list, with no name). */
export const countOnly = (cells: readonly string[]): boolean =>
  cells.length > 0 && cells.every((c) => COUNT.test(c.trim()));
