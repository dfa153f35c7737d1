/** The rows the setup commands write: operators, the delegates' list and their attendance. */
import type { Db } from '../connection.ts';
import { numberOf, stmt } from '../connection.ts';
import type { personInput } from '../../core/api.ts';
import type { DelegateView, Role } from '../../core/views.ts';
import type { z } from 'zod';

export const operatorCount = (db: Db): number => numberOf(db, 'SELECT COUNT(*) AS n FROM operator');

export const insertOperator = (
  db: Db,
  o: { readonly name: string; readonly role: Role; readonly pinHash: string },
  at: string,
): number =>
  Number(
    stmt(db, 'INSERT INTO operator (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)').run(
      o.name,
      o.role,
      o.pinHash,
      at,
    ).lastInsertRowid,
  );

/** Appends `people` to the delegates' list, after the last one, in their order. */
export function appendDelegates(db: Db, people: readonly z.output<typeof personInput>[]): void {
  const start = numberOf(db, 'SELECT COALESCE(MAX(ord), 0) AS n FROM delegate');
  const insert = stmt(
    db,
    'INSERT INTO delegate (name, unit, position, category, status, ord) VALUES (?, ?, ?, ?, ?, ?)',
  );
  people.forEach((p, i) =>
    insert.run(
      p.name,
      p.unit ?? null,
      p.position ?? null,
      p.category ?? null,
      p.status,
      start + i + 1,
    ),
  );
}

/** False when there is no such delegate. */
export const deleteDelegate = (db: Db, id: number): boolean =>
  stmt(db, 'DELETE FROM delegate WHERE id = ?').run(id).changes > 0;

/** One delegate's attendance, or everyone's (`id` null); how many rows it changed. */
export const writeAttendance = (
  db: Db,
  id: number | null,
  attendance: DelegateView['attendance'],
  at: string,
): number => {
  const when = attendance === 'unknown' ? null : at;
  return id === null
    ? stmt(db, 'UPDATE delegate SET attendance = ?, attendance_at = ?').run(attendance, when)
        .changes
    : stmt(db, 'UPDATE delegate SET attendance = ?, attendance_at = ? WHERE id = ?').run(
        attendance,
        when,
        id,
      ).changes;
};
