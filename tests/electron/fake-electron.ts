/**
 * A stand-in for the `electron` module, enough to run the built main process and preload under
 * Node: it records windows, IPC handlers, session hooks, menus and dialogs so a test can drive them.
 * (The Electron binary cannot be downloaded here; this tests our host's logic, not Electron.)
 */
import { EventEmitter } from 'node:events';
import Module, { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface FakeDisplay {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export const display = (id: number, x: number): FakeDisplay => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});

export class FakeFrame {
  url = '';
  constructor(readonly parent: FakeFrame | null = null) {}
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeFrame();
  readonly sent: [string, unknown][] = [];
  openHandler: ((details: unknown) => { action: string }) | undefined;
  devToolsClosed = 0;
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: unknown) => { action: string }): void {
    this.openHandler = handler;
  }
}

type MenuItem = {
  label?: string;
  role?: string;
  accelerator?: string;
  click?: (...args: unknown[]) => void;
  submenu?: MenuItem[];
};

export interface Invocation {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
}

export type Handler = (event: Invocation, ...args: unknown[]) => Promise<unknown>;
type RequestHook = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: Record<string, unknown>) => void,
) => void;

/** One fresh fake `electron` module and what it recorded. */
export function fakeElectron({ displays }: { displays: FakeDisplay[] }) {
  const state = {
    quits: 0,
    /** Per app.quit(): whether a before-quit listener held the quit back. */
    quitsPrevented: [] as boolean[],
    exitCode: null as number | null,
    sandboxed: false,
    documents: '/tmp',
    displays,
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    enableSandbox: () => void (state.sandboxed = true),
    commandLine: { hasSwitch: (_name: string): boolean => false },
    getPath: (): string => state.documents,
    quit: (): void => {
      state.quits++;
      const event = { defaultPrevented: false, preventDefault: () => undefined };
      event.preventDefault = () => void (event.defaultPrevented = true);
      emitQuit(event);
      state.quitsPrevented.push(event.defaultPrevented);
    },
    exit: (code: number) => void (state.exitCode = code),
  });
  const emitQuit = (event: unknown) => app.emit('before-quit', event);

  /** Every window created, in order (a test may drop some); `registry` keeps them all. */
  const windows: FakeBrowserWindow[] = [];
  const registry: FakeBrowserWindow[] = [];
  const within = (r: Rect, d: FakeDisplay) =>
    r.x + r.width / 2 >= d.bounds.x && r.x + r.width / 2 < d.bounds.x + d.bounds.width;
  const matching = (r: Rect): FakeDisplay =>
    state.displays.find((d) => within(r, d)) ?? state.displays[0]!;
  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => state.displays,
    getPrimaryDisplay: () => state.displays[0]!,
    getDisplayMatching: matching,
  });

  class FakeBrowserWindow extends EventEmitter {
    static fromWebContents(wc: unknown): FakeBrowserWindow | null {
      return registry.find((w) => w.webContents === wc) ?? null;
    }
    readonly webContents = new FakeWebContents();
    loaded: { url?: string; file?: string; hash: string | undefined } | null = null;
    fullScreen = false;
    destroyed = false;
    shown = false;
    bounds: Rect;
    constructor(readonly options: Record<string, unknown> & { webPreferences?: object }) {
      super();
      const o = options as Partial<Rect>;
      this.bounds = { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 800, height: o.height ?? 600 };
      windows.push(this);
      registry.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string, opts?: { hash?: string }): Promise<void> {
      this.loaded = { file, hash: opts?.hash };
      this.webContents.mainFrame.url =
        pathToFileURL(file).href + (opts?.hash === undefined ? '' : `#${opts.hash}`);
      this.emit('ready-to-show');
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      const hash = new URL(url).hash.slice(1);
      this.loaded = { url, hash: hash === '' ? undefined : hash };
      this.webContents.mainFrame.url = url;
      this.emit('ready-to-show');
      return Promise.resolve();
    }
    isDestroyed = () => this.destroyed;
    show = () => void (this.shown = true);
    focus = () => undefined;
    isMinimized = () => false;
    restore = () => undefined;
    getBounds = () => this.bounds;
    setBounds = (b: Rect) => void (this.bounds = b);
    isFullScreen = () => this.fullScreen;
    setFullScreen(on: boolean): void {
      if (on === this.fullScreen) return;
      this.fullScreen = on;
      if (on) {
        // Full screen covers the display the window is on.
        const d = matching(this.bounds);
        this.bounds = { ...d.bounds };
      }
      this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
    }
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const handlers = new Map<string, Handler>();
  const hooks: {
    beforeRequest?: RequestHook;
    headersReceived?: RequestHook;
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    permissionCheck?: (wc: unknown, permission: string) => boolean;
  } = {};
  const defaultSession = Object.assign(new EventEmitter(), {
    webRequest: {
      onBeforeRequest: (hook: RequestHook) => void (hooks.beforeRequest = hook),
      onHeadersReceived: (hook: RequestHook) => void (hooks.headersReceived = hook),
    },
    setPermissionRequestHandler: (h: typeof hooks.permissionRequest) =>
      void (hooks.permissionRequest = h),
    setPermissionCheckHandler: (h: typeof hooks.permissionCheck) =>
      void (hooks.permissionCheck = h),
  });

  const protocols = {
    privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
  };
  const menus: MenuItem[][] = [];
  const dialogs = {
    next: [] as unknown[],
    asked: [] as { kind: string; options: Record<string, unknown> }[],
    errors: [] as [string, string][],
  };
  const answer = (kind: string) => (_win: unknown, options: Record<string, unknown>) => {
    dialogs.asked.push({ kind, options });
    return Promise.resolve(dialogs.next.shift());
  };

  // The renderer side, for the preload.
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve('reply');
    },
  });

  const module = {
    app,
    screen,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string, h: Handler) => void handlers.set(channel, h) },
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof protocols.privileged) =>
        void protocols.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void protocols.handlers.set(scheme, handler),
    },
    Menu: {
      buildFromTemplate: (template: MenuItem[]) => template,
      setApplicationMenu: (template: MenuItem[]) => void menus.push(template),
    },
    dialog: {
      showOpenDialog: answer('open'),
      showSaveDialog: answer('save'),
      showErrorBox: (title: string, text: string) => void dialogs.errors.push([title, text]),
      showMessageBoxSync: (...args: unknown[]) => {
        dialogs.asked.push({ kind: 'message', options: args.at(-1) as Record<string, unknown> });
        return (dialogs.next.shift() as number | undefined) ?? 0;
      },
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api),
    },
    ipcRenderer,
  };

  /** The menu item with this accelerator. */
  const accelerator = (key: string): MenuItem | undefined =>
    menus
      .at(-1)
      ?.flatMap((m) => m.submenu ?? [])
      .find((i) => i.accelerator === key);

  return {
    module,
    state,
    app,
    screen,
    windows,
    handlers,
    hooks,
    defaultSession,
    menus,
    protocols,
    dialogs,
    exposed,
    ipcRenderer,
    invoked,
    accelerator,
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;

/** Loads a CommonJS bundle with `require('electron')` answered by `fake` (fresh each time). */
export function loadWithFake(bundle: string, fake: FakeElectron): void {
  const loader = Module as unknown as {
    _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return fake.module;
    return original.call(this, request, parent, isMain);
  };
  try {
    const require = createRequire(import.meta.url);
    delete require.cache[bundle];
    require(bundle);
  } finally {
    loader._load = original;
  }
}
