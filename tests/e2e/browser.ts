/** Debian's Chromium driven by playwright-core, against the real browser host. */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { Workspace } from '../../db/workspace.ts';
import { startHost, type RunningHost } from '../../server/http.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built renderer; KIEM_PHIEU_RENDERER names another build (a private one while others build too). */
export const RENDERER = process.env.KIEM_PHIEU_RENDERER ?? join(ROOT, 'dist/renderer');
export const SCREENS = join(ROOT, 'tests/artifacts/screens');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=vi-VN',
];

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export interface Hall {
  readonly dir: string;
  readonly workspace: Workspace;
  readonly host: RunningHost;
  /** The address to open, with the station token. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The host killed and started again on the same home folder, port and token (the token is kept
 * across restarts), with the congress file reopened: open pages must come back by themselves.
 */
export async function restartHall(
  hall: Hall,
  file: string,
  downFor?: () => Promise<void>,
): Promise<Hall> {
  const { token, port } = hall.host;
  await hall.stop();
  await downFor?.();
  const workspace = new Workspace({ home: hall.dir, options: { backups: false } });
  const opened = await workspace.open(file);
  if (!opened.ok) throw new Error(`cannot reopen ${file}: ${JSON.stringify(opened.error)}`);
  const host = await startHost({ workspace, staticRoot: RENDERER, token, port });
  return {
    dir: hall.dir,
    workspace,
    host,
    url: hall.url,
    stop: async () => {
      await host.close();
      await workspace.close();
    },
  };
}

/** A browser host on a fresh home folder, serving the built renderer. */
export async function startHall({ lan = false }: { lan?: boolean } = {}): Promise<Hall> {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error('the renderer is not built: run `npx vite build`');
  mkdirSync(SCREENS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-e2e-'));
  const workspace = new Workspace({ home: dir, options: { backups: false } });
  const host = await startHost({ workspace, staticRoot: RENDERER, lan });
  return {
    dir,
    workspace,
    host,
    url: `${host.url}#token=${host.token}`,
    stop: async () => {
      await host.close();
      await workspace.close();
    },
  };
}
