/**
 * A CSV file's encoding, decided once for the whole file, with a confidence: a BOM says it; else
 * each line is UTF-8 or not; a file of UTF-8 lines is UTF-8, a file of 8-bit lines is Windows-1258
 * (Vietnamese Excel) or Windows-1252 (older files, whose TCVN3 or VNI text core/legacy-text.ts
 * converts per column), whichever reads more of its words as Vietnamese syllables. A file with
 * Vietnamese UTF-8 lines and lines that are not UTF-8 is two files pasted together, or damaged:
 * refused, naming a line of each, rather than guessed.
 */
import { detectVietnameseEncodingOf, toUnicodeFrom } from '../../core/legacy-text.ts';
import type { CsvCharset } from '../../core/protocol/sheet.ts';
import { isVietnameseSyllable, nonAsciiWords, syllableShare } from './syllable.ts';
import { decodeWindows1258 } from './windows-1258.ts';

export interface DecodedCsv {
  readonly text: string;
  readonly charset: CsvCharset;
  /** Per cent of the words with a letter outside ASCII that read as Vietnamese syllables. */
  readonly confidence: number;
}

export type EncodingRefusal = {
  readonly kind: 'mixed';
  /** Lines of the file (1-based): one in Vietnamese UTF-8, one that is not UTF-8. */
  readonly utf8Line: number;
  readonly otherLine: number;
};

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
/** How much text the confidence is judged on: enough for any list, bounded for any file. */
const SAMPLE_CHARS = 1_000_000;
const SAMPLE_WORDS = 20_000;
/** A line's first words tell whether its UTF-8 spells Vietnamese. */
const LINE_CHARS = 4096;
const LINE_WORDS = 64;

const sample = (text: string): string[] =>
  nonAsciiWords(text.slice(0, SAMPLE_CHARS)).slice(0, SAMPLE_WORDS);

function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

function lineOf(line: Uint8Array): 'ascii' | 'utf8' | 'other' {
  if (line.every((b) => b < 0x80)) return 'ascii';
  const text = utf8Text(line);
  if (text === undefined) return 'other';
  // Legacy bytes may happen to form a valid UTF-8 pair; they never spell Vietnamese words.
  const words = nonAsciiWords(text.slice(0, LINE_CHARS)).slice(0, LINE_WORDS);
  return words.length > 0 && words.every(isVietnameseSyllable) ? 'utf8' : 'ascii';
}

/** 8-bit text read as Windows-1252, with its TCVN3 or VNI words converted where they are. */
function legacyShare(text: string): number {
  const words = sample(text);
  const encoding = detectVietnameseEncodingOf(words);
  return syllableShare(words.map((w) => toUnicodeFrom(w, encoding)));
}

/** The first line of each kind, when the file has both: the mixed file's refusal. */
function mixedLines(body: Uint8Array, utf8Line: number): EncodingRefusal | undefined {
  let firstUtf8 = utf8Line;
  let firstOther = 0;
  let line = 1;
  for (let start = 0; start <= body.length; line++) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    const bytes = body.subarray(start, end);
    // Once a Vietnamese UTF-8 line is found, only a line that is not UTF-8 matters.
    const kind =
      firstUtf8 > 0 ? (utf8Text(bytes) === undefined ? 'other' : 'ascii') : lineOf(bytes);
    if (kind === 'utf8' && firstUtf8 === 0) firstUtf8 = line;
    if (kind === 'other' && firstOther === 0) firstOther = line;
    if (firstUtf8 > 0 && firstOther > 0) {
      return { kind: 'mixed', utf8Line: firstUtf8, otherLine: firstOther };
    }
    start = end + 1;
  }
  return undefined;
}

export function decodeCsvBytes(
  bytes: Uint8Array,
): { ok: true; value: DecodedCsv } | { ok: false; refusal: EncodingRefusal } {
  const [b0, b1, b2] = bytes;
  const ok = (text: string, charset: CsvCharset, confidence?: number) => ({
    ok: true as const,
    value: { text, charset, confidence: confidence ?? syllableShare(sample(text)) },
  });
  if (b0 === 0xff && b1 === 0xfe) {
    return ok(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return ok(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // Most files are UTF-8 throughout: one pass of the platform's decoder says so.
  const whole = utf8Text(body);
  if (whole !== undefined) return ok(whole, bom ? 'utf-8-bom' : 'utf-8');

  // A BOM says UTF-8 as a Vietnamese line would: bytes that are not UTF-8 then are the other half.
  const mixed = mixedLines(body, bom ? 1 : 0);
  if (mixed !== undefined) return { ok: false, refusal: mixed };
  const as1258 = decodeWindows1258(body);
  const as1252 = new TextDecoder('windows-1252').decode(body);
  const share1258 = syllableShare(sample(as1258));
  const share1252 = legacyShare(as1252);
  return share1258 > share1252
    ? ok(as1258, 'windows-1258', share1258)
    : ok(as1252, 'windows-1252', share1252);
}
