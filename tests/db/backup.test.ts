/** Consistent backups at open, close and finalize, kept beside the file; restore keeps the old file. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { backupDir, listBackups } from '../../db/backup.ts';
import { Service } from '../../db/service.ts';
import { runCli } from '../cli/run-cli.ts';
import { ADMIN, OPERATOR, countingElection, tempDir, value } from './helpers.ts';

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
    const file = join(tempDir(), 'dai-hoi.kiemphieu');
    const s = Service.open(file, { create: true });
    const id = countingElection(s);
    value(s.execute('enterBallot', { electionId: id, ballot: { struck: ['c1', 'c2'] } }, OPERATOR));
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    await s.whenBackedUp();
    const atClose = listBackups(file).find((b) => b.reason === 'close')!;
    value(s.execute('reopenElection', { electionId: id, reason: 'thử' }, ADMIN));
    value(s.execute('enterBallot', { electionId: id, ballot: { struck: ['c3', 'c4'] } }, OPERATOR));
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
