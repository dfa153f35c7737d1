/**
 * The Node-side bundles (esbuild): the CLI, the browser host, the Electron main process and its
 * preload, each built from its entry point, so a module or command added anywhere below an entry
 * is in the next build without touching this file. Beside them, `inputs.json` lists every file a
 * bundle was built from, for bin/fresh.js to tell whether dist/ is up to date.
 *
 * `node --import tsx scripts/build.ts` runs it (and builds the renderer); electron/build.ts builds
 * the Electron pair only.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** Where bin/fresh.js reads which files each bundle came from. */
export const INPUTS_FILE = 'inputs.json';

/**
 * Left outside every bundle and loaded from node_modules: the native SQLite binding, Electron
 * itself, and exceljs (large, and only needed for Excel). pdfmake is required at run time
 * (db/pdf/render.ts), so it stays outside too.
 */
export const EXTERNAL = ['electron', 'better-sqlite3', 'exceljs', 'sharp'] as const;

export type BundleName = 'cli' | 'server' | 'main' | 'preload';

interface BundleSpec {
  readonly entry: string;
  /** Relative to the output folder (dist/). */
  readonly outfile: string;
  readonly format: 'esm' | 'cjs';
}

export const BUNDLES: Readonly<Record<BundleName, BundleSpec>> = {
  cli: { entry: 'bin/cli.ts', outfile: 'cli/kiem-phieu.mjs', format: 'esm' },
  server: { entry: 'server/main.ts', outfile: 'server/main.mjs', format: 'esm' },
  // Electron loads its main process as CommonJS here; a sandboxed preload must be CommonJS.
  main: { entry: 'electron/main.ts', outfile: 'electron/main.cjs', format: 'cjs' },
  preload: { entry: 'electron/preload.ts', outfile: 'electron/preload.cjs', format: 'cjs' },
};

const posix = (path: string): string => path.split(sep).join('/');

/**
 * `import.meta.url` and `import.meta.dirname` keep naming the SOURCE file inside a bundle, wherever
 * the bundle is written: paths built from them (assets/fonts, dist/renderer, createRequire) resolve
 * as they do when the sources run under tsx. Written relative to the bundle's own location, so
 * dist/ can move (into an asar, an installed package) with the sources absent.
 */
function sourceLocations(outfile: string, format: 'esm' | 'cjs'): Plugin {
  const bundleDir = dirname(outfile);
  const here = format === 'cjs' ? '__dirname' : 'import.meta.dirname';
  const at = (p: string) => `__kpJoin(${here}, ${p})`;
  return {
    name: 'source-locations',
    setup(b) {
      // Go regular expression (esbuild): no u flag.
      b.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (args.path.includes(`${sep}node_modules${sep}`) || !text.includes('import.meta')) {
          return undefined;
        }
        const fromBundle = (p: string) => JSON.stringify(posix(relative(bundleDir, p)) || '.');
        const dir = at(fromBundle(dirname(args.path)));
        const file = at(fromBundle(args.path));
        const contents =
          'import { join as __kpJoin } from "node:path";\n' +
          'import { pathToFileURL as __kpFileUrl } from "node:url";\n' +
          text
            .replaceAll('import.meta.dirname', dir)
            .replaceAll('import.meta.filename', file)
            .replaceAll('import.meta.url', `__kpFileUrl(${file}).href`);
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/** An ESM bundle holds CommonJS packages that call `require`. */
const ESM_REQUIRE = [
  'import { createRequire as __kpCreateRequire } from "node:module";',
  'const require = __kpCreateRequire(import.meta.url);',
].join('\n');

/** Builds one bundle into `outdir`; returns its path and the files it came from (relative to ROOT). */
async function buildOne(
  name: BundleName,
  outdir: string,
): Promise<{ readonly path: string; readonly inputs: string[] }> {
  const spec = BUNDLES[name];
  const outfile = join(outdir, spec.outfile);
  const options: BuildOptions = {
    entryPoints: [join(ROOT, spec.entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: spec.format,
    target: 'node20',
    external: [...EXTERNAL],
    plugins: [sourceLocations(outfile, spec.format)],
    ...(spec.format === 'esm' ? { banner: { js: ESM_REQUIRE } } : {}),
    metafile: true,
    // Written below, atomically: a launcher may be reading the previous build meanwhile.
    write: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    legalComments: 'none',
  };
  const result = await build(options).catch((e: Error) => {
    throw new Error(`${name} bundle: ${e.message}`);
  });
  // A warning here (import.meta left in a CommonJS bundle, a require that cannot resolve) is a
  // bundle that breaks at run time.
  if (result.warnings.length > 0) {
    throw new Error(
      `${name} bundle: ${result.warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`).join('; ')}`,
    );
  }
  await mkdir(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles ?? []) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  const inputs = Object.keys(result.metafile?.inputs ?? {})
    .filter((p) => !p.includes('<'))
    .map((p) => posix(relative(ROOT, join(ROOT, p))))
    .sort();
  return { path: outfile, inputs };
}

/**
 * Builds `names` (default: all four) into `outdir` (default dist/), then records their inputs.
 * Returns each bundle's path.
 */
export async function buildBundles({
  outdir = DIST,
  names = Object.keys(BUNDLES) as BundleName[],
}: {
  readonly outdir?: string;
  readonly names?: readonly BundleName[];
} = {}): Promise<Record<BundleName, string>> {
  // Each on its own: one that fails to build (a source being edited) leaves the others usable.
  const settled = await Promise.allSettled(
    names.map(async (n) => [n, await buildOne(n, outdir)] as const),
  );
  const built = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failures = settled.flatMap((s) =>
    s.status === 'rejected' ? [(s.reason as Error).message] : [],
  );
  const inputsPath = join(outdir, INPUTS_FILE);
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(await readFile(inputsPath, 'utf8')) as Record<string, unknown>;
  } catch {
    // first build
  }
  const record = { ...previous };
  for (const [name, { path, inputs }] of built) {
    record[name] = { bundle: posix(relative(outdir, path)), inputs };
  }
  await mkdir(outdir, { recursive: true });
  const temporary = `${inputsPath}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(record, null, 1)}\n`);
  await rename(temporary, inputsPath);
  if (failures.length > 0) throw new Error(failures.join('\n'));
  return Object.fromEntries(built.map(([n, b]) => [n, b.path])) as Record<BundleName, string>;
}
