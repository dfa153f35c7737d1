/**
 * The desktop host: one Workspace and one Api (db/), carried over IPC to the operator's and the
 * projector's windows. It listens on no port; the windows load only the built renderer from disk.
 * Runs bundled as dist/electron/main.cjs (electron/build.ts), beside dist/electron/preload.cjs and
 * dist/renderer/.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  type IpcMainInvokeEvent,
} from 'electron';
import { Api } from '../db/api.ts';
import { openDatabase } from '../db/connection.ts';
import { watchInternet } from '../db/offline-guard.ts';
import { Workspace } from '../db/workspace.ts';
import type { Reply, SheetPick } from '../core/protocol/index.ts';
import { CALL_CHANNEL, DIALOG_CHANNEL, EVENT_CHANNEL } from './bridge.ts';
import {
  chooseCongressFile,
  chooseNewCongressFile,
  chooseFolder,
  chooseSheet,
  isChosenPath,
  pathsOfCall,
  rememberChosen,
} from './dialogs.ts';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  contentType,
  DEBUGGING_SWITCHES,
  filesFromArgv,
  isAllowedRequest,
  isRendererUrl,
  rendererFile,
  sqliteBinding,
} from './policy.ts';
import { dialogRequest } from './requests.ts';
import { INTRO_ROUTE, PROJECTOR_ROUTE, Windows } from './windows.ts';

// Paths of the bundle's layout: dist/electron/{main,preload}.cjs, dist/renderer/, and the app root.
// main.ts only ever runs bundled to CommonJS, where __dirname is the bundle's folder (import.meta
// would name this source file's folder: scripts/bundles.ts).
const HERE = __dirname;
const RENDERER_ROOT = join(HERE, '..', 'renderer');
const APP_ROOT = join(HERE, '..', '..');
const BINDING = join('build-electron', 'better_sqlite3.node');
/** Developer tools, reload and remote debugging: never in a packaged app. */
const DEVELOPMENT = !app.isPackaged;

// Before the app is ready: app:// is a secure, standard scheme (origin, fetch, storage).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

const nativeBinding = sqliteBinding({
  env: process.env.KIEM_PHIEU_SQLITE_BINDING,
  candidates: [
    ...(app.isPackaged ? [join(process.resourcesPath, BINDING)] : []),
    join(APP_ROOT, BINDING),
  ],
  exists: existsSync,
});

const workspace = new Workspace({
  options: nativeBinding === undefined ? {} : { nativeBinding },
});
// At start and every minute: a route to the Internet shows a red banner on every window.
const internet = watchInternet(workspace);
const api = new Api(workspace, internet.current);
const windows = new Windows({ preload: join(HERE, 'preload.cjs'), devTools: DEVELOPMENT });

/** The same JSON the browser host sends, so the renderer sees one shape whatever the host. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The window behind an IPC call, if it is one of ours showing our renderer in its top frame. */
function callerWindow(event: IpcMainInvokeEvent): BrowserWindow {
  const win = BrowserWindow.fromWebContents(event.sender);
  const frame = event.senderFrame;
  if (
    win === null ||
    !windows.owns(win) ||
    frame === null ||
    frame.parent !== null ||
    !isRendererUrl(frame.url)
  ) {
    throw new Error('Kiểm phiếu: refused an IPC call from an unknown sender');
  }
  return win;
}

/**
 * A file call may name only a file the user chose (electron/dialogs.ts), or one the app opened
 * before (its recent list, written only by the app itself).
 */
async function checkChosenPaths(raw: unknown): Promise<void> {
  const paths = pathsOfCall(raw);
  if (paths.every(isChosenPath)) return;
  const recent = await api.handle({ kind: 'file', name: 'recent' });
  const known = new Set(
    recent.ok ? (recent.value as readonly { path: string }[]).map((f) => f.path) : [],
  );
  if (!paths.every((p) => isChosenPath(p) || known.has(p))) {
    throw new Error('Kiểm phiếu: refused a file call naming a file the user did not choose');
  }
}

async function onCall(event: IpcMainInvokeEvent, raw: unknown): Promise<Reply<unknown>> {
  callerWindow(event);
  await checkChosenPaths(raw);
  // The protocol's own edge check and error handling: whatever arrives gets a reply.
  return plain(await api.handle(raw));
}

async function onDialog(
  event: IpcMainInvokeEvent,
  kind: unknown,
  options: unknown,
): Promise<string | SheetPick | null> {
  const win = callerWindow(event);
  const request = dialogRequest.safeParse({ kind, options });
  if (!request.success) throw new Error('Kiểm phiếu: malformed dialog request');
  switch (request.data.kind) {
    case 'open':
      return chooseCongressFile(win);
    case 'save':
      return chooseNewCongressFile(win, request.data.options);
    case 'sheet':
      return chooseSheet(win);
    case 'folder':
      return chooseFolder(win);
  }
}

