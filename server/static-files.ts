/** The built renderer, served without the token (it holds no data), with a strict CSP. */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.ts';

export { CONTENT_SECURITY_POLICY };

export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/u, '');
  const path = join(root, relative === '' ? 'index.html' : relative);
  if (!path.startsWith(root + sep) && path !== root) {
    res.writeHead(403).end();
    return;
  }
  let body: Buffer;
  let file = path;
  try {
    body = await readFile(path);
  } catch {
    // The UI routes on the client: unknown paths get the app shell.
    file = join(root, 'index.html');
    try {
      body = await readFile(file);
    } catch {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Giao diện chưa được dựng (npm run build).');
      return;
    }
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  res.end(body);
}
