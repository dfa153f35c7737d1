/** The election rows the lifecycle and setup commands write: codes, lists, statuses, the display. */
import type { Db } from '../connection.ts';
import { stmt } from '../connection.ts';
import type { RuleSet } from '../../core/codes.ts';
import type { ElectionView } from '../../core/views.ts';
import type { ElectionStatus } from '../../core/lifecycle/election.ts';

export const codeTaken = (db: Db, code: string): boolean =>
  stmt(db, 'SELECT 1 FROM election WHERE code = ?').get(code) !== undefined;

export const electionTitleByCode = (db: Db, code: string): string | undefined =>
  (stmt(db, 'SELECT title FROM election WHERE code = ?').get(code) as { title: string } | undefined)
    ?.title;

/** An election as first written: its view's own columns; no rule set stated means the congress's. */
export type NewElection = Pick<
  ElectionView,
  'code' | 'title' | 'kind' | 'layout' | 'seats' | 'round' | 'parentCode' | 'status' | 'issued'
> & { readonly rules: RuleSet | null };

export const insertElection = (db: Db, e: NewElection, at: string): number =>
  Number(
    stmt(
      db,
      `INSERT INTO election (code, title, kind, layout, seats, round, parent_code, rules, status, issued, created_at)
         VALUES (@code, @title, @kind, @layout, @seats, @round, @parentCode, @rules, @status, @issued, @at)`,
    ).run({ ...e, at }).lastInsertRowid,
  );

/** Replaces an election's list with `names` in that order, coded c1…cN. */
export function replaceCandidates(db: Db, electionId: number, names: readonly string[]): void {
  stmt(db, 'DELETE FROM candidate WHERE election_id = ?').run(electionId);
  const insert = stmt(
    db,
    'INSERT INTO candidate (election_id, code, name, ord) VALUES (?, ?, ?, ?)',
  );
  names.forEach((name, i) => insert.run(electionId, `c${i + 1}`, name, i + 1));
}

/** Inserts one candidate with its own code, as an imported record names it. */
export const insertCandidate = (
  db: Db,
  c: { electionId: number; code: string; name: string; ord: number },
): void => {
  stmt(db, 'INSERT INTO candidate (election_id, code, name, ord) VALUES (?, ?, ?, ?)').run(
    c.electionId,
    c.code,
    c.name,
    c.ord,
  );
};

/**
 * Puts the list in `order` (codes). Two passes so UNIQUE (election, ord) and CHECK (ord >= 1)
 * hold at every step: first past the end of the list, then into place.
 */
export function reorderCandidates(db: Db, electionId: number, order: readonly string[]): void {
  const update = stmt(db, 'UPDATE candidate SET ord = ? WHERE election_id = ? AND code = ?');
  order.forEach((code, i) => update.run(order.length + i + 1, electionId, code));
  order.forEach((code, i) => update.run(i + 1, electionId, code));
}

export const setIssued = (db: Db, electionId: number, issued: number): void => {
  stmt(db, 'UPDATE election SET issued = ? WHERE id = ?').run(issued, electionId);
};

export const suspend = (
  db: Db,
  electionId: number,
  s: { status: ElectionStatus; before: ElectionStatus; note: string },
): void => {
  stmt(
    db,
    'UPDATE election SET status = ?, status_before_suspension = ?, suspended_note = ? WHERE id = ?',
  ).run(s.status, s.before, s.note, electionId);
};

export const resume = (db: Db, electionId: number, status: ElectionStatus): void => {
  stmt(
    db,
    'UPDATE election SET status = ?, status_before_suspension = NULL, suspended_note = NULL WHERE id = ?',
  ).run(status, electionId);
};

export const setDisplay = (db: Db, electionId: number | null, showFigures: boolean): void => {
  stmt(db, 'UPDATE display SET election_id = ?, show_figures = ? WHERE id = 1').run(
    electionId,
    showFigures ? 1 : 0,
  );
};
