/** Properties over generated elections (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElectionRecord, EnteredBallot } from '../../core/record.ts';
import { Tally, type ElectionResult } from '../../core/tally.ts';
import { ids, record } from '../helpers/record.ts';

const COMMITTEE_CODES = ['not-issued', 'added-name', 'marked', 'other'] as const;
const MARK_VALUES = ['agree', 'disagree', 'both', 'none'] as const;

interface Generated {
  readonly record: ElectionRecord;
}

const ruling = fc.option(
  fc.constantFrom(...COMMITTEE_CODES).map((invalid) => ({ invalid, note: 'ghi chú' })),
  {
    freq: 8,
    nil: undefined,
  },
);

function ballotArb(
  layout: 'strike' | 'approve',
  candidates: string[],
  seats: number,
): fc.Arbitrary<Omit<EnteredBallot, 'n'>> {
  const paper = fc
    .constantFrom(...COMMITTEE_CODES)
    .map((invalid) => ({ invalid, note: 'ghi chú' }));
  // Mostly ballots that leave 1..seats names (valid), some arbitrary ones (often invalid).
  const kept = fc.oneof(
    { weight: 4, arbitrary: fc.subarray(candidates, { minLength: 1, maxLength: seats }) },
    { weight: 1, arbitrary: fc.subarray(candidates) },
  );
  const marked =
    layout === 'strike'
      ? fc.tuple(kept, ruling).map(([keep, r]) => ({
          struck: candidates.filter((id) => !keep.includes(id)),
          ...(r ? { ruling: r } : {}),
        }))
      : fc
          .tuple(
            fc.array(fc.constantFrom(...MARK_VALUES), {
              minLength: candidates.length,
              maxLength: candidates.length,
            }),
            ruling,
          )
          .map(([marks, r]) => ({
            marks: Object.fromEntries(candidates.map((id, i) => [id, marks[i]!])),
            ...(r ? { ruling: r } : {}),
          }));
  return fc.oneof({ weight: 12, arbitrary: marked }, { weight: 1, arbitrary: paper });
}

const electionArb: fc.Arbitrary<Generated> = fc
  .record({
    candidates: fc.integer({ min: 1, max: 9 }),
    seatsFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    layout: fc.constantFrom('strike' as const, 'approve' as const),
    rules: fc.constantFrom(
      'party' as const,
      'valid-ballots' as const,
      'collected-ballots' as const,
    ),
    // The party base relative to the ballots, so that all, some or none qualify.
    baseFraction: fc.double({ min: 0, max: 1.5, noNaN: true }),
  })
  .chain((shape) => {
    const seats = Math.max(1, Math.ceil(shape.seatsFraction * shape.candidates));
    const candidates = ids(shape.candidates);
    // Ballots drawn from a small pool of readings, so that equal votes (ties) are frequent.
    const pool = fc.array(ballotArb(shape.layout, candidates, seats), {
      minLength: 1,
      maxLength: 4,
    });
    const drawn = pool.chain((readings) =>
      fc.array(fc.constantFrom(...readings), { minLength: 1, maxLength: 40, size: 'max' }),
    );
    return fc
      .oneof(drawn, fc.array(ballotArb(shape.layout, candidates, seats), { maxLength: 60 }))
      .map((ballots) => ({
        record: record({
          candidates: shape.candidates,
          seats,
          layout: shape.layout,
          kind: shape.layout === 'approve' ? 'secretary' : 'official-delegates',
          rules: shape.rules,
          convened: Math.max(1, Math.round(shape.baseFraction * ballots.length)),
          ballots: ballots.map((b, i) => ({ ...b, n: i + 1 })),
        }),
      }));
  });

const full = (rec: ElectionRecord): ElectionResult => Tally.ofRecord(rec).result();

/** An independent, deliberately naive count, to check the optimised tally against. */
function naive(rec: ElectionRecord): { votes: number[]; valid: number; base: number } {
  const seats = rec.election.seats;
  const ids = rec.candidates.map((c) => c.id);
  const votes = ids.map(() => 0);
  let valid = 0;
  for (const b of rec.ballots.entered) {
    if ('invalid' in b || ('ruling' in b && b.ruling)) continue;
    const chosen =
      'struck' in b
        ? ids.filter((id) => !b.struck.includes(id))
        : ids.filter((id) => b.marks[id] === 'agree');
    if ('struck' in b && (chosen.length === 0 || chosen.length > seats)) continue;
    if ('marks' in b) {
      const decided = ids.filter((id) => b.marks[id] === 'agree' || b.marks[id] === 'disagree');
      if (decided.length === 0 || chosen.length > seats) continue;
    }
    valid++;
    for (const id of chosen) votes[ids.indexOf(id)]!++;
  }
  const excluded = rec.base.exclusions.reduce((s, x) => s + x.count, 0);
  const base =
    rec.rules === 'party'
      ? rec.base.convened - excluded
      : rec.rules === 'valid-ballots'
        ? valid
        : rec.ballots.entered.length;
  return { votes, valid, base };
}

/**
 * Who is elected, stated another way: a qualified candidate is elected when at most `seats`
 * qualified candidates have as many votes or more, and is in the tied group when fewer than
 * `seats` have strictly more but more than `seats` have as many or more.
 */
