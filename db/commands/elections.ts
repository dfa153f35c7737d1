/** Elections: the list, the lifecycle draft → open → counting → closed → finalized, follow-ups. */
import { sortBallotOrder } from '../../core/names.ts';
import {
  checkStatus,
  isLocked,
  nextStatus,
  type ElectionCommand,
  type ElectionStatus,
} from '../../core/lifecycle/election.ts';
import type { ElectionKind } from '../../core/codes.ts';
import { done, requireRole, type Ctx, type Handlers } from '../context.ts';
import { refuse } from '../refused.ts';
import { followReadings, requireConfirmed, requireStacksSettled } from './readings.ts';
import * as store from '../store.ts';

type ElectionCommands =
  | 'setDisplay'
  | 'createElection'
  | 'setCandidates'
  | 'reorderCandidates'
  | 'setIssued'
  | 'openElection'
  | 'startCounting'
  | 'closeElection'
  | 'finalizeElection'
  | 'reopenElection'
  | 'suspendElection'
  | 'resumeElection'
  | 'createFollowUp';

/** Refuses unless the lifecycle allows `command` on the election in its status; returns it. */
/** Done, with the election's tally recomputed after the commit: its list or its counts changed. */
const doneRetallied = (ctx: Ctx, electionId: number) =>
  done(null, { electionId, after: () => ctx.tallies.invalidate(electionId) });

export function requireAllowed(ctx: Ctx, electionId: number, command: ElectionCommand) {
  const e = store.election(ctx.db, electionId);
  const checked = checkStatus(command, e.status);
  if (!checked.ok) refuse(checked.error, 'electionId');
  return e;
}

function uniqueCode(ctx: Ctx, wanted: string): string {
  if (!store.codeTaken(ctx.db, wanted)) return wanted;
  for (let i = 2; ; i++) if (!store.codeTaken(ctx.db, `${wanted}-${i}`)) return `${wanted}-${i}`;
}

const KIND_CODES: Readonly<Record<ElectionKind, string>> = {
  committee: 'bch',
  'standing-committee': 'btv',
  secretary: 'bt',
  'deputy-secretary': 'pbt',
  'inspection-committee': 'ubkt',
  'inspection-chair': 'cnubkt',
  'official-delegates': 'dbct',
  'alternate-delegates': 'dbdk',
  other: 'khac',
};

/** Replaces the list; codes c1…cN follow the final ballot order. */
export function writeCandidates(
  ctx: Ctx,
  electionId: number,
  names: readonly string[],
  order: 'ballot' | 'as-given',
): void {
  const ordered = order === 'ballot' ? sortBallotOrder(names, (n) => n) : [...names];
  store.replaceCandidates(ctx.db, electionId, ordered);
}

export const insertElection = (ctx: Ctx, e: store.NewElection): number =>
  store.insertElection(ctx.db, e, ctx.at);

/** Counting needs a list and a base; say so before the first ballot, not after. */
function requireReadyToCount(ctx: Ctx, electionId: number): void {
  const e = store.election(ctx.db, electionId);
  if (e.candidates.length === 0) refuse({ code: 'too-small', min: 1 }, 'candidates');
  if (e.rules === 'party' && store.base(ctx.db, electionId) === null) {
    refuse({ code: 'not-found', what: 'base', id: 'congress' }, 'base');
  }
}

/** Moves the election where the lifecycle says `command` leads; returns the status it left. */
function transition(ctx: Ctx, electionId: number, command: ElectionCommand): ElectionStatus {
  const e = requireAllowed(ctx, electionId, command);
  store.setStatus(ctx.db, electionId, nextStatus(command, e.status, null));
  return e.status;
}

