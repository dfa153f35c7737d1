/**
 * Ballots: enter, correct, void, rule — each a new version beside the earlier ones — and the
 * stacks (batches) whose declared counts must reconcile.
 */
import { checkBallot, type Ballot } from '../../core/ballot.ts';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { BallotView, EnterBallotOutput } from '../../core/views.ts';
import { checkStatus, type ElectionCommand } from '../../core/lifecycle/election.ts';
import { done, type Ctx, type Handlers, type Outcome } from '../context.ts';
import { refuse, Refused } from '../refused.ts';
import * as store from '../store.ts';
import type { BallotRow, NewBallotVersion } from '../store.ts';
import { requireAllowed } from './elections.ts';
import { requireSingleReading, requireStackSettled } from './readings.ts';

type BallotCommands =
  'enterBallot' | 'correctBallot' | 'voidBallot' | 'ruleBallot' | 'openBatch' | 'closeBatch';

/** What the audit log keeps of a ballot version: everything but its row id and current flag. */
export function ballotLog(row: BallotRow): Omit<BallotRow, 'id' | 'current'> {
  const { id: _id, current: _current, ...rest } = row;
  return rest;
}

/**
 * A ballot (its shape parsed at the command's boundary) checked against the election's list and
 * layout, which only the file knows.
 */
function checkedAgainstList(ctx: Ctx, electionId: number, ballot: Ballot, n: number): Ballot {
  const refusals = checkBallot(ballot, 'ballot', ctx.tallies.ballotContext(electionId), n);
  if (refusals.length > 0) throw new Refused(refusals);
  return ballot;
}

/** The stored columns of a ballot: the body (the marks, or the paper ruling) and the ruling beside the marks. */
export function bodyJson(ballot: Ballot): {
  body: string;
  ruling_code: string | null;
  ruling_note: string | null;
} {
  if ('invalid' in ballot) {
    const paper =
      ballot.note === undefined
        ? { invalid: ballot.invalid }
        : { invalid: ballot.invalid, note: ballot.note };
    return { body: JSON.stringify(paper), ruling_code: null, ruling_note: null };
  }
  const marks = 'struck' in ballot ? { struck: ballot.struck } : { marks: ballot.marks };
  return {
    body: JSON.stringify(marks),
    ruling_code: ballot.ruling?.invalid ?? null,
    ruling_note: ballot.ruling?.note ?? null,
  };
}

/** Two stored forms hold the same ballot (the marks compared as values, not as text). */
function sameBallot(
  a: { body: string; ruling_code: string | null; ruling_note: string | null },
  b: { body: string; ruling_code: string | null; ruling_note: string | null },
): boolean {
  return (
    canonicalJson(JSON.parse(a.body)) === canonicalJson(JSON.parse(b.body)) &&
    a.ruling_code === b.ruling_code &&
    a.ruling_note === b.ruling_note
  );
}

/** The current version of ballot n, for a correction, void or ruling: it must not be voided. */
function liveBallot(
  ctx: Ctx,
  electionId: number,
  n: number,
  command: 'correctBallot' | 'voidBallot' | 'ruleBallot',
): BallotRow {
  requireStatusFor(ctx, electionId, command);
  const current = store.currentBallot(ctx.db, electionId, n);
  if (current.voided === 1) refuse({ code: 'already-voided', n }, 'n', n);
  return current;
}

/** The one check every ballot command makes first; reads one column, not the whole election. */
export function requireStatusFor(ctx: Ctx, electionId: number, command: ElectionCommand): void {
  const status = store.electionStatus(ctx.db, electionId);
  if (status === undefined)
    refuse({ code: 'not-found', what: 'election', id: String(electionId) }, 'electionId');
  const checked = checkStatus(command, status);
  if (!checked.ok) refuse(checked.error, 'electionId');
}

export function statusOf(ctx: Ctx, electionId: number, row: BallotRow): BallotView['status'] {
  if (row.voided === 1) return 'voided';
  const c = ctx.tallies.classify(electionId, row);
  return c.status === 'valid' ? 'valid' : c.code;
}

export function saved(
  ctx: Ctx,
  electionId: number,
  previous: BallotRow | null,
  row: BallotRow,
): Outcome<EnterBallotOutput> {
  return done(
    { n: row.n, version: row.version, status: statusOf(ctx, electionId, row) },
    {
      electionId,
      log: { electionId, ballot: ballotLog(row) },
      after: () => ctx.tallies.applyBallot(electionId, previous, row),
    },
  );
}

function newVersion(
  ctx: Ctx,
  previous: BallotRow,
  change: Partial<NewBallotVersion>,
): NewBallotVersion {
  const { id: _id, current: _current, ...rest } = previous;
  return {
    ...rest,
    version: previous.version + 1,
    change_reason: null,
    entered_by: ctx.actor.name,
    entered_at: ctx.at,
    client_key: null,
    ...change,
  };
}

/**
 * A new ballot, numbered next, into an open stack of the election: the one way a ballot enters,
 * typed or scanned. The caller has checked the election's status for its own command.
 */
