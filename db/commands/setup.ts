/** Setting up the congress: details, operators, delegates, the base, the counting committee. */
import type { Db } from '../connection.ts';
import { allowedExclusions } from '../../core/codes.ts';
import type { ElectionKind } from '../../core/codes.ts';
import { done, requireRole, type Handlers } from '../context.ts';
import { hashPin, pinCommitment } from '../pin.ts';
import { checkStatus } from '../../core/lifecycle/election.ts';
import { refuse } from '../refused.ts';
import * as store from '../store.ts';

type SetupCommands =
  | 'updateCongress'
  | 'addOperator'
  | 'importDelegates'
  | 'removeDelegate'
  | 'setAttendance'
  | 'setAttendanceAll'
  | 'setBase'
  | 'setCommittee';

/**
 * The congress's base, and the delegates' list behind it, are locked once an election counted
 * against that base is finalized: the refusal names the status.
 */
function refuseIfCongressBaseLocked(db: Db, path: string): void {
  for (const id of store.electionIds(db)) {
    const e = store.election(db, id);
    const checked = checkStatus('setBase', e.status);
    if (!checked.ok && store.base(db, id)?.scope === 'congress') refuse(checked.error, path);
  }
}

export const setupHandlers: Handlers<SetupCommands> = {
  updateCongress(ctx, input) {
    // A practice file stays practice and a real one real (migration 0008).
    const now = store.congress(ctx.db);
    const practice = now === null ? (input.practice ?? false) : (now.practice ?? false);
    if (input.practice !== undefined && input.practice !== practice)
      refuse({ code: 'practice-mixed', practice }, 'practice');
    store.writeCongress(ctx.db, input);
    return done(null, { after: () => ctx.tallies.invalidate() });
  },

  addOperator(ctx, input) {
    const count = store.operatorCount(ctx.db);
    // The first operator of a new file is its administrator; after that only an admin adds people.
    if (count === 0 && input.role !== 'admin')
      refuse({ code: 'forbidden', role: input.role, needed: ['admin'] }, 'role');
    if (count > 0) requireRole(ctx, ['admin']);
    if (store.operatorByName(ctx.db, input.name) !== undefined)
      refuse({ code: 'duplicate-code', id: input.name }, 'name');
    const pinHash = (ctx.hashPin ?? hashPin)(input.pin);
    const id = store.insertOperator(
      ctx.db,
      { name: input.name, role: input.role, pinHash },
      ctx.at,
    );
    // Never the PIN, nor its hash, in the log: a commitment to the stored hash, so verify can
    // check the operator row; without the hash's salt it tells nothing about the PIN.
    return done(
      { id },
      { log: { name: input.name, role: input.role, pinCommitment: pinCommitment(pinHash) } },
    );
  },

  importDelegates(ctx, input) {
    store.appendDelegates(ctx.db, input.people);
    return done({ count: input.people.length });
  },

  removeDelegate(ctx, input) {
    refuseIfCongressBaseLocked(ctx.db, 'delegateId');
    if (!store.deleteDelegate(ctx.db, input.delegateId))
      refuse({ code: 'not-found', what: 'delegate', id: String(input.delegateId) }, 'delegateId');
    return done(null);
  },

  setAttendance(ctx, input) {
    if (store.writeAttendance(ctx.db, input.delegateId, input.attendance, ctx.at) === 0)
      refuse({ code: 'not-found', what: 'delegate', id: String(input.delegateId) }, 'delegateId');
    return done(null);
  },

  setAttendanceAll(ctx, input) {
    return done({ count: store.writeAttendance(ctx.db, null, input.attendance, ctx.at) });
  },

  setBase(ctx, input) {
    const congress = store.requireCongress(ctx.db);
    let electionKind: ElectionKind = 'committee';
    if (input.electionId !== undefined) {
      const e = store.election(ctx.db, input.electionId);
      electionKind = e.kind;
      const checked = checkStatus('setBase', e.status);
      if (!checked.ok) refuse(checked.error, 'electionId');
    } else {
      refuseIfCongressBaseLocked(ctx.db, 'electionId');
    }
    const allowed = allowedExclusions(congress.kind, electionKind);
    input.exclusions.forEach((x, i) => {
      if (!allowed.includes(x.category as (typeof allowed)[number])) {
        refuse(
          { code: 'exclusion-category', category: x.category, allowed },
          `exclusions[${i}].category`,
        );
      }
    });
    const excluded = input.exclusions.reduce((s, x) => s + x.count, 0);
    if (input.override === null && input.convened - excluded < 1) {
      refuse({ code: 'base-below-one', convened: input.convened, excluded }, 'exclusions');
    }
    store.writeBase(ctx.db, input.electionId ?? null, input);
    const view = store.base(ctx.db, input.electionId);
    if (view === null) throw new Error('base just written is missing');
    return done(view, {
      electionId: input.electionId ?? null,
      after: () => ctx.tallies.invalidate(),
    });
  },

  setCommittee(ctx, input) {
    const heads = input.members.filter((m) => m.role === 'head').length;
    if (heads !== 1) refuse({ code: 'one-head', heads }, 'members');
    // A conference election's own committee; without an election, the congress's.
    if (input.electionId !== undefined) {
      const e = store.election(ctx.db, input.electionId);
      // Who signs is part of the election's record: it is fixed once the result is.
      const checked = checkStatus('setCommittee', e.status);
      if (!checked.ok) refuse(checked.error, 'electionId');
    }
    store.writeCommittee(ctx.db, input.electionId ?? null, input.members);
    return done(null, { electionId: input.electionId ?? null });
  },
};
