/**
 * Vietnamese text in the legacy 8-bit encodings that old party-office files still hold, and its
 * conversion to Unicode (NFC).
 *
 * - TCVN3 (TCVN 5712:1993 VN3, "ABC"; fonts .VnTime, .VnArial…): one byte per letter. Files read
 *   as Windows-1252 or Latin-1 (and .xlsx cells typed in those fonts) show them as Latin-1
 *   characters: "NguyÔn V¨n B×nh". The table below is the VN3 half (0xA1–0xFE) of TCVN 5712, as
 *   published in the X11 `lcUniConv/tcvn.h` table and Mozilla's `x-viet-tcvn5712` converter.
 *   Limitation: VN3 has the capitals Ă Â Ê Ô Ơ Ư Đ but no capital toned vowel (Á, Ầ, Ự…); typists
 *   used the .VnTimeH font, which draws the small-letter codes as capitals, or left them small.
 *   So text typed in capitals (two ASCII capitals and no ASCII small letter, in the word or the
 *   whole text) is raised ("NGUYÔN" → "NGUYỄN"), and `legacyNameToUnicode` raises the initial of
 *   a name word ("¸nh" → "Ánh"). Otherwise a toned capital typed as a small code stays small:
 *   "Lª" gives "Lê", never "LÊ". The VN1 capitals at 0x80–0x9F and the few other VN1-only codes
 *   are not mapped: VN3 fonts do not use them. Text saved through a Vietnamese code page
 *   (Windows-1258) rather than read as Windows-1252/Latin-1 is not handled.
 * - VNI (VNI-Windows; fonts VNI-Times…): a base letter followed by a separate mark byte
 *   ("Nguyeãn Vaên Bình"), with separate upper-case marks ("NGUYEÃN"). Marks and standalone
 *   letters as in the VNI tables of xvnkb (`vni.h`) and the `vietnamese-conversion` package.
 *
 * Pure: no I/O; every function is total.
 */

export type VietnameseEncoding = 'unicode' | 'tcvn3' | 'vni';
export type LegacyEncoding = Exclude<VietnameseEncoding, 'unicode'>;

// Combining marks: the five tones, and the two letter-forming marks VNI writes as bytes.
const GRAVE = '\u0300'; // huyền
const ACUTE = '\u0301'; // sắc
const TILDE = '\u0303'; // ngã
const HOOK = '\u0309'; // hỏi
const DOT = '\u0323'; // nặng
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const TONES = [GRAVE, ACUTE, TILDE, HOOK, DOT] as const;

// ---------------------------------------------------------------------------------------------
// TCVN3: code (as the Latin-1 character it shows as) → letter.

// prettier-ignore
const TCVN3_CODES: readonly (readonly [number, string])[] = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];
const TCVN3 = new Map(TCVN3_CODES.map(([code, letter]) => [String.fromCharCode(code), letter]));

// Codes that are symbols (not letters) in every Western orthography: inside a word they betray
// TCVN3 at once, where é or ü could be French or German.
const TCVN3_SYMBOLS = new Set('¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾×÷');

// ---------------------------------------------------------------------------------------------
// VNI: the mark byte of each tone, small and capital, in the order of TONES.

type ToneMarks = readonly [string, string, string, string, string];
const VNI_TONE: { readonly lower: ToneMarks; readonly upper: ToneMarks } = {
  lower: ['ø', 'ù', 'õ', 'û', 'ï'],
  upper: ['Ø', 'Ù', 'Õ', 'Û', 'Ï'],
};
// Circumflex and breve carry their tone in one byte: [bare, grave, acute, tilde, hook, dot].
const VNI_CIRCUMFLEX = { lower: 'âàáãåä', upper: 'ÂÀÁÃÅÄ' } as const;
const VNI_BREVE = { lower: 'êèéüúë', upper: 'ÊÈÉÜÚË' } as const;

