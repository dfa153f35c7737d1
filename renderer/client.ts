/**
 * The renderer's one typed client of the service, derived from the protocol (core/protocol): every
 * call's input and value types come from its table. Under Electron it speaks IPC through the
 * preload bridge; in a browser, one WebSocket to the host (ordered: ballots arrive in the order
 * they were typed) that also brings the change events. Replies carry codes; the client words
 * them in the user's language.
 */
import { messages as catalogue } from '../core/messages/index.ts';
import {
  unavailable,
  type CallInput,
  type CallKind,
  type CallName,
  type CallOutput,
  type HostEvent,
  type KiemPhieuBridge,
  type Reply as ProtocolReply,
  type SentCall,
} from '../core/protocol/index.ts';
import { refusalText } from '../core/refusal.ts';
import { useApp } from './store.ts';

/** A reply with its refusals worded in the user's language. */
export type Reply<T> = ProtocolReply<T> & { readonly messages: readonly string[] };

declare global {
  interface Window {
    /** The desktop app's preload; absent in a browser. */
    kiemPhieu?: KiemPhieuBridge;
  }
}

type Listener = (e: HostEvent) => void;

/** The words of a reply's refusals, or of why it got no answer, in the user's language. */
export function wordsOf(reply: ProtocolReply<unknown>): readonly string[] {
  if (reply.ok) return [];
  const lang = useApp.getState().lang;
  if ('unavailable' in reply) return [catalogue(lang).unavailable[reply.unavailable]];
  return reply.error.map((r) => refusalText(r, lang));
}

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
  private readonly pending = new Map<number, (reply: ProtocolReply<unknown>) => void>();
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
        const data = JSON.parse(String(m.data)) as {
          id?: number;
          type?: string;
        } & ProtocolReply<unknown>;
        if (typeof data.id === 'number') {
          this.pending.get(data.id)?.(data);
          this.pending.delete(data.id);
        } else if (data.type !== undefined) {
          this.listeners.forEach((l) => l(data as unknown as HostEvent));
        }
      };
      socket.onclose = () => {
        this.socket = null;
        this.opened = null;
        this.statusListeners.forEach((l) => l(false));
        for (const [, answer] of this.pending) answer(unavailable('disconnected'));
        this.pending.clear();
        reject(new Error('closed'));
        // Keep trying: the projector and the entry screen must come back by themselves.
        setTimeout(() => void this.connect().catch(() => undefined), 700);
      };
    });
    return this.opened;
  }

  async call(req: SentCall): Promise<ProtocolReply<unknown>> {
    try {
      await this.connect();
    } catch {
      return unavailable('disconnected');
    }
    const socket = this.socket;
    if (socket === null) return unavailable('disconnected');
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
  private readonly transport: Pick<KiemPhieuBridge, 'call' | 'onEvent'> & {
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
    const body = (await r.json()) as ProtocolReply<{ token: string }>;
    if (!body.ok) return wordsOf(body);
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
    const body = (await r.json()) as ProtocolReply<{
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

  /** A folder for a copy of the file (a USB drive), from the desktop app's dialog. */
  async pickFolder(): Promise<string | null> {
    const picked = await window.kiemPhieu?.dialog?.('folder');
    return typeof picked === 'string' ? picked : null;
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

  /** Any call of the protocol, typed by its table. */
  async call<K extends CallKind, N extends CallName<K>>(
    kind: K,
    name: N,
    input: CallInput<K, N>,
  ): Promise<Reply<CallOutput<K, N>>> {
    const reply = (await this.transport.call({
      kind,
      name,
      input,
      ...(this.session === undefined ? {} : { session: this.session }),
    })) as ProtocolReply<CallOutput<K, N>>;
    return { ...reply, messages: wordsOf(reply) };
  }

  command<K extends CallName<'command'>>(name: K, input: CallInput<'command', K>) {
    return this.call('command', name, input);
  }

  query<K extends CallName<'query'>>(name: K, input: CallInput<'query', K>) {
    return this.call('query', name, input);
  }

  file<K extends CallName<'file'>>(name: K, input: CallInput<'file', K>) {
    return this.call('file', name, input);
  }

  login(name: string, pin: string) {
    return this.call('login', '', { name, pin });
  }

  whoami() {
    return this.call('whoami', '', {});
  }

  sheet(input: CallInput<'sheet', ''>) {
    return this.call('sheet', '', input);
  }

  photo(input: CallInput<'photo', ''>) {
    return this.call('photo', '', input);
  }

  document<K extends CallName<'document'>>(kind: K, input: CallInput<'document', K>) {
    return this.call('document', kind, input);
  }

  onEvent(listener: Listener): () => void {
    return this.transport.onEvent(listener);
  }

  onStatus(listener: (up: boolean) => void): () => void {
    return this.transport.onStatus?.(listener) ?? (() => undefined);
  }
}

export const client = new Client();
