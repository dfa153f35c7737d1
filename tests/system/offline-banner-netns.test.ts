/**
 * The offline guard's banner end to end, against the real kernel: the browser host
 * (`server/main.ts`, as `npm start` runs it) and Debian's Chromium both run inside a network
 * namespace made for the test, one with only a loopback and one with a default route. The page
 * shows the red banner in the second and not in the first, and the congress file's audit log says
 * so once. Nothing is sent: the namespaces are connected to nothing. Needs root, iproute2 and
 * Chromium (CI has them); skipped, saying why, otherwise.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace.ts';
import { CHROMIUM, CHROMIUM_FLAGS, RENDERER, ROOT, SCREENS } from '../e2e/browser.ts';
import { cannotRun, ip, namespaces, run, veth } from './netns.ts';

const PREFIX = `kpb${process.pid}`;
const BANNER =
  'Máy tính đang có kết nối Internet — không xử lý tài liệu của Đảng trên máy kết nối Internet';
const { namespace, removeAll } = namespaces(PREFIX);

const why = cannotRun(PREFIX, () =>
  !existsSync(CHROMIUM)
    ? `needs Chromium at ${CHROMIUM}`
    : !existsSync(join(RENDERER, 'index.html'))
      ? 'the renderer is not built (npx vite build)'
      : null,
);
if (why !== null) console.warn(`offline banner netns test skipped: ${why}`);

/** A closed LAN: a private address on a link to an empty peer namespace, and no default route. */
function closedLan(name: string): string {
  const ns = namespace(name);
  const peer = namespace(`${name}p`);
  veth(ns, peer, 'lan0', '192.168.50.2/24');
  return ns;
}

/** A namespace whose only way out is a default route over a veth to an empty peer namespace. */
function withDefaultRoute(name: string): string {
  const ns = namespace(name);
  const peer = namespace(`${name}p`);
  veth(ns, peer, 'gw0', '10.201.0.2/24');
  run('-n', ns, 'route', 'add', 'default', 'via', '10.201.0.1', 'dev', 'gw0');
  return ns;
}

interface Station {
  host: ChildProcess;
  browser: Browser;
  url: string;
  file: string;
}

/** The browser host on a new congress file, and Chromium, both inside `ns`. */
async function station(ns: string, dir: string, hostArgs: string[] = []): Promise<Station> {
  const home = join(dir, ns);
  mkdirSync(home, { recursive: true });
  const file = join(home, 'tap-huan.kiemphieu');
  const workspace = new Workspace({ home, options: { backups: false } });
  const made = await workspace.create(file, {
    name: 'Đại hội đại biểu Đảng bộ xã Yên Hòa lần thứ I',
    organisation: 'Đảng bộ xã Yên Hòa',
    kind: 'delegates',
  });
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  await workspace.close();
  const host = spawn(
    'ip',
    ['netns', 'exec', ns, process.execPath, '--import', 'tsx', 'server/main.ts', file, ...hostArgs],
    {
      cwd: ROOT,
      env: { ...process.env, KIEM_PHIEU_HOME: home, KIEM_PHIEU_RENDERER: RENDERER, PORT: '5390' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  host.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${err}`)), 60_000);
    host.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+#token=\S+)/u.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    host.on('exit', (code) => reject(new Error(`host exited ${code}: ${err}`)));
  });
  // Chromium through a wrapper that enters the namespace; Playwright talks to it over a pipe.
  const wrapper = join(home, 'chromium-in-netns.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${CHROMIUM} "$@"\n`);
  chmodSync(wrapper, 0o755);
  const browser = await chromium.launch({ executablePath: wrapper, args: CHROMIUM_FLAGS });
  return { host, browser, url, file };
}

async function stop(s: Station | undefined): Promise<void> {
  if (s === undefined) return;
  await s.browser.close();
  const exited = new Promise((resolve) => s.host.once('exit', resolve));
  s.host.kill('SIGTERM');
  await exited;
}

function guardRows(file: string): { command: string; payload: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT command, payload FROM audit WHERE command LIKE 'internet%' ORDER BY seq")
      .all() as { command: string; payload: string }[];
  } finally {
    db.close();
  }
}

/** A second more and still no banner; then the host stopped, and no guard row in its file. */
async function noBanner(s: Station, page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  expect(await page.getByTestId('internet-banner').count()).toBe(0);
  await stop(s);
  expect(guardRows(s.file)).toEqual([]);
}

describe.skipIf(why !== null)('the red banner, host and Chromium in network namespaces', () => {
  let dir: string;
  let online: Station | undefined;
  let offline: Station | undefined;
  let lan: Station | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-banner-'));
    mkdirSync(SCREENS, { recursive: true });
  });

  afterAll(async () => {
    await stop(online);
    await stop(offline);
    await stop(lan);
    removeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a default route: the banner on the start screen and on the projector, and one audit row', async () => {
    online = await station(withDefaultRoute('gw'), dir);
    const page = await online.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(online.url);
    const banner = page.getByTestId('internet-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect((await banner.innerText()).trim()).toBe(`⚠ ${BANNER}`);
    expect(await banner.getAttribute('title')).toBe('default route via 10.201.0.1 on gw0');
    // A strip of its own above the top bar, in the page's flow: it covers nothing.
    const strip = (await banner.boundingBox())!;
    const topbar = (await page.locator('.topbar').boundingBox())!;
    expect(strip.y).toBe(0);
    expect(topbar.y).toBeGreaterThanOrEqual(strip.y + strip.height - 0.5);
    await page.screenshot({ path: join(SCREENS, '90-offline-guard-banner.png') });
    const projector = await online.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await projector.goto(online.url.replace('#token=', '#/projector?token='));
    await projector.getByTestId('internet-banner').waitFor({ timeout: 15_000 });
    await projector.screenshot({ path: join(SCREENS, '91-offline-guard-banner-projector.png') });
    await stop(online);
    online = undefined;
    const rows = guardRows(join(dir, `${PREFIX}gw`, 'tap-huan.kiemphieu'));
    expect(rows.map((r) => r.command)).toEqual(['internetConnected']);
    expect(JSON.parse(rows[0]!.payload)).toEqual({
      online: true,
      reason: 'default route via 10.201.0.1 on gw0',
    });
  }, 120_000);

  it('only a loopback: no banner, the host says why, and nothing in the audit log', async () => {
    offline = await station(namespace('lo'), dir);
    const page = await offline.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(offline.url);
    await page.locator('.filebar').waitFor({ timeout: 15_000 });
    const token = new URL(offline.url).hash.slice('#token='.length);
    const who = await page.evaluate(async (t) => {
      const r = await fetch('/api/whoami', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiem-phieu-token': t },
        body: '{}',
      });
      return (await r.json()) as { ok: boolean; value: { internet: unknown } };
    }, token);
    expect(who.value.internet).toEqual({
      online: false,
      reason: 'no default route, no global address',
    });
    await noBanner(offline, page);
    offline = undefined;
  }, 120_000);

  it('LAN mode on a closed network (private address, no default route): no banner', async () => {
    lan = await station(closedLan('lan'), dir, ['--lan']);
    const page = await lan.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(lan.url);
    // The LAN host shows the other stations' address and pairing code: LAN mode is on.
    await page.getByText('Máy trạm khác trong mạng nội bộ').waitFor({ timeout: 15_000 });
    await noBanner(lan, page);
    lan = undefined;
  }, 120_000);
});

describe('cleanup', () => {
  it.skipIf(why !== null)('deleted every namespace the test made', () => {
    expect(ip('netns', 'list').stdout).not.toContain(PREFIX);
  });
});
