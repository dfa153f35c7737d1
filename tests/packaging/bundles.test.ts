/**
 * The built files the launchers run (scripts/bundles.ts): built here from the current sources into
 * a folder of their own, then run as a user runs them — the CLI on the golden decks and printing a
 * ballot with the fonts, the browser host answering — so a bundle that breaks fails CI even when
 * the other tests run the sources. And bin/fresh.js, which decides between dist/ and the sources.
 */
import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle, isFresh } from '../../bin/fresh.js';
import {
  BUNDLES,
  buildBundles,
  INPUTS_FILE,
  LAZY,
  type BundleName,
} from '../../scripts/bundles.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const DECKS = join(ROOT, 'tests', 'decks');

let dir: string;
let built: Record<BundleName, string>;

const run = (args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        }),
    );
  });

/** An ESM chunk and the chunks it imports statically, transitively: what loading it reads. */
function staticClosure(file: string): { readonly code: string; readonly bytes: number } {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const imports = readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*"(\.\/[^"]+)"/gu);
    for (const [, relative] of imports) visit(join(path, '..', relative!));
  };
  visit(file);
  const code = [...seen].map((f) => readFileSync(f, 'utf8')).join('\n');
  return { code, bytes: Buffer.byteLength(code) };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(ARTIFACTS, 'bundles-'));
  built = await buildBundles({ outdir: join(dir, 'dist') });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built CLI (dist/cli/kiem-phieu.mjs)', () => {
  it('prints its usage', async () => {
    const r = await run([built.cli, '--help']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kiem-phieu tally RECORD\.json/u);
  });

  // A few of the golden decks (tests/cli runs them all from the sources): a tie, a surplus
  // strike, an approve election, rounding.
  const decks = ['tie-one-seat', 'no-surplus-strike', 'approve-with-surplus', 'rounding-half-up'];
  it(`recounts golden decks as the sources do (${decks.join(', ')})`, async () => {
    expect(decks.every((d) => existsSync(join(DECKS, d, 'expected.json')))).toBe(true);
    for (const deck of decks) {
      const r = await run([built.cli, 'tally', join(DECKS, deck, 'record.json'), '--json']);
      expect(JSON.parse(r.stdout), deck).toEqual(
        JSON.parse(readFileSync(join(DECKS, deck, 'expected.json'), 'utf8')),
      );
    }
  });

  // Each command's code is a chunk imported when the command runs (cli/main.ts).
  it('loads the usage alone for --help, and no PDF, SQLite or scanning code for a recount', () => {
    const entry = readFileSync(built.cli, 'utf8');
    expect(staticClosure(built.cli).bytes).toBeLessThan(32_000);
    const tally = /tallyCommand\}=await import\("\.\/([^"]+)"\)/u.exec(entry)?.[1];
    expect(tally).toBeDefined();
    const code = staticClosure(join(built.cli, '..', tally!)).code;
    for (const library of ['better-sqlite3', 'PDFDocument', 'node-forge', 'jsQR', 'sharp']) {
      expect(code, library).not.toContain(library);
    }
  });

  it('says a missing chunk (dist/ replaced under a run) with the crash code, not a refusal', async () => {
    const copy = join(built.cli, '..', '..', 'cli-missing-chunk');
    cpSync(join(built.cli, '..'), copy, { recursive: true });
    const entry = join(copy, basename(built.cli));
    const tally = /tallyCommand\}=await import\("\.\/([^"]+)"\)/u.exec(
      readFileSync(entry, 'utf8'),
    )?.[1];
    rmSync(join(copy, tally!));
    const r = await run([entry, 'tally', join(DECKS, 'tie-one-seat', 'record.json')]);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain(tally!);
    expect(r.stdout).toBe('');
    // The catalogue's chunk gone too: the error is still said, plainly, with the same code.
    const catalogue = readdirSync(copy).find((f) =>
      readFileSync(join(copy, f), 'utf8').includes('Internal error in kiem-phieu'),
    );
    rmSync(join(copy, catalogue!));
    const bare = await run([entry, 'tally', join(DECKS, 'tie-one-seat', 'record.json')]);
    expect(bare.code).toBe(70);
    expect(bare.stderr).toMatch(/^kiem-phieu: internal error: .*cli-/u);
  });

  it('refuses a malformed record with exit 1 and a message', async () => {
    const r = await run([built.cli, 'tally', join(DECKS, 'malformed', 'record.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Hồ sơ bị từ chối/u);
  });

  it('prints a ballot PDF with the fonts, found from the bundle’s folder', async () => {
    const pdf = join(dir, 'ballot.pdf');
    const r = await run([
      built.cli,
      'ballot',
      join(DECKS, 'tie-one-seat', 'record.json'),
      '--pdf',
      pdf,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const fonts = await new Promise<string>((resolve) =>
      execFile('pdffonts', [pdf], (_e, stdout) => resolve(stdout)),
    );
    expect(fonts).toMatch(/Tinos/u);
  });
});

describe('the built browser host (dist/server/main.mjs)', () => {
  it('serves, with the content security policy, and loads no lazy package at start', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const { serve } = await import(${JSON.stringify(pathToFileURL(built.server).href)});
      const { running, workspace } = await serve(['--port', '0']);
      const response = await fetch(running.url);
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        status: response.status,
        csp: response.headers.get('content-security-policy'),
        lazy: ${JSON.stringify(LAZY)}.filter((p) => loaded.some((f) => f.includes('/node_modules/' + p + '/'))),
      }));
      await running.close();
      await workspace.close();
      process.exit(0);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, KIEM_PHIEU_HOME: join(dir, 'home') },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    // The offline guard's warning (db/offline-guard.ts) on a machine with a route to the Internet.
    const online =
      /^\(node:\d+\) Warning: kiem-phieu: this computer is connected to the Internet .*\n(\(Use `node --trace-warnings .*\n)?/mu;
    expect(err.replace(online, '')).toBe('');
    expect(code).toBe(0);
    const seen = JSON.parse(out) as { status: number; csp: string; lazy: string[] };
    expect([200, 404]).toContain(seen.status);
    expect(seen.csp).toMatch(/default-src 'self'/u);
    expect(seen.lazy).toEqual([]);
  });
});

describe('the bundles', () => {
  it('hold no import.meta in CommonJS, and leave the native packages outside', () => {
    for (const name of ['main', 'preload'] as const) {
      expect(readFileSync(built[name], 'utf8'), name).not.toMatch(/import\.meta/u);
    }
    for (const name of Object.keys(BUNDLES) as BundleName[]) {
      const code = readFileSync(built[name], 'utf8');
      expect(code, name).not.toMatch(/node_modules\/better-sqlite3\/lib/u);
    }
  });

  it('leave out zod’s translations of its own messages', () => {
    // A line of zod's German messages (node_modules/zod/v4/locales/de.js), found when they are in.
    expect(readFileSync(join(ROOT, 'node_modules/zod/v4/locales/de.js'), 'utf8')).toMatch(
      /erwartet/u,
    );
    for (const name of ['server', 'main'] as const) {
      expect(readFileSync(built[name], 'utf8'), name).not.toMatch(/erwartet/u);
    }
  });

  it('keep the chunks of the entry they replace a while, and remove older ones', async () => {
    const cliDir = join(built.cli, '..');
    const hourAgo = new Date(Date.now() - 3_600_000);
    const chunk = (file: string) => {
      writeFileSync(join(cliDir, file), 'export {};\n');
      utimesSync(join(cliDir, file), hourAgo, hourAgo);
    };
    // A run started from the entry being replaced may still import this one.
    chunk('cli-REPLACED.mjs');
    writeFileSync(built.cli, `${readFileSync(built.cli, 'utf8')}\nimport("./cli-REPLACED.mjs");\n`);
    chunk('cli-ANCIENT.mjs');
    await buildBundles({ outdir: join(dir, 'dist'), names: ['cli'] });
    expect(existsSync(join(cliDir, 'cli-REPLACED.mjs'))).toBe(true);
    expect(existsSync(join(cliDir, 'cli-ANCIENT.mjs'))).toBe(false);
    // The new entry names neither, and every chunk it names is there.
    const entry = readFileSync(built.cli, 'utf8');
    expect(entry).not.toContain('cli-REPLACED');
    for (const [, name] of entry.matchAll(/"\.\/([\w-]+\.mjs)"/gu)) {
      expect(existsSync(join(cliDir, name!)), name).toBe(true);
    }
  }, 120_000);

  it('record the files they were built from', () => {
    const inputs = JSON.parse(readFileSync(join(dir, 'dist', INPUTS_FILE), 'utf8')) as Record<
      string,
      { bundle: string; inputs: string[] }
    >;
    expect(inputs.cli?.bundle).toBe('cli/kiem-phieu.mjs');
    expect(inputs.cli?.inputs).toEqual(expect.arrayContaining(['bin/cli.ts', 'cli/main.ts']));
    expect(inputs.main?.inputs).toEqual(expect.arrayContaining(['electron/main.ts']));
    expect(inputs.server?.inputs).toEqual(expect.arrayContaining(['server/main.ts']));
    // Every one is a file (no virtual module), or bin/fresh.js would call the bundle stale forever.
    for (const [name, record] of Object.entries(inputs)) {
      for (const f of record.inputs) expect(existsSync(join(ROOT, f)), `${name}: ${f}`).toBe(true);
    }
    // A command added anywhere below the entry is in: every cli/ source the entry reaches.
    expect(inputs.cli?.inputs.filter((f) => f.startsWith('cli/')).length).toBeGreaterThan(3);
  });
});

describe('bin/fresh.js', () => {
  let root: string;
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
  const file = (path: string, seconds: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), path);
    utimesSync(join(root, path), at(seconds), at(seconds));
  };

  beforeAll(() => {
    root = mkdtempSync(join(dir, 'fresh-'));
    file('src/a.ts', 10);
    file('src/b.ts', 20);
    file('dist/cli/x.mjs', 30);
    writeFileSync(
      join(root, 'dist', INPUTS_FILE),
      JSON.stringify({ cli: { bundle: 'cli/x.mjs', inputs: ['src/a.ts', 'src/b.ts'] } }),
    );
  });

  it('a bundle newer than all its sources is fresh', () => {
    expect(freshBundle(root, 'cli')).toBe(join(root, 'dist', 'cli', 'x.mjs'));
  });

  it('a source edited after the build, or deleted, makes it stale', () => {
    file('src/b.ts', 40);
    expect(freshBundle(root, 'cli')).toBeNull();
    file('src/b.ts', 20);
    rmSync(join(root, 'src', 'a.ts'));
    expect(freshBundle(root, 'cli')).toBeNull();
    file('src/a.ts', 10);
    expect(freshBundle(root, 'cli')).not.toBeNull();
  });

  it('no bundle, no record, or an unknown name: not fresh', () => {
    expect(freshBundle(root, 'server')).toBeNull();
    expect(isFresh({ root, output: join(root, 'dist', 'missing.mjs'), inputs: ['src/a.ts'] })).toBe(
      false,
    );
    expect(freshBundle(join(root, 'src'), 'cli')).toBeNull();
  });

  it('an installed copy with no sources at all runs its bundle', () => {
    expect(
      isFresh({
        root,
        output: join(root, 'dist', 'cli', 'x.mjs'),
        inputs: ['gone/a.ts', 'gone/b.ts'],
      }),
    ).toBe(true);
  });
});
