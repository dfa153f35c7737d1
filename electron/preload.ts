/**
 * The sandboxed preload: `window.kiemPhieu` (electron/bridge.ts), three IPC channels and nothing
 * else of Electron or Node reaches the page. Bundled to CommonJS (dist/electron/preload.cjs).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  DialogKind,
  DialogOptions,
  HostEvent,
  KiemPhieuBridge,
  Reply,
} from '../core/protocol/index.ts';
import { CALL_CHANNEL, DIALOG_CHANNEL, EVENT_CHANNEL } from './bridge.ts';

const dialog = (kind: DialogKind, options?: DialogOptions): Promise<unknown> =>
  ipcRenderer.invoke(DIALOG_CHANNEL, kind, options);

const bridge: KiemPhieuBridge = {
  host: 'electron',
  call: (request) => ipcRenderer.invoke(CALL_CHANNEL, request) as Promise<Reply<unknown>>,
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, event: HostEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
  dialog: dialog as KiemPhieuBridge['dialog'],
};

contextBridge.exposeInMainWorld('kiemPhieu', bridge);
