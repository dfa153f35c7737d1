/**
 * Cell text as the operator reads it: one Vietnamese encoding per column (TCVN3, VNI or Unicode,
 * see core/legacy-text.ts), decoded and cleaned; and folded for matching header words.
 */
import {
  detectVietnameseEncodingOf,
  hasUnicodeVietnamese,
  legacyNameToUnicode,
  toUnicodeFrom,
  type VietnameseEncoding,
} from '../../core/legacy-text.ts';
import { cleanName } from '../../core/names.ts';
import type { Cell } from './grid.ts';
import type { PeopleField } from './types.ts';

const NAME_FIELDS: readonly PeopleField[] = ['name', 'family', 'given'];

/** One encoding per column: decided from its data cells, or from their font when text can't. */
/** Enough cells to tell a column's encoding; the rest of a long list only costs time. */
const ENCODING_SAMPLE = 5_000;

export function columnEncoding(cells: readonly Cell[]): VietnameseEncoding {
  const open = cells.filter((c) => !c.decoded && c.text !== '').slice(0, ENCODING_SAMPLE);
  const detected = detectVietnameseEncodingOf(open.map((c) => c.text));
  if (detected !== 'unicode') return detected;
  const nonAscii = open.filter((c) => /[^\x00-\x7f]/u.test(c.text));
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const inFont = nonAscii.filter((c) => c.font?.encoding === encoding);
    if (inFont.length * 2 > nonAscii.length && !inFont.some((c) => hasUnicodeVietnamese(c.text))) {
      return encoding;
    }
  }
  return 'unicode';
}

export function cellUnicode(cell: Cell, field: PeopleField, encoding: VietnameseEncoding): string {
  if (cell.decoded || encoding === 'unicode' || hasUnicodeVietnamese(cell.text)) {
    return cleanName(cell.text);
  }
  const text = NAME_FIELDS.includes(field)
    ? legacyNameToUnicode(cell.text, encoding)
    : toUnicodeFrom(cell.text, encoding);
  return cleanName(cell.font?.upper && encoding === 'tcvn3' ? text.toUpperCase() : text);
}

// The header as the operator would read it, decoded when it is in TCVN3 or VNI.
export const headerText = (text: string): string =>
  cleanName(toUnicodeFrom(text, detectVietnameseEncodingOf([text])));
