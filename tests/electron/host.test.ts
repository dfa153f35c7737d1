/**
 * The built main process and preload, run under Node with a stand-in `electron` module: the real
 * Workspace, Api and SQLite behind the IPC handlers, the windows' settings, the session's locks,
 * the projector's moves, the dialogs, the file closed at quit.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron, type ElectronBundles } from '../../electron/build.ts';
import type { KiemPhieuBridge } from '../../electron/bridge.ts';
import { internetRoute } from '../../db/offline-guard.ts';
import { CONTENT_SECURITY_POLICY } from '../../server/static-files.ts';
import {
  display,
  fakeElectron,
  FakeFrame,
  FakeWebContents,
  loadWithFake,
  type FakeElectron,
  type Handler,
} from './fake-electron.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

let dir: string;
let bundles: ElectronBundles;
let rendererRoot: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(ARTIFACTS, 'electron-host-'));
  bundles = await buildElectron({ outdir: join(dir, 'electron') });
  rendererRoot = join(dir, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Kiểm phiếu</title>');
  process.env.KIEM_PHIEU_HOME = join(dir, 'home');
  delete process.env.KIEM_PHIEU_SQLITE_BINDING;
});
afterAll(() => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

const congress = {
  name: 'Đại hội Đảng bộ xã An Bình',
  organisation: 'Đảng bộ xã',
  kind: 'delegates',
};

describe('electron/main.ts, run with a stand-in electron', () => {
  let fake: FakeElectron;
  let call: Handler;
  let dialog: Handler;
  let foreign: FakeElectron['windows'][number];
  const operator = () => fake.windows[0]!;
  const projector = () =>
    fake.windows.findLast((w) => w.loaded?.hash === '/projector' && !w.destroyed) ??
    fake.windows[1]!;
  const from = (wc: FakeWebContents, frame: FakeFrame | null = wc.mainFrame) => ({
    sender: wc,
    senderFrame: frame,
  });

  beforeAll(async () => {
    fake = fakeElectron({ displays: [display(1, 0), display(2, 1920)] });
    fake.state.documents = dir;
    loadWithFake(bundles.main, fake);
    await vi.waitFor(() => expect(fake.windows.length).toBe(2));
    call = fake.handlers.get('kiem-phieu:call')!;
    dialog = fake.handlers.get('kiem-phieu:dialog')!;
  });

  it('opens the operator window and, with a second display, the projector full screen there', () => {
    expect(fake.state.sandboxed).toBe(true);
    expect(operator().loaded).toEqual({ url: 'app://kiem-phieu/index.html', hash: undefined });
    expect(operator().shown).toBe(true);
    expect(projector().loaded).toEqual({
      url: 'app://kiem-phieu/index.html#/projector',
      hash: '/projector',
    });
    expect(projector().fullScreen).toBe(true);
    expect(projector().bounds.x).toBe(1920);
  });

  it('every window is isolated, sandboxed, without Node, and loads our preload', () => {
    for (const win of fake.windows) {
      const prefs = win.options.webPreferences as Record<string, unknown>;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        sandbox: true,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
      expect(prefs.preload).toBe(bundles.preload);
      expect(existsSync(prefs.preload as string)).toBe(true);
    }
  });

  it('answers API calls from its windows with the reply body', async () => {
    await expect(call(from(operator().webContents), { kind: 'whoami' })).resolves.toEqual({
      ok: true,
      // The offline guard runs in the main process: its verdict is this machine's.
      value: { actor: null, file: null, internet: internetRoute() },
    });
    await expect(
      call(from(projector().webContents), { kind: 'query', name: 'progress' }),
    ).resolves.toMatchObject({ ok: false, error: [{ code: 'no-file' }] });
  });

  it('refuses calls from anything that is not our renderer in our window’s top frame', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://kiem-phieu/index.html';
    const subFrame = new FakeFrame(operator().webContents.mainFrame);
    subFrame.url = operator().webContents.mainFrame.url;
    const elsewhere = new FakeFrame();
    elsewhere.url = 'https://example.com/';
    const otherFile = new FakeFrame();
    // The renderer's own file, from file:// rather than app://.
    otherFile.url = pathToFileURL(join(rendererRoot, 'index.html')).href;
    // A window of the process that is not one of ours (showing our page, even).
    foreign = new fake.module.BrowserWindow({});
    await foreign.loadURL('app://kiem-phieu/index.html');
    fake.windows.pop(); // out of the list of ours the other tests walk
    for (const event of [
      from(stranger),
      from(foreign.webContents),
      from(operator().webContents, null),
      from(operator().webContents, subFrame),
      from(operator().webContents, elsewhere),
      from(operator().webContents, otherFile),
    ]) {
      await expect(call(event, { kind: 'whoami' })).rejects.toThrow(/unknown sender/u);
      await expect(dialog(event, 'open')).rejects.toThrow(/unknown sender/u);
    }
  });

  it('refuses malformed requests before the API sees them', async () => {
    for (const bad of [null, 'whoami', { kind: 1 }, { kind: 'whoami', extra: 1 }]) {
      const reply = (await call(from(operator().webContents), bad)) as { ok: boolean };
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('file calls may name only a file the user chose in a dialog', async () => {
    const wc = operator().webContents;
    for (const path of [join(dir, 'elsewhere.kiemphieu'), '/etc/passwd', join(dir, 'x', '..')]) {
      for (const input of [{ path }, { path, congress }]) {
        await expect(
          call(from(wc), {
            kind: 'file',
            name: 'path' in input && 'congress' in input ? 'create' : 'open',
            input,
          }),
        ).rejects.toThrow(/did not choose/u);
      }
    }
    expect(existsSync(join(dir, 'elsewhere.kiemphieu'))).toBe(false);
    // Cancelled dialogs choose nothing.
    fake.dialogs.next.push({ canceled: true, filePath: join(dir, 'elsewhere.kiemphieu') });
    await dialog(from(wc), 'save');
    await expect(
      call(from(wc), {
        kind: 'file',
        name: 'create',
        input: { path: join(dir, 'elsewhere.kiemphieu'), congress },
      }),
    ).rejects.toThrow(/did not choose/u);
    // A path in another form than a string is not a chosen one either.
    await expect(
      call(from(wc), { kind: 'file', name: 'open', input: { path: ['/etc/passwd'] } }),
    ).rejects.toThrow(/did not choose/u);
  });

  it('creates a file through the API and forwards the events to every window', async () => {
    const path = join(dir, 'an-binh.kiemphieu');
    fake.dialogs.next.push({ canceled: false, filePath: path });
    await expect(dialog(from(operator().webContents), 'save')).resolves.toBe(path);
    for (const win of fake.windows) win.webContents.sent.length = 0;
    const created = await call(from(operator().webContents), {
      kind: 'file',
      name: 'create',
      input: { path, congress },
    });
    expect(created).toMatchObject({ ok: true, value: { path, congress: { name: congress.name } } });
    for (const win of fake.windows) {
      expect(win.webContents.sent).toContainEqual([
        'kiem-phieu:event',
        expect.objectContaining({ type: 'file', file: expect.objectContaining({ path }) }),
      ]);
    }
    expect(foreign.webContents.sent).toEqual([]);
    await call(from(operator().webContents), {
      kind: 'command',
      name: 'updateCongress',
      input: { ...congress, place: 'Hội trường xã' },
    });
    expect(projector().webContents.sent.at(-1)).toEqual([
      'kiem-phieu:event',
      {
        type: 'event',
        event: expect.objectContaining({ command: 'updateCongress', electionId: null }),
      },
    ]);
  });

  it('loads nothing but the renderer’s own files, with the content security policy', () => {
    const cancelled = (url: string) => {
      let response: Record<string, unknown> = {};
      fake.hooks.beforeRequest!({ url }, (r) => (response = r));
      return response.cancel;
    };
    expect(cancelled('app://kiem-phieu/assets/index.js')).toBe(false);
    expect(cancelled('https://example.com/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:5317/')).toBe(true);
    expect(cancelled('app://elsewhere/index.html')).toBe(true);
    // In development (this app is not packaged) the developer tools may load.
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(cancelled(pathToFileURL(join(rendererRoot, 'index.html')).href)).toBe(true);
    expect(cancelled(pathToFileURL(join(dir, 'an-binh.kiemphieu')).href)).toBe(true);

    let headers: Record<string, string[]> = {};
    fake.hooks.headersReceived!(
      {
        url: 'app://kiem-phieu/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'x-other': ['1'] },
      },
      (r) => (headers = r.responseHeaders as Record<string, string[]>),
    );
    expect(headers).toEqual({
      'x-other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    });
  });

  it('serves the renderer from app://kiem-phieu/, never from file://, nothing outside it', async () => {
    expect(fake.protocols.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const serve = fake.protocols.handlers.get('app')!;
    const index = await serve(new Request('app://kiem-phieu/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Kiểm phiếu</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    for (const url of [
      'app://kiem-phieu/missing.js',
      'app://kiem-phieu/..%2fsecret.txt',
      'app://kiem-phieu/%2e%2e/secret.txt',
      'app://kiem-phieu/../secret.txt',
      'app://kiem-phieu/..%5csecret.txt',
      'app://other/index.html',
    ]) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('');
    }
    const post = await serve(new Request('app://kiem-phieu/index.html', { method: 'POST' }));
    expect(post.status).toBe(404);
    for (const win of fake.windows) expect(win.loaded?.url).toMatch(/^app:\/\/kiem-phieu\//u);
  });

  it('grants no permission, follows no navigation, opens no window, downloads nothing', () => {
    let granted: boolean | undefined;
    fake.hooks.permissionRequest!(operator().webContents, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.hooks.permissionCheck!(operator().webContents, 'clipboard-read')).toBe(false);

    for (const win of fake.windows) {
      for (const name of [
        'will-navigate',
        'will-frame-navigate',
        'will-redirect',
        'will-attach-webview',
      ]) {
        const event = { prevented: false, preventDefault: () => (event.prevented = true) };
        win.webContents.emit(name, event, 'https://example.com/');
        expect(event.prevented, name).toBe(true);
      }
      expect(win.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({
        action: 'deny',
      });
    }
  });

  it('a page holding back its unload (ballots not yet saved) asks the operator', () => {
    const wc = operator().webContents;
    for (const [answer, closes] of [
      [0, false],
      [1, true],
    ] as const) {
      fake.dialogs.next.push(answer);
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      wc.emit('will-prevent-unload', event);
      expect(event.prevented).toBe(closes);
      expect(fake.dialogs.asked.at(-1)).toMatchObject({
        kind: 'message',
        options: { buttons: ['Ở lại', 'Vẫn đóng'] },
      });
    }
    const download = { prevented: false, preventDefault: () => (download.prevented = true) };
    fake.defaultSession.emit('will-download', download);
    expect(download.prevented).toBe(true);
  });

  it('the projector moves to the next display from the menu, and follows displays', () => {
    const next = fake.accelerator('CommandOrControl+Shift+P');
    expect(next).toBeDefined();
    next!.click!();
    // Display 1 is the operator's: a normal window there.
    expect(projector().fullScreen).toBe(false);
    expect(projector().bounds).toEqual({ x: 320, y: 160, width: 1280, height: 720 });
    next!.click!();
    expect(projector().fullScreen).toBe(true);
    expect(projector().bounds.x).toBe(1920);

    // The projector's display is unplugged: back to a window beside the operator's.
    fake.state.displays = [display(1, 0)];
    fake.screen.emit('display-removed', {}, display(2, 1920));
    expect(projector().fullScreen).toBe(false);
    expect(projector().bounds.x).toBe(320);

    // A projector is plugged in: full screen there.
    fake.state.displays = [display(1, 0), display(3, 3840)];
    fake.screen.emit('display-added', {}, display(3, 3840));
    expect(projector().fullScreen).toBe(true);
    expect(projector().bounds.x).toBe(3840);
    expect(fake.windows).toHaveLength(2);
  });

  it('closing the projector keeps the operator; the shortcut opens it again', () => {
    projector().close();
    expect(operator().destroyed).toBe(false);
    fake.accelerator('CommandOrControl+Shift+P')!.click!();
    expect(fake.windows).toHaveLength(3);
    expect(fake.windows[2]!.loaded?.hash).toBe('/projector');
    expect(fake.windows[2]!.fullScreen).toBe(true);
  });

  it('the renderer’s window.open of #/projector opens the projector window, nothing else', () => {
    projector().close();
    const count = fake.windows.length;
    const open = (url: string) => operator().webContents.openHandler!({ url });
    expect(open('https://example.com/#/projector')).toEqual({ action: 'deny' });
    expect(open('app://kiem-phieu/index.html#/audit')).toEqual({
      action: 'deny',
    });
    expect(fake.windows).toHaveLength(count);
    expect(open(pathToFileURL(join(rendererRoot, 'index.html')).href + '#/projector')).toEqual({
      action: 'deny',
    });
    expect(fake.windows).toHaveLength(count);
    expect(open('app://kiem-phieu/index.html#/projector')).toEqual({
      action: 'deny',
    });
    expect(fake.windows).toHaveLength(count + 1);
    expect(fake.windows.at(-1)!.loaded?.hash).toBe('/projector');
    // From a window that is not ours: nothing.
    projector().close();
    foreign.webContents.openHandler!({
      url: 'app://kiem-phieu/index.html#/projector',
    });
    expect(fake.windows).toHaveLength(count + 1);
  });

  it('dialogs: congress files to open or create, sheets read as base64', async () => {
    const wc = operator().webContents;
    fake.dialogs.next.push({ canceled: false, filePaths: [join(dir, 'x.kiemphieu')] });
    await expect(dialog(from(wc), 'open')).resolves.toBe(join(dir, 'x.kiemphieu'));
    expect(fake.dialogs.asked.at(-1)?.options.filters).toEqual([
      { name: expect.any(String), extensions: ['kiemphieu'] },
    ]);

    fake.dialogs.next.push({ canceled: true, filePaths: [] });
    await expect(dialog(from(wc), 'open')).resolves.toBeNull();

    fake.dialogs.next.push({ canceled: false, filePath: join(dir, 'moi.kiemphieu') });
    await expect(dialog(from(wc), 'save', { defaultName: 'Đại hội' })).resolves.toBe(
      join(dir, 'moi.kiemphieu'),
    );
    expect(fake.dialogs.asked.at(-1)?.options.defaultPath).toBe(join(dir, 'Đại hội.kiemphieu'));

    const sheet = join(dir, 'dai-bieu.csv');
    writeFileSync(sheet, 'Họ và tên\nNguyễn Văn An\n');
    fake.dialogs.next.push({ canceled: false, filePaths: [sheet] });
    const picked = (await dialog(from(wc), 'sheet')) as { ok: true; base64: string };
    expect(picked).toEqual({
      ok: true,
      fileName: 'dai-bieu.csv',
      base64: readFileSync(sheet).toString('base64'),
    });
    expect(fake.dialogs.asked.at(-1)?.options.filters).toEqual([
      { name: expect.any(String), extensions: ['xlsx', 'csv'] },
    ]);
    // Straight into the API's preview.
    await expect(
      call(from(wc), { kind: 'sheet', input: { fileName: 'dai-bieu.csv', base64: picked.base64 } }),
    ).resolves.toMatchObject({ ok: true });

    fake.dialogs.next.push({ canceled: false, filePaths: [join(dir, 'missing.xlsx')] });
    await expect(dialog(from(wc), 'sheet')).resolves.toMatchObject({
      ok: false,
      fileName: 'missing.xlsx',
    });

    await expect(dialog(from(wc), 'directory')).rejects.toThrow(/malformed/u);
    // A folder for "Sao lưu ra USB": chosen in the dialog, then the only folder a call may name.
    fake.dialogs.next.push({ canceled: false, filePaths: [dir] });
    await expect(dialog(from(wc), 'folder')).resolves.toBe(dir);
  });

  it('quitting closes the congress file first', async () => {
    const before = await call(from(operator().webContents), { kind: 'file', name: 'current' });
    expect(before).toMatchObject({ ok: true, value: { path: join(dir, 'an-binh.kiemphieu') } });
    fake.app.quit();
    await vi.waitFor(() => expect(fake.state.quits).toBe(2));
    // Held back until the file is closed, then let through.
    expect(fake.state.quitsPrevented).toEqual([true, false]);
    await expect(
      call(from(operator().webContents), { kind: 'file', name: 'current' }),
    ).resolves.toEqual({ ok: true, value: null });
  });
});

describe('electron/main.ts packaged', () => {
  const packaged = () => {
    const fake = fakeElectron({ displays: [display(1, 0)] });
    fake.app.isPackaged = true;
    return fake;
  };
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  beforeAll(() => void ((process as { resourcesPath?: string }).resourcesPath = dir));
  afterAll(() => void ((process as { resourcesPath?: string }).resourcesPath = resources));

  it('has no developer tools: off in every window, closed if opened, devtools: refused', async () => {
    const fake = packaged();
    loadWithFake(bundles.main, fake);
    await vi.waitFor(() => expect(fake.windows.length).toBe(1));
    const win = fake.windows[0]!;
    expect((win.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    win.webContents.emit('devtools-opened');
    expect(win.webContents.devToolsClosed).toBe(1);
    let response: Record<string, unknown> = {};
    fake.hooks.beforeRequest!({ url: 'devtools://devtools/bundled/inspector.html' }, (r) => {
      response = r;
    });
    expect(response.cancel).toBe(true);
    const menu = JSON.stringify(fake.menus.at(-1));
    expect(menu).not.toMatch(/toggleDevTools|reload/u);
    fake.app.quit();
  });

  for (const flag of ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk']) {
    it(`refuses to start with --${flag}`, async () => {
      const fake = packaged();
      fake.app.commandLine.hasSwitch = (name: string) => name === flag;
      loadWithFake(bundles.main, fake);
      await vi.waitFor(() => expect(fake.state.exitCode).toBe(1));
      expect(fake.windows).toEqual([]);
    });
  }
});

describe('electron/main.ts without a usable SQLite binding', () => {
  it('says so and exits, opening no window', async () => {
    const fake = fakeElectron({ displays: [display(1, 0)] });
    process.env.KIEM_PHIEU_SQLITE_BINDING = join(dir, 'no-such-binding.node');
    try {
      loadWithFake(bundles.main, fake);
      await vi.waitFor(() => expect(fake.state.exitCode).toBe(1));
    } finally {
      delete process.env.KIEM_PHIEU_SQLITE_BINDING;
    }
    expect(fake.dialogs.errors[0]?.[1]).toMatch(/build-electron\/better_sqlite3\.node/u);
    expect(fake.windows).toEqual([]);
    expect(fake.handlers.size).toBe(0);
  });
});

describe('electron/preload.ts', () => {
  it('exposes window.kiemPhieu: call, onEvent, dialog, host', async () => {
    const fake = fakeElectron({ displays: [] });
    loadWithFake(bundles.preload, fake);
    const bridge = fake.exposed.get('kiemPhieu') as KiemPhieuBridge;
    expect([...fake.exposed.keys()]).toEqual(['kiemPhieu']);
    expect(bridge.host).toBe('electron');

    await bridge.call({ kind: 'query', name: 'progress', input: { electionId: 1 } });
    await bridge.dialog('sheet');
    expect(fake.invoked).toEqual([
      ['kiem-phieu:call', { kind: 'query', name: 'progress', input: { electionId: 1 } }],
      ['kiem-phieu:dialog', 'sheet', undefined],
    ]);

    const seen: unknown[] = [];
    const stop = bridge.onEvent((e) => seen.push(e));
    fake.ipcRenderer.emit('kiem-phieu:event', {}, { type: 'file', file: null });
    stop();
    fake.ipcRenderer.emit('kiem-phieu:event', {}, { type: 'file', file: null });
    expect(seen).toEqual([{ type: 'file', file: null }]);
    expect(fake.ipcRenderer.listenerCount('kiem-phieu:event')).toBe(0);
  });
});
