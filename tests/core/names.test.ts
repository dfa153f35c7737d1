import { describe, expect, it } from 'vitest';
import { cleanName, compareBallotOrder, sortBallotOrder, splitName } from '../../core/names.ts';

describe('rules.md — Vietnamese names', () => {
  it('normalises to NFC and folds white space', () => {
    const decomposed = 'Nguye\u0302\u0303n  Va\u0306n   Bi\u0300nh '; // NFD input, as some old files hold
    expect(cleanName(decomposed)).toBe('Nguyễn Văn Bình');
    expect(cleanName(decomposed)).toBe(cleanName(decomposed).normalize('NFC'));
  });

  it('splits family / middle / given name', () => {
    expect(splitName('Nguyễn Thị Minh Khai')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Minh',
      given: 'Khai',
    });
    expect(splitName('Lê Duẩn')).toEqual({ family: 'Lê', middle: '', given: 'Duẩn' });
    expect(splitName('Sùng')).toEqual({ family: '', middle: '', given: 'Sùng' });
  });

  it('ballot order: given name first', () => {
    expect(sortBallotOrder(['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn Cường'], (n) => n)).toEqual([
      'Nguyễn Thị An',
      'Trần Văn Bình',
      'Lê Văn Cường',
    ]);
  });

  it('ballot order: then family name, then middle names', () => {
    expect(sortBallotOrder(['Trần Văn An', 'Lê Văn An', 'Lê Thị An'], (n) => n)).toEqual([
      'Lê Thị An',
      'Lê Văn An',
      'Trần Văn An',
    ]);
  });

  it('ballot order: the Vietnamese alphabet (a ă â … d đ … o ô ơ … u ư)', () => {
    const given = ['Ân', 'Đức', 'Dũng', 'Ăn', 'An', 'Ơn', 'Ôn', 'On', 'Ưng', 'Uyên', 'Ê', 'Em'];
    const sorted = sortBallotOrder(
      given.map((g) => `Lê ${g}`),
      (n) => n,
    ).map((n) => n.slice(3));
    expect(sorted).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Dũng',
      'Đức',
      'Em',
      'Ê',
      'On',
      'Ôn',
      'Ơn',
      'Uyên',
      'Ưng',
    ]);
  });

  it('ballot order: digraphs sort as letter sequences (c < ch, n < ng < nh, t < th < tr)', () => {
    const given = ['Trung', 'Thu', 'Tâm', 'Nhàn', 'Nga', 'Nam', 'Chi', 'Cúc'];
    const sorted = sortBallotOrder(
      given.map((g) => `Lê ${g}`),
      (n) => n,
    ).map((n) => n.slice(3));
    expect(sorted).toEqual(['Chi', 'Cúc', 'Nam', 'Nga', 'Nhàn', 'Tâm', 'Thu', 'Trung']);
  });

  it('ballot order: tone marks are the last key (ngang, huyền, hỏi, ngã, sắc, nặng)', () => {
    const given = ['Ạnh', 'Ánh', 'Anh', 'Ảnh', 'Ãnh', 'Ành'];
    const sorted = sortBallotOrder(
      given.map((g) => `Lê ${g}`),
      (n) => n,
    ).map((n) => n.slice(3));
    expect(sorted).toEqual(['Anh', 'Ành', 'Ảnh', 'Ãnh', 'Ánh', 'Ạnh']);
    // Letters of every part decide before any tone: Ánh Lê before Anh Trần.
    expect(compareBallotOrder('Lê Ánh', 'Trần Anh')).toBeLessThan(0);
    expect(compareBallotOrder('Lê Anh', 'Lê Ánh')).toBeLessThan(0);
  });

  it('ballot order ignores case and NFC/NFD differences; equal names keep their order', () => {
    expect(compareBallotOrder('nguyễn văn bình', 'NGUYỄN VĂN BÌNH')).toBe(0);
    expect(compareBallotOrder('Nguyễn Văn Bình'.normalize('NFD'), 'Nguyễn Văn Bình')).toBe(0);
    const people = [
      { n: 'Lê An', k: 1 },
      { n: 'Lê An', k: 2 },
    ];
    expect(sortBallotOrder(people, (p) => p.n).map((p) => p.k)).toEqual([1, 2]);
  });

  it('letters outside the alphabet and punctuation sort after letters without breaking', () => {
    expect(sortBallotOrder(["Y K'Nhoa", 'Y Wơn', 'Y Vân', 'Y Zin'], (n) => n)).toEqual([
      "Y K'Nhoa",
      'Y Vân',
      'Y Wơn',
      'Y Zin',
    ]);
  });
});
