/** Opening a congress file: pragmas for durability, migrations, and a first integrity check. */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { MIGRATIONS } from './migrations/index.ts';

export type Db = Database.Database;

export const FILE_EXTENSION = '.kiemphieu';
/** Written into the SQLite header, so a congress file is recognisable as one. */
export const APPLICATION_ID = 0x4b504831; // "KPH1"

export class CongressFileError extends Error {}

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise refuse). */
  readonly create?: boolean;
  /** Path of a better-sqlite3 native binding (the Electron build uses its own ABI). */
  readonly nativeBinding?: string;
  /** Open without writing anything (verify): no migration, no pragma that writes. */
  readonly readonly?: boolean;
}

export function openDatabase(
  path: string,
  { create = false, nativeBinding, readonly = false }: OpenOptions = {},
): Db {
  const exists = path === ':memory:' || existsSync(path);
  if (!exists && !create) throw new CongressFileError(`no congress file at ${path}`);
  const db = new Database(path, {
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
    ...(readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  if (readonly) {
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      db.close();
      throw new CongressFileError(`${path} is not a congress file`);
    }
    return db;
  }
  try {
    db.pragma('journal_mode = WAL');
    // Every commit reaches the disk before the operator sees "saved": a power cut loses nothing acknowledged.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (
      exists &&
      path !== ':memory:' &&
      appId !== APPLICATION_ID &&
      !(appId === 0 && version === 0)
    ) {
      throw new CongressFileError(`${path} is not a congress file`);
    }
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new CongressFileError(
      `the file was made by a newer version (schema ${current} > ${latest})`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
}

/** SQLite's own check of the file: "ok" or the problems it found. */
export function integrityCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check);
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection: preparing costs more than running the
 * small statements of a ballot commit.
 */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (cache === undefined) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The one number a query selects `AS n` (a count, a maximum); a count of nothing is 0. */
export const numberOf = (db: Db, sql: string, ...params: readonly unknown[]): number =>
  (stmt(db, sql).get(...params) as { n: number }).n;
