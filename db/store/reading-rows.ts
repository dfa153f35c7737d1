/**
 * The readings of stacks (migration 0007): per election how many each stack needs, per stack its
 * state, its readings with their ballots in stack order, the committee's rulings, and the
 * committee's confirmations of a result. Rows are written once; a stack moves its state forward,
 * a reading ends once.
 */
import type { Ballot } from '../../core/ballot.ts';
import type {
  ReadingKind,
  ReadingState,
  RequiredReadings,
  StackStatus,
} from '../../core/readings/stack.ts';
import type { Db } from '../connection.ts';
import { numberOf, stmt } from '../connection.ts';

export interface StackRow {
  readonly batch_id: number;
  readonly election_id: number;
  readonly required: RequiredReadings;
  readonly status: StackStatus;
  /** JSON list of positions, once compared. */
  readonly differences: string | null;
  readonly settled_at: string | null;
}

export interface ReadingRow {
  readonly id: number;
  readonly batch_id: number;
  readonly ord: number;
  readonly kind: ReadingKind;
  readonly operator: string;
  readonly station: string;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly state: ReadingState;
}

export interface ResolutionRow {
  readonly id: number;
  readonly batch_id: number;
  readonly position: number;
  readonly reading: number | null;
  readonly ballot: string | null;
  readonly resolved_by: string;
  readonly resolved_at: string;
}

export const requiredReadings = (db: Db, electionId: number): RequiredReadings =>
  (
    stmt(db, 'SELECT readings FROM election WHERE id = ?').get(electionId) as
      { readings: RequiredReadings } | undefined
  )?.readings ?? 1;

export const setRequiredReadings = (db: Db, electionId: number, readings: number): void => {
  stmt(db, 'UPDATE election SET readings = ? WHERE id = ?').run(readings, electionId);
};

/** Whether any ballot or reading of the election exists: then its readings are fixed. */
export const countingBegun = (db: Db, electionId: number): boolean =>
  stmt(
    db,
    `SELECT 1 FROM ballot WHERE election_id = ?
     UNION ALL SELECT 1 FROM reading_stack WHERE election_id = ? LIMIT 1`,
  ).get(electionId, electionId) !== undefined;

export const stack = (db: Db, batchId: number): StackRow | undefined =>
  stmt(db, 'SELECT * FROM reading_stack WHERE batch_id = ?').get(batchId) as StackRow | undefined;

export const stacks = (db: Db, electionId: number): StackRow[] =>
  stmt(db, 'SELECT * FROM reading_stack WHERE election_id = ? ORDER BY batch_id').all(
    electionId,
  ) as StackRow[];

export const insertStack = (
  db: Db,
  s: { batchId: number; electionId: number; required: RequiredReadings },
): void => {
  stmt(
    db,
    "INSERT INTO reading_stack (batch_id, election_id, required, status) VALUES (?, ?, ?, 'open')",
  ).run(s.batchId, s.electionId, s.required);
};

export const moveStack = (
  db: Db,
  batchId: number,
  change: { status: StackStatus; differences?: readonly number[]; settledAt?: string },
): void => {
  stmt(
    db,
    `UPDATE reading_stack SET status = ?, differences = COALESCE(?, differences),
       settled_at = COALESCE(?, settled_at) WHERE batch_id = ?`,
  ).run(
    change.status,
    change.differences === undefined ? null : JSON.stringify(change.differences),
    change.settledAt ?? null,
    batchId,
  );
};

export const readings = (db: Db, batchId: number): ReadingRow[] =>
  stmt(db, 'SELECT * FROM reading WHERE batch_id = ? ORDER BY ord').all(batchId) as ReadingRow[];

export const reading = (db: Db, readingId: number): ReadingRow | undefined =>
  stmt(db, 'SELECT * FROM reading WHERE id = ?').get(readingId) as ReadingRow | undefined;

export const insertReading = (
  db: Db,
  r: {
    batchId: number;
    ord: number;
    kind: ReadingKind;
    operator: string;
    station: string;
    at: string;
  },
): number =>
  Number(
    stmt(
      db,
      `INSERT INTO reading (batch_id, ord, kind, operator, station, started_at, state)
       VALUES (?, ?, ?, ?, ?, ?, 'reading')`,
    ).run(r.batchId, r.ord, r.kind, r.operator, r.station, r.at).lastInsertRowid,
  );

export const endReading = (
  db: Db,
  readingId: number,
  state: 'finished' | 'abandoned',
  at: string,
): void => {
  stmt(db, 'UPDATE reading SET state = ?, finished_at = ? WHERE id = ?').run(state, at, readingId);
};

