/**
 * The desktop package, built for real by electron-builder (`--linux dir`) from electron-builder.yml,
 * with a stand-in Electron folder (Electron cannot be downloaded here) and the native rebuild off;
 * then the result is inspected: what the asar holds and what it must not, better-sqlite3's binding
 * outside it, the fonts, the size, and the packaged main process run with a stand-in electron
 * module. What this cannot prove is in docs/packaging.md.
 */
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBundles } from '../../scripts/bundles.ts';
import {
  BUILDER_CONFIG,
  dependencyClosure,
  excludedInConfig,
  requiredPackages,
  unneededPackages,
} from '../../scripts/packaged-modules.ts';
import { display, fakeElectron, loadWithFake } from '../electron/fake-electron.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;

type Config = Record<string, unknown> & {
  files: (string | { from: string; to: string; filter: string[] })[];
  directories: Record<string, string>;
};
const config = yaml.load(readFileSync(BUILDER_CONFIG, 'utf8')) as Config;

let stage: string;
let appOut: string;
let asar: string;
let entries: string[];
let mainBundle: string;
let buildSeconds = 0;

const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const sizeOf = (path: string): number =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0)
    : statSync(path).size;

/**
 * A stand-in for an unpacked Electron: electron-builder needs the `electron` executable and the
 * `version` file. It is a shell script: it holds no fuse wire, so fuses cannot be flipped in it.
 */
function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n', { mode: 0o755 });
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  return dir;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  stage = mkdtempSync(join(ARTIFACTS, 'packaging-'));
  const dist = join(stage, 'dist');
  // The bundles are built here, not into the shared dist/, which other tests read meanwhile.
  mainBundle = (await buildBundles({ outdir: dist, names: ['main', 'preload', 'sheetWorker'] }))
    .main;
  const renderer = join(ROOT, 'dist', 'renderer');
  if (existsSync(join(renderer, 'index.html'))) {
    cpSync(renderer, join(dist, 'renderer'), { recursive: true });
  } else {
    const { build } = await import('vite');
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir: join(dist, 'renderer'), emptyOutDir: true },
    });
  }
  const { build, Platform } = await import('electron-builder');
  const started = performance.now();
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    config: {
      ...config,
      // The same file set, with dist/ taken from the stage.
      files: config.files.map((f) =>
        typeof f === 'string' && f.startsWith('dist/')
          ? {
              from: join(dist, relative('dist', f.slice(0, f.lastIndexOf('/')))),
              to: f.slice(0, f.lastIndexOf('/')),
              filter: [f.slice(f.lastIndexOf('/') + 1)],
            }
          : f,
      ),
      directories: { ...config.directories, output: join(stage, 'out') },
      electronDist: standInElectron(join(stage, 'electron-dist')),
      electronVersion: ELECTRON_VERSION,
      npmRebuild: false,
      // The stand-in binary has no fuse wire to flip (the config is checked below).
      electronFuses: null,
    } as never,
  });
  buildSeconds = (performance.now() - started) / 1000;
  appOut = join(stage, 'out', 'linux-unpacked');
  asar = join(appOut, 'resources', 'app.asar');
  entries = listPackage(asar, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
  // What the package holds, folder by folder, for the people who ship it to read.
  const folders = new Map<string, number>();
  for (const e of entries) {
    const top = e
      .split('/')
      .slice(1, e.startsWith('/node_modules/') ? 3 : 2)
      .join('/');
    folders.set(top, (folders.get(top) ?? 0) + 1);
  }
  mkdirSync(join(ARTIFACTS, 'packaging'), { recursive: true });
  writeFileSync(
    join(ARTIFACTS, 'packaging', 'asar-contents.txt'),
    `${[...folders]
      .sort()
      .map(([f, n]) => `${String(n).padStart(6)}  ${f}`)
      .join('\n')}\n${statSync(asar).size} bytes in app.asar\n`,
  );
}, 240_000);

afterAll(() => {
  if (stage !== undefined) rmSync(stage, { recursive: true, force: true });
});