export function insertNewBallot(
  ctx: Ctx,
  electionId: number,
  ballot: Ballot,
  { batchId, clientKey }: { batchId: number | null; clientKey: string | null },
): BallotRow {
  if (batchId !== null) {
    const batch = store.batch(ctx.db, batchId);
    if (batch === undefined || batch.election_id !== electionId || batch.closed === 1) {
      refuse({ code: 'not-found', what: 'batch', id: String(batchId) }, 'batchId');
    }
  }
  const n = store.nextBallotNumber(ctx.db, electionId);
  return store.insertBallotVersion(ctx.db, {
    election_id: electionId,
    n,
    version: 1,
    ...bodyJson(checkedAgainstList(ctx, electionId, ballot, n)),
    voided: 0,
    void_reason: null,
    change: 'enter',
    change_reason: null,
    batch_id: batchId,
    entered_by: ctx.actor.name,
    entered_at: ctx.at,
    client_key: clientKey,
  });
}

export const ballotHandlers: Handlers<BallotCommands> = {
  enterBallot(ctx, input) {
    if (input.clientKey !== undefined) {
      // The same entry sent again (the station lost the answer): it is saved already; say so.
      const first = store.firstByClientKey(ctx.db, input.electionId, input.clientKey);
      if (first !== undefined) {
        // Another ballot under a key already used is not a repeat: saying "saved" would drop it.
        if (!sameBallot(first, bodyJson(input.ballot)))
          refuse({ code: 'client-key-conflict', n: first.n }, 'clientKey');
        const current = store.currentBallot(ctx.db, input.electionId, first.n);
        return done(
          {
            n: current.n,
            version: current.version,
            status: statusOf(ctx, input.electionId, current),
          },
          {
            electionId: input.electionId,
            log: { electionId: input.electionId, replayOf: first.n, clientKey: input.clientKey },
          },
        );
      }
    }
    requireStatusFor(ctx, input.electionId, 'enterBallot');
    requireSingleReading(ctx, input.electionId);
    const row = insertNewBallot(ctx, input.electionId, input.ballot, {
      batchId: input.batchId ?? null,
      clientKey: input.clientKey ?? null,
    });
    return saved(ctx, input.electionId, null, row);
  },

  correctBallot(ctx, input) {
    const previous = liveBallot(ctx, input.electionId, input.n, 'correctBallot');
    const checked = checkedAgainstList(ctx, input.electionId, input.ballot, input.n);
    const body = bodyJson(checked);
    // A ruling given with the correction replaces the old one; otherwise the old ruling stays beside the new marks.
    const keepRuling = !('ruling' in checked && checked.ruling) && !('invalid' in checked);
    const row = store.insertBallotVersion(
      ctx.db,
      newVersion(ctx, previous, {
        ...body,
        ...(keepRuling
          ? { ruling_code: previous.ruling_code, ruling_note: previous.ruling_note }
          : {}),
        change: 'correct',
        change_reason: input.reason ?? null,
      }),
    );
    return saved(ctx, input.electionId, previous, row);
  },

  voidBallot(ctx, input) {
    const previous = liveBallot(ctx, input.electionId, input.n, 'voidBallot');
    const row = store.insertBallotVersion(
      ctx.db,
      newVersion(ctx, previous, {
        voided: 1,
        void_reason: input.reason,
        change: 'void',
        change_reason: input.reason,
      }),
    );
    return saved(ctx, input.electionId, previous, row);
  },

  ruleBallot(ctx, input) {
    const previous = liveBallot(ctx, input.electionId, input.n, 'ruleBallot');
    if ('invalid' in (store.parseBody(previous) as object))
      refuse({ code: 'ruling-on-paper-invalid' }, 'ruling', input.n);
    if (input.ruling?.invalid === 'other' && input.ruling.note === undefined) {
      refuse({ code: 'note-required' }, 'ruling.note', input.n);
    }
    const row = store.insertBallotVersion(
      ctx.db,
      newVersion(ctx, previous, {
        ruling_code: input.ruling?.invalid ?? null,
        ruling_note: input.ruling?.note ?? null,
        change: 'rule',
      }),
    );
    return saved(ctx, input.electionId, previous, row);
  },

  openBatch(ctx, input) {
    requireStatusFor(ctx, input.electionId, 'openBatch');
    const batchId = store.insertBatch(ctx.db, {
      electionId: input.electionId,
      label: input.label ?? `Tập ${store.batchCount(ctx.db, input.electionId) + 1}`,
      declared: input.declared,
    });
    return done({ batchId }, { electionId: input.electionId });
  },

  closeBatch(ctx, input) {
    const batch = store.batch(ctx.db, input.batchId);
    if (batch === undefined)
      refuse({ code: 'not-found', what: 'batch', id: String(input.batchId) }, 'batchId');
    requireAllowed(ctx, batch.election_id, 'closeBatch');
    requireStackSettled(ctx, batch.id);
    const undecided = store.undecidedScans(ctx.db, batch.election_id, batch.id);
    if (undecided > 0) refuse({ code: 'scans-undecided', count: undecided }, 'batchId');
    store.closeBatch(ctx.db, batch.id);
    const entered = store.batchEntered(ctx.db, batch.id);
    return done(
      { declared: batch.declared, entered, difference: entered - batch.declared },
      { electionId: batch.election_id },
    );
  },
};
