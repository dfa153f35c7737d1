/**
 * The transport matrix: every call of the protocol's table, sent over HTTP, over WebSocket and over
 * Electron IPC (the real main bundle under a stand-in electron), reaches the same handler and
 * gets the same reply. A call a transport forgets (as `document` once was over HTTP) fails here.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { CALLS, type CallKind, type Reply } from '../../core/protocol/index.ts';
import { Service } from '../../db/service.ts';
import { Workspace } from '../../db/workspace.ts';
import { watchInternet, type InternetWatch } from '../../db/offline-guard.ts';
import { buildElectron } from '../../electron/build.ts';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../server/http.ts';
import { countingElection } from '../db/helpers.ts';
import { display, fakeElectron, loadWithFake, type Handler } from '../electron/fake-electron.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;
let host: RunningHost;
let workspace: Workspace;
let ipc: Handler;
let ipcSender: { sender: unknown; senderFrame: unknown };
let electionId: number;
let guard: InternetWatch;
const savedEnv = { ...process.env };

/** Inputs that every transport sends alike: each reaches its handler, which answers or refuses. */
function inputFor(kind: CallKind, name: string): unknown {
  switch (kind) {
    case 'command':
      return {}; // refused by the command's own schema: proves the call reached the Service
    case 'query':
      return name === 'congress' ||
        name === 'delegates' ||
        name === 'committee' ||
        name === 'operators' ||
        name === 'elections' ||
        name === 'verifyAudit' ||
        name === 'display'
        ? {}
        : name === 'ballotHistory'
          ? { electionId, n: 1 }
          : name === 'audit'
            ? { limit: 5 }
            : name === 'base'
              ? {}
              : { electionId };
    case 'file':
      return name === 'open' || name === 'create' ? { path: '' } : {};
    case 'sheet':
      return { fileName: 'x.csv', base64: Buffer.from('Họ và tên\nAn\n').toString('base64') };
    case 'document':
      return { electionId };
    case 'login':
      return { name: 'Không Có', pin: '0000' };
    case 'logout':
    case 'whoami':
      return {};
    default:
      return {};
  }
}

/** Replies compared without what differs by nature between two calls (a new document's bytes). */
function comparable(reply: Reply<unknown> & { id?: unknown }): unknown {
  const { id: _id, ...rest } = reply;
  if (!rest.ok) return rest;
  return JSON.parse(
    JSON.stringify(rest.value, (key, v: unknown) =>
      ['base64', 'savedTo', 'at', 'hash', 'head', 'path'].includes(key) ? '…' : v,
    ),
  );
}

async function overHttp(kind: string, name: string, input: unknown): Promise<Reply<unknown>> {
  const r = await fetch(`${host.url}api/${kind}${name === '' ? '' : `/${name}`}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  return (await r.json()) as Reply<unknown>;
}

let socket: WebSocket;
let nextId = 1;
const waiting = new Map<number, (r: Reply<unknown>) => void>();
function overWebSocket(kind: string, name: string, input: unknown): Promise<Reply<unknown>> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ id, kind, name, input }));
  });
}

const overIpc = async (kind: string, name: string, input: unknown) =>
  (await ipc(ipcSender as never, { kind, name, input })) as Reply<unknown>;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'tests', 'artifacts', 'transports-'));
  const file = join(dir, 'dai-hoi.kiemphieu');
  const setup = Service.open(file, { create: true, backups: false });
  electionId = countingElection(setup);
  setup.execute(
    'enterBallot',
    { electionId, ballot: { struck: ['c1'] } },
    { name: 'Tổ kỹ thuật', role: 'admin' },
  );
  await setup.close();
  // Each host works on its own copy, so a document written beside one file is not the other's.
  const ipcFile = join(dir, 'ipc.kiemphieu');
  copyFileSync(file, ipcFile);

  workspace = new Workspace({ home: join(dir, 'home'), options: { backups: false } });
  await workspace.open(file);
  const root = join(dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kiểm phiếu</title>');
  // The same offline guard as the desktop host runs (electron/main.ts): on a machine with a
  // default route both write the same audit row and answer whoami alike.
  guard = watchInternet(workspace, { warn: () => {} });
  host = await startHost({ workspace, staticRoot: root, internet: guard.current });
  socket = new WebSocket(`${host.url.replace('http', 'ws')}api/ws?token=${host.token}`);
  socket.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { id?: number } & Reply<unknown>;
    if (typeof m.id === 'number') waiting.get(m.id)?.(m);
  });
  await new Promise((resolve) => socket.once('open', resolve));

  process.env.KIEM_PHIEU_HOME = join(dir, 'electron-home');
  const bundles = await buildElectron({ outdir: join(dir, 'electron') });
  const fake = fakeElectron({ displays: [display(1, 0)] });
  fake.state.documents = dir;
  loadWithFake(bundles.main, fake);
  await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0));
  ipc = fake.handlers.get('kiem-phieu:call')!;
  const wc = fake.windows[0]!.webContents;
  ipcSender = { sender: wc, senderFrame: wc.mainFrame };
  // The desktop host opens only a file its own dialog chose (electron/dialogs.ts).
  fake.dialogs.next.push({ canceled: false, filePaths: [ipcFile] });
  await fake.handlers.get('kiem-phieu:dialog')!(ipcSender as never, 'open');
  const opened = await overIpc('file', 'open', { path: ipcFile });
  expect(opened.ok).toBe(true);
}, 60_000);

afterAll(async () => {
  guard?.stop();
  socket?.close();
  await host?.close();
  await workspace?.close();
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

const CASES = (Object.keys(CALLS) as CallKind[]).flatMap((kind) =>
  Object.keys(CALLS[kind])
    // Switching files away would end the matrix; `open` and `create` are sent an empty path.
    .filter((name) => !(kind === 'file' && name === 'close'))
    .map((name) => ({ kind, name })),
);

describe('every call over every transport', () => {
  it('covers the whole table', () => {
    expect(CASES.length).toBeGreaterThan(50);
    expect(CASES.map((c) => c.kind)).toEqual(expect.arrayContaining(Object.keys(CALLS)));
  });

  it.each(CASES)(
    '$kind $name: HTTP, WebSocket and IPC reach it and answer alike',
    async ({ kind, name }) => {
      const input = inputFor(kind, name);
      // Over IPC, a path no dialog chose is refused before the API (tested in tests/electron).
      const ipcToo = !(kind === 'file' && (name === 'open' || name === 'create'));
      const replies = [
        await overHttp(kind, name, input),
        await overWebSocket(kind, name, input),
        ...(ipcToo ? [await overIpc(kind, name, input)] : []),
      ];
      for (const reply of replies) {
        // Reached: never refused as an unknown call, never an unanswered failure.
        if (!reply.ok) {
          expect('unavailable' in reply, JSON.stringify(reply)).toBe(false);
          expect(
            reply.error.some((r) => r.code === 'unknown-call'),
            JSON.stringify(reply),
          ).toBe(false);
        }
      }
      if (kind === 'file' && name === 'current') return; // each host names its own file
      const [http, ws, electron] = replies.map(comparable);
      expect(ws).toEqual(http);
      // Each host keeps its own recent files and names its own file.
      if (ipcToo && kind !== 'file') expect(electron).toEqual(http);
    },
  );

  it('an unknown call is refused alike by all three, naming what exists', async () => {
    for (const send of [overHttp, overWebSocket, overIpc]) {
      const r = await send('command', 'dropTables', {});
      expect(r).toMatchObject({
        ok: false,
        error: [{ code: 'unknown-call', kind: 'command', name: 'dropTables' }],
      });
    }
  });
});
