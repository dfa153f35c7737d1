/**
 * Hostile requests to the browser host (issue 10, items 1–2): each one used to end the process.
 * Every attack is sent for real over a TCP socket; afterwards the same host must still answer a
 * normal call, and a WebSocket message that was refused must have changed nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Workspace } from '../../db/workspace.ts';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../server/http.ts';
import { countingWorkspace, snapshot } from '../db/helpers.ts';

let host: RunningHost;
let workspace: Workspace;
let electionId: number;

beforeAll(async () => {
  let dir: string;
  ({ dir, workspace, electionId } = await countingWorkspace());
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
  host = await startHost({ workspace, staticRoot: join(dir, 'renderer') });
});
afterAll(async () => {
  await host.close();
  await workspace.close();
});

/** The host still answers: a normal query over HTTP. */
async function alive(): Promise<void> {
  const r = await fetch(`${host.url}api/query/progress`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify({ electionId }),
  });
  expect(r.status).toBe(200);
}

/** Opens a raw socket, sends `bytes`, and waits until the host closes it (or 2 s pass). */
function raw(bytes: Buffer | string): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect(host.port, '127.0.0.1');
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(got));
    socket.write(bytes);
    setTimeout(() => socket.destroy(), 2000);
  });
}

/** A raw WebSocket connection, upgraded with the token; returns the socket after the 101. */
function rawWebSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      `GET /api/ws?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n` +
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    socket.once('data', (d) =>
      d.toString().startsWith('HTTP/1.1 101') ? resolve(socket) : reject(new Error(String(d))),
    );
  });
}

/** A client frame: FIN + opcode, masked unless told otherwise. */
function frame(opcode: number, payload: Buffer, { masked = true } = {}): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | len])
      : Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | 126, len >> 8, len & 0xff]);
  const body = masked ? Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!)) : payload;
  return Buffer.concat([head, masked ? mask : Buffer.alloc(0), body]);
}

function sendFrame(bytes: Buffer): Promise<void> {
  return rawWebSocket().then(
    (socket) =>
      new Promise((resolve) => {
        socket.on('close', () => resolve());
        socket.write(bytes);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 1000);
      }),
  );
}

/** Sends one message over a real WebSocket and returns the reply to it. */
async function message(text: string): Promise<Record<string, unknown>> {
  const ws = new WebSocket(`${host.url.replace('http', 'ws')}api/ws?token=${host.token}`);
  await new Promise((r) => ws.once('open', r));
  const reply = new Promise<Record<string, unknown>>((resolve) =>
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as Record<string, unknown>;
      if ('ok' in m) resolve(m);
    }),
  );
  ws.send(text);
  const r = await reply;
  ws.close();
  return r;
}

describe('hostile requests never end the host', () => {
  it('an unauthenticated WebSocket upgrade to //[::1 is refused, and the host lives', async () => {
    const answer = await raw(
      `GET //[::1 HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: x\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/u);
    await alive();
  });

  it.each([
    ['a kind with a hostile toString', '{"id":1,"kind":{"toString":1}}'],
    ['a name with a hostile toString', '{"id":1,"kind":"query","name":{"toString":1}}'],
    [
      'a login name with a hostile toString',
      '{"id":1,"kind":"login","input":{"name":{"toString":1},"pin":"1"}}',
    ],
    ['a kind nested 100,000 deep', `{"id":1,"kind":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    [
      'input nested 100,000 deep',
      `{"id":1,"kind":"command","name":"enterBallot","input":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    ],
  ])('%s: refused with a coded reply, nothing changed', async (_what, text) => {
    const before = snapshot(workspace.service!);
    const reply = await message(text);
    expect(reply.ok).toBe(false);
    expect(Array.isArray(reply.error) && reply.error.length > 0).toBe(true);
    expect(snapshot(workspace.service!)).toBe(before);
    await alive();
  });

  it('a message over 32 MiB closes that socket only', async () => {
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}api/ws?token=${host.token}`);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => undefined);
    ws.send(Buffer.alloc(33 * 1024 * 1024, 0x20).toString());
    expect(await closed).toBe(1009);
    await alive();
  });

  it.each([
    ['a text frame that is not UTF-8', frame(1, Buffer.from([0xff, 0xfe, 0xfd]))],
    ['opcode 3 (reserved)', frame(3, Buffer.from('x'))],
    ['an unmasked frame', frame(1, Buffer.from('{"kind":"whoami"}'), { masked: false })],
    ['a binary frame', frame(2, Buffer.from([0, 1, 2]))],
  ])('%s: closes that socket only', async (_what, bytes) => {
    await sendFrame(bytes);
    await alive();
  });
});
