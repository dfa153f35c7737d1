/**
 * What the desktop host lets its windows load and who may call it: pure functions, no Electron
 * import, so they are tested without the Electron binary.
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.ts';

export { CONTENT_SECURITY_POLICY };

/** Whether `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function filePath(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? fileURLToPath(parsed) : null;
  } catch {
    return null;
  }
}

/** A page of the built renderer (any hash route), loaded from `rendererRoot`. */
export function isRendererUrl(url: string, rendererRoot: string): boolean {
  const path = filePath(url);
  return path !== null && isInside(rendererRoot, path);
}

/**
 * The only requests a window may make: the renderer's own files, inline data, and the developer
 * tools. Everything else — any network, any other file on the disk — is cancelled.
 */
export function isAllowedRequest(url: string, rendererRoot: string): boolean {
  if (isRendererUrl(url, rendererRoot)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
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
