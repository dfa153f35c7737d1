/**
 * Consistent snapshots of the congress file (SQLite's online backup), kept beside it in
 * `FILE.kiemphieu.backups/` with a rolling limit, and a restore that keeps the file it replaces.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
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
  await db.backup(target);
  prune(dir, limit);
  return target;
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
  return { verification, keptAs };
}
