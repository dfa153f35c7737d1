/** Consistent backups at open, close and finalize, kept beside the file; restore keeps the old file. */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { backupDir, backupTo, listBackups, restoreBackup } from '../../db/backup.ts';
import { verifyFile } from '../../db/verify.ts';
import { Service } from '../../db/service.ts';
import { runCli } from '../cli/run-cli.ts';
import {
  ADMIN,
  OPERATOR,
  countingElection,
  countingFile,
  refusals,
  tempDir,
  value,
} from './helpers.ts';

/**
 * A file with one ballot, closed (its close backup taken), reopened and given a second ballot:
 * the service still open, and the close backup to restore from.
 */
async function reopenedAfterClose() {
  const file = join(tempDir(), 'dai-hoi.kiemphieu');
  const s = Service.open(file, { create: true });
  const id = countingElection(s);
  value(s.execute('enterBallot', { electionId: id, ballot: { struck: ['c1', 'c2'] } }, OPERATOR));
  value(s.execute('closeElection', { electionId: id }, ADMIN));
  await s.whenBackedUp();
  const atClose = listBackups(file).find((b) => b.reason === 'close')!;
  value(s.execute('reopenElection', { electionId: id, reason: 'thử' }, ADMIN));
  value(s.execute('enterBallot', { electionId: id, ballot: { struck: ['c3', 'c4'] } }, OPERATOR));
  return { file, s, id, atClose };
}

