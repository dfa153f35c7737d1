/**
 * Which packages of node_modules the desktop app needs at run time: those its main-process bundle
 * still requires (the natives and the large ones left outside, scripts/bundles.ts) and everything
 * they depend on. electron-builder copies every production dependency; the rest — already inside
 * the bundles, or Electron itself — is excluded by the list between the markers in
 * electron-builder.yml, which `node --import tsx scripts/packaged-modules.ts --write` keeps in step
 * (tests/packaging checks it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const BUILDER_CONFIG = join(ROOT, 'electron-builder.yml');
const BEGIN = '# begin: packages the app does not load (scripts/packaged-modules.ts)';
const END = '# end: packages the app does not load';

interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

const packageJson = (dir: string): PackageJson | null => {
  const path = join(dir, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PackageJson) : null;
};

/** The package a module specifier names (`@scope/name/x` → `@scope/name`), or null for Node's own. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('node:') || specifier.startsWith('.') || specifier.startsWith('/')) {
    return null;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

/** The packages a CommonJS bundle requires by name (electron excepted: it is the runtime). */
export function requiredPackages(bundleCode: string): string[] {
  // `require2(…)`: esbuild renames a module's own createRequire result.
  const names = [...bundleCode.matchAll(/\brequire\d*\("([^"]+)"\)/gu)]
    .map((m) => packageOf(m[1]!))
    .filter((n): n is string => n !== null && n !== 'electron');
  return [...new Set(names)].sort();
}

/** Where Node would find `name` from a package in `dir`: its own node_modules, then upwards. */
function resolvePackage(name: string, dir: string, root: string): string | null {
  for (let at = dir; at.startsWith(root); at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (at === root) break;
  }
  return null;
}

/**
 * The top-level packages of node_modules that `roots` load, directly or through their
 * dependencies (resolved as Node resolves them; a package nested inside another travels with it).
 * Type declarations are never loaded unless `types` is set. With `nested`, the names of all the
 * packages reached instead, wherever they are installed.
 */
export function dependencyClosure(
  roots: readonly string[],
  root = ROOT,
  { types = false, nested = false }: { readonly types?: boolean; readonly nested?: boolean } = {},
): string[] {
  const top = join(root, 'node_modules');
  const topLevel = new Set<string>();
  const names = new Set<string>();
  const visited = new Set<string>();
  const queue: [string, string][] = roots.map((name) => [name, root]);
  while (queue.length > 0) {
    const [name, from] = queue.shift()!;
    if (!types && name.startsWith('@types/')) continue;
    const dir = resolvePackage(name, from, root);
    if (dir === null || visited.has(dir)) continue; // an optional dependency not installed here
    visited.add(dir);
    names.add(name);
    const rel = relative(top, dir).split(sep);
    topLevel.add(rel[0]!.startsWith('@') ? `${rel[0]}/${rel[1]}` : rel[0]!);
    const pkg = packageJson(dir)!;
    for (const dep of [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.optionalDependencies ?? {}),
    ]) {
      queue.push([dep, dir]);
    }
  }
  // `nested`: every package's name, wherever it sits (a packager may lay node_modules out anew).
  return [...(nested ? names : topLevel)].sort();
}

/**
 * The production packages electron-builder would copy, less those the app needs — by name,
 * wherever installed (electron-builder lays node_modules out anew, so a package kept out at the
 * top could come back nested).
 */
export function unneededPackages(neededNames: readonly string[], root = ROOT): string[] {
  const project = packageJson(root)!;
  const production = dependencyClosure(
    [
      ...Object.keys(project.dependencies ?? {}),
      ...Object.keys(project.optionalDependencies ?? {}),
    ],
    root,
    { types: true, nested: true },
  );
  const keep = new Set(neededNames);
  return production.filter((n) => !keep.has(n));
}

/** The exclusion lines between the markers of electron-builder.yml: at any depth. */
export function exclusionLines(unneeded: readonly string[]): string[] {
  return unneeded.map((n) => `  - '!**/node_modules/${n}/**'`);
}

/** The names currently excluded in electron-builder.yml. */
export function excludedInConfig(text: string): string[] {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return [];
  return [...text.slice(start, end).matchAll(/'!\*\*\/node_modules\/(.+)\/\*\*'/gu)].map(
    (m) => m[1]!,
  );
}

export function withExclusions(text: string, unneeded: readonly string[]): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`electron-builder.yml: markers not found`);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const indent = text.slice(lineStart, start);
  return (
    text.slice(0, lineStart) +
    [`${indent}${BEGIN}`, ...exclusionLines(unneeded)].join('\n') +
    `\n${indent}` +
    text.slice(end)
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { buildBundles } = await import('./bundles.ts');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-modules-'));
  try {
    const { main } = await buildBundles({ outdir: dir, names: ['main'] });
    const needed = dependencyClosure(requiredPackages(readFileSync(main, 'utf8')), ROOT, {
      nested: true,
    });
    const unneeded = unneededPackages(needed);
    console.log(`needed (${needed.length}): ${needed.join(' ')}`);
    console.log(`excluded (${unneeded.length}): ${unneeded.join(' ')}`);
    if (process.argv.includes('--write')) {
      writeFileSync(BUILDER_CONFIG, withExclusions(readFileSync(BUILDER_CONFIG, 'utf8'), unneeded));
      console.log(`written to ${BUILDER_CONFIG}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
