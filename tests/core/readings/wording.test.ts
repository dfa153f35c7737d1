/**
 * A difference between readings in words (core/readings/wording.ts), in Vietnamese and English from
 * the one catalogue: candidates by their number on the ballot, the approve layout grouped by mark,
 * a paper ruling by its label, a gap as a missing ballot.
 */
import { describe, expect, it } from 'vitest';
import { marksOf, type Ballot } from '../../../core/ballot.ts';
import { compareReadings, type Column } from '../../../core/readings/compare.ts';
import { ballotText, differenceText } from '../../../core/readings/wording.ts';

const ORDER = Array.from({ length: 25 }, (_, i) => `c${i + 1}`);

function differences(...readings: Ballot[][]): readonly Column[] {
  const c = compareReadings(readings);
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  return c.value.differences;
}

const both = (stack: string, column: Column | undefined, order = ORDER) => {
  if (column === undefined) throw new Error('no difference');
  return {
    vi: differenceText({ stack, column, candidateOrder: order, lang: 'vi' }),
    en: differenceText({ stack, column, candidateOrder: order, lang: 'en' }),
  };
};

describe('a difference in words', () => {
  it('strike layout: the struck numbers in ballot order, as the issue writes it', () => {
    const first = [{ struck: ['c1'] }, { struck: ['c12', 'c4'] }];
    const second = [{ struck: ['c1'] }, { struck: ['c21', 'c4'] }];
    expect(both('3', differences(first, second)[0])).toEqual({
      vi: 'tập 3, phiếu thứ 2: lần 1 gạch 4, 12; lần 2 gạch 4, 21',
      en: 'stack 3, ballot 2: reading 1 strikes 4, 12; reading 2 strikes 4, 21',
    });
  });

  it('a missing ballot, and a ballot striking no one', () => {
    const d = differences([{ struck: ['c2'] }, { struck: [] }], [{ struck: ['c2'] }]);
    expect(both('Tập 7', d[0])).toEqual({
      vi: 'tập 7, phiếu thứ 2: lần 1 không gạch tên nào; lần 2 thiếu phiếu',
      en: 'stack 7, ballot 2: reading 1 strikes none; reading 2 missing',
    });
  });

  it('approve layout: each mark with its candidates, blank rows too', () => {
    const order = ['a', 'b', 'c'];
    const d = differences(
      [
        {
          marks: marksOf([
            ['a', 'agree'],
            ['b', 'disagree'],
            ['c', 'agree'],
          ]),
        },
      ],
      [
        {
          marks: marksOf([
            ['a', 'agree'],
            ['b', 'both'],
            ['c', 'none'],
          ]),
        },
      ],
    );
    expect(both('1', d[0], order)).toEqual({
      vi: 'tập 1, phiếu thứ 1: lần 1 đồng ý 1, 3 – không đồng ý 2; lần 2 đồng ý 1 – cả hai ô 2 – bỏ trống 3',
      en: 'stack 1, ballot 1: reading 1 agree 1, 3 – disagree 2; reading 2 agree 1 – both boxes 2 – blank 3',
    });
  });

  it('a paper ruling by its label; a ruling beside the marks after them', () => {
    const d = differences(
      [{ invalid: 'not-issued' }],
      [{ struck: ['c5'], ruling: { invalid: 'other', note: 'rách' } }],
    );
    expect(both('2', d[0])).toEqual({
      vi: 'tập 2, phiếu thứ 1: lần 1 không hợp lệ: không do Ban kiểm phiếu phát ra / không có dấu; lần 2 gạch 5 – Ban kiểm phiếu xác định không hợp lệ: lý do khác',
      en: expect.stringMatching(
        /^stack 2, ballot 1: reading 1 invalid: [a-z].*; reading 2 strikes 5 – ruled invalid by the committee: [a-z]/u,
      ),
    });
  });

  it("past a gap, a reading's own count is said beside it, so the sheet can be found", () => {
    const first = [1, 2, 2, 3, 4, 5].map((k) => ({ struck: [`c${k}`] }));
    const second = [1, 2, 3, 4, 9].map((k) => ({ struck: [`c${k}`] }));
    const [gap, later] = differences(first, second);
    expect(both('3', gap).vi).toBe('tập 3, phiếu thứ 3: lần 1 gạch 2; lần 2 thiếu phiếu');
    expect(both('3', later)).toEqual({
      vi: 'tập 3, phiếu thứ 6: lần 1 gạch 5; lần 2 (phiếu thứ 5 của lần này) gạch 9',
      en: 'stack 3, ballot 6: reading 1 strikes 5; reading 2 (its ballot 5) strikes 9',
    });
  });

  it('three readings, each named', () => {
    const d = differences([{ struck: ['c1'] }], [{ struck: ['c1'] }], [{ struck: ['c2'] }]);
    expect(both('4', d[0]).vi).toBe('tập 4, phiếu thứ 1: lần 1 gạch 1; lần 2 gạch 1; lần 3 gạch 2');
  });

  it('an id not on the list (never expected) is quoted, not dropped', () => {
    expect(ballotText({ struck: ['c3', 'zz', 'c1'] }, ORDER, 'vi')).toBe('gạch 1, 3, “zz”');
  });
});

describe('hostile ids', () => {
  it('a control or bidi character in an unknown id is shown as a code, a long id cut', () => {
    const text = ballotText({ struck: ['a\u202eb', 'x'.repeat(100)] }, ORDER, 'en');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('\\u{202E}');
    expect(text.length).toBeLessThan(80);
  });
});
