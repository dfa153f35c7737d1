/**
 * The Node-side bundles (esbuild): the CLI, the browser host, the Electron main process and its
 * preload, each built from its entry point, so a module or command added anywhere below an entry
 * is in the next build without touching this file. Beside them, `inputs.json` lists the files a
 * bundle was built from (a package by its package.json), for bin/fresh.js to tell whether dist/ is
 * up to date.
 *
 * `node --import tsx scripts/build.ts` runs it (and builds the renderer); electron/build.ts builds
 * the Electron pair only.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchedInputs } from '../bin/fresh.js';

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

export type BundleName = 'cli' | 'server' | 'main' | 'preload' | 'sheetWorker';

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
  // The spreadsheet reader's worker thread, beside the desktop app's main process (where the
  // sources are absent once packaged); from a checkout, the other hosts start it from source.
  sheetWorker: {
    entry: 'db/people-sheet/worker.ts',
    outfile: 'electron/people-sheet-worker.cjs',
    format: 'cjs',
  },
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

/**
 * Packages loaded on first use rather than at start: exceljs alone takes longer to load than the
 * rest of the CLI together, and only Excel needs it; sharp (a native image library) only scanning.
 * Their default import becomes a proxy that requires the package the first time it is called or a
 * property is read. (Default imports only: a namespace or named import would load it at once.)
 */
export const LAZY = ['exceljs', 'sharp'] as const;

function lazyPackages(): Plugin {
  const filter = new RegExp(`^(${LAZY.join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(b) {
      b.onResolve({ filter }, (args) =>
        args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' },
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
        contents: [
          'let loaded;',
          `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
          // A function target, so that a package that is itself a function (sharp) can be called.
          'export default new Proxy(() => {}, {',
          '  apply: (_t, self, args) => Reflect.apply(load(), self, args),',
          '  get: (_t, key) => load()[key],',
          '  has: (_t, key) => key in load(),',
          '  ownKeys: () => Reflect.ownKeys(load()),',
          '  getOwnPropertyDescriptor: (_t, key) => {',
          '    const d = Reflect.getOwnPropertyDescriptor(load(), key);',
          '    return d === undefined ? undefined : { ...d, configurable: true };',
          '  },',
          '});',
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/**
 * zod's translations of its messages into forty languages, 300 KB of the 590 zod adds to every
 * bundle that parses anything: read and compiled at each start, used never — the app words its
 * refusals itself (core/record.ts `zodRefusals`) and no source reads `z.locales`, an empty
 * namespace in the bundles. zod's English messages, which it loads by their own path, stay.
 */
function withoutZodLocales(): Plugin {
  const zod = `${sep}node_modules${sep}zod${sep}`;
  return {
    name: 'without-zod-locales',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, (args) =>
        args.importer.includes(zod) ? { path: args.path, namespace: 'zod-locales' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
        contents: 'export {};',
        loader: 'js',
      }));
    },
  };
}

/** An ESM bundle holds CommonJS packages that call `require`. */
const ESM_REQUIRE = [
  'import { createRequire as __kpCreateRequire } from "node:module";',
  'const require = __kpCreateRequire(import.meta.url);',
].join('\n');

/** How long a chunk of a replaced entry is kept (a run started from that entry may need it). */
const OLD_CHUNK_MS = 10 * 60 * 1000;

/** The chunks an ESM file of a split bundle names, statically or not, and those they name. */
async function chunksNamedBy(file: string, named = new Set<string>()): Promise<Set<string>> {
  const code = await readFile(file, 'utf8').catch(() => '');
  for (const [, chunk] of code.matchAll(/"\.\/([\w-]+\.mjs)"/gu)) {
    if (chunk === undefined || named.has(chunk)) continue;
    named.add(chunk);
    await chunksNamedBy(join(dirname(file), chunk), named);
  }
  return named;
}

/** Builds one bundle into `outdir`; returns its path and the files it came from (relative to ROOT). */
async function buildOne(
  name: BundleName,
  outdir: string,
): Promise<{ readonly path: string; readonly inputs: string[] }> {
  const spec = BUNDLES[name];
  const outfile = join(outdir, spec.outfile);
  const esm = spec.format === 'esm';
  const options: BuildOptions = {
    entryPoints: { [basename(spec.outfile, extname(spec.outfile))]: join(ROOT, spec.entry) },
    outdir: dirname(outfile),
    outExtension: { '.js': extname(spec.outfile) },
    // ESM: a module the sources import() lazily becomes a chunk beside the entry, loaded when
    // first used (CommonJS cannot split). Chunks sit beside the entry: the rewritten paths of
    // `sourceLocations` are relative to that folder.
    ...(esm ? { splitting: true, chunkNames: `${name}-[hash]` } : {}),
    // Less to read and parse at every start; names are kept, so stack traces still read.
    ...(esm ? { minifyWhitespace: true, minifySyntax: true } : {}),
    bundle: true,
    platform: 'node',
    format: spec.format,
    target: 'node20',
    external: [...EXTERNAL],
    plugins: [lazyPackages(), withoutZodLocales(), sourceLocations(outfile, spec.format)],
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
  const replaced = esm ? await chunksNamedBy(outfile) : new Set<string>();
  // The chunks first, the entry last: a launcher never finds an entry whose chunks are missing.
  const files = [...(result.outputFiles ?? [])].sort(
    (a, b) => Number(a.path === outfile) - Number(b.path === outfile),
  );
  if (files.at(-1)?.path !== outfile) throw new Error(`${name} bundle: no ${outfile} written`);
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  // Chunks of earlier builds that the new entry no longer names. Those of the entry just replaced
  // are kept a while: a command started from it imports its chunks once it has read its arguments.
  if (esm) {
    const dir = dirname(outfile);
    const current = new Set(files.map((f) => basename(f.path)));
    const now = new Date();
    for (const old of await readdir(dir)) {
      if (!old.startsWith(`${name}-`) || !old.endsWith('.mjs') || current.has(old)) continue;
      const path = join(dir, old);
      // Another build may be removing the same file meanwhile: then there is nothing left to do.
      if (replaced.has(old)) {
        await utimes(path, now, now).catch(() => undefined);
        continue;
      }
      const written = (await stat(path).catch(() => null))?.mtimeMs ?? now.getTime();
      if (written < now.getTime() - OLD_CHUNK_MS) await rm(path, { force: true });
    }
  }
  const inputs = watchedInputs(
    Object.keys(result.metafile?.inputs ?? {})
      // Not the virtual modules ("<define:…>", "lazy:exceljs"): no file to watch.
      .filter((p) => !p.includes('<') && !/^[a-z][a-z-]+:/u.test(p))
      .map((p) => posix(relative(ROOT, join(ROOT, p)))),
  );
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
