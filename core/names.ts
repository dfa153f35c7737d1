/**
 * Vietnamese names: NFC, the split into family / middle / given name, and the ballot order of
 * rules.md — given name first, then family name, then middle names, by the Vietnamese alphabet,
 * with tone marks as the last key.
 */

export interface NameParts {
  readonly family: string;
  readonly middle: string;
  readonly given: string;
}

export const nfc = (text: string): string => text.normalize('NFC');

/**
 * Accent-, case- and punctuation-free, for matching: "Họ và tên (1)" → "ho va ten 1"; a file
 * name to a person's name, a header cell to a column.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

/**
 * Characters that must never reach a terminal, a document or a screen raw: the C0 controls but
 * tab, line feed and carriage return (ESC starts a terminal escape sequence such as `ESC[2J`),
 * DEL, the C1 controls (U+009B is CSI by itself), and the bidirectional marks, embeddings,
 * overrides and isolates that reorder what is shown. Lone surrogates are not text at all.
 */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');
/** Tabs and line breaks: refused inside one-line texts; a note keeps tabs and line feeds. */
const CONTROL_SPACE = /[\t\n\r]/u;
/** A carriage return alone takes the terminal back to the start of the line: never kept. */
const CARRIAGE_RETURN = /\r/u;

/** The first character a record's text may not hold, as `U+001B`, or null when it is clean. */
export function unsafeCharacter(text: string, { lines = false } = {}): string | null {
  const found = UNSAFE.exec(text) ?? (lines ? CARRIAGE_RETURN : CONTROL_SPACE).exec(text);
  if (found === null) return null;
  const code = found[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text typed or imported into the app: NFC, with the unsafe characters dropped (they are never
 * meant: a pasted name carries an invisible mark, or someone attacks a terminal).
 */
export function cleanText(text: string): string {
  return nfc(text).replace(/\r\n?/gu, '\n').replace(UNSAFE_ALL, '');
}

/** In a quoted value, line breaks and tabs are shown as escapes too: a quote stays one line. */
const QUOTED_UNSAFE = new RegExp(`${UNSAFE.source}|[\\t\\n\\r]`, 'gu');

/**
 * A value quoted back in a message: unsafe characters shown as `\u{1B}`, and cut short, so a
 * refusal never carries an escape sequence, or a megabyte, to the reader's terminal.
 */
export function visible(text: string, max = 80): string {
  const shown = text.replace(
    QUOTED_UNSAFE,
    (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`,
  );
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** Collapses white space, drops unsafe characters and normalises to NFC; every name entering the system passes here. */
export function cleanName(name: string): string {
  return cleanText(name).trim().replace(/\s+/gu, ' ');
}

/** "Nguyễn Thị Minh Khai" → family "Nguyễn", middle "Thị Minh", given "Khai". */
export function splitName(name: string): NameParts {
  const words = cleanName(name)
    .split(' ')
    .filter((w) => w.length > 0);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}

// The Vietnamese alphabet, with the Latin letters it lacks (f j w z, found in some ethnic
// minority and foreign names) placed where Latin order puts them.
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_RANK = new Map([...ALPHABET].map((letter, i) => [letter, i + 1]));

// Combining marks after NFD. Letter-forming marks change the letter (a → ă, â); tone marks are
// compared only after every letter.
const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031B';
const TONE_RANK = new Map([
  ['\u0300', 1], // huyền
  ['\u0309', 2], // hỏi
  ['\u0303', 3], // ngã
  ['\u0301', 4], // sắc
  ['\u0323', 5], // nặng
]);

// Characters outside the alphabet (hyphens, apostrophes in names such as K'Nhoa, digits) sort
// after every letter, by code point.
const OTHER_OFFSET = ALPHABET.length + 1;

interface WordKey {
  letters: number[];
  tones: number[];
}

function wordKey(text: string): WordKey {
  const letters: number[] = [];
  const tones: number[] = [];
  for (const ch of text.toLowerCase().normalize('NFD')) {
    const tone = TONE_RANK.get(ch);
    if (tone !== undefined) {
      tones[tones.length - 1] = tone;
      continue;
    }
    if (ch === BREVE || ch === CIRCUMFLEX || ch === HORN) {
      const previous = letters.length - 1;
      const base = ALPHABET[(letters[previous] ?? 0) - 1] ?? '';
      const formed = (base + ch).normalize('NFC');
      const rank = LETTER_RANK.get(formed);
      if (rank !== undefined) letters[previous] = rank;
      continue;
    }
    letters.push(LETTER_RANK.get(ch) ?? OTHER_OFFSET + (ch.codePointAt(0) ?? 0));
    tones.push(0);
  }
  return { letters, tones };
}

/** A sort key: the letters of given, family and middle names, then their tone marks. */
export interface BallotOrderKey {
  readonly letters: readonly (readonly number[])[];
  readonly tones: readonly (readonly number[])[];
}

export function ballotOrderKey(name: string): BallotOrderKey {
  const { family, middle, given } = splitName(name);
  const parts = [given, family, middle].map(wordKey);
  return { letters: parts.map((p) => p.letters), tones: parts.map((p) => p.tones) };
}

function compareSequences(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function compareParts(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number {
  for (let i = 0; i < a.length; i++) {
    const d = compareSequences(a[i] ?? [], b[i] ?? []);
    if (d !== 0) return d;
  }
  return 0;
}

export function compareBallotOrderKeys(a: BallotOrderKey, b: BallotOrderKey): number {
  return compareParts(a.letters, b.letters) || compareParts(a.tones, b.tones);
}

/** The ballot-order comparator of rules.md; equal names keep their order (sort is stable). */
export function compareBallotOrder(a: string, b: string): number {
  return compareBallotOrderKeys(ballotOrderKey(a), ballotOrderKey(b));
}

/** Items sorted into ballot order by their name; keys are computed once per item. */
export function sortBallotOrder<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: ballotOrderKey(nameOf(item)) }));
  keyed.sort((x, y) => compareBallotOrderKeys(x.key, y.key));
  return keyed.map((k) => k.item);
}