// Letters VNI writes as one byte.
// prettier-ignore
const VNI_SINGLE: ReadonlyMap<string, string> = new Map([
  ['ñ', 'đ'], ['Ñ', 'Đ'], ['ô', 'ơ'], ['Ô', 'Ơ'], ['ö', 'ư'], ['Ö', 'Ư'],
  ['ì', 'ì'], ['Ì', 'Ì'], ['í', 'í'], ['Í', 'Í'], ['æ', 'ỉ'], ['Æ', 'Ỉ'],
  ['ó', 'ĩ'], ['Ó', 'Ĩ'], ['ò', 'ị'], ['Ò', 'Ị'], ['î', 'ỵ'], ['Î', 'Ỵ'],
]);

/** Base letter + mark byte → letter; marks of either case are accepted after either case. */
function buildVniPairs(): ReadonlyMap<string, string> {
  const pairs = new Map<string, string>();
  const add = (bases: string, unicodeBase: string, marks: string, combining: readonly string[]) => {
    for (const base of bases) {
      const upper = base === base.toUpperCase();
      [...marks].forEach((mark, i) => {
        const letter = (unicodeBase + (combining[i] ?? '')).normalize('NFC');
        pairs.set(base + mark, upper ? letter.toUpperCase() : letter);
      });
    }
  };
  const withTone = (mark: string) => ['', ...TONES].map((tone) => mark + tone);
  const tones = [...VNI_TONE.lower, ...VNI_TONE.upper].join('');
  const toneMarks = [...TONES, ...TONES];
  // Plain vowels and the one-byte ơ, ư take the five tone bytes.
  for (const [bases, unicodeBase] of [
    ['aA', 'a'],
    ['eE', 'e'],
    ['oO', 'o'],
    ['uU', 'u'],
    ['yY', 'y'],
    ['ôÔ', 'ơ'],
    ['öÖ', 'ư'],
  ] as const) {
    add(bases, unicodeBase, tones, toneMarks);
  }
  for (const [bases, unicodeBase] of [
    ['aA', 'a'],
    ['eE', 'e'],
    ['oO', 'o'],
  ] as const) {
    add(bases, unicodeBase, VNI_CIRCUMFLEX.lower + VNI_CIRCUMFLEX.upper, [
      ...withTone(CIRCUMFLEX),
      ...withTone(CIRCUMFLEX),
    ]);
  }
  add('aA', 'a', VNI_BREVE.lower + VNI_BREVE.upper, [...withTone(BREVE), ...withTone(BREVE)]);
  return pairs;
}
const VNI_PAIRS = buildVniPairs();

// Pairs that also occur in French, Spanish or English words (où, goût, naïve, aéroport, Raphaël,
// aún…): alone they are no evidence of VNI.
const VNI_WEAK_PAIRS = new Set(['aï', 'uï', 'oï', 'où', 'oû', 'aé', 'aë', 'aú']);

// ---------------------------------------------------------------------------------------------
// Word-level decoding. Neither encoding uses an ASCII byte for a letter, so words are split at
// ASCII non-letters and white space, and decoding a word never crosses into the next.

const WORD = /[^\s\u0000-\u0040\u005B-\u0060\u007B-\u007F]+/gu;

// .VnTimeH draws the small-letter codes as capitals, so a toned letter typed in capitals comes
// out small: "NGUYÔN" is "NGUYỄN". Two capitals and no small letter are needed, because "Lª" is
// "Lê" as often as "LÊ".
const typedInCapitals = (text: string): boolean =>
  (text.match(/[A-Z]/gu) ?? []).length >= 2 && !/[a-z]/u.test(text);

interface Decoded {
  readonly text: string;
  /** The word holds a sequence that no Western word holds. */
  readonly strong: boolean;
}

const isSmall = (ch: string): boolean => ch !== ch.toUpperCase();
const isCapital = (ch: string): boolean => ch !== ch.toLowerCase();

function decodeTcvn3Word(word: string): Decoded {
  const chars = [...word];
  let text = '';
  let strong = false;
  chars.forEach((ch, i) => {
    const letter = TCVN3.get(ch);
    if (letter !== undefined) {
      if (TCVN3_SYMBOLS.has(ch)) strong = true;
      // "NguyÔn", "YÕn": a Latin-1 capital inside a word, after a small letter or before one,
      // is no Western spelling.
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      if (isCapital(ch) && i > 0 && (isSmall(before) || isSmall(after))) strong = true;
    }
    text += letter ?? ch;
  });
  if (typedInCapitals(word)) text = text.toUpperCase();
  return { text: text.normalize('NFC'), strong };
}

