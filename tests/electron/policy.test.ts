/** What the desktop windows may load, the native binding, the IPC shapes, the projector's place. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextPlacement, projectorPlacement } from '../../electron/displays.ts';
import * as policy from '../../electron/policy.ts';
import { parseCall } from '../../core/protocol/index.ts';
import { dialogRequest } from '../../electron/requests.ts';
import { CONTENT_SECURITY_POLICY as SERVER_POLICY } from '../../server/static-files.ts';
import { display } from './fake-electron.ts';

const root = join('/', 'app', 'dist', 'renderer');
const url = (path: string, hash = '') => pathToFileURL(path).href + hash;

describe('electron/policy.ts', () => {
  it('the content security policy is the browser host’s', () => {
    expect(policy.CONTENT_SECURITY_POLICY).toBe(SERVER_POLICY);
  });

  it('a renderer page is on app://kiem-phieu/, any hash route; nothing else is', () => {
    expect(policy.rendererUrl()).toBe('app://kiem-phieu/index.html');
    expect(policy.rendererUrl('/projector')).toBe('app://kiem-phieu/index.html#/projector');
    expect(policy.isRendererUrl('app://kiem-phieu/index.html#/projector')).toBe(true);
    expect(policy.isRendererUrl('app://kiem-phieu/assets/a.js')).toBe(true);
    for (const other of [
      url(join(root, 'index.html')),
      'app://kiem-phieu.evil/index.html',
      'app://other/index.html',
      'https://kiem-phieu/index.html',
      'not a url',
    ]) {
      expect(policy.isRendererUrl(other), other).toBe(false);
    }
  });

  it('maps app:// URLs to files of the renderer folder only', () => {
    expect(policy.rendererFile('app://kiem-phieu/index.html#/x', root)).toBe(
      join(root, 'index.html'),
    );
    expect(policy.rendererFile('app://kiem-phieu/', root)).toBe(join(root, 'index.html'));
    expect(policy.rendererFile('app://kiem-phieu/assets/a%20b.js?v=1', root)).toBe(
      join(root, 'assets', 'a b.js'),
    );
    // The URL itself drops `..` segments: they stay inside the folder.
    expect(policy.rendererFile('app://kiem-phieu/../electron/main.cjs', root)).toBe(
      join(root, 'electron', 'main.cjs'),
    );
    expect(policy.rendererFile('app://kiem-phieu/%2e%2e/electron/main.cjs', root)).toBe(
      join(root, 'electron', 'main.cjs'),
    );
    for (const bad of [
      'app://kiem-phieu/..%2f..%2fDAI-HOI.kiemphieu',
      'app://kiem-phieu/assets/..%2f..%2f..%2fetc/passwd',
      'app://kiem-phieu/..%5celectron%5cmain.cjs',
      'app://kiem-phieu/%00',
      'app://kiem-phieu/%E0%A4%A',
      'app://other/index.html',
      url(join(root, 'index.html')),
    ]) {
      expect(policy.rendererFile(bad, root), bad).toBeNull();
    }
    expect(policy.contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(policy.contentType('assets/index-1a2b.js')).toBe('text/javascript; charset=utf-8');
    expect(policy.contentType('assets/x.CSS')).toBe('text/css; charset=utf-8');
    expect(policy.contentType('x.exe')).toBe('application/octet-stream');
  });

  it('allows the renderer’s files, data, blob, and devtools in development only', () => {
    const dev = { devTools: true };
    const packaged = { devTools: false };
    expect(policy.isAllowedRequest('app://kiem-phieu/assets/index-1a2b.js', packaged)).toBe(true);
    expect(policy.isAllowedRequest('data:image/png;base64,AAAA', packaged)).toBe(true);
    expect(policy.isAllowedRequest('blob:app://kiem-phieu/1234', packaged)).toBe(true);
    expect(policy.isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(policy.isAllowedRequest('devtools://devtools/bundled/inspector.html', packaged)).toBe(
      false,
    );
    for (const refused of [
      'https://example.com/',
      'http://127.0.0.1:5317/api/query',
      'ws://127.0.0.1:5317/api/ws',
      'ftp://example.com/x',
      url('/etc/passwd'),
      url(join(root, 'index.html')),
      'file://remote-host/share/x.js',
      'app://other/x.js',
    ]) {
      expect(policy.isAllowedRequest(refused, dev), refused).toBe(false);
    }
  });

  it('the debugging switches a packaged app refuses', () => {
    expect(policy.DEBUGGING_SWITCHES).toEqual(
      expect.arrayContaining(['remote-debugging-port', 'inspect', 'inspect-brk']),
    );
  });

  it('the SQLite binding: the environment first, then the first file that exists', () => {
    const exists = (p: string) => p === '/b';
    expect(policy.sqliteBinding({ env: '/env.node', candidates: ['/a', '/b'], exists })).toBe(
      '/env.node',
    );
    expect(policy.sqliteBinding({ env: '', candidates: ['/a', '/b'], exists })).toBe('/b');
    expect(policy.sqliteBinding({ env: undefined, candidates: ['/a'], exists })).toBeUndefined();
  });

  it('takes congress files from the command line, not flags', () => {
    expect(policy.filesFromArgv(['--no-sandbox', 'x/DAI-HOI.kiemphieu', 'other.txt'])).toEqual([
      'x/DAI-HOI.kiemphieu',
    ]);
  });
});

describe('the IPC request shapes', () => {
  it('accepts the API request shape', () => {
    expect(parseCall({ kind: 'query', name: 'progress', input: { a: 1 } }).ok).toBe(true);
    expect(parseCall({ kind: 'whoami', session: 'abc' }).ok).toBe(true);
  });

  it('refuses anything else, with the API’s refusal body', () => {
    for (const bad of [
      null,
      'query',
      [],
      { name: 'progress' },
      { kind: 5 },
      { kind: 'query', session: 7 },
      { kind: 'query', extra: true },
    ]) {
      const parsed = parseCall(bad);
      expect(parsed.ok, JSON.stringify(bad)).toBe(false);
      if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
    }
  });

  it('dialogs: open, save or sheet only', () => {
    expect(dialogRequest.safeParse({ kind: 'save', options: { defaultName: 'X' } }).success).toBe(
      true,
    );
    expect(dialogRequest.safeParse({ kind: 'open' }).success).toBe(true);
    expect(dialogRequest.safeParse({ kind: 'folder' }).success).toBe(true);
    expect(dialogRequest.safeParse({ kind: 'directory' }).success).toBe(false);
    expect(dialogRequest.safeParse({ kind: 'open', options: { path: '/' } }).success).toBe(false);
  });
});

describe('electron/displays.ts', () => {
  const one = [display(1, 0)];
  const two = [display(1, 0), display(2, 1920)];
  const three = [...two, display(3, 3840)];

  it('one display: a normal window centred on it', () => {
    const p = projectorPlacement({ displays: one, operatorDisplayId: 1 });
    expect(p).toEqual({
      displayId: 1,
      fullScreen: false,
      bounds: { x: 320, y: 160, width: 1280, height: 720 },
    });
  });

  it('two displays: full screen on the one that is not the operator’s', () => {
    expect(projectorPlacement({ displays: two, operatorDisplayId: 1 })).toMatchObject({
      displayId: 2,
      fullScreen: true,
    });
    expect(projectorPlacement({ displays: two, operatorDisplayId: 2 })).toMatchObject({
      displayId: 1,
      fullScreen: true,
    });
  });

  it('keeps the preferred display while it is attached and not the operator’s', () => {
    expect(
      projectorPlacement({ displays: three, operatorDisplayId: 1, preferredDisplayId: 3 }),
    ).toMatchObject({ displayId: 3, fullScreen: true });
    expect(
      projectorPlacement({ displays: three, operatorDisplayId: 1, preferredDisplayId: 1 }),
    ).toMatchObject({ displayId: 2 });
    expect(
      projectorPlacement({ displays: two, operatorDisplayId: 1, preferredDisplayId: 9 }),
    ).toMatchObject({ displayId: 2 });
  });

  it('no display at all: nowhere', () => {
    expect(projectorPlacement({ displays: [], operatorDisplayId: 1 })).toBeNull();
    expect(nextPlacement({ displays: [], operatorDisplayId: 1, currentDisplayId: 1 })).toBeNull();
  });

  it('next display cycles through every display; the operator’s is windowed', () => {
    const next = (current: number) =>
      nextPlacement({ displays: three, operatorDisplayId: 1, currentDisplayId: current });
    expect(next(1)).toMatchObject({ displayId: 2, fullScreen: true });
    expect(next(2)).toMatchObject({ displayId: 3, fullScreen: true });
    expect(next(3)).toMatchObject({ displayId: 1, fullScreen: false });
    expect(next(42)).toMatchObject({ displayId: 1 });
  });
});
