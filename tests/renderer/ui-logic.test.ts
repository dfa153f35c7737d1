/**
 * The screens' pure decisions (issue 9): a conference election's base from the new committee's
 * size (item 1), outcomes only once counting is closed with over-half-not-elected named apart
 * (items 3, 15), projector bars on the base (item 5), a stack past its declared count (item 12),
 * lists up to 60 names laid out whole (item 14), attendance found by name (item 11), and which
 * views a change touches.
 */
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../core/percent.ts';
import { ELECTION_STATUSES } from '../../core/lifecycle/election.ts';
import { touches, touchesShell } from '../../renderer/changes.ts';
import { CHANGES } from '../../core/protocol/changes.ts';
import { routeOf } from '../../renderer/routes.ts';
import { isPastDeclared, nextPlace, otherOpenStacks } from '../../renderer/features/entry/stack.ts';
import { cursorOf, sheetGrid } from '../../renderer/features/entry/sheet-layout.ts';
import { emptyBallot, press } from '../../renderer/features/entry/editor.ts';
import { scaleOf } from '../../renderer/features/projector/scale.ts';
import { outcomeShown, showsOutcome } from '../../renderer/features/results/outcome.ts';
import {
  foldName,
  matchDelegates,
  toggledAbsence,
} from '../../renderer/features/setup/attendance.ts';
import {
  committeeElections,
  isConferenceKind,
  newCommitteeSize,
} from '../../renderer/features/setup/conference-base.ts';
import type { BatchView } from '../../core/views.ts';

describe('a conference election’s base (item 1)', () => {
  const elections = [
    { id: 1, kind: 'committee', status: 'finalized' },
    { id: 2, kind: 'committee', status: 'closed' }, // its re-vote
    { id: 3, kind: 'secretary', status: 'draft' },
    { id: 4, kind: 'committee', status: 'counting' }, // not decided yet: not counted
  ] as const;

  it('is the new committee: everyone the closed committee elections elected', () => {
    expect(committeeElections(elections)).toEqual([1, 2]);
    expect(
      newCommitteeSize(
        elections,
        new Map([
          [1, 54],
          [2, 1],
        ]),
      ),
    ).toBe(55);
  });

  it('is unknown until every closed committee election’s result is read, or if there is none', () => {
    expect(newCommitteeSize(elections, new Map([[1, 54]]))).toBeNull();
    expect(newCommitteeSize([{ id: 3, kind: 'secretary', status: 'draft' }], new Map())).toBeNull();
  });

  it('applies to the conference kinds only', () => {
    expect(isConferenceKind('secretary')).toBe(true);
    expect(isConferenceKind('standing-committee')).toBe(true);
    expect(isConferenceKind('committee')).toBe(false);
    expect(isConferenceKind('official-delegates')).toBe(false);
  });
});

describe('outcomes (items 3 and 15)', () => {
  const r = {
    base: 10,
    threshold: 6,
    tie: null,
    candidates: [],
  } as unknown as Parameters<typeof outcomeShown>[1];
  const c = (elected: boolean, qualified: boolean) =>
    ({ id: 'c1', elected, qualified }) as Parameters<typeof outcomeShown>[0];

  it('nothing is said while the count is open: draft, open, counting, suspended', () => {
    const silent = ELECTION_STATUSES.filter((s) => !showsOutcome(s));
    expect(silent).toEqual(['draft', 'open', 'counting', 'suspended']);
    for (const s of silent) expect(outcomeShown(c(true, true), r, s)).toBeNull();
  });

  it('once closed: over half but outside the seats is its own outcome, never "elected"', () => {
    expect(outcomeShown(c(true, true), r, 'closed')).toBe('elected');
    expect(outcomeShown(c(false, true), r, 'closed')).toBe('over-half-not-elected');
    expect(outcomeShown(c(false, false), r, 'finalized')).toBe('not-elected');
  });
});

describe('the projector’s scale (item 5)', () => {
  it('a bar is as long as the percentage of the base printed beside it', () => {
    const scale = scaleOf({ base: 55, threshold: 28 });
    // 49 of a base of 55 is 89.09 %: the bar is 89.09 % of its track, not 49 ÷ valid ballots.
    expect(scale.bar(49).toFixed(2)).toBe('89.09');
    expect(formatPercent(49, 55, { decimals: 2, separator: '.' })).toBe('89.09');
    expect(scale.threshold.toFixed(2)).toBe('50.91');
  });

  it('a bar crosses the threshold line exactly when the votes reach the threshold', () => {
    for (const base of [1, 2, 7, 55, 347, 350]) {
      const threshold = Math.floor(base / 2) + 1;
      const scale = scaleOf({ base, threshold });
      for (let votes = 0; votes <= base; votes++)
        expect(scale.bar(votes) >= scale.threshold).toBe(votes >= threshold);
    }
  });

  it('never runs out of its track, even with a base set too low', () => {
    expect(scaleOf({ base: 10, threshold: 6 }).bar(14)).toBe(100);
    expect(scaleOf({ base: 0, threshold: 1 }).threshold).toBe(100);
  });
});

