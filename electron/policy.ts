/**
 * What the desktop host lets its windows load and who may call it: pure functions, no Electron
 * import, so they are tested without the Electron binary.
 */
import { extname, isAbsolute, join, relative } from 'node:path';

import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.ts';

export { CONTENT_SECURITY_POLICY };

/** Whether `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The windows load the built renderer from this privileged scheme, served by the main process
 * from dist/renderer, not from file:// (where a page could read any file of the disk).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiem-phieu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL of the renderer's page, on a hash route (`/projector`) or its start. */
export function rendererUrl(hash?: string): string {
  return `${APP_ORIGIN}/index.html${hash === undefined ? '' : `#${hash}`}`;
}

/** A page or file of the renderer: our scheme and host, nothing else. */
export function isRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file of `rendererRoot` an app:// URL names, or null: another host, a folder, or a path that
 * leaves the folder (`..`, encoded or not) names nothing.
 */
export function rendererFile(url: string, rendererRoot: string): string | null {
  if (!isRendererUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = join(rendererRoot, path === '/' ? 'index.html' : path);
  return isInside(rendererRoot, file) && file !== rendererRoot ? file : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The Content-Type a renderer file is served with (nosniff is set beside it). */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The only requests a window may make: the renderer's own files, inline data, and, in
 * development only, the developer tools. Everything else — any network, any file — is cancelled.
 */
export function isAllowedRequest(
  url: string,
  { devTools }: { readonly devTools: boolean },
): boolean {
  if (isRendererUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return scheme === 'data:' || scheme === 'blob:' || (devTools && scheme === 'devtools:');
}

/**
 * The better-sqlite3 native binding built for Electron's ABI: KIEM_PHIEU_SQLITE_BINDING, else the
 * first candidate that exists (build-electron/better_sqlite3.node beside the app), else undefined
 * (better-sqlite3's own build — right under Node, wrong ABI under Electron).
 */
export function sqliteBinding({
  env,
  candidates,
  exists,
}: {
  readonly env: string | undefined;
  readonly candidates: readonly string[];
  readonly exists: (path: string) => boolean;
}): string | undefined {
  if (env !== undefined && env !== '') return env;
  return candidates.find(exists);
}

/** The congress files named on the command line (after the app itself). */
export function filesFromArgv(args: readonly string[]): string[] {
  return args.filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.kiemphieu'));
}

/**
 * Command-line switches that open a debugger or a remote-debugging listener; a packaged app
 * refuses to start with any of them (the inspector fuse is off too).
 */
export const DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
] as const;
