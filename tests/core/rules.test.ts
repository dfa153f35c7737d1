/** One test per rule of ../shared/spec/rules.md, named after it. */
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../core/record.ts';
import { deck, rawRecord, record, tally, votesOf } from '../helpers/record.ts';

const approve = (n: number, marks: Record<string, string>) => ({ n, marks });

describe('rules.md — valid and invalid ballots (strike layout)', () => {
  it('a ballot leaving exactly the seats unstruck is valid and votes for those names', () => {
    const r = tally({ candidates: 4, seats: 3, ballots: deck([[1, ['c4']]]) });
    expect(r.ballots).toMatchObject({ valid: 1, invalid: 0 });
    expect(votesOf(r)).toEqual({ c1: 1, c2: 1, c3: 1, c4: 0 });
  });

  it('electing fewer than the seats is valid', () => {
    const r = tally({ candidates: 5, seats: 3, ballots: deck([[1, ['c1', 'c2', 'c3', 'c4']]]) });
    expect(r.ballots).toMatchObject({ valid: 1, invalid: 0 });
    expect(votesOf(r)).toEqual({ c1: 0, c2: 0, c3: 0, c4: 0, c5: 1 });
  });

  it('over-vote: more names left unstruck than seats is invalid and counts for nobody', () => {
    const r = tally({
      candidates: 5,
      seats: 3,
      ballots: deck([
        [1, ['c1']],
        [2, []],
      ]),
    });
    expect(r.ballots).toMatchObject({ valid: 0, invalid: 3, invalidByReason: { 'over-vote': 3 } });
    expect(Object.values(votesOf(r))).toEqual([0, 0, 0, 0, 0]);
  });

  it('all-struck: every name struck is invalid', () => {
    const r = tally({ candidates: 4, seats: 3, ballots: deck([[2, ['c1', 'c2', 'c3', 'c4']]]) });
    expect(r.ballots).toMatchObject({ valid: 0, invalid: 2, invalidByReason: { 'all-struck': 2 } });
  });
});

describe('rules.md — valid and invalid ballots (approve layout)', () => {
  const spec = { candidates: 2, seats: 2, layout: 'approve' as const, kind: 'secretary' as const };

  it('a row marked agree is a vote; disagree, both and none are not', () => {
    const r = tally({
      ...spec,
      ballots: [
        approve(1, { c1: 'agree', c2: 'disagree' }),
        approve(2, { c1: 'agree', c2: 'both' }),
        approve(3, { c1: 'none', c2: 'agree' }),
      ],
    });
    expect(r.ballots).toMatchObject({ valid: 3, invalid: 0 });
    expect(votesOf(r)).toEqual({ c1: 2, c2: 1 });
  });

  it('no-choice: every row both or neither is invalid', () => {
    const r = tally({
      ...spec,
      ballots: [
        approve(1, { c1: 'both', c2: 'both' }),
        approve(2, { c1: 'none', c2: 'none' }),
        approve(3, { c1: 'both', c2: 'none' }),
        approve(4, { c1: 'disagree', c2: 'disagree' }),
      ],
    });
    expect(r.ballots).toMatchObject({ valid: 1, invalid: 3, invalidByReason: { 'no-choice': 3 } });
    expect(votesOf(r)).toEqual({ c1: 0, c2: 0 });
  });

  it('over-vote in approve layout: more rows agreed than seats (a list with a surplus)', () => {
    const r = tally({
      candidates: 3,
      seats: 1,
      layout: 'approve',
      kind: 'secretary',
      ballots: [approve(1, { c1: 'agree', c2: 'agree', c3: 'none' })],
    });
    expect(r.ballots.invalidByReason).toEqual({ 'over-vote': 1 });
    expect(r.warnings).toContainEqual({ code: 'approve-with-surplus', candidates: 3, seats: 1 });
  });
});

