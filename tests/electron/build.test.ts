/** The desktop host's bundles: what they load, what they do not, and the window settings. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, type ElectronBundles } from '../../electron/build.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
// Inside the repository, so the externals resolve from its node_modules like in the app.
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

/** Network modules a host that listens on no port has no use for. */
const NETWORK = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'ws'];

const requires = (code: string): string[] =>
  [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/gu)].map((m) => m[1]!))].sort();

let dir: string;
let bundles: ElectronBundles;
let main: string;
let preload: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(ARTIFACTS, 'electron-build-'));
  bundles = await buildElectron({ outdir: join(dir, 'electron') });
  main = readFileSync(bundles.main, 'utf8');
  preload = readFileSync(bundles.preload, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('electron/build.ts', () => {
  it('writes main.cjs and preload.cjs', () => {
    expect(bundles.main).toBe(join(dir, 'electron', 'main.cjs'));
    expect(bundles.preload).toBe(join(dir, 'electron', 'preload.cjs'));
    expect(existsSync(bundles.main)).toBe(true);
    expect(existsSync(bundles.preload)).toBe(true);
  });

  it('bundles CommonJS with electron, better-sqlite3, exceljs and sharp (scanning) left outside', () => {
    expect(main).not.toMatch(/^\s*(import|export)\s/mu);
    // Node's own modules (node-forge asks for 'crypto') are not packages.
    const packages = requires(main).filter(
      (r) => !r.startsWith('node:') && !builtinModules.includes(r),
    );
    expect(packages).toEqual(['better-sqlite3', 'electron', 'exceljs', 'sharp']);
    for (const external of ['electron', 'better-sqlite3', 'exceljs', 'sharp']) {
      expect(main).not.toContain(`// node_modules/${external}/`);
    }
    // Their code stays out, the rest (zod, core, db) is in.
    expect(main).toContain('// node_modules/zod/');
    expect(main).toContain('// db/workspace.ts');
  });

  it('leaves no import.meta in the CommonJS bundle (paths come from __dirname)', () => {
    expect(main).not.toMatch(/import\.meta|import_meta/u);
    expect(main).toMatch(/var HERE = __dirname;/u);
  });

  it('the preload requires nothing but electron (a sandboxed preload can have nothing else)', () => {
    expect(requires(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("kiemPhieu"');
  });

  it('the windows are isolated, sandboxed, without Node, with web security', () => {
    const prefs = /function securePreferences\([^)]*\) \{\s*return \{([^}]*)\}/u.exec(main)?.[1];
    expect(prefs).toBeDefined();
    expect(prefs).toMatch(/contextIsolation: true,/u);
    expect(prefs).toMatch(/sandbox: true,/u);
    expect(prefs).toMatch(/nodeIntegration: false,/u);
    expect(prefs).toMatch(/webSecurity: true,/u);
    expect(prefs).toMatch(/webviewTag: false,/u);
    expect(main).toContain('enableSandbox()');
  });

  it('the main bundle loads no network module and listens on nothing', () => {
    for (const name of NETWORK) {
      expect(requires(main)).not.toContain(name);
      expect(requires(main)).not.toContain(`node:${name}`);
    }
    expect(main).not.toMatch(/\.listen\(|createServer\(/u);
  });
});

describe('electron/ sources', () => {
  const sources = readdirSync(join(ROOT, 'electron')).filter((f) => f.endsWith('.ts'));

  it('include main.ts', () => expect(sources).toContain('main.ts'));

  for (const file of sources) {
    it(`${file} never listens nor imports a network module`, () => {
      const code = readFileSync(join(ROOT, 'electron', file), 'utf8');
      expect(code).not.toMatch(/\blisten\(/u);
      for (const name of NETWORK) {
        expect(code).not.toMatch(new RegExp(`from '(node:)?${name}'`, 'u'));
      }
    });
  }
});