export const readingBallots = (db: Db, readingId: number): Ballot[] =>
  (
    stmt(db, 'SELECT body FROM reading_ballot WHERE reading_id = ? ORDER BY position').all(
      readingId,
    ) as { body: string }[]
  ).map((r) => JSON.parse(r.body) as Ballot);

export const readingBallotCount = (db: Db, readingId: number): number =>
  numberOf(db, 'SELECT COUNT(*) AS n FROM reading_ballot WHERE reading_id = ?', readingId);

export const readingBallotByKey = (
  db: Db,
  readingId: number,
  clientKey: string,
): { position: number; body: string } | undefined =>
  stmt(db, 'SELECT position, body FROM reading_ballot WHERE reading_id = ? AND client_key = ?').get(
    readingId,
    clientKey,
  ) as { position: number; body: string } | undefined;

export const insertReadingBallot = (
  db: Db,
  b: { readingId: number; position: number; ballot: Ballot; clientKey: string | null },
): void => {
  stmt(
    db,
    'INSERT INTO reading_ballot (reading_id, position, body, client_key) VALUES (?, ?, ?, ?)',
  ).run(b.readingId, b.position, JSON.stringify(b.ballot), b.clientKey);
};

/** Every ruling of the stack, oldest first (a later one of the same position replaces it). */
export const resolutions = (db: Db, batchId: number): ResolutionRow[] =>
  stmt(db, 'SELECT * FROM reading_resolution WHERE batch_id = ? ORDER BY id').all(
    batchId,
  ) as ResolutionRow[];

export const insertResolution = (
  db: Db,
  r: {
    batchId: number;
    position: number;
    reading: number | null;
    ballot: Ballot | null;
    by: string;
    at: string;
  },
): void => {
  stmt(
    db,
    `INSERT INTO reading_resolution (batch_id, position, reading, ballot, resolved_by, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    r.batchId,
    r.position,
    r.reading,
    r.ballot === null ? null : JSON.stringify(r.ballot),
    r.by,
    r.at,
  );
};

/**
 * Labels of the election's stacks whose ballots do not count yet: a stack being read or with
 * differences; and, when the election needs more than one reading, a stack never read.
 */
export const unsettledStacks = (db: Db, electionId: number): string[] =>
  (
    stmt(
      db,
      `SELECT b.label FROM batch b JOIN election e ON e.id = b.election_id
         LEFT JOIN reading_stack s ON s.batch_id = b.id
        WHERE b.election_id = ?
          AND ((s.batch_id IS NULL AND e.readings > 1)
            OR s.status IN ('open', 'reading', 'differ'))
        ORDER BY b.id`,
    ).all(electionId) as { label: string }[]
  ).map((r) => r.label);

/** Whether the file has a committee member who can log in (and so confirm a result). */
export const hasCommitteeOperator = (db: Db): boolean =>
  stmt(db, "SELECT 1 FROM operator WHERE role = 'committee' LIMIT 1").get() !== undefined;

export const committeeOperator = (db: Db, name: string): boolean =>
  stmt(db, "SELECT 1 FROM operator WHERE role = 'committee' AND name = ?").get(name) !== undefined;

/** The seq the next audit row gets (the command's own, written later in the same transaction). */
export const nextAuditSeq = (db: Db): number =>
  numberOf(db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM audit');

export const insertConfirmation = (
  db: Db,
  c: { electionId: number; by: string; at: string; seq: number },
): void => {
  stmt(
    db,
    'INSERT INTO confirmation (election_id, confirmed_by, confirmed_at, audit_seq) VALUES (?, ?, ?, ?)',
  ).run(c.electionId, c.by, c.at, c.seq);
};

export interface ConfirmationRow {
  readonly confirmed_by: string;
  readonly confirmed_at: string;
  readonly audit_seq: number;
}

export const lastConfirmation = (db: Db, electionId: number): ConfirmationRow | undefined =>
  stmt(
    db,
    `SELECT confirmed_by, confirmed_at, audit_seq FROM confirmation WHERE election_id = ?
      ORDER BY id DESC LIMIT 1`,
  ).get(electionId) as ConfirmationRow | undefined;

/**
 * Commands after audit row `seq` that change what the election's result says: anything done to
 * its ballots, status, issued count, base or committee (a congress-wide base or committee too).
 */
export const resultChangedSince = (db: Db, electionId: number, seq: number): boolean =>
  stmt(
    db,
    `SELECT 1 FROM audit WHERE seq > ?
        AND (json_extract(payload, '$.electionId') = ?
             AND command NOT IN ('setDisplay', 'setCandidateDetails', 'setCandidatePhoto',
                                 'confirmResult', 'createFollowUp')
          OR command IN ('setBase', 'setCommittee', 'updateCongress')
             AND json_extract(payload, '$.electionId') IS NULL)
      LIMIT 1`,
  ).get(seq, electionId) !== undefined;
