/**
 * The browser/LAN host: the API (db/api.ts) over HTTP and WebSocket, and the static renderer.
 * POST /api/KIND[/NAME] with the JSON input; the same as WebSocket messages, which also carry the
 * change events. Binds 127.0.0.1 by default; every data request carries the station token, so no
 * other local program or web page can drive it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CALL_KINDS,
  answered,
  httpStatus,
  parseCall,
  refusedWith,
  replyFromThrown,
  type Reply,
} from '../core/protocol/index.ts';
import type { Refusal } from '../core/refusal.ts';
import { Api } from '../db/api.ts';
import type { Workspace } from '../db/workspace.ts';
import { serveStatic } from './static-files.ts';
import { newToken, sameToken } from './token.ts';
import { isIpHost, lanAddresses, Pairing } from './pairing.ts';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
export const TOKEN_HEADER = 'x-kiem-phieu-token';
export const SESSION_HEADER = 'x-kiem-phieu-session';

export interface HostOptions {
  readonly workspace: Workspace;
  readonly host?: string;
  readonly port?: number;
  readonly token?: string;
  /** Folder of the built renderer. */
  readonly staticRoot?: string;
  /** Serve other stations of a closed LAN, which pair with the code shown on the main screen. */
  readonly lan?: boolean;
  /** The offline guard's verdict, told to stations in `whoami` (server/main.ts runs the guard). */
  readonly internet?: () => { readonly online: boolean; readonly reason: string } | null;
}

export interface RunningHost {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Reply<unknown>): void {
  res.writeHead(httpStatus(reply), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(reply));
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      resolve('too-large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve('too-large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; refusal: Refusal } {
  try {
    const text = utf8.decode(bytes);
    return { ok: true, value: text.length === 0 ? {} : JSON.parse(text) };
  } catch (e) {
    const reason = e instanceof TypeError ? 'not UTF-8' : (e as Error).message.slice(0, 200);
    return { ok: false, refusal: { code: 'not-json', reason, path: '' } };
  }
}

/** Which station a request comes from, for throttling guesses: its address. */
const stationOf = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';

/** The id of a message whose envelope was refused, when it can be read, so the station can match it. */
const messageId = (value: unknown): number | null => {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : null;
  return Number.isSafeInteger(id) ? (id as number) : null;
};

const API_PATH = new RegExp(`^/api/(${CALL_KINDS.join('|')})(?:/([A-Za-z-]+))?$`, 'u');

export function startHost({
  workspace,
  host = '127.0.0.1',
  port = 0,
  token = newToken(),
  staticRoot,
  lan = false,
  internet,
}: HostOptions): Promise<RunningHost> {
  const api = new Api(workspace, internet);
  const pairing = lan ? new Pairing(token) : null;
  let allowedHosts = new Set<string>();
  let ownPort = 0;
  // A page from another site cannot name our Host (DNS rebinding) nor read our token. On a LAN,
  // stations reach us by IP address, never by a name.
  const hostAllowed = (value: string | undefined) =>
    allowedHosts.has(value ?? '') ||
    (lan && isIpHost(value ?? '') && (value ?? '').endsWith(`:${ownPort}`));
  const sockets = new Set<WebSocket>();
  workspace.subscribe((e) => {
    const message = JSON.stringify(e);
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(message);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = API_PATH.exec(url.pathname);
    if (url.pathname === '/api/pair' && req.method === 'POST') return send(res, await pair(req));
    if (url.pathname === '/api/pairing' && req.method === 'POST') {
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
        return send(res, refusedWith([{ code: 'token', path: TOKEN_HEADER }]));
      return send(
        res,
        answered(
          pairing === null
            ? null
            : { ...pairing.current(), addresses: lanAddresses(), port: ownPort },
        ),
      );
    }
    if (route === null) {
      if (url.pathname.startsWith('/api/')) {
        return send(
          res,
          refusedWith([
            {
              code: 'unknown-call',
              kind: url.pathname,
              name: '',
              allowed: CALL_KINDS.map((k) => `/api/${k}`),
              path: 'url',
            },
          ]),
        );
      }
      if (staticRoot === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404).end();
        return;
      }
      return serveStatic(staticRoot, url.pathname, res);
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return send(res, refusedWith([{ code: 'token', path: TOKEN_HEADER }]));
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const body = await readBody(req);
    if (body === 'too-large')
      return send(res, refusedWith([{ code: 'too-large', limit: MAX_BODY_BYTES, path: '' }]));
    const json = parseJson(body);
    if (!json.ok) return send(res, refusedWith([json.refusal]));
    const session = req.headers[SESSION_HEADER];
    send(
      res,
      await api.handle(
        {
          kind: route[1] ?? '',
          name: route[2] ?? '',
          input: json.value,
          ...(typeof session === 'string' ? { session } : {}),
        },
        undefined,
        stationOf(req),
      ),
    );
  }

  /** A station of the LAN exchanges the code on the main screen for the station token. */
  async function pair(req: IncomingMessage): Promise<Reply<unknown>> {
    if (pairing === null)
      return refusedWith([
        { code: 'enum', value: '/api/pair', allowed: ['LAN mode only'], path: 'url' },
      ]);
    const body = await readBody(req);
    const json = body === 'too-large' ? { ok: false as const } : parseJson(body);
    const raw = json.ok ? (json.value as { code?: unknown } | null)?.code : undefined;
    const code = typeof raw === 'string' ? raw.slice(0, 32) : '';
    const outcome = pairing.pair(code.trim(), stationOf(req));
    if ('token' in outcome) return answered({ token: outcome.token });
    return refusedWith([{ code: 'pairing', reason: outcome.refused, path: 'code' }]);
  }

  function attachSocket(socket: WebSocket, session: string | undefined, station: string): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A bad frame (not UTF-8, a reserved opcode, unmasked, too large) closes this socket only.
    socket.on('error', () => socket.terminate());
    socket.on('message', (data, isBinary) => {
      const answer = (id: number | null, reply: Reply<unknown>) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, ...reply }));
      };
      const json = isBinary ? null : parseJson(data as Buffer);
      if (json === null || !json.ok) {
        answer(
          null,
          refusedWith([json?.refusal ?? { code: 'not-json', reason: 'binary', path: '' }]),
        );
        return;
      }
      const call = parseCall(json.value);
      if (!call.ok) {
        answer(messageId(json.value), refusedWith(call.error));
        return;
      }
      api
        .answer({ ...call.value, session: call.value.session ?? session }, station)
        .then((reply) => answer(call.value.id, reply))
        .catch(() => socket.terminate());
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.emitWarning(`kiem-phieu: ${req.method} ${req.url} failed: ${String(e)}`);
      if (!res.headersSent) send(res, replyFromThrown(e));
      else res.destroy();
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || hostAllowed(origin.replace(/^https?:\/\//u, ''));
    if (
      url.pathname !== '/api/ws' ||
      !hostAllowed(req.headers.host) ||
      !sameOrigin ||
      !sameToken(url.searchParams.get('token'), token)
    ) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      attachSocket(ws, url.searchParams.get('session') ?? undefined, stationOf(req)),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      ownPort = actual;
      const names =
        host === '127.0.0.1' || host === 'localhost' ? ['127.0.0.1', 'localhost'] : [host];
      allowedHosts = new Set(names.map((h) => `${h}:${actual}`));
      resolve({
        url: `http://${host}:${actual}/`,
        token,
        port: actual,
        server,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
