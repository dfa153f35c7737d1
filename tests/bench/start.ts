/**
 * Start-up figures of issue 13: `kiem-phieu --help`, a recount of 1 600 ballots × 220 names, and
 * `npm start` until the address is printed — each the median of several runs of the built files,
 * also given as a ratio to `node -e 0` on the same machine (the figure that travels between
 * machines).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBundle } from '../../bin/fresh.js';
import { bigElection } from './deck.ts';
import { median, report } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'kiem-phieu.js');

/** Milliseconds of one run of `node ARGS` to its exit. */
function runOnce(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.error !== undefined) throw r.error;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const medianOf = (runs: number, fn: () => number): number => {
  fn(); // warm the disk cache
  return median(Array.from({ length: runs }, fn));
};

/** Milliseconds from `npm start` to the address on its output; the server is then stopped. */
function startOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('npm', ['start', '--silent', '--', '--port', '0'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, KIEM_PHIEU_HOME: mkdtempSync(join(tmpdir(), 'kiem-phieu-start-')) },
    });
    let out = '';
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`npm start printed no address in 60 s: ${out}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/https?:\/\/\S+#token=/u.test(out)) {
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.once('exit', () => resolve(elapsed));
        process.kill(-child.pid!, 'SIGTERM');
      }
    });
  });
}

export async function benchStart(): Promise<void> {
  console.log('\n## Start-up (built files, dist/)');
  const build = (...flags: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), ...flags], {
      cwd: ROOT,
      stdio: 'inherit',
    }).status === 0;
  if (!build('--node', '--if-stale') || freshBundle(ROOT, 'cli') === null) {
    console.log('✗ the CLI bundle could not be built: start-up not measured');
    return;
  }
  const node = medianOf(9, () => runOnce(['-e', '0']));
  console.log(`  node -e 0 (median of 9): ${node.toFixed(0)} ms — the unit of the ratios below`);
  const line = (name: string, value: number, target: number) =>
    report(
      name,
      `${value.toFixed(0)} ms  ×${(value / node).toFixed(1)}`,
      `< ${target} ms`,
      value < target,
    );

  line(
    'kiem-phieu --help (median of 9)',
    medianOf(9, () => runOnce([BIN, '--help'])),
    300,
  );

  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-bench-'));
  try {
    const record = join(dir, 'record.json');
    writeFileSync(
      record,
      JSON.stringify(bigElection({ ballots: 1_600, candidates: 220, seats: 150, seed: 13 })),
    );
    line(
      'kiem-phieu tally, 1 600 ballots × 220 names (median of 7)',
      medianOf(7, () => runOnce([BIN, 'tally', record, '--json'])),
      500,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (!build('--if-stale')) {
    console.log('✗ the renderer could not be built: npm start not measured');
    return;
  }
  const starts: number[] = [];
  await startOnce(); // warm
  for (let i = 0; i < 5; i++) starts.push(await startOnce());
  line('npm start → address printed, nothing to build (median of 5)', median(starts), 2000);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchStart();
