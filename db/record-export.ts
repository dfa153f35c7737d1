/** An election of this file as an election record (election-record.md), with its readings or not. */
import type { ElectionRecord } from '../core/record.ts';
import {
  LATER_CHANGES,
  type LaterChange,
  type RecordReadings,
  type RecordRuling,
  type RecordStack,
} from '../core/record-readings.ts';
import type { Ballot } from '../core/ballot.ts';
import { comparedReadings } from './commands/readings.ts';
import type { Db } from './connection.ts';
import { stmt } from './connection.ts';
import * as store from './store.ts';
import * as rows from './store/reading-rows.ts';
import { enteredOf, setupOf } from './tallies.ts';

export function exportRecord(db: Db, electionId: number): ElectionRecord {
  const { issued, ...setup } = setupOf(db, electionId);
  const entered = store
    .currentBallots(db, electionId)
    .filter((row) => row.voided === 0)
    .map(enteredOf);
  const e = store.election(db, electionId);
  const committee = store.signingCommittee(db, electionId);
  return {
    ...setup,
    ...(committee.length > 0 ? { committee } : {}),
    ballots: { issued: e.issued ?? (issued || entered.length), entered },
  };
}

/** A record that may carry its readings (core/record-readings.ts). */
export type RecordWithReadingsJson = ElectionRecord & { readonly readings?: RecordReadings };

/**
 * The record with every reading of its stacks beside the agreed ballots, when any stack was read;
 * otherwise the record as `exportRecord` gives it.
 */
export function exportRecordWithReadings(db: Db, electionId: number): RecordWithReadingsJson {
  const record = exportRecord(db, electionId);
  const readings = recordReadings(db, electionId);
  return readings === null ? record : { ...record, readings };
}

/**
 * The readings of the election's stacks, or null when none was ever read. A stack gave the
 * ballots first entered in it (version 1), in number order, which is its stack order; a ballot
 * the committee changed afterwards is listed in `changes` (without a time: nothing per ballot is).
 */
export function recordReadings(db: Db, electionId: number): RecordReadings | null {
  const stackRows = rows.stacks(db, electionId);
  if (stackRows.length === 0) return null;
  const labels = new Map(store.batches(db, electionId).map((b) => [b.id, b]));
  const given = stmt(
    db,
    'SELECT n FROM ballot WHERE election_id = ? AND batch_id = ? AND version = 1 ORDER BY n',
  );
  const stacks = stackRows.map((stack): RecordStack => {
    const batch = labels.get(stack.batch_id);
    // The readings that count, as the app compares them, in order; abandoned ones from their rows.
    const compared = comparedReadings(db, stack.batch_id);
    return {
      label: batch?.label ?? String(stack.batch_id),
      declared: batch?.declared ?? 0,
      status: stack.status,
      readings: rows.readings(db, stack.batch_id).map((r) => ({
        kind: r.kind,
        operator: r.operator,
        station: r.station,
        state: r.state,
        started: r.started_at,
        finished: r.finished_at,
        ballots: r.state === 'abandoned' ? rows.readingBallots(db, r.id) : (compared.shift() ?? []),
      })),
      rulings: rows.resolutions(db, stack.batch_id).map((r): RecordRuling =>
        r.reading === null
          ? {
              position: r.position,
              ballot: JSON.parse(r.ballot ?? 'null') as Ballot,
              by: r.resolved_by,
            }
          : { position: r.position, reading: r.reading, by: r.resolved_by },
      ),
      entered: (given.all(electionId, stack.batch_id) as { n: number }[]).map((b) => b.n),
    };
  });
  const fromStacks = new Set(stacks.flatMap((s) => s.entered));
  const changes = (
    stmt(
      db,
      'SELECT n, change FROM ballot WHERE election_id = ? AND version > 1 ORDER BY n, version',
    ).all(electionId) as { n: number; change: string }[]
  )
    .filter((c) => fromStacks.has(c.n) && (LATER_CHANGES as readonly string[]).includes(c.change))
    .map((c) => ({ n: c.n, change: c.change as LaterChange }));
  return { required: rows.requiredReadings(db, electionId), stacks, changes };
}
