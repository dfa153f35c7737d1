/**
 * The browser/LAN host: the Service over HTTP and WebSocket, and the static renderer. Routes are
 * derived from the catalogue (core/api.ts): POST /api/command/NAME, POST /api/query/NAME, and the
 * same as WebSocket messages, which also carry the change events. Binds 127.0.0.1 by default;
 * every data request carries the station token, so no other local program or web page can drive it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { commands, queries } from '../core/api.ts';
import { z } from 'zod';
import { refusalText, type Refusal } from '../core/refusal.ts';
import { zodRefusals } from '../core/record.ts';
import { columnMappingSchema, problemText, readPeopleSheet } from '../db/people-sheet.ts';
import type { Result } from '../core/result.ts';
import type { Actor } from '../core/views.ts';
import type { Service } from '../db/service.ts';
import { serveStatic } from './static-files.ts';
import { newToken, sameToken } from './token.ts';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
export const TOKEN_HEADER = 'x-kiem-phieu-token';
export const SESSION_HEADER = 'x-kiem-phieu-session';

/** Who acts while a new file has no operator yet: the technical team setting it up. */
export const SETUP_ACTOR: Actor = { name: 'Tổ kỹ thuật', role: 'admin' };

export interface HostOptions {
  readonly service: Service;
  readonly host?: string;
  readonly port?: number;
  readonly token?: string;
  /** Folder of the built renderer. */
  readonly staticRoot?: string;
}

export interface RunningHost {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown };

const refusalReply = (status: number, refusals: readonly Refusal[]): Reply => ({
  status,
  body: { ok: false, error: refusals, messages: refusals.map((r) => refusalText(r, 'vi')) },
});

function resultReply(result: Result<unknown, Refusal[]>): Reply {
  return result.ok
    ? { status: 200, body: { ok: true, value: result.value } }
    : refusalReply(422, result.error);
}

function send(res: ServerResponse, { status, body }: Reply): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
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

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; refusal: Refusal } {
  try {
    return { ok: true, value: body.length === 0 ? {} : JSON.parse(body.toString('utf8')) };
  } catch (e) {
    return { ok: false, refusal: { code: 'not-json', reason: (e as Error).message, path: '' } };
  }
}

const sheetRequest = z.strictObject({
  fileName: z.string().min(1).max(300),
  base64: z.string().max(MAX_BODY_BYTES),
  mapping: columnMappingSchema.optional(),
  headerRow: z.int().min(1).optional(),
});

/** A delegates' or candidates' spreadsheet read for the preview screen; nothing is stored. */
async function previewSheet(input: unknown): Promise<Reply> {
  const parsed = sheetRequest.safeParse(input, { reportInput: true });
  if (!parsed.success) return refusalReply(422, zodRefusals(parsed.error, []));
  const { fileName, base64, mapping, headerRow } = parsed.data;
  const sheet = await readPeopleSheet({
    bytes: new Uint8Array(Buffer.from(base64, 'base64')),
    fileName,
    ...(mapping === undefined ? {} : { mapping }),
    ...(headerRow === undefined ? {} : { headerRow }),
  });
  if (sheet.ok) return { status: 200, body: { ok: true, value: sheet.value } };
  return {
    status: 422,
    body: { ok: false, error: sheet.error, messages: sheet.error.map((p) => problemText(p, 'vi')) },
  };
}

export class Host {
  private readonly service: Service;
  private readonly token: string;
  private readonly sessions = new Map<string, Actor>();
  private readonly sockets = new Set<WebSocket>();
  private allowedHosts = new Set<string>();

  constructor(service: Service, token: string) {
    this.service = service;
    this.token = token;
    service.subscribe((event) => {
      const message = JSON.stringify({ type: 'event', event });
      for (const socket of this.sockets)
        if (socket.readyState === socket.OPEN) socket.send(message);
    });
  }

  setAllowedHosts(hosts: readonly string[]): void {
    this.allowedHosts = new Set(hosts);
  }

  /** Refuses requests whose Host is not ours (a DNS-rebinding page cannot reach the API). */
  hostAllowed(req: IncomingMessage): boolean {
    return this.allowedHosts.has(req.headers.host ?? '');
  }

  actorFor(session: string | undefined): Actor | null {
    if (session !== undefined) {
      const actor = this.sessions.get(session);
      if (actor !== undefined) return actor;
    }
    const operators = this.service.query('operators');
    return operators.ok && operators.value.length === 0 ? SETUP_ACTOR : null;
  }