function forwardEvents(): void {
  workspace.subscribe((e) => {
    const message = plain(e);
    for (const win of windows.all()) win.webContents.send(EVENT_CHANNEL, message);
  });
}

/** No remote content, no permission, no navigation, no new window, no download. */
function harden(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, { devTools: DEVELOPMENT }) }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({
      responseHeaders: {
        ...headers,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (e) => e.preventDefault());
}

/** The renderer's files from app://kiem-phieu/, with the content security policy; nothing else. */
async function serveRenderer(request: Request): Promise<Response> {
  const file = request.method === 'GET' ? rendererFile(request.url, RENDERER_ROOT) : null;
  const body = file === null ? null : await readFile(file).catch(() => null);
  if (file === null || body === null) return new Response('', { status: 404 });
  return new Response(body, {
    headers: {
      'Content-Type': contentType(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-frame-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The renderer's "projector" link (window.open('#/projector')) opens the host's projector window;
    // its "present" button (window.open('#/intro?show=ID')) shows the introductions there.
    if (windows.owns(BrowserWindow.fromWebContents(contents)) && isRendererUrl(url)) {
      const route = new URL(url).hash.slice(1);
      if (route === PROJECTOR_ROUTE) windows.openProjector(undefined, PROJECTOR_ROUTE);
      else if (INTRO_ROUTE.test(route)) windows.openProjector(undefined, route);
    }
    return { action: 'deny' };
  });
  if (!DEVELOPMENT) contents.on('devtools-opened', () => contents.closeDevTools());
  // The entry screen holds back its unload while ballots wait to be saved; in Electron that
  // would silently keep the window open, so ask the operator (preventing the event closes).
  contents.on('will-prevent-unload', (e) => {
    const win = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'warning' as const,
      title: 'Kiểm phiếu',
      message: 'Còn phiếu chưa lưu xong. Đóng cửa sổ bây giờ?',
      detail:
        'Các phiếu đang chờ được giữ lại trên máy này và sẽ được gửi lại khi mở lại ứng dụng, nhưng nên chờ lưu xong rồi hãy đóng.',
      buttons: ['Ở lại', 'Vẫn đóng'],
      defaultId: 0,
      cancelId: 0,
    };
    const choice = win
      ? dialog.showMessageBoxSync(win, options)
      : dialog.showMessageBoxSync(options);
    if (choice === 1) e.preventDefault();
  });
});

/** Why SQLite cannot be opened with this binding (wrong ABI: see electron/README.md), or null. */
function sqliteFailure(): string | null {
  try {
    openDatabase(':memory:', {
      create: true,
      ...(nativeBinding === undefined ? {} : { nativeBinding }),
    }).close();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

async function start(): Promise<void> {
  const failure = sqliteFailure();
  if (failure !== null) {
    dialog.showErrorBox(
      'Kiểm phiếu — không nạp được SQLite',
      `${failure}\n\nCần bản better-sqlite3 dựng cho Electron (build-electron/better_sqlite3.node, xem electron/README.md).`,
    );
    app.exit(1);
    return;
  }
  harden();
  protocol.handle(APP_SCHEME, serveRenderer);
  ipcMain.handle(CALL_CHANNEL, onCall);
  ipcMain.handle(DIALOG_CHANNEL, onDialog);
  forwardEvents();
  // The file named on the command line is open before the windows ask which file is open.
  const [file] = filesFromArgv(process.argv.slice(app.isPackaged ? 1 : 2));
  if (file !== undefined) {
    rememberChosen(file);
    const opened = await workspace.open(file);
    if (!opened.ok)
      console.error(`Kiểm phiếu: cannot open ${file}: ${JSON.stringify(opened.error)}`);
  }
  Menu.setApplicationMenu(windows.menu());
  windows.openOperator().on('closed', () => app.quit());
  windows.openProjectorIfSecondDisplay();
  screen.on('display-added', (_e, display) => windows.displayAdded(display.id));
  screen.on('display-removed', () => windows.displayRemoved());
}

let fileClosed = false;
let closing = false;
// The congress file is closed (its backup taken) before the process ends.
app.on('before-quit', (e) => {
  if (fileClosed) return;
  e.preventDefault();
  if (closing) return;
  closing = true;
  workspace
    .close()
    .catch((error: unknown) => console.error('Kiểm phiếu: closing the file failed', error))
    .finally(() => {
      fileClosed = true;
      app.quit();
    });
});
app.on('window-all-closed', () => app.quit());
app.on('second-instance', () => {
  const win = windows.operator;
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

// Chromium's remote debugging would be a network listener, the inspector a way into the main
// process; a packaged app refuses to run with either.
if (!DEVELOPMENT && DEBUGGING_SWITCHES.some((s) => app.commandLine.hasSwitch(s))) app.exit(1);
// One instance: two would hold the same congress file.
else if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.enableSandbox();
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Kiểm phiếu', String(error));
      app.exit(1);
    });
}
