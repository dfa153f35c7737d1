/**
 * Reading and writing rows: the one place in db/ that speaks SQL (with db/store/*, re-exported
 * here), so commands, queries and hosts speak in views.
 */
export * from './store/reads.ts';
export * from './store/ballot-rows.ts';
export * from './store/election-rows.ts';
export * from './store/setup-rows.ts';
export * from './store/scan-rows.ts';
import { listWarnings } from '../core/warnings.ts';
import type { RuleSet } from '../core/codes.ts';
import type { ElectionStatus } from '../core/refusal.ts';
import type { BallotBody, BaseView, CandidateView, ElectionView } from '../core/views.ts';
import type { CongressDetails } from '../core/api.ts';
import type { Db } from './connection.ts';
import { numberOf, stmt } from './connection.ts';
import { refuse } from './refused.ts';

interface ElectionRow {
  id: number;
  code: string;
  title: string;
  kind: ElectionView['kind'];
  layout: ElectionView['layout'];
  seats: number;
  round: number;
  parent_code: string | null;
  rules: RuleSet | null;
  status: ElectionStatus;
  status_before_suspension: ElectionStatus | null;
  suspended_note: string | null;
  issued: number | null;
}

export interface BallotRow {
  id: number;
  election_id: number;
  n: number;
  version: number;
  current: number;
  body: string;
  ruling_code: string | null;
  ruling_note: string | null;
  voided: number;
  void_reason: string | null;
  change: 'enter' | 'correct' | 'void' | 'rule' | 'import';
  change_reason: string | null;
  batch_id: number | null;
  entered_by: string;
  entered_at: string;
  client_key: string | null;
}

export function congress(db: Db): CongressDetails | null {
  const row = stmt(db, 'SELECT * FROM congress WHERE id = 1').get() as
    | {
        name: string;
        organisation: string;
        kind: 'delegates' | 'members';
        rules: RuleSet;
        term: string | null;
        place: string | null;
        date_start: string | null;
        date_end: string | null;
        practice?: number;
      }
    | undefined;
  if (row === undefined) return null;
  return {
    name: row.name,
    organisation: row.organisation,
    kind: row.kind,
    rules: row.rules,
    ...(row.term === null ? {} : { term: row.term }),
    ...(row.place === null ? {} : { place: row.place }),
    ...(row.date_start === null ? {} : { dateStart: row.date_start }),
    ...(row.date_end === null ? {} : { dateEnd: row.date_end }),
    ...(row.practice === 1 ? { practice: true } : {}),
  };
}

export function requireCongress(db: Db): CongressDetails {
  return congress(db) ?? refuse({ code: 'not-found', what: 'congress', id: '1' });
}

export function writeCongress(db: Db, c: CongressDetails): void {
  stmt(
    db,
    // practice is written with the first row only (migration 0008 keeps it fixed).
    `INSERT INTO congress (id, name, organisation, kind, rules, term, place, date_start, date_end, practice)
     VALUES (1, @name, @organisation, @kind, @rules, @term, @place, @dateStart, @dateEnd, @practice)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation,
       kind = excluded.kind, rules = excluded.rules, term = excluded.term, place = excluded.place,
       date_start = excluded.date_start, date_end = excluded.date_end`,
  ).run({
    name: c.name,
    organisation: c.organisation,
    kind: c.kind,
    rules: c.rules,
    term: c.term ?? null,
    place: c.place ?? null,
    dateStart: c.dateStart ?? null,
    dateEnd: c.dateEnd ?? null,
    practice: c.practice === true ? 1 : 0,
  });
}

function electionRow(db: Db, electionId: number): ElectionRow {
  const row = stmt(db, 'SELECT * FROM election WHERE id = ?').get(electionId) as
    ElectionRow | undefined;
  return (
    row ?? refuse({ code: 'not-found', what: 'election', id: String(electionId) }, 'electionId')
  );
}

export function candidates(db: Db, electionId: number): CandidateView[] {
  return stmt(
    db,
    'SELECT id, code, name, ord FROM candidate WHERE election_id = ? ORDER BY ord',
  ).all(electionId) as CandidateView[];
}

export function election(db: Db, electionId: number): ElectionView {
  const row = electionRow(db, electionId);
  const list = candidates(db, electionId);
  const rules = row.rules ?? congress(db)?.rules ?? 'party';
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    layout: row.layout,
    seats: row.seats,
    round: row.round,
    parentCode: row.parent_code,
    rules,
    status: row.status,
    suspendedNote: row.suspended_note,
    issued: row.issued,
    candidates: list,
    listWarnings: listWarnings({
      kind: row.kind,
      layout: row.layout,
      round: row.round,
      parent: row.parent_code,
      seats: row.seats,
      candidates: list.length,
    }),
  };
}

export function statusBeforeSuspension(db: Db, electionId: number): ElectionStatus | null {
  return electionRow(db, electionId).status_before_suspension;
}