describe('rules.md — invalid by the counting committee', () => {
  for (const code of ['not-issued', 'added-name', 'marked'] as const) {
    it(`${code}: a paper ruling counts as invalid under its code`, () => {
      const r = tally({
        ballots: [{ n: 1, invalid: code }, ...deck([[1, ['c1']]]).map((b) => ({ ...b, n: 2 }))],
      });
      expect(r.ballots).toMatchObject({
        collected: 2,
        valid: 1,
        invalid: 1,
        invalidByReason: { [code]: 1 },
      });
    });
  }

  it('other: needs the committee’s written note', () => {
    const r = tally({ ballots: [{ n: 1, invalid: 'other', note: 'rách mất nửa phiếu' }] });
    expect(r.ballots.invalidByReason).toEqual({ other: 1 });
    const refused = parseRecord(rawRecord({ ballots: [{ n: 1, invalid: 'other' }] }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error[0]).toMatchObject({ code: 'note-required', ballot: 1 });
  });

  it('a ruling beside valid marks makes the ballot invalid and keeps the marks in the record', () => {
    const rec = record({
      candidates: 4,
      seats: 3,
      ballots: [
        { n: 1, struck: ['c4'], ruling: { invalid: 'marked', note: 'ký tên' } },
        { n: 2, struck: ['c1'] },
      ],
    });
    const first = rec.ballots.entered[0];
    expect(first && 'struck' in first ? first.struck : null).toEqual(['c4']);
    const r = tally({
      candidates: 4,
      seats: 3,
      ballots: rec.ballots.entered,
    });
    expect(r.ballots).toMatchObject({ valid: 1, invalid: 1, invalidByReason: { marked: 1 } });
    expect(votesOf(r)).toEqual({ c1: 0, c2: 1, c3: 1, c4: 1 });
  });

  it('a ruling over a reading the engine finds invalid counts under the ruling’s code', () => {
    const r = tally({
      candidates: 4,
      seats: 3,
      ballots: [{ n: 1, struck: [], ruling: { invalid: 'added-name' } }],
    });
    expect(r.ballots.invalidByReason).toEqual({ 'added-name': 1 });
  });
});

describe('rules.md — the base and the threshold', () => {
  it('qualifies only with strictly more than half: exactly half is not enough', () => {
    // base 10: 5 votes is exactly half; 6 is more than half.
    const r = tally({
      convened: 10,
      candidates: 3,
      seats: 2,
      ballots: deck([
        [5, ['c3']],
        [1, ['c2']],
        [4, ['c1', 'c2']],
      ]),
    });
    expect(r.threshold).toBe(6);
    expect(votesOf(r)).toEqual({ c1: 6, c2: 5, c3: 5 });
    expect(r.candidates.map((c) => c.qualified)).toEqual([true, false, false]);
    expect(r.elected).toEqual(['c1']);
  });

  it('threshold = floor(base / 2) + 1 for an odd base', () => {
    expect(tally({ convened: 7 }).threshold).toBe(4);
    expect(tally({ convened: 8 }).threshold).toBe(5);
  });

  it('the percentage is printed but never decides: 50,00 % after rounding still qualifies', () => {
    // 10 001 of 20 001 is 50,0025 % → printed 50 %, yet 2 × 10 001 > 20 001.
    const r = tally({
      rules: 'party',
      convened: 20_001,
      candidates: 2,
      seats: 1,
      ballots: deck([[10_001, ['c2']]]),
    });
    expect(r.candidates[0]).toMatchObject({
      votes: 10_001,
      percent: 50,
      qualified: true,
      elected: true,
    });
  });

  it('party, delegates’ congress: convened minus committee-absent and delegates absent with no alternate', () => {
    const r = tally({
      convened: 350,
      exclusions: [
        { category: 'committee-absent', count: 1 },
        { category: 'delegate-absent-no-alternate', count: 2 },
      ],
    });
    expect(r.base).toBe(347);
    expect(r.threshold).toBe(174);
  });

  it('party, members’ congress: transferred, exempt-absent, suspended, absent-with-reason', () => {
    const r = tally({
      congressKind: 'members',
      convened: 60,
      exclusions: [
        { category: 'transferred', count: 2 },
        { category: 'exempt-absent', count: 3 },
        { category: 'suspended', count: 1 },
        { category: 'absent-with-reason', count: 4 },
      ],
    });
    expect(r.base).toBe(50);
  });

  it('party, committee conference: member-absent applies to conference elections only', () => {
    expect(
      tally({
        kind: 'standing-committee',
        convened: 45,
        exclusions: [{ category: 'member-absent', count: 2 }],
      }).base,
    ).toBe(43);
    const refused = parseRecord(
      rawRecord({ kind: 'committee', exclusions: [{ category: 'member-absent', count: 2 }] }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error[0]).toMatchObject({
        code: 'exclusion-category',
        path: 'base.exclusions[0].category',
      });
  });

  it('an exclusion of another congress kind is refused', () => {
    const refused = parseRecord(
      rawRecord({
        congressKind: 'members',
        exclusions: [{ category: 'committee-absent', count: 1 }],
      }),
    );
    expect(refused.ok).toBe(false);
  });

  it('exclusions that leave no base are refused', () => {
    const refused = parseRecord(
      rawRecord({ convened: 3, exclusions: [{ category: 'committee-absent', count: 3 }] }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error[0]).toMatchObject({ code: 'base-below-one', path: 'base.exclusions' });
  });

  /** The same ballots under both rule sets: five valid (three strike c3, two c1), one ruled invalid. */
  const fiveValidOneInvalid = [
    ...deck([
      [3, ['c3']],
      [2, ['c1']],
    ]),
    { n: 6, invalid: 'marked' },
  ];

  it('rule set valid-ballots: the base is the number of valid ballots', () => {
    const r = tally({
      rules: 'valid-ballots',
      convened: 100,
      candidates: 3,
      seats: 2,
      ballots: fiveValidOneInvalid,
    });
    expect(r.base).toBe(5);
    expect(r.threshold).toBe(3);
    expect(r.elected).toEqual(['c2', 'c1']);
  });

  it('rule set collected-ballots: the base is the ballots collected, invalid included', () => {
    const r = tally({
      rules: 'collected-ballots',
      candidates: 3,
      seats: 2,
      ballots: [...fiveValidOneInvalid, { n: 7, struck: [] }],
    });
    expect(r.base).toBe(7);
    expect(r.threshold).toBe(4);
    expect(r.elected).toEqual(['c2']);
  });

  it('override: the presidium’s base replaces the computed one and is reported', () => {
    const r = tally({ convened: 100, override: { base: 90, note: 'Đoàn Chủ tịch quyết định' } });
    expect(r.base).toBe(90);
    expect(r.warnings[0]).toEqual({
      code: 'base-override',
      computed: 100,
      base: 90,
      note: 'Đoàn Chủ tịch quyết định',
    });
  });

  it('override applies under any rule set', () => {
    const r = tally({
      rules: 'valid-ballots',
      override: { base: 9, note: 'x' },
      ballots: deck([[2, ['c1']]]),
    });
    expect(r.base).toBe(9);
    expect(r.warnings[0]).toMatchObject({ code: 'base-override', computed: 2 });
  });
});

describe('rules.md — who is elected', () => {
  it('qualified candidates ranked by votes; the top seats are elected, most votes first', () => {
    const r = tally({
      convened: 10,
      candidates: 4,
      seats: 2,
      ballots: deck([
        [6, ['c1', 'c2']],
        [2, ['c3', 'c4']],
        [1, ['c1', 'c3']],
      ]),
    });
    expect(votesOf(r)).toEqual({ c1: 2, c2: 3, c3: 6, c4: 7 });
    expect(r.elected).toEqual(['c4', 'c3']);
    expect(r.candidates.map((c) => c.rank)).toEqual([null, null, 2, 1]);
    expect(r.status).toBe('complete');
  });

  it('equal votes among those elected are listed in ballot order', () => {
    const r = tally({ convened: 4, candidates: 3, seats: 2, ballots: deck([[3, ['c1']]]) });
    expect(r.elected).toEqual(['c2', 'c3']);
  });

  it('tie straddling one seat: none of the tied group is elected; a re-vote for that seat', () => {
    // seats 2: c1 8, c2 6, c3 6 — all qualified (base 10), c2 and c3 tie for the last seat.
    const r = tally({
      convened: 10,
      candidates: 4,
      seats: 2,
      ballots: deck([
        [4, ['c3', 'c4']],
        [4, ['c2', 'c4']],
        [1, ['c1', 'c4']],
        [1, ['c1', 'c3']],
        [1, ['c1', 'c2']],
      ]),
    });
    expect(votesOf(r)).toEqual({ c1: 8, c2: 6, c3: 6, c4: 2 });
    expect(r.status).toBe('tie');
    expect(r.elected).toEqual(['c1']);
    expect(r.tie).toEqual({ candidates: ['c2', 'c3'], seats: 1 });
    expect(r.openSeats).toBe(1);
    expect(r.candidates.filter((c) => c.elected).map((c) => c.id)).toEqual(['c1']);
  });

  it('tie straddling several seats: three tied for the last two seats', () => {
    // seats 3: c1 9; c2, c3, c4 7 each; c5 3 — base 10.
    const r = tally({
      convened: 10,
      candidates: 5,
      seats: 3,
      ballots: deck([
        [3, ['c4', 'c5']],
        [2, ['c3', 'c5']],
        [2, ['c2', 'c5']],
        [2, ['c1', 'c5']],
        [1, ['c2', 'c3']],
        [1, ['c1', 'c2', 'c3', 'c4']],
      ]),
    });
    expect(votesOf(r)).toEqual({ c1: 8, c2: 7, c3: 7, c4: 7, c5: 2 });
    expect(r.status).toBe('tie');
    expect(r.elected).toEqual(['c1']);
    expect(r.tie).toEqual({ candidates: ['c2', 'c3', 'c4'], seats: 2 });
    expect(r.openSeats).toBe(2);
  });

  it('a tie inside the seats is no tie: all of them are elected', () => {
    const r = tally({ convened: 10, candidates: 4, seats: 3, ballots: deck([[10, ['c4']]]) });
    expect(r.status).toBe('complete');
    expect(r.elected).toEqual(['c1', 'c2', 'c3']);
  });

  it('a tie among candidates who do not qualify does not matter', () => {
    const r = tally({
      convened: 10,
      candidates: 4,
      seats: 2,
      ballots: deck([
        [6, ['c3', 'c4']],
        [4, ['c1', 'c2']],
      ]),
    });
    expect(r.status).toBe('complete');
    expect(r.elected).toEqual(['c1', 'c2']);
  });

  it('unfilled seats: fewer qualify than seats; all qualified are elected, the rest stay open', () => {
    const r = tally({
      convened: 10,
      candidates: 5,
      seats: 3,
      ballots: deck([
        [6, ['c3', 'c4', 'c5']],
        [4, ['c1', 'c2', 'c5']],
      ]),
    });
    expect(r.status).toBe('unfilled');
    expect(r.elected).toEqual(['c1', 'c2']);
    expect(r.openSeats).toBe(1);
    expect(r.tie).toBeNull();
  });

  it('alternates: same threshold, precedence is vote order printed as rank', () => {
    const r = tally({
      kind: 'alternate-delegates',
      convened: 10,
      candidates: 4,
      seats: 3,
      ballots: deck([
        [6, ['c1']],
        [3, ['c2']],
        [1, ['c3']],
      ]),
    });
    expect(votesOf(r)).toEqual({ c1: 4, c2: 7, c3: 9, c4: 10 });
    expect(r.elected).toEqual(['c4', 'c3', 'c2']);
    expect(r.candidates.map((c) => c.rank)).toEqual([null, 3, 2, 1]);
  });
});

describe('rules.md — ballot counts that must reconcile', () => {
  it('collected = valid + invalid', () => {
    const r = tally({
      ballots: [
        ...deck([
          [3, ['c1']],
          [1, []],
        ]),
        { n: 5, invalid: 'marked' },
      ],
    });
    expect(r.ballots.collected).toBe(r.ballots.valid + r.ballots.invalid);
  });

  it('collected-exceeds-issued is a warning, not an error', () => {
    const r = tally({ issued: 2, ballots: deck([[3, ['c1']]]) });
    expect(r.warnings).toContainEqual({
      code: 'collected-exceeds-issued',
      collected: 3,
      issued: 2,
    });
    expect(r.ballots.valid).toBe(3);
  });

  it('issued-exceeds-present is a warning', () => {
    const r = tally({ present: 2, issued: 3 });
    expect(r.warnings).toContainEqual({ code: 'issued-exceeds-present', issued: 3, present: 2 });
  });
});

describe('rules.md — surplus check', () => {
  it('surplus over 30 % of the seats warns for the committee', () => {
    expect(tally({ candidates: 14, seats: 10 }).warnings).toContainEqual({
      code: 'surplus-over-limit',
      candidates: 14,
      seats: 10,
      surplus: 4,
      limit: 3,
    });
    expect(tally({ candidates: 13, seats: 10 }).warnings).toEqual([]);
  });

  it('bodies of 3–5 members allow at most 1 extra', () => {
    expect(
      tally({ kind: 'standing-committee', candidates: 7, seats: 5 }).warnings[0],
    ).toMatchObject({
      code: 'surplus-over-limit',
      limit: 1,
    });
    expect(tally({ kind: 'standing-committee', candidates: 6, seats: 5 }).warnings).toEqual([]);
  });

  it('other elections and later rounds are not checked', () => {
    expect(tally({ kind: 'official-delegates', candidates: 20, seats: 10 }).warnings).toEqual([]);
    expect(tally({ candidates: 3, seats: 1, round: 2, parent: 'e0' }).warnings).toEqual([]);
  });

  it('no-surplus: a strike ballot on a list without surplus warns', () => {
    expect(tally({ candidates: 3, seats: 3 }).warnings).toContainEqual({
      code: 'no-surplus',
      candidates: 3,
      seats: 3,
    });
  });
});

describe('rules.md — percentages of the base', () => {
  it('two decimals, half-up, computed exactly: 1 of 800 = 0,13 %', () => {
    const r = tally({ convened: 800, candidates: 2, seats: 1, ballots: deck([[1, ['c2']]]) });
    expect(r.candidates[0]?.percent).toBe(0.13);
  });

  it('the number of decimals is a setting', () => {
    const r = tally({ convened: 800, candidates: 2, seats: 1, ballots: deck([[1, ['c2']]]) }, 1);
    expect(r.candidates[0]?.percent).toBe(0.1);
  });
});
