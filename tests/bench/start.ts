/**
 * Start-up figures of issue 13: `kiem-phieu --help`, a recount of 1 600 ballots × 220 names, and
 * `npm start` until the address is printed with nothing to build — each the median of several
 * runs of the built files, also given as a ratio to `node -e 0` on the same machine (the figure
 * that travels between machines).
 *
 * The runs of the CLI are interleaved with `node -e 0` (one of each per round), so a machine that
 * gets busier or quieter meanwhile moves both sides of the ratio alike.
 *
 * `node --import tsx tests/bench/start.ts` runs this part alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBundle } from '../../bin/fresh.js';
import { bigElection } from './deck.ts';
import { median, report } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'kiem-phieu.js');
const ROUNDS = 9;
const STARTS = 7;

/** Milliseconds of one run of `node ARGS` to its exit; throws when it fails. */
function runOnce(args: readonly string[], expectedCode = 0): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error !== undefined) throw r.error;
  if (r.status !== expectedCode) {
    throw new Error(`node ${args.join(' ')}: exit ${r.status}, not ${expectedCode}`);
  }
  return elapsed;
}

/** Median milliseconds of each command, run in turn `rounds` times after one warm-up round. */
function interleaved(commands: readonly (() => number)[], rounds: number): number[] {
  for (const run of commands) run(); // the disk cache
  const samples: number[][] = commands.map(() => []);
  for (let round = 0; round < rounds; round++) {
    commands.forEach((run, i) => samples[i]!.push(run()));
  }
  return samples.map(median);
}

/** Milliseconds from `npm start` to the address on its output; the server is then stopped. */
function startOnce(home: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('npm', ['start', '--silent', '--', '--port', '0'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, KIEM_PHIEU_HOME: home },
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

const build = (...flags: string[]): boolean =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), ...flags], {
    cwd: ROOT,
    stdio: 'inherit',
  }).status === 0;

/** The built files' modification times: the same before and after means nothing was rebuilt. */
const builtAt = (names: readonly string[]): string =>
  names.map((n) => statSync(freshBundle(ROOT, n) ?? ROOT).mtimeMs).join(',');

export async function benchStart(): Promise<void> {
  console.log('\n## Start-up (built files, dist/)');
  if (!build('--node', '--if-stale') || freshBundle(ROOT, 'cli') === null) {
    console.log('✗ the CLI bundle could not be built: start-up not measured');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-bench-'));
  try {
    const record = join(dir, 'record.json');
    writeFileSync(
      record,
      JSON.stringify(bigElection({ ballots: 1_600, candidates: 220, seats: 150, seed: 13 })),
    );
    const cliBuilt = builtAt(['cli']);
    const [node, help, tally] = interleaved(
      [
        () => runOnce(['-e', '0']),
        // Usage goes to stderr with exit 2 (a usage error), as for any bad command line.
        () => runOnce([BIN, '--help'], 2),
        () => runOnce([BIN, 'tally', record, '--json']),
      ],
      ROUNDS,
    );
    // Sources edited meanwhile (a shared checkout) send the launcher to tsx: not these figures.
    if (freshBundle(ROOT, 'cli') === null || builtAt(['cli']) !== cliBuilt) {
      console.log('✗ the sources changed during the runs: start-up figures not valid, run again');
      return;
    }
    console.log(
      `  node -e 0 (median of ${ROUNDS}): ${node!.toFixed(0)} ms — the unit of the ratios below`,
    );
    // The targets assume a machine where node -e 0 takes about 0.1 s (this project's).
    if (node! > 150) {
      console.log(
        '  (a busy or slow machine: judge by the ratios, targets ×3 --help, ×5 recount, ×20 npm start)',
      );
    }
    const line = (name: string, value: number, target: number): void =>
      report(
        name,
        `${value.toFixed(0)} ms  ×${(value / node!).toFixed(1)}`,
        `< ${target} ms`,
        value < target,
      );
    line(`kiem-phieu --help (median of ${ROUNDS})`, help!, 300);
    line(`kiem-phieu tally, 1 600 × 220 (median of ${ROUNDS})`, tally!, 500);
    // In the checkout, npx first has npm read the whole node_modules tree to link the project's
    // own bin (npm exec's way, whatever the command does): shown apart, as npm's share.
    const npx = median(
      Array.from({ length: 3 }, () => {
        const start = process.hrtime.bigint();
        spawnSync('npx', ['kiem-phieu', '--help'], { cwd: ROOT, stdio: 'ignore' });
        return Number(process.hrtime.bigint() - start) / 1e6;
      }),
    );
    console.log(
      `  npx kiem-phieu --help (median of 3): ${npx.toFixed(0)} ms, of which npm exec ${(npx - help!).toFixed(0)} ms`,
    );

    if (!build('--if-stale')) {
      console.log('✗ the renderer could not be built: npm start not measured');
      return;
    }
    const bundles = ['renderer', 'server'];
    const before = builtAt(bundles);
    const home = mkdtempSync(join(dir, 'home-'));
    await startOnce(home); // the disk cache
    const starts: number[] = [];
    for (let i = 0; i < STARTS; i++) starts.push(await startOnce(home));
    line(`npm start → address, nothing to build (median of ${STARTS})`, median(starts), 2000);
    const rebuilt = builtAt(bundles) !== before;
    report(
      'npm start built nothing (renderer and server up to date)',
      rebuilt ? 'rebuilt' : 'none',
      'none',
      !rebuilt,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchStart();
