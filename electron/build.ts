/**
 * `node --import tsx electron/build.ts [OUTDIR]`: bundles the main process and the preload to
 * CommonJS (a sandboxed preload must be CommonJS), default dist/electron/{main,preload}.cjs, with
 * scripts/bundles.ts (which builds the CLI and the browser host the same way). The native and
 * heavy packages stay outside the bundle and load from node_modules.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles, DIST, EXTERNAL } from '../scripts/bundles.ts';

export const DEFAULT_OUTDIR = join(DIST, 'electron');
export { EXTERNAL };

export interface ElectronBundles {
  readonly main: string;
  readonly preload: string;
}

/** Builds main.cjs and preload.cjs into `outdir`, a folder named `electron` (beside `renderer`). */
export async function buildElectron({
  outdir = DEFAULT_OUTDIR,
}: { readonly outdir?: string } = {}): Promise<ElectronBundles> {
  // main.cjs finds the renderer at ../renderer and the preload beside itself.
  if (basename(outdir) !== 'electron')
    throw new Error(`electron build: ${outdir} is not …/electron`);
  const { main, preload } = await buildBundles({
    outdir: dirname(outdir),
    names: ['main', 'preload', 'sheetWorker'],
  });
  return { main, preload };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2];
  const bundles = await buildElectron(outdir === undefined ? {} : { outdir: resolve(outdir) });
  console.log(`Kiểm phiếu: ${bundles.main}, ${bundles.preload}`);
}
