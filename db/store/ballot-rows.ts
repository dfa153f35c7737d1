/** The rows the ballot commands read and write besides ballot versions: statuses, keys, stacks. */
import type { Db } from '../connection.ts';
import { numberOf, stmt } from '../connection.ts';
import type { ElectionStatus } from '../../core/lifecycle/election.ts';
import type { BatchRow } from './reads.ts';

/** One column, not the whole election: every ballot command checks it first. */
export const electionStatus = (db: Db, electionId: number): ElectionStatus | undefined =>
  (
    stmt(db, 'SELECT status FROM election WHERE id = ?').get(electionId) as
      { status: ElectionStatus } | undefined
  )?.status;

/** The first version saved under a station's client key, to recognise a repeated save. */
export const firstByClientKey = (
  db: Db,
  electionId: number,
  clientKey: string,
):
  { n: number; body: string; ruling_code: string | null; ruling_note: string | null } | undefined =>
  stmt(
    db,
    'SELECT n, body, ruling_code, ruling_note FROM ballot WHERE election_id = ? AND client_key = ? AND version = 1',
  ).get(electionId, clientKey) as
    { n: number; body: string; ruling_code: string | null; ruling_note: string | null } | undefined;

export const batch = (db: Db, batchId: number): BatchRow | undefined =>
  stmt(db, 'SELECT * FROM batch WHERE id = ?').get(batchId) as BatchRow | undefined;

export const batchCount = (db: Db, electionId: number): number =>
  numberOf(db, 'SELECT COUNT(*) AS n FROM batch WHERE election_id = ?', electionId);

export const insertBatch = (
  db: Db,
  row: { electionId: number; label: string; declared: number },
): number =>
  Number(
    stmt(db, 'INSERT INTO batch (election_id, label, declared) VALUES (?, ?, ?)').run(
      row.electionId,
      row.label,
      row.declared,
    ).lastInsertRowid,
  );

export const closeBatch = (db: Db, batchId: number): void => {
  stmt(db, 'UPDATE batch SET closed = 1 WHERE id = ?').run(batchId);
};
