/**
 * `kiem-phieu verify FILE.kiemphieu`: proves that every row of every table is what the audit log
 * says. SQLite's integrity check; the hash chain; then the log replayed into a fresh file
 * (db/replay.ts) and compared with this one row by row (db/replay-compare.ts); and the backups
 * kept beside the file, whose chains must each be a prefix of this file's chain, so a log cut
 * back after a backup shows too. A tamperer who rewrites the whole chain consistently is caught
 * by a backup or by the chain's head printed on paper (stack slips, minutes, entry log).
 */
import Database from 'better-sqlite3';
import type { FileProblem } from '../core/verification.ts';
import { verifyChain } from './audit.ts';
import { integrityCheck, openDatabase, type Db } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { compareWithReplay } from './replay-compare.ts';
import { replayLog } from './replay.ts';
import { checkScanImages } from './scan/verify-images.ts';
import { checkReadings } from './verify-readings.ts';

export { fileProblemText, type FileProblem } from '../core/verification.ts';

export interface FileVerification {
  readonly ok: boolean;
  readonly integrity: readonly string[];
  readonly auditRows: number;
  /** Rows of every table compared with the replayed log (0 when the replay could not run). */
  readonly rowsCompared: number;
  readonly backupsChecked: number;
  /** Scanned images checked against the SHA-256 each sheet was recorded with. */
  readonly scansChecked: number;
  readonly head: string;
  readonly problems: readonly FileProblem[];
}

export interface VerifyOptions {
  /** Backups of this file (paths): each chain must be a prefix of the file's. */
  readonly backups?: readonly string[];
  /** The folder of scanned images beside the file (db/scan/image-store.ts). */
  readonly scans?: string;
}

const isSqliteError = (e: unknown): e is Error & { code: string } =>
  e instanceof Database.SqliteError;

export function verifyFile(db: Db, options: VerifyOptions = {}): FileVerification {
  // One snapshot for every read: the app may be saving ballots into the file meanwhile.
  const snapshot = !db.inTransaction;
  try {
    if (snapshot) db.exec('BEGIN');
    return verifyReadable(db, options);
  } catch (e) {
    // A file cut short or overwritten fails deep inside SQLite: a finding, not a crash.
    if (!isSqliteError(e)) throw e;
    return {
      ok: false,
      integrity: [],
      auditRows: 0,
      rowsCompared: 0,
      backupsChecked: 0,
      scansChecked: 0,
      head: '',
      problems: [{ kind: 'unreadable', detail: e.message }],
    };
  } finally {
    if (snapshot && db.inTransaction) db.exec('ROLLBACK');
  }
}

function verifyReadable(db: Db, options: VerifyOptions): FileVerification {
  const problems: FileProblem[] = [];
  const integrity = integrityCheck(db);
  const chain = verifyChain(db);
  let scansChecked = 0;
  const result = (rowsCompared: number, backupsChecked: number): FileVerification => ({
    ok: problems.length === 0,
    integrity,
    auditRows: chain.rows,
    rowsCompared,
    backupsChecked,
    scansChecked,
    head: chain.head,
    problems,
  });
  if (!(integrity.length === 1 && integrity[0] === 'ok')) {
    for (const detail of integrity) problems.push({ kind: 'integrity', detail });
    return result(0, 0);
  }
  if (chain.problem !== null) problems.push({ kind: 'chain', chain: chain.problem });
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  if (version !== latest) {
    problems.push({ kind: 'schema', version, latest });
    return result(0, 0);
  }

  const replay = replayLog(db);
  let rowsCompared = 0;
  try {
    problems.push(...replay.problems, ...compareWithReplay(db, replay.db, replay.uncommitted));
    // The minutes come only from agreed stacks: the counted ballots are the readings' own.
    problems.push(...checkReadings(db));
    rowsCompared = countRows(db);
  } finally {
    replay.db.close();
  }

  const hashes = db.prepare('SELECT hash FROM audit ORDER BY seq').pluck().all() as string[];
  for (const backup of options.backups ?? []) problems.push(...checkBackup(backup, hashes));
  if (options.scans !== undefined) {
    const images = checkScanImages(db, options.scans);
    problems.push(...images.problems);
    scansChecked = images.checked;
  }
  return result(rowsCompared, options.backups?.length ?? 0);
}

function countRows(db: Db): number {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return names.reduce(
    (sum, name) =>
      sum +
      (db
        .prepare(`SELECT COUNT(*) FROM "${name.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number),
    0,
  );
}

/** A backup's chain must be this file's chain up to the backup's last row. */
function checkBackup(backup: string, hashes: readonly string[]): FileProblem[] {
  let db: Db;
  try {
    db = openDatabase(backup, { readonly: true });
  } catch (e) {
    return [{ kind: 'backup-unreadable', backup, detail: (e as Error).message }];
  }
  try {
    for (const row of db.prepare('SELECT seq, hash FROM audit ORDER BY seq').iterate() as Iterable<{
      seq: number;
      hash: string;
    }>) {
      const mine = hashes[row.seq - 1];
      if (mine === undefined)
        return [{ kind: 'backup-ahead', backup, seq: row.seq, fileRows: hashes.length }];
      if (mine !== row.hash) return [{ kind: 'backup-diverges', backup, seq: row.seq }];
    }
    return [];
  } catch (e) {
    if (!isSqliteError(e)) throw e;
    return [{ kind: 'backup-unreadable', backup, detail: e.message }];
  } finally {
    db.close();
  }
}

/** Which of verify's four checks a problem belongs to (the CLI prints one line per check). */
export type Check = 'file' | 'chain' | 'tables' | 'backups' | 'scans';

export function checkOf(p: FileProblem): Check {
  switch (p.kind) {
    case 'unreadable':
    case 'integrity':
      return 'file';
    case 'chain':
      return 'chain';
    case 'backup-ahead':
    case 'backup-diverges':
    case 'backup-unreadable':
      return 'backups';
    case 'scan-missing':
    case 'scan-altered':
      return 'scans';
    default:
      return 'tables';
  }
}
