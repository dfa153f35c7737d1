/**
 * Whether a word is a well-formed Vietnamese syllable: an initial consonant, a vowel group of the
 * language, a final consonant, and at most one tone mark, on a vowel. The evidence an encoding is
 * judged by: read in the right code page, nearly every word of a list of names is one; read in
 * the wrong one, almost none ("NguyÔn", "Nguyeăn", "V¨n").
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;
const VOWELS = new Set('aeiouy');

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'iêu',
  'oa',
  'oă',
  'oai',
  'oay',
  'oe',
  'oeo',
  'oi',
  'oo',
  'ôi',
  'ơi',
  'ua',
  'uâ',
  'uây',
  'uê',
  'ui',
  'uô',
  'uôi',
  'uơ',
  'uy',
  'uya',
  'uyê',
  'uyu',
  'ưa',
  'ưi',
  'ưu',
  'ươ',
  'ươi',
  'ươu',
  'yê',
  'yêu',
]
  .sort((a, b) => b.length - a.length)
  .join('|');
const CODA = '(?:ng|nh|ch|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEUS})${CODA}$`, 'u');

const TONES_ALL = new RegExp(TONES.source, 'gu');
const MARK = /\p{M}/u;
/** Names repeat the same few thousand syllables: each is judged once. */
const judged = new Map<string, boolean>();
const JUDGED_MAX = 50_000;

export function isVietnameseSyllable(word: string): boolean {
  // The longest syllable, "nghiêng", is 7 letters; with every mark decomposed, under 16.
  if (word.length > 16) return false;
  const known = judged.get(word);
  if (known !== undefined) return known;
  const verdict = judge(word);
  if (judged.size < JUDGED_MAX) judged.set(word, verdict);
  return verdict;
}

function judge(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  let tones = 0;
  let lastBase = '';
  for (const ch of decomposed) {
    if (TONES.test(ch)) {
      tones++;
      if (tones > 1 || !VOWELS.has(lastBase)) return false;
    } else if (!MARK.test(ch)) {
      lastBase = ch;
    }
  }
  const toneless = decomposed.replace(TONES_ALL, '').normalize('NFC');
  return SYLLABLE.test(toneless);
}

/** The words of a text that carry a letter outside ASCII: the ones an encoding can get wrong. */
export function nonAsciiWords(text: string): string[] {
  return text
    .split(/[\s,;:.!?"'()[\]{}<>/\\|+=*&^%$#@~`0-9_-]+/u)
    .filter((w) => /[^\x00-\x7f]/u.test(w));
}

/** Per cent (0–100, rounded down) of the words that are Vietnamese syllables; 100 with none. */
export function syllableShare(words: readonly string[]): number {
  if (words.length === 0) return 100;
  let good = 0;
  for (const w of words) if (isVietnameseSyllable(w)) good++;
  return Math.floor((good * 100) / words.length);
}
