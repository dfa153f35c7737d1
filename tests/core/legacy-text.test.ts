import { describe, expect, it } from 'vitest';
import {
  detectVietnameseEncoding,
  detectVietnameseEncodingOf,
  hasUnicodeVietnamese,
  legacyNameToUnicode,
  legacyToUnicode,
  toUnicode,
  toUnicodeFrom,
} from '../../core/legacy-text.ts';

// Test-only encoders, written independently of the decoder's tables: per vowel, the legacy
// spelling of [no tone, huyền, hỏi, ngã, sắc, nặng].
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

const TCVN3_ROWS: Record<string, string> = {
  a: 'aµ¶·¸¹',
  ă: '¨»¼½¾Æ',
  â: '©ÇÈÉÊË',
  e: 'eÌÎÏÐÑ',
  ê: 'ªÒÓÔÕÖ',
  i: 'i×ØÜÝÞ',
  o: 'oßáâãä',
  ô: '«åæçèé',
  ơ: '¬êëìíî',
  u: 'uïñòóô',
  ư: '\u00ADõö÷øù',
  y: 'yúûüýþ',
};
const TCVN3_CAPITALS: Record<string, string> = {
  Ă: '¡',
  Â: '¢',
  Ê: '£',
  Ô: '¤',
  Ơ: '¥',
  Ư: '¦',
  Đ: '§',
  đ: '®',
};

const VNI_ROWS: Record<string, readonly string[]> = {
  a: ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ă: ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  â: ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  e: ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ê: ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  i: ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  o: ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ô: ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ơ: ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  u: ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ư: ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  y: ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
};

const letter = (vowel: string, tone: number): string => (vowel + TONES[tone]).normalize('NFC');

function inverse(kind: 'tcvn3' | 'vni'): Map<string, string> {
  const map = new Map<string, string>();
  for (const vowel of VOWELS) {
    for (let tone = 0; tone < TONES.length; tone++) {
      const small = letter(vowel, tone);
      const code =
        kind === 'tcvn3' ? [...(TCVN3_ROWS[vowel] ?? '')][tone] : VNI_ROWS[vowel]?.[tone];
      if (code === undefined) throw new Error(`no ${kind} code for ${small}`);
      map.set(small, code);
      // VNI has its own capital marks; TCVN3 (.VnTime) has no capital toned vowel, and typists
      // used the small-letter code (drawn as a capital by .VnTimeH).
      map.set(small.toUpperCase(), kind === 'vni' ? code.toUpperCase() : code);
    }
  }
  if (kind === 'tcvn3') {
    for (const [capital, code] of Object.entries(TCVN3_CAPITALS)) map.set(capital, code);
    for (const plain of 'AEIOUY') map.set(plain, plain);
  } else {
    map.set('đ', 'ñ').set('Đ', 'Ñ');
  }
  return map;
}
const TO_TCVN3 = inverse('tcvn3');
const TO_VNI = inverse('vni');

const encode = (text: string, table: Map<string, string>): string =>
  [...text.normalize('NFC')].map((ch) => table.get(ch) ?? ch).join('');
const tcvn3 = (text: string): string => encode(text, TO_TCVN3);
const vni = (text: string): string => encode(text, TO_VNI);

/** Every Vietnamese letter with a diacritic or tone, small and capital: 12 × 6 × 2 + đ Đ. */
const ALPHABET = [
  ...VOWELS.flatMap((v) => TONES.map((_, t) => letter(v, t))),
  ...VOWELS.flatMap((v) => TONES.map((_, t) => letter(v, t).toUpperCase())),
  'đ',
  'Đ',
];

const NAMES = [
  'Nguyễn Văn Bình',
  'Trần Thị Ánh',
  'Lê Quang Đạo',
  'Phạm Thị Hương',
  'Đặng Ngọc Yến',
  'Hoàng Xuân Ưng',
];