  /** One API call, whatever the transport. */
  call(kind: string, name: string, input: unknown, session: string | undefined): Reply {
    if (kind === 'login') {
      const { name: who, pin } = (input ?? {}) as { name?: unknown; pin?: unknown };
      const actor = this.service.login(String(who ?? ''), String(pin ?? ''));
      if (!actor.ok) return refusalReply(401, actor.error);
      const id = randomBytes(18).toString('base64url');
      this.sessions.set(id, actor.value);
      return { status: 200, body: { ok: true, value: { session: id, actor: actor.value } } };
    }
    if (kind === 'whoami')
      return { status: 200, body: { ok: true, value: this.actorFor(session) } };
    if (kind === 'query') {
      if (!Object.hasOwn(queries, name))
        return refusalReply(404, [
          { code: 'enum', value: name, allowed: Object.keys(queries), path: 'query' },
        ]);
      return resultReply(this.service.query(name as keyof typeof queries, input));
    }
    if (kind === 'command') {
      if (!Object.hasOwn(commands, name))
        return refusalReply(404, [
          { code: 'enum', value: name, allowed: Object.keys(commands), path: 'command' },
        ]);
      const actor = this.actorFor(session);
      if (actor === null) return refusalReply(401, [{ code: 'login-required', path: '' }]);
      return resultReply(this.service.execute(name as keyof typeof commands, input, actor));
    }
    return refusalReply(404, [
      { code: 'enum', value: kind, allowed: ['command', 'query', 'login', 'whoami'], path: '' },
    ]);
  }

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    staticRoot: string | undefined,
  ): Promise<void> {
    if (!this.hostAllowed(req)) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const api = /^\/api\/(command|query|login|whoami|sheet)(?:\/([A-Za-z]+))?$/u.exec(url.pathname);
    if (api === null) {
      if (url.pathname.startsWith('/api/')) {
        const allowed = [
          '/api/command/NAME',
          '/api/query/NAME',
          '/api/login',
          '/api/whoami',
          '/api/ws',
        ];
        return send(
          res,
          refusalReply(404, [{ code: 'enum', value: url.pathname, allowed, path: 'url' }]),
        );
      }
      if (staticRoot === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404).end();
        return;
      }
      return serveStatic(staticRoot, url.pathname, res);
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, this.token)) {
      return send(res, refusalReply(401, [{ code: 'token', path: TOKEN_HEADER }]));
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const body = await readBody(req);
    if (body === 'too-large')
      return send(res, refusalReply(413, [{ code: 'too-large', limit: MAX_BODY_BYTES, path: '' }]));
    const json = parseJson(body);
    if (!json.ok) return send(res, refusalReply(400, [json.refusal]));
    const session = req.headers[SESSION_HEADER] as string | undefined;
    if (api[1] === 'sheet') return send(res, await previewSheet(json.value));
    send(res, this.call(api[1] ?? '', api[2] ?? '', json.value, session));
  }

  attachSocket(socket: WebSocket, session: string | undefined): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data, isBinary) => {
      let message: {
        id?: unknown;
        kind?: unknown;
        name?: unknown;
        input?: unknown;
        session?: unknown;
      };
      try {
        message = JSON.parse(isBinary ? '' : data.toString()) as typeof message;
      } catch (e) {
        socket.send(
          JSON.stringify({
            id: null,
            ...(refusalReply(400, [{ code: 'not-json', reason: (e as Error).message, path: '' }])
              .body as object),
          }),
        );
        return;
      }
      const reply = this.call(
        String(message.kind ?? ''),
        String(message.name ?? ''),
        message.input,
        typeof message.session === 'string' ? message.session : session,
      );
      socket.send(JSON.stringify({ id: message.id ?? null, ...(reply.body as object) }));
    });
  }
}

export function startHost({
  service,
  host = '127.0.0.1',
  port = 0,
  token = newToken(),
  staticRoot,
}: HostOptions): Promise<RunningHost> {
  const api = new Host(service, token);
  const server = createServer((req, res) => {
    api.handle(req, res, staticRoot).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, {
          status: 500,
          body: { ok: false, error: [{ code: 'file', reason: String(e), path: '' }] },
        });
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const sameOrigin =
      origin === undefined ||
      api.hostAllowed({
        headers: { host: origin.replace(/^https?:\/\//u, '') },
      } as IncomingMessage);
    if (
      url.pathname !== '/api/ws' ||
      !api.hostAllowed(req) ||
      !sameOrigin ||
      !sameToken(url.searchParams.get('token'), token)
    ) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      api.attachSocket(ws, url.searchParams.get('session') ?? undefined),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      const names =
        host === '127.0.0.1' || host === 'localhost' ? ['127.0.0.1', 'localhost'] : [host];
      api.setAllowedHosts(names.map((h) => `${h}:${actual}`));
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/`,
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
