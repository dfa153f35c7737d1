/**
 * The tally: one pure computation that starts every candidate at zero and adds ballots, serving
 * the screen, the projector, the minutes and the CLI alike. It is incremental — adding,
 * correcting or removing one ballot costs O(marks on that ballot), not a recount — and a full
 * recount is the same code run over every ballot, so both give the identical result.
 */
import { INVALID_CODES, type InvalidCode } from './codes.ts';
import { classify, type Classification, type TallyBallot } from './classify.ts';
import { computeBase, qualifies, thresholdOf } from './base.ts';
import { decide } from './decide.ts';
import { percentNumber } from './percent.ts';
import { marksInOrder, type EnteredBallot } from './ballot.ts';
import type { ElectionRecord } from './record.ts';
import { warningsFor, type Warning } from './warnings.ts';

export const RESULT_FORMAT = 'kiem-phieu/result@1';

/** Everything about an election except its ballots. */
export type ElectionSetup = Omit<ElectionRecord, 'ballots'> & { readonly issued: number };

export interface CandidateResult {
  readonly id: string;
  readonly name: string;
  readonly votes: number;
  readonly percent: number;
  readonly qualified: boolean;
  readonly elected: boolean;
  readonly rank: number | null;
}

export interface ElectionResult {
  readonly format: typeof RESULT_FORMAT;
  readonly election: string;
  readonly base: number;
  readonly threshold: number;
  readonly ballots: {
    readonly issued: number;
    readonly collected: number;
    readonly valid: number;
    readonly invalid: number;
    readonly invalidByReason: Readonly<Partial<Record<InvalidCode, number>>>;
  };
  readonly candidates: readonly CandidateResult[];
  readonly elected: readonly string[];
  readonly status: 'complete' | 'tie' | 'unfilled';
  readonly tie: { readonly candidates: readonly string[]; readonly seats: number } | null;
  readonly openSeats: number;
  readonly warnings: readonly Warning[];
}

/** What one ballot added to the counts, kept so it can be taken back exactly. */
interface Contribution {
  readonly classification: Classification;
  /** Valid strike ballot: indices struck (votes against). Valid approve: indices agreed. */
  readonly indices: readonly number[];
  readonly layout: 'strike' | 'approve' | null;
}

export class DuplicateBallotError extends Error {}
export class UnknownBallotError extends Error {}

export class Tally {
  readonly setup: ElectionSetup;
  private readonly ids: readonly string[];
  private readonly indexById: ReadonlyMap<string, number>;
  private readonly struckCount: Int32Array;
  private readonly agreeCount: Int32Array;
  private validStrike = 0;
  private valid = 0;
  private readonly invalidByCode = new Map<InvalidCode, number>();
  private readonly contributions = new Map<number, Contribution>();
  private readonly issued: number;
  private readonly stamps: Int32Array;
  private stampGeneration = 0;

  constructor(setup: ElectionSetup) {
    this.setup = setup;
    this.issued = setup.issued;
    this.ids = setup.candidates.map((c) => c.id);
    this.indexById = new Map(this.ids.map((id, i) => [id, i]));
    this.struckCount = new Int32Array(setup.candidates.length);
    this.agreeCount = new Int32Array(setup.candidates.length);
    this.stamps = new Int32Array(setup.candidates.length);
  }

  /** A full count of a parsed record. */
  static ofRecord(record: ElectionRecord): Tally {
    const { ballots, ...rest } = record;
    const tally = new Tally({ ...rest, issued: ballots.issued });
    for (const ballot of ballots.entered) tally.add(ballot.n, tally.fromEntered(ballot));
    return tally;
  }

  get collected(): number {
    return this.contributions.size;
  }

  /** A record's ballot in the tally's index form (ids are assumed checked by parseRecord). */
  fromEntered(ballot: EnteredBallot): TallyBallot {
    const ruling = 'ruling' in ballot && ballot.ruling ? { ruling: ballot.ruling.invalid } : {};
    if ('struck' in ballot) {
      return {
        marks: { kind: 'strike', struck: ballot.struck.map((id) => this.indexOf(id)) },
        ...ruling,
      };
    }
    if ('marks' in ballot) {
      return { marks: { kind: 'approve', marks: marksInOrder(ballot.marks, this.ids) }, ...ruling };
    }
    return { marks: { kind: 'paper', code: ballot.invalid } };
  }

  classify(ballot: TallyBallot): Classification {
    return classify(ballot, {
      seats: this.setup.election.seats,
      candidates: this.setup.candidates.length,
    });
  }

  add(n: number, ballot: TallyBallot): Classification {
    if (this.contributions.has(n)) throw new DuplicateBallotError(`ballot ${n} is already counted`);
    const contribution = this.contributionOf(ballot);
    this.apply(contribution, 1);
    this.contributions.set(n, contribution);
    return contribution.classification;
  }

  remove(n: number): void {
    const contribution = this.contributions.get(n);
    if (contribution === undefined) throw new UnknownBallotError(`ballot ${n} is not counted`);
    this.apply(contribution, -1);
    this.contributions.delete(n);
  }

