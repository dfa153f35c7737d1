/** A committed ballot survives the process being killed mid-stream (SIGKILL, no cleanup). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { integrityCheck } from '../../db/connection.ts';
import { Service } from '../../db/service.ts';
import { verifyFile } from '../../db/verify.ts';
import { countingElection, tempDir, value } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./fixtures/enter-forever.ts', import.meta.url));

function enterUntilKilled(file: string, electionId: number, killAfter: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(electionId)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ACK (\d+)$/u.exec(line);
        if (m) acked.push(Number(m[1]));
      }
      if (acked.length >= killAfter && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child ended with ${code}: ${stderr}`));
    });
  });
}

describe('durability: kill -9 in the middle of ballot entry', () => {
  it('every acknowledged ballot is in the file; integrity ok; the chain verifies', async () => {
    const file = join(tempDir(), 'dai-hoi.kiemphieu');
    const setup = Service.open(file, { create: true, backups: false });
    const electionId = countingElection(setup, { seats: 3 });
    await setup.close();

    for (const killAfter of [150, 37]) {
      const acked = await enterUntilKilled(file, electionId, killAfter);
      expect(acked.length).toBeGreaterThanOrEqual(killAfter);
      const reopened = Service.open(file, { backups: false });
      try {
        expect(integrityCheck(reopened.db)).toEqual(['ok']);
        const verification = verifyFile(reopened.db);
        expect(verification.problems).toEqual([]);
        const stored = new Set(value(reopened.query('ballots', { electionId })).map((b) => b.n));
        const lost = acked.filter((n) => !stored.has(n));
        expect(lost).toEqual([]);
        // Ballot numbers stay contiguous from 1: nothing half-written in the middle.
        const max = Math.max(...stored);
        expect(stored.size).toBe(max);
        expect(max).toBeGreaterThanOrEqual(acked[acked.length - 1]!);
      } finally {
        await reopened.close();
      }
    }
  }, 60_000);
});
