/**
 * The offline guard against the real Linux kernel: network namespaces made for the test, each
 * holding the state to judge — only a loopback; a closed LAN; a default route (IPv4, IPv6); a
 * global address without a route — and `internetRoute()` run inside each by a small Node process.
 * Nothing is sent: the namespaces are not connected to anything. Needs root and iproute2 (CI has
 * both); skipped, saying why, otherwise.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteVerdict } from '../../db/offline-guard.ts';
import { cannotRun, ip, namespaces, run, veth } from './netns.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PREFIX = `kpg${process.pid}`;
const { namespace, removeAll } = namespaces(PREFIX);

const why = cannotRun(PREFIX);
if (why !== null) console.warn(`offline guard netns test skipped: ${why}`);

/** A veth pair from `ns` to a peer namespace (nothing beyond it), `address` on the `ns` end. */
function link(ns: string, address: string, family: '-4' | '-6' = '-4'): string {
  const peer = namespace(`${ns.slice(PREFIX.length)}p`);
  const dev = `${ns.slice(PREFIX.length)}0`;
  veth(ns, peer, dev, address, family);
  return dev;
}

/** The guard bundled to plain JavaScript (beforeAll): no TypeScript loader to start per run. */
let probe: string;

/** `internetRoute()` as a Node process inside `ns` sees it. */
function verdictIn(ns: string): RouteVerdict {
  const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, probe], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`node in ${ns}: ${r.stderr}`);
  return JSON.parse(r.stdout) as RouteVerdict;
}

describe.skipIf(why !== null)('the offline guard in network namespaces', () => {
  const ns: Record<string, string> = {};
  let dir: string | undefined;

  beforeAll(async () => {
    // The guard bundled once, so each namespace runs plain Node (no TypeScript loader to start).
    mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
    dir = mkdtempSync(join(ROOT, 'tests', 'artifacts', 'offline-guard-'));
    probe = join(dir, 'probe.mjs');
    writeFileSync(
      join(dir, 'entry.ts'),
      `import { internetRoute } from ${JSON.stringify(join(ROOT, 'db', 'offline-guard.ts'))};\n` +
        'process.stdout.write(JSON.stringify(internetRoute()));\n',
    );
    await build({
      entryPoints: [join(dir, 'entry.ts')],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });

    ns.loopback = namespace('lo');

    ns.lan = namespace('lan');
    link(ns.lan, '192.168.50.2/24');

    ns.gateway = namespace('gw');
    const gw = link(ns.gateway, '10.200.0.2/24');
    run('-n', ns.gateway, 'route', 'add', 'default', 'via', '10.200.0.1', 'dev', gw);

    ns.global = namespace('pub');
    link(ns.global, '113.160.0.10/24');
  }, 60_000);

  afterAll(() => {
    removeAll();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const OFFLINE = { online: false, reason: 'no default route, no global address' };
  it.each([
    ['only a loopback: offline', 'loopback', OFFLINE],
    [
      'a closed LAN with private addresses and no default route: offline (no warning)',
      'lan',
      OFFLINE,
    ],
    [
      'a default route: online, naming it',
      'gateway',
      { online: true, reason: 'default route via 10.200.0.1 on gw0' },
    ],
    [
      'a global address, even without a default route: online',
      'global',
      { online: true, reason: 'global address 113.160.0.10 on pub0' },
    ],
  ])('%s', (_state, at, verdict) => {
    expect(verdictIn(ns[at]!)).toEqual(verdict);
  });

  it('an IPv6 default route: online', (context) => {
    const v6 = namespace('v6');
    let dev: string;
    try {
      dev = link(v6, 'fd00:200::2/64', '-6');
      run('-n', v6, '-6', 'route', 'add', 'default', 'via', 'fd00:200::1', 'dev', dev);
    } catch (e) {
      // IPv6 can be disabled in the kernel or the container.
      context.skip(`IPv6 unavailable here: ${(e as Error).message}`);
      return;
    }
    expect(verdictIn(v6)).toEqual({
      online: true,
      reason: `default route via fd00:200:0:0:0:0:0:1 on ${dev}`,
    });
  });
});

describe('cleanup', () => {
  it.skipIf(why !== null)('deleted every namespace the test made', () => {
    // Runs after the describe above (vitest runs files' describes in order, afterAll included).
    const list = ip('netns', 'list').stdout;
    expect(list).not.toContain(PREFIX);
  });
});