describe('a stack being typed (items 6 and 12)', () => {
  const stack = (entered: number, declared = 50, closed = false, id = 1): BatchView => ({
    id,
    label: `Tập ${id}`,
    declared,
    entered,
    closed,
    difference: entered - declared,
  });

  it('the ballot past the declared count is flagged when it is saved', () => {
    expect(nextPlace(stack(49), 0, 0)).toBe(50);
    expect(isPastDeclared(stack(49), 50)).toBe(false);
    // Saved and waiting in the queue both count; so does what this station typed unread.
    expect(nextPlace(stack(48), 2, 0)).toBe(51);
    expect(nextPlace(stack(40), 0, 50)).toBe(51);
    expect(isPastDeclared(stack(50), nextPlace(stack(50), 0, 50))).toBe(true);
  });

  it('open stacks in the file that this station is not typing are offered to carry on or close', () => {
    const all = [stack(10, 50, false, 1), stack(50, 50, true, 2), stack(3, 20, false, 3)];
    expect(otherOpenStacks(all, 1).map((b) => b.id)).toEqual([3]);
    expect(otherOpenStacks(all, null).map((b) => b.id)).toEqual([1, 3]);
  });
});

describe('the ballot’s names on the entry screen (item 14)', () => {
  it('up to 60 names are laid out whole: at most 20 rows, at most 3 columns', () => {
    for (let n = 1; n <= 60; n++) {
      const g = sheetGrid(n);
      expect(g.rows).toBeLessThanOrEqual(20);
      expect(g.columns).toBeLessThanOrEqual(3);
      expect(g.columns * g.rows).toBeGreaterThanOrEqual(n);
      expect(g.scrolls).toBe(false);
    }
    expect(sheetGrid(61).scrolls).toBe(true);
  });

  it('the cursor is the number being typed, else the last one toggled', () => {
    const shape = {
      layout: 'strike' as const,
      seats: 3,
      codes: Array.from({ length: 80 }, (_, i) => `c${i + 1}`),
    };
    let s = emptyBallot(shape);
    expect(cursorOf(s)).toBeNull();
    s = press(s, { key: '7' }).state; // may grow into 70–79
    expect(cursorOf(s)).toBe(7);
    s = press(s, { key: '4' }).state;
    expect(cursorOf(s)).toBe(74);
  });
});

describe('attendance by name (item 11)', () => {
  const people = [
    { id: 1, name: 'Nguyễn Văn Hải', unit: 'Chi bộ 1' },
    { id: 2, name: 'Đặng Thị Hà', unit: 'Chi bộ 2' },
    { id: 3, name: 'Hồ Hải Đăng', unit: null },
  ];

  it('finds a name typed without diacritics, by the starts of its words, in any order', () => {
    expect(foldName('  Đặng   THỊ Hà ')).toBe('dang thi ha');
    expect(matchDelegates(people, 'hai').map((p) => p.id)).toEqual([1, 3]);
    expect(matchDelegates(people, 'dang').map((p) => p.id)).toEqual([2, 3]);
    expect(matchDelegates(people, 'ha dang').map((p) => p.id)).toEqual([2, 3]);
    // Each word typed starts a word of the name: a letter picks the namesake it ends with.
    expect(matchDelegates(people, 'ha').map((p) => p.id)).toEqual([1, 2, 3]);
    expect(matchDelegates(people, 'hai n').map((p) => p.id)).toEqual([1]);
    expect(matchDelegates(people, 'ai').map((p) => p.id)).toEqual([]);
    expect(matchDelegates(people, '').map((p) => p.id)).toEqual([1, 2, 3]);
  });

  it('Enter marks a present delegate absent, and an absent one present again', () => {
    expect(toggledAbsence('present')).toBe('absent');
    expect(toggledAbsence('unknown')).toBe('absent');
    expect(toggledAbsence('absent')).toBe('present');
  });
});

describe('which views a change touches, and the screens’ addresses', () => {
  it('a change reloads the views of its queries, for its election or when it names none', () => {
    const ballot = { seq: 1, electionId: 2, queries: CHANGES.enterBallot };
    expect(touches(ballot, 'results', 2)).toBe(true);
    expect(touches(ballot, 'results', 3)).toBe(false);
    expect(touches(ballot, 'delegates', undefined)).toBe(false);
    expect(touches(ballot, 'elections', undefined)).toBe(false);
    expect(touchesShell(ballot)).toBe(false);
    // The audit log grows with every command.
    expect(touches(ballot, 'audit', undefined)).toBe(true);
    const base = { seq: 2, electionId: null, queries: CHANGES.setBase };
    expect(touches(base, 'results', 3)).toBe(true);
    expect(touchesShell(base)).toBe(true);
    // A reconnection: everything may be stale.
    expect(touches({ seq: 3, electionId: null, queries: null }, 'display', undefined)).toBe(true);
  });

  it('an address names its screen, with or without a token after it', () => {
    expect(routeOf('#/projector?token=abc')).toBe('projector');
    expect(routeOf('#/results')).toBe('results');
    expect(routeOf('#token=abc')).toBe('start');
    expect(routeOf('')).toBe('start');
  });
});
