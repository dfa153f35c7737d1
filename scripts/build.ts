/**
 * `node --import tsx scripts/build.ts [--node] [--if-stale] [--prepare]`: builds dist/ — the CLI,
 * the browser host, the Electron main process and preload (scripts/bundles.ts), and the renderer
 * (Vite) — and records what each was built from (dist/inputs.json), so bin/fresh.js can tell
 * whether it is up to date.
 *
 *   --node      the Node bundles only (a second or so; the renderer takes several)
 *   --if-stale  only what is missing or older than its sources
 *   --prepare   npm's `prepare` after `npm ci` / `npm install`: a failure is reported, not fatal,
 *               since the launchers fall back to the sources
 */
import { writeFile, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { freshBundle, watchedInputs } from '../bin/fresh.js';
import type { BundleName } from './bundles.ts';

// Not from bundles.ts: that loads esbuild, a development package — `npm ci --omit=dev` still runs
// `prepare`, which must then say so, not fail the install.
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const INPUTS_FILE = 'inputs.json';
const RENDERER_OUT = join(DIST, 'renderer');

/** Records every file Vite read for the renderer into dist/inputs.json. */
function recordInputs(): Plugin {
  return {
    name: 'kiem-phieu-inputs',
    apply: 'build',
    async writeBundle() {
      const inputs = [...this.getModuleIds()]
        .filter((id) => !id.startsWith('\0') && !id.includes('?') && resolve(id).startsWith(ROOT))
        .map((id) => relative(ROOT, id).split(sep).join('/'));
      inputs.push('vite.config.ts', 'renderer/index.html');
      const path = join(DIST, INPUTS_FILE);
      let record: Record<string, unknown> = {};
      try {
        record = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      } catch {
        // first build
      }
      record.renderer = { bundle: 'renderer/index.html', inputs: watchedInputs(inputs) };
      await writeFile(path, `${JSON.stringify(record, null, 1)}\n`);
    },
  };
}

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    plugins: [recordInputs()],
    build: { outDir: RENDERER_OUT },
  });
}

/** Builds what is asked (or, with `ifStale`, only what is not up to date); returns what was built. */
export async function buildDist({
  node = true,
  renderer = true,
  ifStale = false,
}: {
  readonly node?: boolean;
  readonly renderer?: boolean;
  readonly ifStale?: boolean;
} = {}): Promise<string[]> {
  const built: string[] = [];
  if (node) {
    const { BUNDLES, buildBundles } = await import('./bundles.ts');
    const names = (Object.keys(BUNDLES) as BundleName[]).filter(
      (n) => !ifStale || freshBundle(ROOT, n) === null,
    );
    if (names.length > 0) {
      await buildBundles({ names });
      built.push(...names);
    }
  }
  if (renderer && (!ifStale || freshBundle(ROOT, 'renderer') === null)) {
    await buildRenderer();
    built.push('renderer');
  }
  return built;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flags = new Set(process.argv.slice(2));
  const prepare = flags.has('--prepare');
  const started = performance.now();
  try {
    const built = await buildDist({
      renderer: !flags.has('--node') && !prepare,
      ifStale: flags.has('--if-stale'),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      built.length === 0
        ? 'Kiểm phiếu: dist/ is up to date'
        : `Kiểm phiếu: built ${built.join(', ')} into dist/ (${seconds} s)`,
    );
  } catch (e) {
    console.error(`Kiểm phiếu: build failed: ${(e as Error).message}`);
    if (prepare) console.error('(the launchers will run the TypeScript sources until it builds)');
    process.exitCode = prepare ? 0 : 1;
  }
}