// ươ written "öô", or đ opening a word ("Ñaïo"): no Western word has either.
const VNI_STRONG = /öô|^ñ/iu;

function decodeVniWord(word: string): Decoded {
  const chars = [...word];
  let text = '';
  let strong = VNI_STRONG.test(word);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const pair = ch + (chars[i + 1] ?? '');
    const letter = VNI_PAIRS.get(pair);
    if (letter !== undefined) {
      if (!VNI_WEAK_PAIRS.has(pair.toLowerCase())) strong = true;
      text += letter;
      i++;
      continue;
    }
    text += VNI_SINGLE.get(ch) ?? ch;
  }
  return { text: text.normalize('NFC'), strong };
}

const decodeWord = (word: string, encoding: LegacyEncoding): Decoded =>
  encoding === 'tcvn3' ? decodeTcvn3Word(word) : decodeVniWord(word);

/** Legacy text (as its bytes read in Windows-1252/Latin-1) → Unicode, NFC. */
export function legacyToUnicode(text: string, encoding: LegacyEncoding): string {
  // NFC first: the codes are precomposed Latin-1 letters, whatever form the file stored them in.
  const decoded = text.normalize('NFC').replace(WORD, (word) => decodeWord(word, encoding).text);
  const cased = encoding === 'tcvn3' && typedInCapitals(text) ? decoded.toUpperCase() : decoded;
  return cased.normalize('NFC');
}

/**
 * A name in a legacy encoding → Unicode, NFC. Vietnamese names capitalise every word, and .VnTime
 * has no capital toned vowel, so in TCVN3 a word that starts with a small non-ASCII letter gets a
 * capital ("Trần Thị ánh" → "Trần Thị Ánh"). ASCII initials are left as typed.
 */
export function legacyNameToUnicode(name: string, encoding: LegacyEncoding): string {
  const text = legacyToUnicode(name, encoding);
  if (encoding !== 'tcvn3') return text;
  return text.replace(/(^|\s)(\S)/gu, (whole, space: string, first: string) =>
    first.charCodeAt(0) > 0x7f && first !== first.toUpperCase()
      ? space + first.toUpperCase()
      : whole,
  );
}

// ---------------------------------------------------------------------------------------------
// Detection: is a word more plausible as a Vietnamese syllable once decoded than as it stands?

const BASE_VOWELS = 'aăâeêioôơuưy';
const VIETNAMESE_LETTERS = new Set([
  ...'abcdđefghijklmnopqrstuvwxyz',
  ...[...BASE_VOWELS].flatMap((v) => ['', ...TONES].map((t) => (v + t).normalize('NFC'))),
]);

// Letters only Unicode text can hold: no Latin-1 character looks like them, so a text holding one
// is not legacy text read as Latin-1.
const UNICODE_ONLY = /[ăĂđĐĩĨũŨơƠưƯ\u1EA0-\u1EF9]/u;

// A syllable: initial consonant(s), then a vowel nucleus that either ends in a glide (ai, ao,
// ươi…) and stands alone, or takes an optional final consonant.
const SYLLABLE = new RegExp(
  '^(ngh|ng|nh|ch|gh|gi|kh|ph|qu(?![ouư])|th|tr|[bcdđfghjklmnpqrstvwxz])?' +
    '(iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|' +
    'ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|' +
    '(uyê|iê|yê|oa|oă|oe|oo|uâ|uê|uô|uơ|uy|ươ|[aăâeêioôơuưy])(ch|ng|nh|[cmnpt])?)$',
  'u',
);
const TONE_MARK = new RegExp(`[${TONES.join('')}]`, 'gu');

function isVietnameseSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  const titled =
    word.slice(0, 1) === word.slice(0, 1).toUpperCase() && word.slice(1) === lower.slice(1);
  if (word !== lower && word !== word.toUpperCase() && !titled) return false;
  if (![...lower].every((ch) => VIETNAMESE_LETTERS.has(ch))) return false;
  const decomposed = lower.normalize('NFD');
  if ((decomposed.match(TONE_MARK) ?? []).length > 1) return false;
  const toneless = decomposed.replace(TONE_MARK, '').normalize('NFC');
  return SYLLABLE.test(toneless);
}

/** +1 a Vietnamese syllable with a diacritic, −1 a non-ASCII word that is none, 0 plain ASCII. */
function plausibility(word: string): number {
  if (/^[A-Za-z]*$/u.test(word)) return 0;
  return isVietnameseSyllable(word) ? 1 : -1;
}

interface Evidence {
  /** Words that read better decoded. */
  wins: number;
  /** Words that read worse decoded, or hold letters only Unicode has. */
  losses: number;
  /** Winning words with a sequence no Western word has. */
  strong: number;
}

const LEGACY: readonly LegacyEncoding[] = ['tcvn3', 'vni'];

function gather(texts: readonly string[]): Record<LegacyEncoding, Evidence> {
  const evidence = {
    tcvn3: { wins: 0, losses: 0, strong: 0 },
    vni: { wins: 0, losses: 0, strong: 0 },
  };
  for (const text of texts) {
    for (const word of text.normalize('NFC').match(WORD) ?? []) {
      if (UNICODE_ONLY.test(word)) {
        evidence.tcvn3.losses++;
        evidence.vni.losses++;
        continue;
      }
      const before = plausibility(word);
      for (const encoding of LEGACY) {
        const decoded = decodeWord(word, encoding);
        if (decoded.text === word) continue;
        const after = plausibility(decoded.text);
        const e = evidence[encoding];
        if (after > before) {
          e.wins++;
          if (decoded.strong) e.strong++;
        } else if (after < before) {
          e.losses++;
        }
      }
    }
  }
  return evidence;
}

// Legacy only on evidence: more words won than lost and one of them with a sequence no Western
// word has, or three more won than lost. "où", "goût" or "Noël où août" stay Unicode; "V¨n" or
// "Vaên" does not. On a tie TCVN3 wins: it was the national standard of government offices.
function decide(evidence: Record<LegacyEncoding, Evidence>): VietnameseEncoding {
  let best: VietnameseEncoding = 'unicode';
  let bestNet = 0;
  let bestStrong = 0;
  for (const encoding of LEGACY) {
    const { wins, losses, strong } = evidence[encoding];
    const net = wins - losses;
    if (!(net >= 3 || (net >= 1 && strong >= 1))) continue;
    if (net > bestNet || (net === bestNet && strong > bestStrong)) {
      best = encoding;
      bestNet = net;
      bestStrong = strong;
    }
  }
  return best;
}

/** The encoding one text is most plausibly in; plain ASCII and proper Unicode stay 'unicode'. */
export function detectVietnameseEncoding(text: string): VietnameseEncoding {
  return detectVietnameseEncodingOf([text]);
}

/**
 * One decision for many texts (a column or a sheet): short cells such as "Nam" or "V¨n" are
 * weak evidence alone, and one file column is written in one encoding.
 */
export function detectVietnameseEncodingOf(texts: readonly string[]): VietnameseEncoding {
  return decide(gather(texts));
}

/** True when the text holds a letter that only Unicode can hold (ă, đ, ơ, ư, ạ…ỹ). */
export const hasUnicodeVietnamese = (text: string): boolean =>
  UNICODE_ONLY.test(text.normalize('NFC'));

/**
 * The text as Unicode (NFC), given the encoding decided for it, e.g. once for its column. A text
 * that already holds Unicode-only letters is left alone: a cell retyped in Unicode inside an old
 * TCVN3 column must not be decoded twice.
 */
export function toUnicodeFrom(text: string, encoding: VietnameseEncoding): string {
  if (encoding === 'unicode' || hasUnicodeVietnamese(text)) return text.normalize('NFC');
  return legacyToUnicode(text, encoding);
}

/** Detects the encoding of one text and converts it to Unicode (NFC). */
export const toUnicode = (text: string): string =>
  toUnicodeFrom(text, detectVietnameseEncoding(text));
