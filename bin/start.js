#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed; otherwise the same app served
// by the browser host on 127.0.0.1, with the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

run(process.execPath, [
  fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)),
  'build',
  '--logLevel',
  'error',
]);

const electron = electronBinary();
if (electron !== null) {
  run(process.execPath, ['--import', 'tsx', 'electron/build.ts']);
  const child = spawn(electron, ['dist/electron/main.cjs'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Electron chưa được cài trên máy này (Electron is not installed) — mở ứng dụng trong trình duyệt tại địa chỉ dưới đây:',
  );
  const { serve } = await import('../server/main.ts');
  const { running } = await serve(process.argv.slice(2));
  console.log(`${running.url}#token=${running.token}`);
}