export const electionHandlers: Handlers<ElectionCommands> = {
  setDisplay(ctx, input) {
    if (input.electionId !== null) store.election(ctx.db, input.electionId);
    store.setDisplay(ctx.db, input.electionId, input.showFigures);
    return done(store.display(ctx.db), { electionId: input.electionId });
  },

  createElection(ctx, input) {
    store.requireCongress(ctx.db);
    const code = input.code ?? uniqueCode(ctx, KIND_CODES[input.kind]);
    if (input.code !== undefined && store.codeTaken(ctx.db, code)) {
      refuse({ code: 'duplicate-code', id: code }, 'code');
    }
    const electionId = insertElection(ctx, {
      code,
      title: input.title,
      kind: input.kind,
      layout: input.layout,
      seats: input.seats,
      round: 1,
      parentCode: null,
      rules: null,
      status: 'draft',
      issued: null,
    });
    writeCandidates(ctx, electionId, input.candidates, input.order);
    return done({ electionId, code }, { electionId });
  },

  setCandidates(ctx, input) {
    requireAllowed(ctx, input.electionId, 'setCandidates');
    writeCandidates(ctx, input.electionId, input.candidates, input.order);
    return doneRetallied(ctx, input.electionId);
  },

  reorderCandidates(ctx, input) {
    const e = requireAllowed(ctx, input.electionId, 'reorderCandidates');
    const codes = e.candidates.map((c) => c.code);
    const permutation =
      input.order.length === codes.length &&
      new Set(input.order).size === codes.length &&
      input.order.every((c) => codes.includes(c));
    if (!permutation) refuse({ code: 'bad-order' }, 'order');
    store.reorderCandidates(ctx.db, input.electionId, input.order);
    return doneRetallied(ctx, input.electionId);
  },

  setIssued(ctx, input) {
    requireAllowed(ctx, input.electionId, 'setIssued');
    store.setIssued(ctx.db, input.electionId, input.issued);
    return doneRetallied(ctx, input.electionId);
  },

  openElection(ctx, input) {
    requireAllowed(ctx, input.electionId, 'openElection');
    requireReadyToCount(ctx, input.electionId);
    transition(ctx, input.electionId, 'openElection');
    return done(null, { electionId: input.electionId });
  },

  startCounting(ctx, input) {
    requireAllowed(ctx, input.electionId, 'startCounting');
    requireReadyToCount(ctx, input.electionId);
    transition(ctx, input.electionId, 'startCounting');
    return done(null, { electionId: input.electionId });
  },

  closeElection(ctx, input) {
    // A sheet in review is a ballot nobody has read yet: the count is not over.
    const undecided = store.undecidedScans(ctx.db, input.electionId, null);
    if (undecided > 0) refuse({ code: 'scans-undecided', count: undecided }, 'electionId');
    // A stack whose readings do not agree yet, or whose differences are unruled, is not counted.
    requireStacksSettled(ctx, input.electionId);
    transition(ctx, input.electionId, 'closeElection');
    return done(null, { electionId: input.electionId, milestone: 'close' });
  },

  finalizeElection(ctx, input) {
    requireAllowed(ctx, input.electionId, 'finalizeElection');
    requireConfirmed(ctx, input.electionId);
    transition(ctx, input.electionId, 'finalizeElection');
    return done(null, { electionId: input.electionId, milestone: 'finalize' });
  },

  reopenElection(ctx, input) {
    const e = requireAllowed(ctx, input.electionId, 'reopenElection');
    // Unlocking a finalized result is an administrator's act, with its reason in the log.
    if (isLocked(e.status)) requireRole(ctx, ['admin']);
    transition(ctx, input.electionId, 'reopenElection');
    return done(null, { electionId: input.electionId, log: { ...input, from: e.status } });
  },

  suspendElection(ctx, input) {
    const e = requireAllowed(ctx, input.electionId, 'suspendElection');
    store.suspend(ctx.db, input.electionId, {
      status: nextStatus('suspendElection', e.status, null),
      before: e.status,
      note: input.note,
    });
    return done(null, { electionId: input.electionId });
  },

  resumeElection(ctx, input) {
    const e = requireAllowed(ctx, input.electionId, 'resumeElection');
    const before = store.statusBeforeSuspension(ctx.db, input.electionId);
    store.resume(ctx.db, input.electionId, nextStatus('resumeElection', e.status, before));
    return done(null, { electionId: input.electionId });
  },

  createFollowUp(ctx, input) {
    const parent = requireAllowed(ctx, input.electionId, 'createFollowUp');
    const tally = ctx.tallies.get(input.electionId);
    const result = tally.result({ issued: parent.issued ?? tally.collected });
    const byCode = new Map(parent.candidates.map((c) => [c.code, c]));
    let names: string[];
    let seats: number;
    if (input.kind === 'revote') {
      if (result.tie === null) refuse({ code: 'no-follow-up', status: result.status }, 'kind');
      names = result.tie.candidates.map((code) => byCode.get(code)?.name ?? code);
      seats = result.tie.seats;
    } else {
      if (result.tie !== null || result.openSeats === 0)
        refuse({ code: 'no-follow-up', status: result.status }, 'kind');
      const elected = new Set(result.elected);
      names = parent.candidates.filter((c) => !elected.has(c.code)).map((c) => c.name);
      seats = result.openSeats;
    }
    const all = [...names, ...input.addCandidates];
    const round = parent.round + 1;
    const what = input.kind === 'revote' ? 'bầu lại' : 'bầu tiếp';
    const code = uniqueCode(ctx, `${parent.code}-v${round}`);
    const ownBase = store.base(ctx.db, input.electionId);
    const electionId = insertElection(ctx, {
      code,
      title: input.title ?? `${parent.title} — ${what} (vòng ${round})`,
      kind: parent.kind,
      layout: all.length > seats ? 'strike' : 'approve',
      seats,
      round,
      parentCode: parent.code,
      rules: parent.rules,
      status: 'draft',
      issued: null,
    });
    // The tied or remaining candidates keep the parent's order; added names go to their place.
    writeCandidates(ctx, electionId, all, input.addCandidates.length > 0 ? 'ballot' : 'as-given');
    if (ownBase !== null && ownBase.scope === 'election')
      store.writeBase(ctx.db, electionId, ownBase);
    // A congress that reads each stack twice reads the re-vote's twice too.
    followReadings(ctx, input.electionId, electionId);
    return done({ electionId, code, seats, candidates: all }, { electionId });
  },
};
