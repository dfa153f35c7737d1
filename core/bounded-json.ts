/**
 * JSON from outside, read with bounds: bytes that must be UTF-8 (the first bad byte named by its
 * offset, never replaced by U+FFFD), and nesting checked by a flat scan before `JSON.parse`, so
 * input nested 100 000 deep is refused with a message instead of exhausting the stack in
 * whatever walks it next (zod, `String()`, a canonical form).
 */
import { visible } from './names.ts';
import type { Refusal } from './refusal.ts';
import { err, ok, type Result } from './result.ts';

/** Far deeper than any record or message of the app (a record is 5 levels deep). */
export const MAX_JSON_DEPTH = 64;

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing past U+10FFFF), or -1. Only called once the fast decoder has failed.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f; // past U+10FFFF
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i + k;
    }
    i += need + 1;
  }
  return -1;
}

/** UTF-8 bytes to text, a leading byte-order mark dropped; invalid UTF-8 is refused at its offset. */
export function decodeUtf8(bytes: Uint8Array, path = ''): Result<string, Refusal[]> {
  try {
    return ok(fatal.decode(bytes));
  } catch {
    return err([{ code: 'bad-utf8', offset: Math.max(0, invalidUtf8Offset(bytes)), path }]);
  }
}

/** The deepest nesting of arrays and objects in JSON text, by one flat pass; stops past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** JSON text to a value, refused when nested deeper than `maxDepth` or not JSON at all. */
export function parseBoundedJson(
  text: string,
  { maxDepth = MAX_JSON_DEPTH, path = '' }: { maxDepth?: number; path?: string } = {},
): Result<unknown, Refusal[]> {
  if (jsonDepth(text, maxDepth) > maxDepth)
    return err([{ code: 'too-deep', limit: maxDepth, path }]);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    // The parser's message quotes the input: shown safely.
    return err([{ code: 'not-json', reason: visible((e as Error).message, 200), path }]);
  }
}