describe('backups', () => {
  it('are taken at open, close and finalize, and pruned to the rolling limit', async () => {
    const file = join(tempDir(), 'dai-hoi.kiemphieu');
    const s = Service.open(file, { create: true, backupLimit: 3 });
    const id = countingElection(s);
    value(s.execute('enterBallot', { electionId: id, ballot: { struck: ['c1', 'c2'] } }, OPERATOR));
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    await s.whenBackedUp();
    expect(listBackups(file).map((b) => b.reason)).toEqual(['open', 'close']);
    value(s.execute('finalizeElection', { electionId: id }, ADMIN));
    value(s.execute('reopenElection', { electionId: id, reason: 'kiểm lại' }, ADMIN));
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    await s.close();
    const names = readdirSync(backupDir(file));
    expect(names.length).toBe(3);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['close', 'finalize', 'close']);
    // A backup is a whole congress file: it opens and holds the ballot.
    const latest = listBackups(file).pop()!;
    const copy = new Database(latest.path, { readonly: true });
    expect((copy.prepare('SELECT COUNT(*) AS n FROM ballot').get() as { n: number }).n).toBe(1);
    copy.close();
  });

  it('restore replaces the file from a backup and keeps the replaced file', async () => {
    const { file, s, id, atClose } = await reopenedAfterClose();
    await s.close();

    const listed = await runCli(['backups', file]);
    expect(listed.stdout).toContain('close');
    const run = await runCli(['restore', file, '--from', atClose.path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tệp cũ được giữ lại');
    const restored = Service.open(file, { backups: false });
    expect(value(restored.query('ballots', { electionId: id })).length).toBe(1);
    await restored.close();
    const kept = readdirSync(join(file, '..')).find((n) => n.includes('before-restore'));
    expect(kept).toBeDefined();
    expect(existsSync(join(file, '..', kept!))).toBe(true);
  });

  it('restore refuses a backup that does not verify, and leaves the file alone', async () => {
    const file = join(tempDir(), 'dai-hoi.kiemphieu');
    const s = Service.open(file, { create: true });
    countingElection(s);
    await s.close();
    const backup = listBackups(file)[0]!;
    const db = new Database(backup.path);
    db.exec("DROP TRIGGER audit_append_only_update; UPDATE audit SET actor = 'x'");
    db.close();
    const run = await runCli(['restore', file, '--from', backup.path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('không khôi phục');
  });
});

const STEADY = fileURLToPath(new URL('./fixtures/enter-steadily.ts', import.meta.url));

const ballotNumbers = (file: string): Set<number> => {
  const db = new Database(file, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'ballot'").get();
    if (table === undefined) return new Set();
    return new Set(db.prepare('SELECT n FROM ballot WHERE current = 1').pluck().all() as number[]);
  } finally {
    db.close();
  }
};

describe('Sao lưu ra USB (issue 10, item 13)', () => {
  it('a copy made while 20 ballots a second are saved verifies and holds every ballot acknowledged before it began', async () => {
    const { file, s, id } = countingFile({ ballots: 300, struck: ['c1', 'c3'] });
    const usb = tempDir();
    const acked: number[] = [];
    const timer = setInterval(() => {
      acked.push(
        value(s.execute('enterBallot', { electionId: id, ballot: { struck: ['c2'] } }, OPERATOR)).n,
      );
    }, 50);
    await new Promise((r) => setTimeout(r, 500));
    const before = [...acked];
    const outcome = await backupTo(s.db, file, usb, new Date().toISOString());
    await new Promise((r) => setTimeout(r, 200));
    clearInterval(timer);
    await s.close();
    expect(before.length).toBeGreaterThanOrEqual(5);
    const copy = value(outcome);
    expect(copy.verification.ok).toBe(true);
    const held = ballotNumbers(copy.path);
    expect(before.every((n) => held.has(n))).toBe(true);
    expect(held.size).toBeGreaterThanOrEqual(300 + before.length);
    // Only the copy on the stick: no journal, no half-written file.
    expect(readdirSync(usb)).toEqual([copy.path.split('/').pop()]);
  });

  it('`kiem-phieu backup --to` copies a file another process is counting into, and the copy verifies', async () => {
    const { file, s, id } = countingFile({ ballots: 300 });
    const usb = tempDir();
    await s.close();
    const child = spawn(process.execPath, ['--import', 'tsx', STEADY, file, String(id)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    child.stdout.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/^ACK (\d+)$/gmu)) acked.push(Number(m[1]));
    });
    try {
      while (acked.length < 10) await new Promise((r) => setTimeout(r, 50));
      const before = [...acked];
      const run = await runCli(['backup', file, '--to', usb, '--lang', 'en']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^Backed up to .*-usb\.kiemphieu \(\d+ KiB\) and checked the copy: it verifies/u,
      );
      expect(acked.length).toBeGreaterThan(before.length); // the hall kept counting meanwhile
      const [name] = readdirSync(usb);
      const held = ballotNumbers(join(usb, name!));
      expect(before.every((n) => held.has(n))).toBe(true);
      const db = new Database(join(usb, name!), { readonly: true });
      expect(verifyFile(db).ok).toBe(true);
      db.close();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a folder that does not exist is refused with a message, and nothing is written', async () => {
    const { file, s } = countingFile();
    const missing = join(tempDir(), 'khong-co');
    expect(
      refusals(await backupTo(s.db, file, missing, new Date().toISOString()))[0],
    ).toMatchObject({
      code: 'file',
    });
    await s.close();
    const run = await runCli(['backup', file, '--to', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Không sao lưu được');
    expect(existsSync(missing)).toBe(false);
  });

  it('copying the live file by hand misses acknowledged ballots (why the README forbids it)', async () => {
    const { file, s } = countingFile({ ballots: 50 });
    const byHand = join(tempDir(), 'copy.kiemphieu');
    copyFileSync(file, byHand);
    await s.close();
    expect(ballotNumbers(byHand).size).toBeLessThan(50);
  });
});

describe('every backup beside the file is a prefix of its chain', () => {
  it('after a restore, the later backups are set aside, and the file with its backups verifies', async () => {
    const { file, s, id, atClose } = await reopenedAfterClose();
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    await s.close();
    expect(listBackups(file).length).toBe(3);
    restoreBackup(atClose.path, file, new Date().toISOString());
    const db = new Database(file, { readonly: true });
    const v = verifyFile(db, { backups: listBackups(file).map((b) => b.path) });
    db.close();
    expect(v.problems).toEqual([]);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['open', 'close']);
    const aside = readdirSync(backupDir(file)).filter((n) => n.startsWith('superseded-'));
    expect(aside).toHaveLength(1);
    expect(readdirSync(join(backupDir(file), aside[0]!))).toHaveLength(1);
  });
});