function naiveDecision(votes: number[], base: number, seats: number) {
  const qualified = votes.map((v) => 2 * v > base);
  const elected: number[] = [];
  const tied: number[] = [];
  votes.forEach((v, i) => {
    if (!qualified[i]) return;
    const above = votes.filter((w, j) => qualified[j] && w > v).length;
    const atOrAbove = votes.filter((w, j) => qualified[j] && w >= v).length;
    if (atOrAbove <= seats) elected.push(i);
    else if (above < seats) tied.push(i);
  });
  return { elected: elected.sort((a, b) => votes[b]! - votes[a]! || a - b), tied };
}

describe('properties of the tally over generated elections', () => {
  it('agrees with a naive independent count', () => {
    fc.assert(
      fc.property(electionArb, ({ record: rec }) => {
        const r = full(rec);
        const expected = naive(rec);
        expect(r.candidates.map((c) => c.votes)).toEqual(expected.votes);
        expect(r.ballots.valid).toBe(expected.valid);
        expect(r.base).toBe(expected.base);
        expect(r.candidates.map((c) => c.qualified)).toEqual(
          expected.votes.map((v) => 2 * v > expected.base),
        );
        const decision = naiveDecision(expected.votes, expected.base, rec.election.seats);
        const ids = rec.candidates.map((c) => c.id);
        expect(r.elected).toEqual(decision.elected.map((i) => ids[i]));
        expect(r.tie?.candidates ?? []).toEqual(decision.tied.map((i) => ids[i]));
        expect(r.status).toBe(
          decision.tied.length > 0
            ? 'tie'
            : decision.elected.length === rec.election.seats
              ? 'complete'
              : 'unfilled',
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('the result does not depend on ballot order', () => {
    fc.assert(
      fc.property(electionArb, fc.infiniteStream(fc.nat()), ({ record: rec }, random) => {
        const shuffled = [...rec.ballots.entered];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = random.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(full({ ...rec, ballots: { ...rec.ballots, entered: shuffled } })).toEqual(full(rec));
      }),
      { numRuns: 200 },
    );
  });

  it('incremental adds, corrections and removals equal a full recount', () => {
    fc.assert(
      fc.property(
        electionArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean())),
        ({ record: rec }, edits) => {
          const { ballots, ...setup } = rec;
          const live = new Tally({ ...setup, issued: ballots.issued });
          const kept = new Map<number, EnteredBallot>();
          for (const b of ballots.entered) {
            live.add(b.n, live.fromEntered(b));
            kept.set(b.n, b);
          }
          const entries = [...ballots.entered];
          for (const [which, other, removeIt] of edits) {
            if (entries.length === 0) break;
            const target = entries[which % entries.length]!;
            if (!kept.has(target.n)) continue;
            if (removeIt) {
              live.remove(target.n);
              kept.delete(target.n);
            } else {
              const source = entries[other % entries.length]!;
              const corrected = { ...source, n: target.n } as EnteredBallot;
              live.replace(target.n, live.fromEntered(corrected));
              kept.set(target.n, corrected);
            }
          }
          const recount = full({ ...rec, ballots: { ...ballots, entered: [...kept.values()] } });
          expect(live.result()).toEqual(recount);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('elected ⊆ qualified, |elected| ≤ seats, and votes never exceed valid ballots', () => {
    fc.assert(
      fc.property(electionArb, ({ record: rec }) => {
        const r = full(rec);
        const byId = new Map(r.candidates.map((c) => [c.id, c]));
        expect(r.elected.length).toBeLessThanOrEqual(rec.election.seats);
        for (const id of r.elected) expect(byId.get(id)?.qualified).toBe(true);
        for (const c of r.candidates) expect(c.votes).toBeLessThanOrEqual(r.ballots.valid);
        expect(r.openSeats).toBe(rec.election.seats - r.elected.length);
        expect(r.ballots.collected).toBe(r.ballots.valid + r.ballots.invalid);
        // Elected are in vote order.
        const votes = r.elected.map((id) => byId.get(id)!.votes);
        expect(votes).toEqual([...votes].sort((a, b) => b - a));
      }),
      { numRuns: 300 },
    );
  });

  it('a tied group is never partly elected, and it straddles the last seat(s)', () => {
    fc.assert(
      fc.property(electionArb, ({ record: rec }) => {
        const r = full(rec);
        if (r.tie === null) return;
        const byId = new Map(r.candidates.map((c) => [c.id, c]));
        const group = r.tie.candidates.map((id) => byId.get(id)!);
        expect(group.every((c) => !c.elected && c.qualified)).toBe(true);
        expect(new Set(group.map((c) => c.votes)).size).toBe(1);
        expect(group.length).toBeGreaterThan(r.tie.seats);
        expect(r.elected.length + r.tie.seats).toBe(rec.election.seats);
        const tiedVotes = group[0]!.votes;
        // Nobody with the tied number of votes is outside the group, every elected has more.
        for (const c of r.candidates) {
          if (c.qualified && c.votes === tiedVotes) expect(r.tie.candidates).toContain(c.id);
          if (c.elected) expect(c.votes).toBeGreaterThan(tiedVotes);
        }
      }),
      { numRuns: 500 },
    );
  });
});
