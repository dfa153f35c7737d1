/** What the desktop windows may load, the native binding, the IPC shapes, the projector's place. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextPlacement, projectorPlacement } from '../../electron/displays.ts';
import {
  CONTENT_SECURITY_POLICY,
  filesFromArgv,
  isAllowedRequest,
  isRendererUrl,
  sqliteBinding,
} from '../../electron/policy.ts';
import { callRequest, dialogRequest, malformed } from '../../electron/requests.ts';
import { CONTENT_SECURITY_POLICY as SERVER_POLICY } from '../../server/static-files.ts';
import { display } from './fake-electron.ts';

const root = join('/', 'app', 'dist', 'renderer');
const url = (path: string, hash = '') => pathToFileURL(path).href + hash;

describe('electron/policy.ts', () => {
  it('the content security policy is the browser host’s', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(SERVER_POLICY);
  });

  it('a renderer page is a file inside the renderer folder, any hash route', () => {
    expect(isRendererUrl(url(join(root, 'index.html')), root)).toBe(true);
    expect(isRendererUrl(url(join(root, 'index.html'), '#/projector'), root)).toBe(true);
    expect(isRendererUrl(url(join(root, 'assets', 'a.js')), root)).toBe(true);
    expect(isRendererUrl(url(join(root, '..', 'electron', 'main.cjs')), root)).toBe(false);
    expect(isRendererUrl(url(join('/', 'app', 'dist', 'renderer-evil', 'x.html')), root)).toBe(
      false,
    );
    expect(isRendererUrl('https://example.com/index.html', root)).toBe(false);
    expect(isRendererUrl('not a url', root)).toBe(false);
  });

  it('allows the renderer’s files, data, blob and devtools — nothing else', () => {
    expect(isAllowedRequest(url(join(root, 'assets', 'index-1a2b.js')), root)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', root)).toBe(true);
    expect(isAllowedRequest('blob:file:///1234', root)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', root)).toBe(true);
    for (const refused of [
      'https://example.com/',
      'http://127.0.0.1:5317/api/query',
      'ws://127.0.0.1:5317/api/ws',
      'ftp://example.com/x',
      url('/etc/passwd'),
      url(join(root, '..', '..', 'DAI-HOI.kiemphieu')),
      'file://remote-host/share/x.js',
    ]) {
      expect(isAllowedRequest(refused, root), refused).toBe(false);
    }
  });

  it('the SQLite binding: the environment first, then the first file that exists', () => {
    const exists = (p: string) => p === '/b';
    expect(sqliteBinding({ env: '/env.node', candidates: ['/a', '/b'], exists })).toBe('/env.node');
    expect(sqliteBinding({ env: '', candidates: ['/a', '/b'], exists })).toBe('/b');
    expect(sqliteBinding({ env: undefined, candidates: ['/a'], exists })).toBeUndefined();
  });

  it('takes congress files from the command line, not flags', () => {
    expect(filesFromArgv(['--no-sandbox', 'x/DAI-HOI.kiemphieu', 'other.txt'])).toEqual([
      'x/DAI-HOI.kiemphieu',
    ]);
  });
});

describe('electron/requests.ts', () => {
  it('accepts the API request shape', () => {
    expect(
      callRequest.safeParse({ kind: 'query', name: 'progress', input: { a: 1 } }).success,
    ).toBe(true);
    expect(callRequest.safeParse({ kind: 'whoami', session: 'abc' }).success).toBe(true);
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
      const parsed = callRequest.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      if (!parsed.success) {
        const reply = malformed(parsed.error);
        expect(reply.ok).toBe(false);
        if (!reply.ok) expect(reply.messages.length).toBeGreaterThan(0);
      }
    }
  });

  it('dialogs: open, save or sheet only', () => {
    expect(dialogRequest.safeParse({ kind: 'save', options: { defaultName: 'X' } }).success).toBe(
      true,
    );
    expect(dialogRequest.safeParse({ kind: 'open' }).success).toBe(true);
    expect(dialogRequest.safeParse({ kind: 'folder' }).success).toBe(false);
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
