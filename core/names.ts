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

/** Collapses white space and normalises to NFC; every name entering the system passes here. */
export function cleanName(name: string): string {
  return nfc(name).trim().replace(/\s+/gu, ' ');
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
