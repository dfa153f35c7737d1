/**
 * The browser/LAN host: the API (db/api.ts) over HTTP and WebSocket, and the static renderer.
 * POST /api/KIND[/NAME] with the JSON input; the same as WebSocket messages, which also carry the
 * change events. Binds 127.0.0.1 by default; every data request carries the station token, so no
 * other local program or web page can drive it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { refusalText, type Refusal } from '../core/refusal.ts';
import { Api, API_KINDS, type ApiReply } from '../db/api.ts';
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
}

export interface RunningHost {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

const refused = (status: number, refusals: readonly Refusal[]): ApiReply => ({
  status,
  body: { ok: false, error: refusals, messages: refusals.map((r) => refusalText(r, 'vi')) },
});

function send(res: ServerResponse, { status, body }: ApiReply): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
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

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; refusal: Refusal } {
  try {
    return { ok: true, value: text.length === 0 ? {} : JSON.parse(text) };
  } catch (e) {
    return { ok: false, refusal: { code: 'not-json', reason: (e as Error).message, path: '' } };
  }
}

const API_PATH = new RegExp(`^/api/(${API_KINDS.join('|')})(?:/([A-Za-z]+))?$`, 'u');

export function startHost({
  workspace,
  host = '127.0.0.1',
  port = 0,
  token = newToken(),
  staticRoot,
  lan = false,
}: HostOptions): Promise<RunningHost> {
  const api = new Api(workspace);
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
        return send(res, refused(401, [{ code: 'token', path: TOKEN_HEADER }]));
      return send(res, {
        status: 200,
        body: {
          ok: true,
          value:
            pairing === null
              ? null
              : { ...pairing.current(), addresses: lanAddresses(), port: ownPort },
        },
      });
    }
    if (route === null) {
      if (url.pathname.startsWith('/api/')) {
        return send(
          res,
          refused(404, [
            {
              code: 'enum',
              value: url.pathname,
              allowed: API_KINDS.map((k) => `/api/${k}`),
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
      return send(res, refused(401, [{ code: 'token', path: TOKEN_HEADER }]));
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const body = await readBody(req);
    if (body === 'too-large')
      return send(res, refused(413, [{ code: 'too-large', limit: MAX_BODY_BYTES, path: '' }]));
    const json = parseJson(body.toString('utf8'));
    if (!json.ok) return send(res, refused(400, [json.refusal]));
    send(
      res,
      await api.call({
        kind: route[1] ?? '',
        name: route[2] ?? '',
        input: json.value,
        session: req.headers[SESSION_HEADER] as string | undefined,
      }),
    );
  }

  /** A station of the LAN exchanges the code on the main screen for the station token. */
  async function pair(req: IncomingMessage): Promise<ApiReply> {
    if (pairing === null)
      return refused(404, [
        { code: 'enum', value: '/api/pair', allowed: ['LAN mode only'], path: 'url' },
      ]);
    const body = await readBody(req);
    const json = body === 'too-large' ? { ok: false as const } : parseJson(body.toString('utf8'));
    const code = json.ok ? String((json.value as { code?: unknown }).code ?? '') : '';
    const outcome = pairing.pair(code.trim());
    if ('token' in outcome)
      return { status: 200, body: { ok: true, value: { token: outcome.token } } };
    return refused(outcome.refused === 'too-many' ? 429 : 401, [
      { code: 'pairing', reason: outcome.refused, path: 'code' },
    ]);
  }

  function attachSocket(socket: WebSocket, session: string | undefined): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const json = parseJson(data.toString());
      if (!json.ok) {
        socket.send(JSON.stringify({ id: null, ...refused(400, [json.refusal]).body }));
        return;
      }
      const m = (json.value ?? {}) as {
        id?: unknown;
        kind?: unknown;
        name?: unknown;
        input?: unknown;
        session?: unknown;
      };
      void api
        .call({
          kind: String(m.kind ?? ''),
          name: String(m.name ?? ''),
          input: m.input,
          session: typeof m.session === 'string' ? m.session : session,
        })
        .then((reply) => {
          if (socket.readyState === socket.OPEN)
            socket.send(JSON.stringify({ id: m.id ?? null, ...reply.body }));
        });
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, refused(500, [{ code: 'file', reason: String(e), path: '' }]));
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
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
      attachSocket(ws, url.searchParams.get('session') ?? undefined),
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