describe('electron-builder.yml', () => {
  it('names the app, its icon, its file type, and the four installers', () => {
    expect(config.appId).toBe('vn.kiemphieu.app');
    expect(config.productName).toBe('Kiểm phiếu');
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'kiemphieu', name: expect.any(String) }),
    ]);
    const targets = (platform: string) =>
      ((config[platform] as { target: { target: string }[] }).target ?? []).map((t) => t.target);
    expect(targets('win')).toEqual(['nsis', 'portable']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    const icons = join(ROOT, 'assets', 'icons');
    expect(readFileSync(join(icons, 'icon.ico')).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    for (const size of [256, 512]) {
      const png = readFileSync(join(icons, `${size}x${size}.png`));
      expect(png.readUInt32BE(16), `${size} width`).toBe(size);
      expect(png.readUInt32BE(20), `${size} height`).toBe(size);
    }
  });

  it('publishes nothing and checks for no update', () => {
    expect(config.publish).toBeNull();
    expect(config.detectUpdateChannel).toBe(false);
    expect(JSON.stringify(config)).not.toMatch(/electron-updater|https?:\/\//u);
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS, no inspector, asar only and verified', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('rebuilds better-sqlite3 for Electron when packaging, and unpacks native bindings', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('excludes exactly the production packages the app does not load', () => {
    const needed = dependencyClosure(
      requiredPackages(readFileSync(mainBundle, 'utf8')),
      undefined,
      {
        nested: true,
      },
    );
    expect(
      excludedInConfig(readFileSync(BUILDER_CONFIG, 'utf8')),
      'run: node --import tsx scripts/packaged-modules.ts --write',
    ).toEqual(unneededPackages(needed));
  });
});

