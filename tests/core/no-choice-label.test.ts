/**
 * Issue 9, item 4: an approve ballot with both boxes ticked was reported as "Không đánh dấu dòng
 * nào" (no row marked). The engine's code is right (rules.md: `no-choice`, every row both or
 * neither); the words must name that rule, true of a both-ticked ballot as of a blank one.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../core/classify.ts';
import type { Mark } from '../../core/codes.ts';
import { messages } from '../../core/messages/index.ts';

const MARKS: readonly Mark[] = ['agree', 'disagree', 'both', 'none'];

describe('the reason given for an approve ballot with both boxes ticked', () => {
  it('is no-choice for every ballot whose rows are all "both" or blank', () => {
    for (const a of MARKS) {
      for (const b of MARKS) {
        const c = classify(
          { marks: { kind: 'approve', marks: [a, b] } },
          { seats: 2, candidates: 2 },
        );
        const undecided = [a, b].every((m) => m === 'both' || m === 'none');
        expect(c, `${a}, ${b}`).toEqual(
          undecided ? { status: 'invalid', code: 'no-choice' } : { status: 'valid' },
        );
      }
    }
  });

  it('is worded so it is true of a ballot with both boxes ticked, short and full, vi and en', () => {
    const vi = messages('vi');
    const en = messages('en');
    for (const text of [vi.invalid['no-choice'], vi.invalidFull['no-choice']]) {
      expect(text).not.toMatch(/^Không đánh dấu/u); // "nothing marked" is false of a both-ticked row
      expect(text).toMatch(/một ô/u);
    }
    expect(vi.invalidFull['no-choice']).toMatch(/cả hai ô/u);
    for (const text of [en.invalid['no-choice'], en.invalidFull['no-choice']]) {
      expect(text).not.toBe('No row marked');
      expect(text).toMatch(/one box|alone/u);
    }
    expect(en.invalidFull['no-choice']).toMatch(/both boxes/u);
  });
});
