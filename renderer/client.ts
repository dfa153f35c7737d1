/**
 * The renderer's one typed client of the service. Under Electron it speaks IPC through the
 * preload bridge; in a browser, one WebSocket to the host (ordered: ballots arrive in the order
 * they were typed) that also brings the change events.
 */
import type { CommandInput, CommandName, QueryInput, QueryName } from '../core/api.ts';
import type { Refusal } from '../core/refusal.ts';
import type { CommandOutputs, QueryOutputs } from '../core/views.ts';

export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: readonly Refusal[];
      readonly messages: readonly string[];
    };

interface Request {
  readonly kind: string;
  readonly name?: string;
  readonly input?: unknown;
  readonly session?: string;
}

export interface Bridge {
  call(req: Request): Promise<Reply<unknown>>;
  onEvent(listener: (e: unknown) => void): () => void;
  dialog?(kind: string, options?: { defaultName?: string }): Promise<unknown>;
  readonly host: 'electron';
}

declare global {
  interface Window {
    kiemPhieu?: Bridge;
  }
}

export const DISCONNECTED =
  'Mất kết nối với máy chủ — đang kết nối lại. Dữ liệu đang nhập vẫn được giữ.';

type Listener = (e: {
  type: string;
  event?: { command: string; electionId: number | null; seq: number };
}) => void;

