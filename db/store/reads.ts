/** The rows the queries read that no command needs: delegates, operators, versions, stacks, the log. */
import type { AuditRow } from '../audit.ts';
import type { Db } from '../connection.ts';
import { numberOf, stmt } from '../connection.ts';
import type { BallotRow } from '../store.ts';
import type { DelegateView, Role } from '../../core/views.ts';

export function delegates(db: Db): DelegateView[] {
  const rows = stmt(db, 'SELECT * FROM delegate ORDER BY ord').all() as {
    id: number;
    name: string;
    unit: string | null;
    position: string | null;
    category: string | null;
    status: DelegateView['status'];
    attendance: DelegateView['attendance'];
    attendance_at: string | null;
  }[];
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    unit: d.unit,
    position: d.position,
    category: d.category,
    status: d.status,
    attendance: d.attendance,
    attendanceAt: d.attendance_at,
  }));
}

export const operators = (db: Db): { id: number; name: string; role: Role }[] =>
  stmt(db, 'SELECT id, name, role FROM operator ORDER BY id').all() as {
    id: number;
    name: string;
    role: Role;
  }[];

/** An operator with the hash their PIN is checked against. */
export const operatorByName = (
  db: Db,
  name: string,
): { name: string; role: Role; pin_hash: string } | undefined =>
  stmt(db, 'SELECT name, role, pin_hash FROM operator WHERE name = ?').get(name) as
    { name: string; role: Role; pin_hash: string } | undefined;

/** Every version of ballot n, oldest first. */
export const ballotVersions = (db: Db, electionId: number, n: number): BallotRow[] =>
  stmt(db, 'SELECT * FROM ballot WHERE election_id = ? AND n = ? ORDER BY version').all(
    electionId,
    n,
  ) as BallotRow[];

export const voidedCount = (db: Db, electionId: number): number =>
  numberOf(
    db,
    'SELECT COUNT(*) AS n FROM ballot WHERE election_id = ? AND current = 1 AND voided = 1',
    electionId,
  );

export interface BatchRow {
  readonly id: number;
  readonly election_id: number;
  readonly label: string;
  readonly declared: number;
  readonly closed: number;
}

export const batches = (db: Db, electionId: number): BatchRow[] =>
  stmt(db, 'SELECT * FROM batch WHERE election_id = ? ORDER BY id').all(electionId) as BatchRow[];

export function auditPage(
  db: Db,
  filter: {
    command: string | null;
    electionId: number | null;
    beforeSeq: number | null;
    limit: number;
  },
): AuditRow[] {
  return stmt(
    db,
    `SELECT * FROM audit WHERE (@command IS NULL OR command = @command)
         AND (@electionId IS NULL OR json_extract(payload, '$.electionId') = @electionId)
         AND (@beforeSeq IS NULL OR seq < @beforeSeq)
       ORDER BY seq DESC LIMIT @limit`,
  ).all(filter) as AuditRow[];
}

/** The hash of the last audit row: the head of the chain that paper documents print. */
export const lastAuditHash = (db: Db): string | null =>
  (
    stmt(db, 'SELECT hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
      { hash: string } | undefined
  )?.hash ?? null;
