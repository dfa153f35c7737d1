/** The service's queries: read-only, each answering with a view of core/views.ts. */
import type { ParsedQuery, QueryName } from '../core/api.ts';
import type { BallotView, QueryOutputs } from '../core/views.ts';
import { verifyChain } from './audit.ts';
import type { Db } from './connection.ts';
import { exportRecord } from './record-export.ts';
import { candidateDetailsOf, candidatePhotoBytes } from './commands/candidate-details.ts';
import { readingsView } from './commands/readings.ts';
import { refuse } from './refused.ts';
import * as store from './store.ts';
import type { BallotRow } from './store.ts';
import type { TallyCache } from './tallies.ts';

export interface QueryCtx {
  readonly db: Db;
  readonly tallies: TallyCache;
}

type QueryHandlers = {
  readonly [K in QueryName]: (ctx: QueryCtx, input: ParsedQuery<K>) => QueryOutputs[K];
};

function ballotView(ctx: QueryCtx, electionId: number, row: BallotRow): BallotView {
  let status: BallotView['status'] = 'voided';
  if (row.voided === 0) {
    const c = ctx.tallies.classify(electionId, row);
    status = c.status === 'valid' ? 'valid' : c.code;
  }
  return {
    n: row.n,
    version: row.version,
    body: store.parseBody(row),
    ruling:
      row.ruling_code === null
        ? null
        : {
            invalid: row.ruling_code as NonNullable<BallotView['ruling']>['invalid'],
            ...(row.ruling_note === null ? {} : { note: row.ruling_note }),
          },
    voided: row.voided === 1,
    voidReason: row.void_reason,
    change: row.change,
    changeReason: row.change_reason,
    batchId: row.batch_id,
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
    status,
  };
}

function matches(view: BallotView, names: ReadonlyMap<string, string>, search: string): boolean {
  const q = search.trim().toLowerCase().normalize('NFC');
  if (q === '') return true;
  if (/^\d+$/u.test(q)) return view.n === Number(q);
  if (view.status.includes(q)) return true;
  if ('struck' in view.body)
    return view.body.struck.some((code) => (names.get(code) ?? '').toLowerCase().includes(q));
  return false;
}

export const queryHandlers: QueryHandlers = {
  congress: ({ db }) => store.congress(db),

  delegates: ({ db }) => store.delegates(db),

  base: ({ db }, input) => store.base(db, input.electionId),

  committee: ({ db }, input) => store.committee(db, input.electionId),

  operators: ({ db }) => store.operators(db),

  elections: ({ db }) => store.electionIds(db).map((id) => store.election(db, id)),

  election: ({ db }, input) => store.election(db, input.electionId),

  candidateDetails: ({ db }, input) => candidateDetailsOf(db, input.electionId),

  candidatePhoto: ({ db }, input) => ({ base64: candidatePhotoBytes(db, input.sha256) }),

  ballots(ctx, input) {
    const e = store.election(ctx.db, input.electionId);
    const names = new Map(e.candidates.map((c) => [c.code, c.name]));
    return store
      .currentBallots(ctx.db, input.electionId)
      .map((row) => ballotView(ctx, input.electionId, row))
      .filter((v) => (input.includeVoided || !v.voided) && matches(v, names, input.search ?? ''));
  },

  ballotHistory(ctx, input) {
    store.currentBallot(ctx.db, input.electionId, input.n);
    return store
      .ballotVersions(ctx.db, input.electionId, input.n)
      .map((row) => ballotView(ctx, input.electionId, row));
  },

  results(ctx, input) {
    const e = store.election(ctx.db, input.electionId);
    if (e.rules === 'party' && store.base(ctx.db, input.electionId) === null) {
      refuse({ code: 'not-found', what: 'base', id: 'congress' }, 'base');
    }
    const tally = ctx.tallies.get(input.electionId);
    // Until the committee states the ballots issued, the count itself stands in for it.
    return tally.result({ decimals: input.decimals, issued: e.issued ?? tally.collected });
  },

  progress(ctx, input) {
    const e = store.election(ctx.db, input.electionId);
    const tally = ctx.tallies.get(input.electionId);
    const r = tally.result();
    const voided = store.voidedCount(ctx.db, input.electionId);
    const batches = store.batches(ctx.db, input.electionId).map((b) => {
      const entered = store.batchEntered(ctx.db, b.id);
      return {
        id: b.id,
        label: b.label,
        declared: b.declared,
        entered,
        closed: b.closed === 1,
        difference: entered - b.declared,
      };
    });
    return {
      electionId: e.id,
      status: e.status,
      issued: e.issued,
      collected: r.ballots.collected,
      valid: r.ballots.valid,
      invalid: r.ballots.invalid,
      voided,
      lastN: store.nextBallotNumber(ctx.db, e.id) - 1,
      batches,
    };
  },

  audit({ db }, input) {
    const rows = store.auditPage(db, {
      command: input.command ?? null,
      electionId: input.electionId ?? null,
      beforeSeq: input.beforeSeq ?? null,
      limit: input.limit,
    });
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      command: r.command,
      payload: JSON.parse(r.payload),
      hash: r.hash,
    }));
  },

  verifyAudit({ db }) {
    const chain = verifyChain(db);
    return {
      ok: chain.problem === null,
      rows: chain.rows,
      head: chain.head,
      firstBrokenSeq: chain.problem?.seq ?? null,
      problem: chain.problem?.kind ?? null,
    };
  },

  exportRecord: ({ db }, input) => exportRecord(db, input.electionId),

  display: ({ db }) => store.display(db),

  scans: ({ db }, input) => {
    store.election(db, input.electionId);
    return store.scans(db, input.electionId, input.readingId);
  },

  readings: ({ db }, input) => readingsView(db, input.electionId),
};
