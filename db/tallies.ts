/**
 * One live Tally per election, kept in memory: built once from the file by a full count, then
 * updated ballot by ballot after each commit, so results after every entry cost microseconds.
 */
import type { Classification } from '../core/classify.ts';
import { enteredBallotSchema, type BallotContext, type EnteredBallot } from '../core/ballot.ts';
import { RECORD_FORMAT } from '../core/record.ts';
import { Tally, type ElectionSetup } from '../core/tally.ts';
import type { Db } from './connection.ts';
import * as store from './store.ts';
import type { BallotRow } from './store.ts';

/**
 * A stored ballot as the one ballot type (core/ballot.ts): its body with the ruling beside it,
 * read with the same schema as every ballot that comes in. A row that does not parse was not
 * written by the app: that is a bug or an edit behind its back, and it throws.
 */
export function enteredOf(row: BallotRow): EnteredBallot {
  const note = row.ruling_note === null || row.ruling_note === '' ? {} : { note: row.ruling_note };
  const ruling = row.ruling_code === null ? {} : { ruling: { invalid: row.ruling_code, ...note } };
  return enteredBallotSchema.parse({ n: row.n, ...(JSON.parse(row.body) as object), ...ruling });
}

export function setupOf(db: Db, electionId: number): ElectionSetup {
  const congress = store.requireCongress(db);
  const e = store.election(db, electionId);
  const b = store.base(db, electionId);
  return {
    format: RECORD_FORMAT,
    congress: {
      name: congress.name,
      organisation: congress.organisation,
      kind: congress.kind,
      ...(congress.term === undefined ? {} : { term: congress.term }),
      ...(congress.place === undefined ? {} : { place: congress.place }),
      ...(congress.dateStart === undefined ? {} : { date: congress.dateStart }),
      ...(congress.practice === true ? { practice: true as const } : {}),
    },
    rules: e.rules,
    base: {
      convened: b?.convened ?? 0,
      present: b?.present ?? undefined,
      exclusions: b?.exclusions.map((x) => ({ category: x.category, count: x.count })) ?? [],
      override: b?.override ?? null,
    },
    election: {
      id: e.code,
      title: e.title,
      kind: e.kind,
      layout: e.layout,
      seats: e.seats,
      round: e.round,
      ...(e.parentCode === null ? {} : { parent: e.parentCode }),
    },
    candidates: e.candidates.map((c) => ({ id: c.code, name: c.name })),
    issued: e.issued ?? 0,
  };
}

export class TallyCache {
  private readonly live = new Map<number, Tally>();
  private readonly converters = new Map<number, Tally>();
  private readonly contexts = new Map<number, BallotContext>();
  constructor(private readonly db: Db) {}

  get(electionId: number): Tally {
    let tally = this.live.get(electionId);
    if (tally === undefined) {
      tally = new Tally(setupOf(this.db, electionId));
      for (const row of store.currentBallots(this.db, electionId)) {
        if (row.voided === 0) tally.add(row.n, tally.fromEntered(enteredOf(row)));
      }
      this.live.set(electionId, tally);
    }
    return tally;
  }

  /** After a committed change to one ballot: take its old reading out, put the new one in. */
  applyBallot(electionId: number, previous: BallotRow | null, next: BallotRow): void {
    const tally = this.live.get(electionId);
    if (tally === undefined) return; // built from the file on next use
    if (previous !== null && previous.voided === 0) tally.remove(previous.n);
    if (next.voided === 0) tally.add(next.n, tally.fromEntered(enteredOf(next)));
  }

  /** How the engine reads one stored ballot; safe inside a transaction (counts nothing). */
  classify(electionId: number, row: BallotRow): Classification {
    const converter = this.converter(electionId);
    return converter.classify(converter.fromEntered(enteredOf(row)));
  }

  /** Setup changed (list, base, issued, rules): rebuild on next use. */
  invalidate(electionId?: number): void {
    if (electionId === undefined) {
      this.live.clear();
      this.converters.clear();
      this.contexts.clear();
    } else {
      this.live.delete(electionId);
      this.converters.delete(electionId);
      this.contexts.delete(electionId);
    }
  }

  /** The list as ballots are checked against it (cached with the converter). */
  ballotContext(electionId: number): BallotContext {
    let context = this.contexts.get(electionId);
    if (context === undefined) {
      const setup = this.converter(electionId).setup;
      const order = setup.candidates.map((c) => c.id);
      context = {
        layout: setup.election.layout,
        candidateIds: new Set(order),
        candidateOrder: order,
      };
      this.contexts.set(electionId, context);
    }
    return context;
  }

  /** A ballot-less tally of the election: its list and seats, to read ballots with. */
  private converter(electionId: number): Tally {
    let converter = this.live.get(electionId) ?? this.converters.get(electionId);
    if (converter === undefined) {
      converter = new Tally(setupOf(this.db, electionId));
      this.converters.set(electionId, converter);
    }
    return converter;
  }
}
