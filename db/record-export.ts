/** An election of this file as an election record (election-record.md). */
import type { ElectionRecord } from '../core/record.ts';
import type { Db } from './connection.ts';
import * as store from './store.ts';
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