export function electionIds(db: Db): number[] {
  return (stmt(db, 'SELECT id FROM election ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
}

export function setStatus(db: Db, electionId: number, status: ElectionStatus): void {
  stmt(db, 'UPDATE election SET status = ? WHERE id = ?').run(status, electionId);
}

/** The base an election uses: its own (a conference, an imported record) or the congress's. */
export function base(db: Db, electionId?: number): BaseView | null {
  const row =
    (electionId === undefined
      ? undefined
      : stmt(db, 'SELECT * FROM base WHERE election_id = ?').get(electionId)) ??
    stmt(db, 'SELECT * FROM base WHERE election_id IS NULL').get();
  if (row === undefined) return null;
  const b = row as {
    id: number;
    election_id: number | null;
    convened: number;
    present: number | null;
    override_base: number | null;
    override_note: string | null;
  };
  const exclusions = stmt(
    db,
    'SELECT category, count FROM base_exclusion WHERE base_id = ? ORDER BY ord',
  ).all(b.id) as { category: string; count: number }[];
  return {
    scope: b.election_id === null ? 'congress' : 'election',
    convened: b.convened,
    present: b.present,
    exclusions,
    override:
      b.override_base === null ? null : { base: b.override_base, note: b.override_note ?? '' },
    computed: b.convened - exclusions.reduce((s, x) => s + x.count, 0),
  };
}

export function writeBase(
  db: Db,
  electionId: number | null,
  b: Omit<BaseView, 'scope' | 'computed'>,
): void {
  const existing = stmt(db, 'SELECT id FROM base WHERE election_id IS ?').get(electionId) as
    { id: number } | undefined;
  if (existing !== undefined) {
    stmt(db, 'DELETE FROM base_exclusion WHERE base_id = ?').run(existing.id);
    stmt(db, 'DELETE FROM base WHERE id = ?').run(existing.id);
  }
  const { lastInsertRowid } = stmt(
    db,
    'INSERT INTO base (election_id, convened, present, override_base, override_note) VALUES (?, ?, ?, ?, ?)',
  ).run(electionId, b.convened, b.present, b.override?.base ?? null, b.override?.note ?? null);
  const insert = stmt(
    db,
    'INSERT INTO base_exclusion (base_id, ord, category, count) VALUES (?, ?, ?, ?)',
  );
  b.exclusions.forEach((x, i) => insert.run(lastInsertRowid, i + 1, x.category, x.count));
}

export type CommitteeMember = { name: string; role: 'head' | 'member' };

/** The congress's counting committee, or with `electionId` that election's own (maybe none). */
export function committee(db: Db, electionId?: number): CommitteeMember[] {
  return stmt(
    db,
    'SELECT name, role FROM committee_member WHERE election_id IS ? ORDER BY ord',
  ).all(electionId ?? null) as CommitteeMember[];
}

/** The committee that signs an election's minutes: its own, else the congress's. */
export function signingCommittee(db: Db, electionId: number): CommitteeMember[] {
  const own = committee(db, electionId);
  return own.length > 0 ? own : committee(db);
}

/** Replaces the congress's committee, or with `electionId` that election's own; the head first. */
export function writeCommittee(
  db: Db,
  electionId: number | null,
  members: readonly CommitteeMember[],
): void {
  stmt(db, 'DELETE FROM committee_member WHERE election_id IS ?').run(electionId);
  const insert = stmt(
    db,
    'INSERT INTO committee_member (name, role, ord, election_id) VALUES (?, ?, ?, ?)',
  );
  const ordered = [...members].sort((a, b) => (a.role === b.role ? 0 : a.role === 'head' ? -1 : 1));
  ordered.forEach((m, i) => insert.run(m.name, m.role, i + 1, electionId));
}

export function currentBallots(db: Db, electionId: number): BallotRow[] {
  return stmt(db, 'SELECT * FROM ballot WHERE election_id = ? AND current = 1 ORDER BY n').all(
    electionId,
  ) as BallotRow[];
}

export function currentBallot(db: Db, electionId: number, n: number): BallotRow {
  const row = stmt(db, 'SELECT * FROM ballot WHERE election_id = ? AND n = ? AND current = 1').get(
    electionId,
    n,
  ) as BallotRow | undefined;
  return row ?? refuse({ code: 'not-found', what: 'ballot', id: String(n) }, 'n', n);
}

export function nextBallotNumber(db: Db, electionId: number): number {
  const row = stmt(db, 'SELECT MAX(n) AS n FROM ballot WHERE election_id = ?').get(electionId) as {
    n: number | null;
  };
  return (row.n ?? 0) + 1;
}

export type NewBallotVersion = Omit<BallotRow, 'id' | 'current'>;

/** Adds a version and makes it current; the previous version stays, no longer current. */
export function insertBallotVersion(db: Db, v: NewBallotVersion): BallotRow {
  stmt(db, 'UPDATE ballot SET current = 0 WHERE election_id = ? AND n = ? AND current = 1').run(
    v.election_id,
    v.n,
  );
  const { lastInsertRowid } = stmt(
    db,
    `INSERT INTO ballot (election_id, n, version, current, body, ruling_code, ruling_note, voided,
         void_reason, change, change_reason, batch_id, entered_by, entered_at, client_key)
       VALUES (@election_id, @n, @version, 1, @body, @ruling_code, @ruling_note, @voided,
         @void_reason, @change, @change_reason, @batch_id, @entered_by, @entered_at, @client_key)`,
  ).run(v);
  return { ...v, id: Number(lastInsertRowid), current: 1 };
}

export const parseBody = (row: Pick<BallotRow, 'body'>): BallotBody =>
  JSON.parse(row.body) as BallotBody;

/** Ballots of a stack that count (current, not voided). */
export function batchEntered(db: Db, batchId: number): number {
  return numberOf(
    db,
    'SELECT COUNT(*) AS n FROM ballot WHERE batch_id = ? AND current = 1 AND voided = 0',
    batchId,
  );
}

export function display(db: Db): { electionId: number | null; showFigures: boolean } {
  const row = stmt(db, 'SELECT election_id, show_figures FROM display WHERE id = 1').get() as
    { election_id: number | null; show_figures: number } | undefined;
  return { electionId: row?.election_id ?? null, showFigures: row?.show_figures === 1 };
}
