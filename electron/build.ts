/**
 * `node --import tsx electron/build.ts [OUTDIR]`: bundles the main process and the preload to
 * CommonJS (a sandboxed preload must be CommonJS), default dist/electron/{main,preload}.cjs. The
 * native and heavy packages stay outside the bundle and load from node_modules.
 */
import { build, type BuildOptions } from 'esbuild';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_OUTDIR = join(ROOT, 'dist', 'electron');
export const EXTERNAL = ['electron', 'better-sqlite3', 'exceljs'] as const;

export interface ElectronBundles {
  readonly main: string;
  readonly preload: string;
}

export async function buildElectron({
  outdir = DEFAULT_OUTDIR,
}: { readonly outdir?: string } = {}): Promise<ElectronBundles> {
  const bundles: ElectronBundles = {
    main: join(outdir, 'main.cjs'),
    preload: join(outdir, 'preload.cjs'),
  };
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: [...EXTERNAL],
    // The sources are ESM; in the CommonJS bundle their folder is __dirname.
    define: { 'import.meta.dirname': '__dirname' },
    logLevel: 'silent',
    absWorkingDir: ROOT,
  };
  const results = await Promise.all([
    build({ ...common, entryPoints: [join(ROOT, 'electron', 'main.ts')], outfile: bundles.main }),
    build({
      ...common,
      entryPoints: [join(ROOT, 'electron', 'preload.ts')],
      outfile: bundles.preload,
    }),
  ]);
  // A warning here (import.meta left in a CommonJS bundle, say) is a bundle that breaks at run time.
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length > 0) {
    throw new Error(
      `electron build: ${warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`).join('; ')}`,
    );
  }
  return bundles;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2];
  const bundles = await buildElectron(outdir === undefined ? {} : { outdir: resolve(outdir) });
  console.log(`Kiểm phiếu: ${bundles.main}, ${bundles.preload}`);
}