describe('legacy text — the tables', () => {
  it('holds the whole alphabet', () => {
    expect(ALPHABET).toHaveLength(146);
    expect(new Set(ALPHABET).size).toBe(146);
  });

  it('VNI: every letter, small and capital, round-trips', () => {
    for (const ch of ALPHABET) {
      expect(legacyToUnicode(vni(ch), 'vni'), `${ch} as "${vni(ch)}"`).toBe(ch);
    }
    const text = ALPHABET.join(' ');
    expect(legacyToUnicode(vni(text), 'vni')).toBe(text);
  });

  it('VNI: a capital mark after a small base and the reverse still decode', () => {
    expect(legacyToUnicode('NGUYEãN', 'vni')).toBe('NGUYỄN');
    expect(legacyToUnicode('Nguyeãn', 'vni')).toBe('Nguyễn');
    expect(legacyToUnicode('NguyeÃn', 'vni')).toBe('Nguyễn');
  });

  it('TCVN3: every small letter and the capitals .VnTime has round-trip', () => {
    const small = ALPHABET.filter((ch) => ch === ch.toLowerCase());
    for (const ch of [...small, 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) {
      expect(legacyToUnicode(tcvn3(ch), 'tcvn3'), `${ch} as "${tcvn3(ch)}"`).toBe(ch);
    }
    const text = small.join(' ');
    expect(legacyToUnicode(tcvn3(text), 'tcvn3')).toBe(text);
  });

  it('TCVN3: capital toned letters come back inside a word typed in capitals (.VnTimeH)', () => {
    const capitals = ALPHABET.filter((ch) => ch !== ch.toLowerCase());
    for (const ch of capitals) {
      const word = `NG${ch}N`;
      expect(legacyToUnicode(tcvn3(word), 'tcvn3'), `${word} as "${tcvn3(word)}"`).toBe(word);
    }
  });

  it('TCVN3: one capital and a toned letter is read as title case, not capitals', () => {
    expect(legacyToUnicode('Lª', 'tcvn3')).toBe('Lê');
    expect(legacyToUnicode('N÷', 'tcvn3')).toBe('Nữ');
    expect(legacyToUnicode('LÔ V¡N', 'tcvn3')).toBe('LỄ VĂN');
  });

  it('the soft hyphen that TCVN3 uses for ư is decoded, not dropped', () => {
    expect(legacyToUnicode('H\u00ADêng', 'tcvn3')).toBe('Hường');
  });

  it('returns NFC', () => {
    for (const text of [vni(ALPHABET.join('')), tcvn3(ALPHABET.join(''))]) {
      const out = legacyToUnicode(text, text.includes('ñ') ? 'vni' : 'tcvn3');
      expect(out).toBe(out.normalize('NFC'));
    }
  });
});

describe('legacy text — real names', () => {
  it('VNI: decodes and is detected', () => {
    for (const name of NAMES) {
      const legacy = vni(name);
      expect(legacy).not.toBe(name);
      expect(detectVietnameseEncoding(legacy), legacy).toBe('vni');
      expect(toUnicode(legacy)).toBe(name);
      expect(toUnicode(vni(name.toUpperCase()))).toBe(name.toUpperCase());
    }
    expect(vni('Nguyễn Văn Bình')).toBe('Nguyeãn Vaên Bình');
  });

  it('TCVN3: decodes and is detected', () => {
    expect(tcvn3('Nguyễn Văn Bình')).toBe('NguyÔn V¨n B×nh');
    for (const name of NAMES) {
      const legacy = tcvn3(name);
      expect(detectVietnameseEncoding(legacy), legacy).toBe('tcvn3');
      expect(legacyNameToUnicode(legacy, 'tcvn3')).toBe(name);
      expect(toUnicode(tcvn3(name.toUpperCase()))).toBe(name.toUpperCase());
    }
  });

  it('TCVN3: .VnTime cannot write Á, so the name word gets its capital back', () => {
    expect(tcvn3('Trần Thị Ánh')).toBe('TrÇn ThÞ ¸nh');
    expect(legacyToUnicode('TrÇn ThÞ ¸nh', 'tcvn3')).toBe('Trần Thị ánh');
    expect(legacyNameToUnicode('TrÇn ThÞ ¸nh', 'tcvn3')).toBe('Trần Thị Ánh');
    expect(legacyNameToUnicode('Leâ Thò aùnh', 'vni')).toBe('Lê Thị ánh'); // VNI has capitals
  });

  it('common name words: alone never the wrong encoding; as a column, the right one', () => {
    const words = [
      'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý',
      'Văn Thị Đức Hữu Quốc Thanh Xuân Ngọc',
      'Bình Cường Dũng Hà Hải Hạnh Hiếu Hùng Hương Khánh Ngọc Phúc Phương Quân Sơn Tâm Thảo',
      'Thắng Thủy Tuấn Vân Việt Yến Đạo Ánh Ưng Hường Nghiêm Khuyến Huệ Tường Nhung',
    ]
      .join(' ')
      .split(' ');
    for (const word of words) {
      expect(detectVietnameseEncoding(word), word).toBe('unicode');
      // A lone "Vò" (TCVN3 Vũ) or "Sôn" (VNI Sơn) is also good Unicode: such a word may stay
      // 'unicode' alone, but is never given the other legacy encoding.
      for (const [kind, legacy] of [
        ['vni', vni(word)],
        ['tcvn3', tcvn3(word)],
      ] as const) {
        const found = detectVietnameseEncoding(legacy);
        expect(found === kind || found === 'unicode', `${word} as ${legacy}: ${found}`).toBe(true);
      }
    }
    expect(detectVietnameseEncodingOf(words)).toBe('unicode');
    expect(detectVietnameseEncodingOf(words.map(vni))).toBe('vni');
    expect(detectVietnameseEncodingOf(words.map(tcvn3))).toBe('tcvn3');
    expect(words.map(vni).map((w) => toUnicodeFrom(w, 'vni'))).toEqual(words);
  });
});

describe('legacy text — detection', () => {
  it('plain ASCII and Unicode Vietnamese stay unicode', () => {
    for (const text of [
      '',
      'Nguyen Van Binh',
      '12/2020',
      ...NAMES,
      'Lê Mai',
      'Tô Lâm',
      'Bé Tý',
      'DANH SÁCH ĐẠI BIỂU CHÍNH THỨC',
      'Nguye\u0302\u0303n Va\u0306n Bi\u0300nh', // NFD
    ]) {
      expect(detectVietnameseEncoding(text), text).toBe('unicode');
      expect(toUnicode(text)).toBe(text.normalize('NFC'));
    }
  });

  it('English, French, German and Spanish words are not taken for legacy text', () => {
    for (const text of [
      'café',
      'résumé',
      'naïve',
      'Zürich',
      'Müller',
      'où',
      'goût',
      'aéroport',
      'Raphaël',
      'señor',
      'Noël où août',
      "L'élève a répondu où était la fenêtre",
      'Crème brûlée à la française',
      'Düsseldorf Köln München',
      'Raúl Muñoz',
      'Hôtel Métropole',
    ]) {
      expect(detectVietnameseEncoding(text), text).toBe('unicode');
      expect(toUnicode(text)).toBe(text);
    }
  });

  it('TCVN3 and VNI samples are told apart', () => {
    expect(detectVietnameseEncoding('NguyÔn V¨n B×nh')).toBe('tcvn3');
    expect(detectVietnameseEncoding('Nguyeãn Vaên Bình')).toBe('vni');
    expect(detectVietnameseEncoding('NGUYEÃN VAÊN BÌNH')).toBe('vni');
    expect(detectVietnameseEncoding('Hä vµ tªn')).toBe('tcvn3');
    expect(detectVietnameseEncoding('Hoï vaø teân')).toBe('vni');
    expect(detectVietnameseEncoding('§¶ng bé x· T©n LËp')).toBe('tcvn3');
  });

  it('a column is decided once: weak cells follow the strong ones', () => {
    const column = ['BÐ', 'Nam', 'N÷', 'B×nh'];
    expect(detectVietnameseEncoding('BÐ')).toBe('unicode'); // one word, no telling sign
    expect(detectVietnameseEncodingOf(column)).toBe('tcvn3');
    expect(column.map((c) => toUnicodeFrom(c, 'tcvn3'))).toEqual(['Bé', 'Nam', 'Nữ', 'Bình']);
    expect(detectVietnameseEncodingOf(['Nam', 'Nu', ''])).toBe('unicode');
    expect(detectVietnameseEncodingOf([])).toBe('unicode');
  });

  it('a column of Unicode names outweighs a stray legacy-looking cell', () => {
    expect(detectVietnameseEncodingOf([...NAMES, 'V¨n'])).toBe('unicode');
  });

  it('a cell retyped in Unicode inside a legacy column is left alone', () => {
    expect(hasUnicodeVietnamese('Nguyễn Thị Bé')).toBe(true);
    expect(hasUnicodeVietnamese('Tô Lâm')).toBe(false);
    expect(toUnicodeFrom('Nguyễn Thị Bé', 'tcvn3')).toBe('Nguyễn Thị Bé');
    expect(toUnicodeFrom('Lª ThÞ BÐ', 'tcvn3')).toBe('Lê Thị Bé');
  });
});
