#!/usr/bin/env node
// `kiem-phieu`: runs the built CLI (dist/cli/kiem-phieu.mjs, see scripts/bundles.ts) when it is up
// to date with the sources — start-up in a tenth of a second — and the TypeScript sources through
// tsx otherwise (a checkout being edited). KIEM_PHIEU_FROM_SOURCE=1 forces the sources.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './fresh.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = process.env.KIEM_PHIEU_FROM_SOURCE === '1' ? null : freshBundle(root, 'cli');
if (bundle !== null) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