  /** A correction: the new reading replaces the old one's contribution. */
  replace(n: number, ballot: TallyBallot): Classification {
    this.remove(n);
    return this.add(n, ballot);
  }

  votes(): number[] {
    const out = new Array<number>(this.struckCount.length);
    for (let i = 0; i < out.length; i++) {
      out[i] = this.validStrike - (this.struckCount[i] ?? 0) + (this.agreeCount[i] ?? 0);
    }
    return out;
  }

  /** The result; `issued` when the committee's figure is not the one the tally was built with. */
  result({
    decimals = 2,
    issued = this.issued,
  }: { decimals?: number; issued?: number } = {}): ElectionResult {
    const { setup } = this;
    const votes = this.votes();
    const collected = this.collected;
    const { base, computed } = computeBase(setup.rules, setup.base, {
      valid: this.valid,
      collected,
    });
    const qualified = votes.map((v) => qualifies(v, base));
    const decision = decide({ votes, qualified, seats: setup.election.seats });
    const rankOf = new Map(decision.elected.map((i, r) => [i, r + 1]));
    const ids = this.ids;

    const invalidByReason: Partial<Record<InvalidCode, number>> = {};
    let invalid = 0;
    for (const code of INVALID_CODES) {
      const count = this.invalidByCode.get(code) ?? 0;
      if (count > 0) invalidByReason[code] = count;
      invalid += count;
    }

    return {
      format: RESULT_FORMAT,
      election: setup.election.id,
      base,
      threshold: thresholdOf(base),
      ballots: { issued, collected, valid: this.valid, invalid, invalidByReason },
      candidates: setup.candidates.map((c, i) => ({
        id: c.id,
        name: c.name,
        votes: votes[i] ?? 0,
        percent: percentNumber(votes[i] ?? 0, base, decimals),
        qualified: qualified[i] ?? false,
        elected: rankOf.has(i),
        rank: rankOf.get(i) ?? null,
      })),
      elected: decision.elected.map((i) => ids[i] ?? ''),
      status: decision.status,
      tie:
        decision.status === 'tie'
          ? { candidates: decision.tied.map((i) => ids[i] ?? ''), seats: decision.tieSeats }
          : null,
      openSeats: setup.election.seats - decision.elected.length,
      warnings: warningsFor({
        kind: setup.election.kind,
        layout: setup.election.layout,
        round: setup.election.round,
        parent: setup.election.parent,
        seats: setup.election.seats,
        candidates: setup.candidates.length,
        override: setup.base.override,
        computedBase: computed,
        present: setup.base.present,
        issued,
        collected,
      }),
    };
  }

  private indexOf(id: string): number {
    const index = this.indexById.get(id);
    if (index === undefined) throw new RangeError(`unknown candidate ${id}`);
    return index;
  }

  private contributionOf(ballot: TallyBallot): Contribution {
    this.assertWellFormed(ballot);
    const classification = this.classify(ballot);
    if (classification.status !== 'valid' || ballot.marks.kind === 'paper') {
      return { classification, indices: [], layout: null };
    }
    if (ballot.marks.kind === 'strike') {
      return { classification, indices: ballot.marks.struck, layout: 'strike' };
    }
    const agreed: number[] = [];
    ballot.marks.marks.forEach((mark, i) => {
      if (mark === 'agree') agreed.push(i);
    });
    return { classification, indices: agreed, layout: 'approve' };
  }

  /** Callers validate input first (parseRecord, the service); reaching here malformed is a bug. */
  private assertWellFormed(ballot: TallyBallot): void {
    const count = this.setup.candidates.length;
    if (ballot.marks.kind === 'strike') {
      // A stamp per candidate instead of a Set: this runs for every ballot of a 100 000 recount.
      const stamp = ++this.stampGeneration;
      for (const i of ballot.marks.struck) {
        if (!Number.isInteger(i) || i < 0 || i >= count || this.stamps[i] === stamp) {
          throw new RangeError(`struck index ${i} is out of range or repeated`);
        }
        this.stamps[i] = stamp;
      }
    } else if (ballot.marks.kind === 'approve' && ballot.marks.marks.length !== count) {
      throw new RangeError(
        `approve ballot has ${ballot.marks.marks.length} marks for ${count} candidates`,
      );
    }
  }

  private apply(c: Contribution, sign: 1 | -1): void {
    if (c.classification.status === 'invalid') {
      const code = c.classification.code;
      this.invalidByCode.set(code, (this.invalidByCode.get(code) ?? 0) + sign);
      return;
    }
    this.valid += sign;
    if (c.layout === 'strike') {
      this.validStrike += sign;
      for (const i of c.indices) this.struckCount[i] = (this.struckCount[i] ?? 0) + sign;
    } else {
      for (const i of c.indices) this.agreeCount[i] = (this.agreeCount[i] ?? 0) + sign;
    }
  }
}

/** Parse-free convenience: the result of a parsed record. */
export const tallyRecord = (
  record: ElectionRecord,
  options?: { decimals?: number },
): ElectionResult => Tally.ofRecord(record).result(options);
