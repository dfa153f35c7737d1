/**
 * The two windows — the operator's and the projector's — both the same built renderer, loaded from
 * app://kiem-phieu/ (the projector on the hash route `#/projector`), and the application menu that
 * moves the projector.
 */
import {
  BrowserWindow,
  Menu,
  screen,
  type MenuItemConstructorOptions,
  type WebPreferences,
} from 'electron';
import { nextPlacement, projectorPlacement, type Placement } from './displays.ts';
import { rendererUrl } from './policy.ts';

export const PROJECTOR_ROUTE = '/projector';
/** The candidates' introductions (#/intro?show=ID): the hall's window shows them instead. */
export const INTRO_ROUTE = /^\/intro\?show=\d{1,9}$/u;

export interface WindowPaths {
  /** dist/electron/preload.cjs */
  readonly preload: string;
  /** Development only: a packaged app has no developer tools. */
  readonly devTools: boolean;
}

/** Every window gets exactly these: no Node in the page, isolated and sandboxed preload. */
export function securePreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export class Windows {
  operator: BrowserWindow | null = null;
  projector: BrowserWindow | null = null;
  /** What the projector window shows: the figures, or the introductions. */
  private projectorRoute: string = PROJECTOR_ROUTE;

  constructor(private readonly paths: WindowPaths) {}

  /** The windows that may call the API and receive its events. */
  all(): BrowserWindow[] {
    return [this.operator, this.projector].filter(
      (w): w is BrowserWindow => w !== null && !w.isDestroyed(),
    );
  }

  owns(win: BrowserWindow | null): boolean {
    return win !== null && this.all().includes(win);
  }

  openOperator(): BrowserWindow {
    if (this.operator !== null && !this.operator.isDestroyed()) return this.operator;
    const win = new BrowserWindow({
      title: 'Kiểm phiếu',
      width: 1366,
      height: 860,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: securePreferences(this.paths.preload, this.paths.devTools),
    });
    this.operator = win;
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (this.operator === win) this.operator = null;
    });
    void win.loadURL(rendererUrl());
    return win;
  }

  /**
   * Opens the projector (on a display other than the operator's when there is one); `route`, when
   * given, is what it shows (the figures, or the candidates' introductions).
   */
  openProjector(preferredDisplayId?: number, route?: string): BrowserWindow {
    if (this.projector !== null && !this.projector.isDestroyed()) {
      this.placeProjector(preferredDisplayId);
      if (route !== undefined && route !== this.projectorRoute) {
        this.projectorRoute = route;
        void this.projector.loadURL(rendererUrl(route));
      }
      // Whoever asked for it paces it from this window's keyboard (the introductions).
      if (route !== undefined) this.projector.focus();
      return this.projector;
    }
    const placement = this.placement(preferredDisplayId);
    const win = new BrowserWindow({
      title: 'Kiểm phiếu — màn hình chiếu',
      ...(placement === null ? { width: 1280, height: 720 } : placement.bounds),
      show: false,
      backgroundColor: '#000000',
      autoHideMenuBar: true,
      webPreferences: securePreferences(this.paths.preload, this.paths.devTools),
    });
    this.projector = win;
    win.once('ready-to-show', () => {
      win.show();
      if (placement?.fullScreen === true) win.setFullScreen(true);
    });
    win.on('closed', () => {
      if (this.projector === win) this.projector = null;
    });
    this.projectorRoute = route ?? PROJECTOR_ROUTE;
    void win.loadURL(rendererUrl(this.projectorRoute));
    return win;
  }

  /** The menu item and shortcut: open the projector, or move it to the next display. */
  projectorToNextDisplay(): void {
    const win = this.projector;
    if (win === null || win.isDestroyed()) {
      this.openProjector();
      return;
    }
    const placement = nextPlacement({
      displays: screen.getAllDisplays(),
      operatorDisplayId: this.operatorDisplayId(),
      currentDisplayId: screen.getDisplayMatching(win.getBounds()).id,
    });
    if (placement !== null) apply(win, placement);
  }

  /** A display was attached: the projector goes there (opening it if needed). */
  displayAdded(displayId: number): void {
    if (displayId === this.operatorDisplayId()) return;
    this.openProjector(displayId);
  }

  /** A display was detached: the projector stays where it is if it can, else moves. */
  displayRemoved(): void {
    const win = this.projector;
    if (win === null || win.isDestroyed()) return;
    this.placeProjector(screen.getDisplayMatching(win.getBounds()).id);
  }

  /** Opens the projector at start only when a second display is attached. */
  openProjectorIfSecondDisplay(): void {
    if (screen.getAllDisplays().length > 1) this.openProjector();
  }

  menu(): Menu {
    const template: MenuItemConstructorOptions[] = [
      { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
      { role: 'editMenu', label: 'Sửa' },
      {
        label: 'Màn hình chiếu',
        submenu: [
          {
            label: 'Mở / chuyển sang màn hình kế tiếp',
            accelerator: 'CommandOrControl+Shift+P',
            click: () => this.projectorToNextDisplay(),
          },
          { role: 'togglefullscreen', label: 'Toàn màn hình (bật/tắt)', accelerator: 'F11' },
          {
            label: 'Đóng màn hình chiếu',
            click: () => this.projector?.close(),
          },
        ],
      },
      {
        label: 'Hiển thị',
        submenu: [
          { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
          { role: 'zoomIn', label: 'Phóng to' },
          { role: 'zoomOut', label: 'Thu nhỏ' },
          ...(this.paths.devTools
            ? ([
                { type: 'separator' },
                { role: 'reload' },
                { role: 'toggleDevTools' },
              ] satisfies MenuItemConstructorOptions[])
            : []),
        ],
      },
    ];
    return Menu.buildFromTemplate(template);
  }

  private operatorDisplayId(): number {
    const win = this.operator;
    return win === null || win.isDestroyed()
      ? screen.getPrimaryDisplay().id
      : screen.getDisplayMatching(win.getBounds()).id;
  }

  private placement(preferredDisplayId?: number): Placement | null {
    return projectorPlacement({
      displays: screen.getAllDisplays(),
      operatorDisplayId: this.operatorDisplayId(),
      preferredDisplayId,
    });
  }

  private placeProjector(preferredDisplayId?: number): void {
    const win = this.projector;
    const placement = this.placement(preferredDisplayId);
    if (win !== null && !win.isDestroyed() && placement !== null) apply(win, placement);
  }
}

/** Moves a window to its placement; a full-screen window leaves full screen first. */
function apply(win: BrowserWindow, placement: Placement): void {
  let done = false;
  const place = () => {
    if (done || win.isDestroyed()) return;
    done = true;
    win.setBounds(placement.bounds);
    if (placement.fullScreen) win.setFullScreen(true);
  };
  if (!win.isFullScreen()) {
    place();
    return;
  }
  win.once('leave-full-screen', place);
  win.setFullScreen(false);
  // Some window managers never report leaving full screen; move anyway.
  setTimeout(place, 1000);
}