/** Reads the station token once from the address (#token=…), then keeps it for the tab. */
export function takeToken(): string {
  const match = /[#?&]token=([A-Za-z0-9_-]+)/u.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem('kp-token', match[1]);
    // Keep the route (#/projector…), drop the token from the address bar.
    const route = window.location.hash
      .replace(/[?&]?token=[A-Za-z0-9_-]+/u, '')
      .replace(/^#?\/?$/u, '#/');
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${route.startsWith('#') ? route : `#${route}`}`,
    );
  }
  return sessionStorage.getItem('kp-token') ?? '';
}

class SocketTransport {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply<unknown>) => void>();
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<(up: boolean) => void>();
  private opened: Promise<void> | null = null;

  constructor(private readonly token: string) {}

  private connect(): Promise<void> {
    if (this.opened !== null) return this.opened;
    this.opened = new Promise((resolve, reject) => {
      const url = new URL('api/ws', window.location.href.split('#')[0]);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('token', this.token);
      const socket = new WebSocket(url);
      socket.onopen = () => {
        this.socket = socket;
        this.statusListeners.forEach((l) => l(true));
        resolve();
      };
      socket.onmessage = (m) => {
        const data = JSON.parse(String(m.data)) as { id?: number; type?: string } & Reply<unknown>;
        if (typeof data.id === 'number') {
          this.pending.get(data.id)?.(data);
          this.pending.delete(data.id);
        } else if (data.type !== undefined) {
          this.listeners.forEach((l) => l(data as Parameters<Listener>[0]));
        }
      };
      socket.onclose = () => {
        this.socket = null;
        this.opened = null;
        this.statusListeners.forEach((l) => l(false));
        for (const [, answer] of this.pending)
          answer({ ok: false, error: [], messages: [DISCONNECTED] });
        this.pending.clear();
        reject(new Error('closed'));
        // Keep trying: the projector and the entry screen must come back by themselves.
        setTimeout(() => void this.connect().catch(() => undefined), 700);
      };
    });
    return this.opened;
  }

  async call(req: Request): Promise<Reply<unknown>> {
    try {
      await this.connect();
    } catch {
      return { ok: false, error: [], messages: [DISCONNECTED] };
    }
    const socket = this.socket;
    if (socket === null) return { ok: false, error: [], messages: [DISCONNECTED] };
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      socket.send(JSON.stringify({ id, ...req }));
    });
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    void this.connect().catch(() => undefined);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (up: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }
}

export class Client {
  private session: string | undefined = sessionStorage.getItem('kp-session') ?? undefined;
  private readonly transport: Pick<Bridge, 'call' | 'onEvent'> & {
    onStatus?: (l: (up: boolean) => void) => () => void;
  };

  private readonly token: string;

  constructor() {
    this.token = window.kiemPhieu ? '' : takeToken();
    this.transport = window.kiemPhieu ?? new SocketTransport(this.token);
  }

  /** A browser that came without the station token: another station of the LAN, to be paired. */
  get needsPairing(): boolean {
    return !window.kiemPhieu && this.token === '';
  }

  /** Exchanges the code shown on the main screen for the station token, then starts over. */
  async pair(code: string): Promise<readonly string[] | null> {
    const r = await fetch('api/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body = (await r.json()) as Reply<{ token: string }>;
    if (!body.ok) return body.messages;
    sessionStorage.setItem('kp-token', body.value.token);
    window.location.reload();
    return null;
  }

  /** In LAN mode, the code and the addresses other stations use (null otherwise, or in Electron). */
  async pairing(): Promise<{
    code: string;
    expiresAt: string;
    addresses: string[];
    port: number;
  } | null> {
    if (window.kiemPhieu) return null;
    const r = await fetch('api/pairing', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiem-phieu-token': this.token },
      body: '{}',
    });
    if (!r.ok) return null;
    const body = (await r.json()) as Reply<{
      code: string;
      expiresAt: string;
      addresses: string[];
      port: number;
    } | null>;
    return body.ok ? body.value : null;
  }

  get host(): 'electron' | 'browser' {
    return window.kiemPhieu ? 'electron' : 'browser';
  }

  /** The desktop app has native file dialogs; a browser types the path. */
  get canPickFiles(): boolean {
    return typeof window.kiemPhieu?.dialog === 'function';
  }

  async pickPath(kind: 'open' | 'save', defaultName?: string): Promise<string | null> {
    const picked = await window.kiemPhieu?.dialog?.(
      kind,
      defaultName === undefined ? undefined : { defaultName },
    );
    return typeof picked === 'string' ? picked : null;
  }

  setSession(session: string | undefined): void {
    this.session = session;
    if (session === undefined) sessionStorage.removeItem('kp-session');
    else sessionStorage.setItem('kp-session', session);
  }

  private call<T>(kind: string, name: string, input: unknown): Promise<Reply<T>> {
    return this.transport.call({
      kind,
      name,
      input,
      ...(this.session === undefined ? {} : { session: this.session }),
    }) as Promise<Reply<T>>;
  }

  command<K extends CommandName>(
    name: K,
    input: CommandInput<K>,
  ): Promise<Reply<CommandOutputs[K]>> {
    return this.call('command', name, input);
  }

  query<K extends QueryName>(name: K, input: QueryInput<K>): Promise<Reply<QueryOutputs[K]>> {
    return this.call('query', name, input);
  }

  file<T>(
    name: 'current' | 'recent' | 'open' | 'create' | 'close',
    input: unknown = {},
  ): Promise<Reply<T>> {
    return this.call('file', name, input);
  }

  login(
    name: string,
    pin: string,
  ): Promise<Reply<{ session: string; actor: { name: string; role: string } }>> {
    return this.call('login', '', { name, pin });
  }

  whoami(): Promise<
    Reply<{ actor: { name: string; role: string } | null; file: { path: string } | null }>
  > {
    return this.call('whoami', '', {});
  }

  sheet<T>(input: { fileName: string; base64: string; mapping?: unknown }): Promise<Reply<T>> {
    return this.call('sheet', '', input);
  }

  document<T>(kind: string, input: unknown): Promise<Reply<T>> {
    return this.call('document', kind, input);
  }

  onEvent(listener: Listener): () => void {
    return this.transport.onEvent(listener as (e: unknown) => void);
  }

  onStatus(listener: (up: boolean) => void): () => void {
    return this.transport.onStatus?.(listener) ?? (() => undefined);
  }
}

export const client = new Client();
