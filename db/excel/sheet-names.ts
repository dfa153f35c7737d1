/**
 * Worksheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \ (each becomes -),
 * not empty, not "History" (reserved), and unique ignoring case. Apostrophes (Đắk R'Lấp) become
 * ’ as well: exceljs writes the print titles' sheet reference without escaping them.
 */
import { nfc } from './text.ts';

export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/gu;
const RESERVED = new Set(['history']);

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair, trailing spaces off. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.trimEnd();
}

/**
 * `text` in at most `max` UTF-16 units: whole, or cut at a word boundary (when one falls in
 * the second half) and ended with "…", so "khóa XV" never reads as "khóa X".
 */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = cut(text, max - 1);
  const space = head.lastIndexOf(' ');
  if (space >= (max - 1) / 2) head = head.slice(0, space);
  return `${head.replace(/[\s,;.\-–—]+$/u, '')}…`;
}

/** The characters Excel refuses replaced, white space collapsed; any length. */
function cleanText(wanted: string): string {
  return nfc(wanted)
    .replace(FORBIDDEN, '-')
    .replace(/'/gu, '’')
    .replace(/[\u0000-\u001f\u007f]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** One name made acceptable to Excel, except for uniqueness. */
export function cleanSheetName(wanted: string, fallback = 'Trang'): string {
  const name = shorten(cleanText(wanted), SHEET_NAME_MAX);
  return name === '' ? fallback : name;
}

const keyOf = (name: string): string => nfc(name).toLowerCase();

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= SHEET_NAME_MAX &&
    !/[[\]:*?/\\']/u.test(name) &&
    !RESERVED.has(keyOf(name))
  );
}

/**
 * Names for sheets in order, each acceptable and unique (ignoring case) among themselves and
 * `taken`. A clash gets " (2)", " (3)", … with the name shortened to make room.
 */
export function uniqueSheetNames(
  wanted: readonly { readonly name: string; readonly suffix?: string }[],
  taken: readonly string[] = [],
): string[] {
  const used = new Set(taken.map(keyOf));
  return wanted.map(({ name, suffix = '' }) => {
    const tail = cleanSheetName(suffix, '');
    const spaced = tail === '' ? '' : ` ${tail}`;
    const base = cleanText(name) || 'Trang';
    const make = (extra: string): string =>
      `${shorten(base, SHEET_NAME_MAX - spaced.length - extra.length)}${spaced}${extra}`;
    let candidate = make('');
    for (let k = 2; used.has(keyOf(candidate)) || RESERVED.has(keyOf(candidate)); k++) {
      candidate = make(` (${k})`);
    }
    used.add(keyOf(candidate));
    return candidate;
  });
}