describe('the package built by electron-builder --linux dir', () => {
  it('holds the built main process, preload and renderer, and the fonts', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/dist/electron/main.cjs',
        '/dist/electron/people-sheet-worker.cjs',
        '/dist/electron/preload.cjs',
        '/dist/renderer/index.html',
      ]),
    );
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/.+\.js$/u.test(e))).toBe(true);
    expect(extractFile(asar, 'dist/electron/main.cjs').equals(readFileSync(mainBundle))).toBe(true);
    for (const font of readdirSync(join(ROOT, 'assets', 'fonts'))) {
      expect(entries, font).toContain(`/assets/fonts/${font}`);
      expect(
        extractFile(asar, `assets/fonts/${font}`).equals(
          readFileSync(join(ROOT, 'assets', 'fonts', font)),
        ),
      ).toBe(true);
    }
    const packaged = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(packaged.main).toBe('dist/electron/main.cjs');
  });

  it('holds nothing it should not: no sources, tests, scripts, dev packages, Electron, data', () => {
    const top = new Set(entries.map((e) => e.split('/')[1]));
    expect([...top].sort()).toEqual(['assets', 'dist', 'node_modules', 'package.json']);
    expect(
      entries.filter((e) => e.startsWith('/assets/') && !e.startsWith('/assets/fonts')),
    ).toEqual([]);
    expect(
      [...new Set(entries.map((e) => e.split('/').slice(0, 3).join('/')))]
        .filter((e) => e.startsWith('/dist/'))
        .sort(),
    ).toEqual(['/dist/electron', '/dist/renderer']);
    expect(entries.filter((e) => e.startsWith('/dist/electron/')).sort()).toEqual([
      '/dist/electron/main.cjs',
      '/dist/electron/people-sheet-worker.cjs',
      '/dist/electron/preload.cjs',
    ]);
    const refused = entries.filter(
      (e) =>
        /\.(ts|tsx|map|kiemphieu|p12|pfx)$/iu.test(e) ||
        /\/test_extension\.node$|\/pdfmake\/build\/|\/exceljs\/dist\//u.test(e) ||
        /\/(tests?|__tests__|\.github|\.git)\//u.test(e),
    );
    expect(refused).toEqual([]);
  });

  it('its node_modules hold exactly what the main process loads, and what that needs', () => {
    // By name, at any depth: electron-builder lays node_modules out anew.
    const packages = new Set<string>();
    for (const e of entries) {
      const m = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/u.exec(e);
      if (m !== null) packages.add(m[1]!);
    }
    const roots = requiredPackages(readFileSync(mainBundle, 'utf8'));
    expect(roots).toEqual(expect.arrayContaining(['better-sqlite3', 'exceljs', 'pdfmake']));
    const needed = dependencyClosure(roots, undefined, { nested: true });
    expect([...packages].filter((p) => !needed.includes(p))).toEqual([]);
    // A package the app loads but missing from the package would fail only on the user's machine.
    expect(needed.filter((p) => !packages.has(p))).toEqual([]);
    // Build and test tools (and what the bundles already hold) never ship.
    const devTools = [
      'electron',
      'electron-builder',
      'vite',
      'vitest',
      'typescript',
      'tsx',
      'react',
      'zod',
    ];
    expect(devTools.filter((dev) => packages.has(dev))).toEqual([]);
  });

  it('keeps better-sqlite3’s native binding outside the asar', () => {
    const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(entries).toContain(`/${binding}`);
    expect(statFile(asar, binding)).toMatchObject({ unpacked: true });
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked', binding);
    expect(statSync(unpacked).size).toBeGreaterThan(500_000);
    const nodes = entries.filter((e) => e.endsWith('.node'));
    for (const node of nodes)
      expect(statFile(asar, node.slice(1)), node).toMatchObject({ unpacked: true });
  });

  it('the packaged main process runs from its own files (stand-in electron, Node’s SQLite)', async () => {
    const tree = join(stage, 'extracted');
    extractAll(asar, tree);
    const fake = fakeElectron({ displays: [display(1, 0)] });
    const home = join(stage, 'home');
    const saved = { ...process.env };
    process.env.KIEM_PHIEU_HOME = home;
    delete process.env.KIEM_PHIEU_SQLITE_BINDING;
    try {
      loadWithFake(join(tree, 'dist', 'electron', 'main.cjs'), fake);
      await vi.waitFor(() => expect(fake.windows.length).toBe(1));
    } finally {
      process.env = saved;
    }
    expect(fake.dialogs.errors).toEqual([]);
    const window = fake.windows[0]!;
    const call = fake.handlers.get('kiem-phieu:call')!;
    await expect(
      call(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        {
          kind: 'whoami',
        },
      ),
    ).resolves.toMatchObject({ ok: true });
    fake.app.quit();
    // The packages it loads at run time resolve from the packaged tree, and work from there: a
    // PDF with the packaged fonts, an Excel workbook (in a process of its own, nothing cached).
    const packagedRequire = createRequire(join(tree, 'dist', 'electron', 'main.cjs'));
    for (const name of ['exceljs', 'pdfmake', 'better-sqlite3']) {
      expect(packagedRequire.resolve(name).startsWith(tree), name).toBe(true);
    }
    const script = `
      const { createRequire } = require('node:module');
      const { readFileSync } = require('node:fs');
      const req = createRequire(${JSON.stringify(join(tree, 'dist', 'electron', 'main.cjs'))});
      const pdfmake = req('pdfmake');
      const font = ${JSON.stringify(join(tree, 'assets', 'fonts', 'Tinos-Regular.ttf'))};
      pdfmake.virtualfs.writeFileSync('T.ttf', readFileSync(font));
      pdfmake.setFonts({ T: { normal: 'T.ttf', bold: 'T.ttf', italics: 'T.ttf', bolditalics: 'T.ttf' } });
      pdfmake.setUrlAccessPolicy(() => false);
      pdfmake.setLocalAccessPolicy(() => false);
      const ExcelJS = req('exceljs');
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Kết quả').addRow(['Nguyễn Văn An', 36]);
      Promise.all([
        pdfmake.createPdf({ content: ['Phiếu bầu cử'], defaultStyle: { font: 'T' } }).getBuffer(),
        book.xlsx.writeBuffer().then(async (bytes) => {
          const back = new ExcelJS.Workbook();
          await back.xlsx.load(bytes);
          if (back.getWorksheet('Kết quả').getCell('A1').value !== 'Nguyễn Văn An') throw new Error('xlsx');
          return bytes;
        }),
      ]).then(([pdf, xlsx]) => {
        const outside = Object.keys(require.cache).filter((f) => f.includes('node_modules') && !f.startsWith(${JSON.stringify(tree)}));
        console.log(JSON.stringify({ pdf: pdf.subarray(0, 5).toString('latin1'), xlsx: xlsx.byteLength, outside }));
      });
    `;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: stage, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ pdf: '%PDF-', outside: [] });
    expect((JSON.parse(run.stdout) as { xlsx: number }).xlsx).toBeGreaterThan(1000);
  });

  it('its size (printed), and the time electron-builder took', () => {
    const asarBytes = statSync(asar).size;
    const unpackedBytes = sizeOf(join(appOut, 'resources', 'app.asar.unpacked'));
    console.log(
      `package (without Electron): app.asar ${MiB(asarBytes)}, app.asar.unpacked ${MiB(unpackedBytes)}, ` +
        `${entries.length} entries; electron-builder ${buildSeconds.toFixed(1)} s`,
    );
    expect(asarBytes + unpackedBytes).toBeLessThan(120 * 1024 * 1024);
  });
});
