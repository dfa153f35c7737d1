#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary (and better-sqlite3 built for it) is
// installed; otherwise the same app served by the browser host on 127.0.0.1, with the address.
// Runs the built files in dist/, building first only what is missing or older than its sources
// (scripts/build.ts --if-stale); an unchanged checkout starts without compiling anything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './fresh.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // Throws when the binary was never downloaded (an optional dependency, often skipped).
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const binding =
  process.env.KIEM_PHIEU_SQLITE_BINDING || join(root, 'build-electron', 'better_sqlite3.node');
const desktop = electron !== null && existsSync(binding);
const needed = ['renderer', ...(desktop ? ['main', 'preload', 'sheetWorker'] : ['server'])];

const built = Object.fromEntries(needed.map((name) => [name, freshBundle(root, name)]));
if (Object.values(built).includes(null)) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'build.ts'), '--if-stale'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  for (const name of needed) built[name] = freshBundle(root, name);
}

if (desktop) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(
    electron === null
      ? 'Electron chưa được cài trên máy này (Electron is not installed) — mở ứng dụng trong trình duyệt tại địa chỉ dưới đây:'
      : 'Chưa có better-sqlite3 dựng cho Electron (see electron/README.md) — mở ứng dụng trong trình duyệt tại địa chỉ dưới đây:',
  );
  const server = built.server;
  if (!server) throw new Error('Kiểm phiếu: dist/server/main.mjs was not built');
  const { serve } = await import(pathToFileURL(server).href);
  const { running } = await serve(process.argv.slice(2));
  console.log(`${running.url.replace('0.0.0.0', '127.0.0.1')}#token=${running.token}`);
}
