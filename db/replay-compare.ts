/**
 * Every row of every table of a congress file against the file its audit log rebuilds
 * (db/replay.ts): a row the log does not explain, a row the log wrote that the file lacks, and
 * every field that differs, named by table, row and column.
 *
 * Nothing is left out of the comparison. An operator's PIN hash is not in the log, but the log
 * commits to it (SHA-256 of the stored hash), and the replay puts the stored hash back only when
 * it matches that commitment. The audit table is compared as a chain: the first row whose content
 * differs is named (every later hash differs with it).
 */
import type { TableProblem } from '../core/verification.ts';
import type { AuditRow } from './audit.ts';
import type { Db } from './connection.ts';
import { PIN_HASH_NOT_COMMITTED } from './replay.ts';

export type { TableProblem } from '../core/verification.ts';

type Row = Record<string, unknown>;

const tables = (db: Db): string[] =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function shape(db: Db, table: string): { columns: string[]; key: string[] } {
  const info = db.prepare(`PRAGMA table_info(${quote(table)})`).all() as {
    name: string;
    pk: number;
  }[];
  const key = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return { columns: info.map((c) => c.name), key: key.length > 0 ? key : ['rowid'] };
}

/** How a row is named in a message: the identity a reader knows, not only the row id. */
function rowName(table: string, row: Row, key: readonly string[]): string {
  const v = (c: string) => String(row[c]);
  switch (table) {
    case 'ballot':
      return `id ${v('id')} (election ${v('election_id')}, n ${v('n')}, version ${v('version')})`;
    case 'candidate':
      return `id ${v('id')} (election ${v('election_id')}, ${v('code')})`;
    case 'election':
      return `id ${v('id')} (${v('code')})`;
    case 'operator':
    case 'delegate':
    case 'committee_member':
      return `id ${v('id')} (${v('name')})`;
    case 'base':
      return `id ${v('id')} (${row.election_id === null ? 'congress' : `election ${v('election_id')}`})`;
    default:
      return key.map((c) => `${c} ${v(c)}`).join(', ');
  }
}

/** SQLite values: a BLOB (a candidate's photo) comes back as a Buffer, equal by its bytes. */
const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));

const shown = (value: unknown): string => {
  if (Buffer.isBuffer(value)) return `(${value.length} bytes)`;
  const text =
    value === null ? 'NULL' : typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

const keyOf = (row: Row, key: readonly string[]): string => JSON.stringify(key.map((c) => row[c]));

function compareTable(file: Db, replayed: Db, table: string, problems: TableProblem[]): void {
  const f = shape(file, table);
  const r = shape(replayed, table);
  for (const column of r.columns) {
    if (!f.columns.includes(column)) problems.push({ kind: 'column-missing', table, column });
  }
  const columns = f.columns.filter((c) => r.columns.includes(c));
  const select = `SELECT ${f.key.includes('rowid') ? 'rowid, ' : ''}* FROM ${quote(table)} ORDER BY ${f.key.map(quote).join(', ')}`;
  const expected = new Map<string, Row>();
  for (const row of replayed.prepare(select).iterate() as Iterable<Row>) {
    expected.set(keyOf(row, f.key), row);
  }
  for (const row of file.prepare(select).iterate() as Iterable<Row>) {
    const k = keyOf(row, f.key);
    const logged = expected.get(k);
    if (logged === undefined) {
      problems.push({ kind: 'row-not-logged', table, row: rowName(table, row, f.key) });
      continue;
    }
    expected.delete(k);
    for (const column of columns) {
      if (sameValue(row[column], logged[column])) continue;
      const secret = table === 'operator' && column === 'pin_hash';
      problems.push({
        kind: 'field-changed',
        table,
        row: rowName(table, row, f.key),
        column,
        file: secret ? '(PIN hash)' : shown(row[column]),
        log: secret
          ? logged[column] === PIN_HASH_NOT_COMMITTED
            ? '(another PIN hash: the log commits to a different one)'
            : '(PIN hash)'
          : shown(logged[column]),
      });
    }
  }
  for (const row of expected.values()) {
    problems.push({ kind: 'row-missing', table, row: rowName(table, row, f.key) });
  }
}

/**
 * The logged rows against the rows the replay wrote, by content (the chain itself is checked on
 * its own): the first row that differs is named. A row whose only difference is an operator's
 * PIN commitment is left out: that operator's row already names it.
 */
function compareAudit(
  file: Db,
  replayed: Db,
  known: ReadonlySet<number>,
  problems: TableProblem[],
): void {
  const select = 'SELECT * FROM audit ORDER BY seq';
  const again = replayed.prepare(select).iterate() as IterableIterator<AuditRow>;
  try {
    for (const row of file.prepare(select).iterate() as Iterable<AuditRow>) {
      const next = again.next();
      if (next.done === true) return;
      const columns = (['seq', 'at', 'actor', 'command', 'payload'] as const).filter(
        (c) => next.value[c] !== row[c],
      );
      if (columns.length === 0 || (known.has(row.seq) && columns.join() === 'payload')) continue;
      problems.push({ kind: 'audit-differs', seq: row.seq, columns });
      return;
    }
  } finally {
    again.return?.();
  }
}

/**
 * The schema itself: a guard (trigger), index or table dropped, added or rewritten shows, even
 * when the tamperer put the rows back as they were.
 */
function compareSchema(file: Db, replayed: Db, problems: TableProblem[]): void {
  const select =
    "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
  const objects = (db: Db) =>
    new Map(
      (db.prepare(select).all() as { type: string; name: string; sql: string | null }[]).map(
        (o) => [`${o.type} ${o.name}`, o],
      ),
    );
  const mine = objects(file);
  const theirs = objects(replayed);
  for (const [k, o] of theirs) {
    const found = mine.get(k);
    if (found === undefined)
      problems.push({ kind: 'schema-object', type: o.type, name: o.name, change: 'missing' });
    else if (found.sql !== o.sql)
      problems.push({ kind: 'schema-object', type: o.type, name: o.name, change: 'changed' });
  }
  for (const [k, o] of mine) {
    if (!theirs.has(k))
      problems.push({ kind: 'schema-object', type: o.type, name: o.name, change: 'extra' });
  }
}

/**
 * Every table of `file` against the replayed file, row by row and field by field; the audit table
 * last. `uncommitted`: audit rows whose operator's PIN hash the replay found not committed.
 */
export function compareWithReplay(
  file: Db,
  replayed: Db,
  uncommitted: ReadonlySet<number> = new Set(),
): TableProblem[] {
  const problems: TableProblem[] = [];
  compareSchema(file, replayed, problems);
  // A table only one side has is named by the schema comparison.
  const inReplay = new Set(tables(replayed));
  const shared = tables(file).filter((t) => inReplay.has(t));
  for (const table of shared) if (table !== 'audit') compareTable(file, replayed, table, problems);
  if (shared.includes('audit')) compareAudit(file, replayed, uncommitted, problems);
  return problems;
}
