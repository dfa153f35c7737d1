/**
 * Consistent snapshots of the congress file (SQLite's online backup), kept beside it in
 * `FILE.kiemphieu.backups/` with a rolling limit, and a restore that keeps the file it replaces.
 */
import { cp } from 'node:fs/promises';
import { scansDir } from './scan/image-store.ts';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Refusal } from '../core/refusal.ts';
import { err, ok, type Result } from '../core/result.ts';
import { openDatabase, type Db } from './connection.ts';
import { verifyFile, type FileVerification } from './verify.ts';

export const DEFAULT_BACKUP_LIMIT = 30;

export const backupDir = (file: string): string => `${file}.backups`;

const stamp = (iso: string): string => iso.replace(/[:.]/gu, '-');

export interface BackupInfo {
  readonly path: string;
  readonly reason: string;
  readonly bytes: number;
}

/** Takes a snapshot now; prunes the oldest beyond `limit`. */
export async function takeBackup(
  db: Db,
  file: string,
  { reason, at, limit = DEFAULT_BACKUP_LIMIT }: { reason: string; at: string; limit?: number },
): Promise<string> {
  const dir = backupDir(file);
  mkdirSync(dir, { recursive: true });
  const name = `${basename(file, '.kiemphieu')}-${stamp(at)}-${reason}.kiemphieu`;
  const target = join(dir, name);
  await writeCopy(db, target);
  prune(dir, limit);
  return target;
}

/**
 * SQLite's online backup from the app's own connection: consistent however many commands run
 * while it copies (they are carried into the copy). Written beside the target and renamed when
 * whole and on the disk, so a crash or a pulled stick never leaves a torn copy under the name.
 */
async function writeCopy(db: Db, target: string): Promise<void> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    // Whole-file steps after the first: another connection writing restarts a step, never starves it.
    await db.backup(partial, { progress: ({ totalPages }) => Math.max(100, totalPages) });
    // One self-contained file: no journal beside it to lose on the way to another machine.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  try {
    syncFile(join(target, '..'));
  } catch {
    // A folder cannot be opened for syncing on Windows; the rename is the file system's to keep.
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function listBackups(file: string): BackupInfo[] {
  const dir = backupDir(file);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.kiemphieu'))
    .sort()
    .map((n) => ({
      path: join(dir, n),
      reason:
        n
          .replace(/\.kiemphieu$/u, '')
          .split('-')
          .pop() ?? '',
      bytes: statSync(join(dir, n)).size,
    }));
}

function prune(dir: string, limit: number): void {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.kiemphieu'))
    .sort();
  for (const n of names.slice(0, Math.max(0, names.length - limit)))
    rmSync(join(dir, n), { force: true });
}

/**
 * Replaces `file` with a backup after checking the backup verifies. The replaced file is kept as
 * `FILE.before-restore-<time>` — a restore never destroys anything.
 */
export function restoreBackup(
  backup: string,
  file: string,
  at: string,
): { verification: FileVerification; keptAs: string | null } {
  const db = openDatabase(backup);
  let verification: FileVerification;
  try {
    verification = verifyFile(db);
  } finally {
    db.close();
  }
  if (!verification.ok) return { verification, keptAs: null };
  let keptAs: string | null = null;
  if (existsSync(file)) {
    keptAs = `${file}.before-restore-${stamp(at)}`;
    // Fold the WAL into the file first so the kept copy is whole.
    const current = openDatabase(file);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    renameSync(file, keptAs);
    for (const ext of ['-wal', '-shm']) rmSync(`${file}${ext}`, { force: true });
  }
  copyFileSync(backup, file);
  setAsideLaterBackups(file, at);
  return { verification, keptAs };
}

/**
 * After a restore, backups taken later than the restored one hold a history the file no longer
 * has; verify requires every backup beside the file to be a prefix of its chain, so they move to
 * a folder of their own (kept, never deleted).
 */
function setAsideLaterBackups(file: string, at: string): void {
  const db = openDatabase(file, { readonly: true });
  let hashes: string[];
  try {
    hashes = db.prepare('SELECT hash FROM audit ORDER BY seq').pluck().all() as string[];
  } finally {
    db.close();
  }
  const aside = join(backupDir(file), `superseded-${stamp(at)}`);
  for (const b of listBackups(file)) {
    const copy = openDatabase(b.path, { readonly: true });
    let prefix: boolean;
    try {
      const theirs = copy.prepare('SELECT hash FROM audit ORDER BY seq').pluck().all() as string[];
      prefix = theirs.length <= hashes.length && theirs.every((h, i) => h === hashes[i]);
    } finally {
      copy.close();
    }
    if (prefix) continue;
    mkdirSync(aside, { recursive: true });
    renameSync(b.path, join(aside, basename(b.path)));
  }
}

export interface UsbBackup {
  readonly path: string;
  readonly bytes: number;
  readonly verification: FileVerification;
}

/**
 * "Sao lưu ra USB": a consistent online copy of the open file into a folder the user chose, then
 * the copy re-opened read-only and verified (replay and all). A copy that does not verify is
 * refused, and removed so that nobody carries it away as good.
 */
export async function backupTo(
  db: Db,
  file: string,
  folder: string,
  at: string,
): Promise<Result<UsbBackup, Refusal[]>> {
  const refused = (reason: string): Result<UsbBackup, Refusal[]> =>
    err([{ code: 'file', reason, path: 'folder' }]);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    return refused(`không có thư mục ${folder}`);
  const target = join(folder, `${basename(file, '.kiemphieu')}-${stamp(at)}-usb.kiemphieu`);
  if (existsSync(target)) return refused(`đã có tệp ${target}`);
  try {
    await writeCopy(db, target);
    // The scanned images are part of the count's evidence: they travel with the file.
    if (existsSync(scansDir(file)))
      await cp(scansDir(file), scansDir(target), {
        recursive: true,
        filter: (path) => !path.endsWith('.part'),
      });
  } catch (e) {
    return refused(`không ghi được vào ${folder}: ${(e as Error).message}`);
  }
  const copy = openDatabase(target, { readonly: true });
  let verification: FileVerification;
  try {
    verification = verifyFile(copy, { scans: scansDir(target) });
  } finally {
    copy.close();
  }
  if (!verification.ok) {
    rmSync(target, { force: true });
    rmSync(scansDir(target), { recursive: true, force: true });
    return refused(
      `bản sao ở ${target} không kiểm tra được, đã xóa: ${verification.problems.length} chỗ hỏng`,
    );
  }
  return ok({ path: target, bytes: statSync(target).size, verification });
}
