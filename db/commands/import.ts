/** An election record (election-record.md) becomes an election of this file, ballots and all. */
import { canonicalJson } from '../../core/canonical-json.ts';
import { parseRecord } from '../../core/record.ts';
import { done, type Handlers } from '../context.ts';
import { refuse, Refused } from '../refused.ts';
import * as store from '../store.ts';
import { bodyJson } from './ballots.ts';
import { insertElection } from './elections.ts';

export const importHandlers: Handlers<'importElection'> = {
  importElection(ctx, input) {
    const parsed = parseRecord(input.record);
    if (!parsed.ok) throw new Refused(parsed.error);
    const r = parsed.value;
    // Practice and real never mix (a file without a congress yet becomes what the record is).
    const own = store.congress(ctx.db);
    const practice = own === null ? (r.congress.practice ?? false) : (own.practice ?? false);
    if ((r.congress.practice ?? false) !== practice)
      refuse({ code: 'practice-mixed', practice }, 'congress.practice');
    if (store.congress(ctx.db) === null) {
      store.writeCongress(ctx.db, {
        name: r.congress.name,
        organisation: r.congress.organisation,
        kind: r.congress.kind,
        rules: r.rules,
        ...(r.congress.term === undefined ? {} : { term: r.congress.term }),
        ...(r.congress.place === undefined ? {} : { place: r.congress.place }),
        ...(r.congress.date === undefined ? {} : { dateStart: r.congress.date }),
        ...(r.congress.practice === undefined ? {} : { practice: true }),
      });
    }
    const congressCommittee = store.committee(ctx.db);
    if (r.committee !== undefined && congressCommittee.length === 0)
      store.writeCommittee(ctx.db, null, r.committee);
    if (store.codeTaken(ctx.db, r.election.id)) {
      refuse({ code: 'duplicate-code', id: r.election.id }, 'election.id');
    }
    // Ballots go in while the election is "counting" (the file's own lock allows nothing else).
    const electionId = insertElection(ctx, {
      code: r.election.id,
      title: r.election.title,
      kind: r.election.kind,
      layout: r.election.layout,
      seats: r.election.seats,
      round: r.election.round,
      parentCode: r.election.parent ?? null,
      rules: r.rules,
      status: 'counting',
      issued: r.ballots.issued,
    });
    r.candidates.forEach((c, i) =>
      store.insertCandidate(ctx.db, { electionId, code: c.id, name: c.name, ord: i + 1 }),
    );
    // A committee other than the congress's (a conference's own) stays the election's own.
    if (
      r.committee !== undefined &&
      congressCommittee.length > 0 &&
      canonicalJson(r.committee) !== canonicalJson(congressCommittee)
    )
      store.writeCommittee(ctx.db, electionId, r.committee);
    // The record carries its own base: the election keeps it, whatever the congress's base says.
    store.writeBase(ctx.db, electionId, {
      convened: r.base.convened,
      present: r.base.present ?? null,
      exclusions: r.base.exclusions,
      override: r.base.override,
    });
    const rows = r.ballots.entered.map((b) =>
      store.insertBallotVersion(ctx.db, {
        election_id: electionId,
        n: b.n,
        version: 1,
        ...bodyJson(b),
        voided: 0,
        void_reason: null,
        change: 'import',
        change_reason: null,
        batch_id: null,
        entered_by: ctx.actor.name,
        entered_at: ctx.at,
        client_key: null,
      }),
    );
    store.setStatus(ctx.db, electionId, 'closed');
    return done(
      { electionId, code: r.election.id, ballots: rows.length },
      {
        electionId,
        // The record itself, so replaying the log rebuilds the election (verify).
        log: { code: r.election.id, electionId, ballots: rows.length, record: input.record },
        after: () => ctx.tallies.invalidate(electionId),
      },
    );
  },
};
