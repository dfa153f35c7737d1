/**
 * What the preload exposes to the renderer as `window.kiemPhieu`: the API call, the change events
 * and the file dialogs. No Electron import here, so the renderer can type-import it; the shapes are
 * the same the browser host sends as JSON.
 */
import type { HostEvent, Reply, SentCall } from '../core/protocol/index.ts';

export const CALL_CHANNEL = 'kiem-phieu:call';
export const EVENT_CHANNEL = 'kiem-phieu:event';
export const DIALOG_CHANNEL = 'kiem-phieu:dialog';

/** The reply, as the browser host sends it. */
export type BridgeReply = Reply<unknown>;

/** `open`/`save`: a congress file (*.kiemphieu); `sheet`: a delegates' or candidates' sheet. */
export type DialogKind = 'open' | 'save' | 'sheet' | 'folder';

export interface DialogOptions {
  /** The file name the save dialog proposes (without folder). */
  readonly defaultName?: string;
}

/** A spreadsheet chosen for import, ready for the API's `sheet` call; or why it cannot be. */
export type SheetPick =
  | { readonly ok: true; readonly fileName: string; readonly base64: string }
  | { readonly ok: false; readonly fileName: string; readonly message: string };

export interface KiemPhieuBridge {
  readonly host: 'electron';
  /** One call of the protocol (core/protocol), checked by the main process when it arrives. */
  call(request: SentCall): Promise<BridgeReply>;
  /** Calls `listener` for every event until the returned function is called. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** The chosen path, or null when the operator cancelled. */
  dialog(kind: 'open' | 'save' | 'folder', options?: DialogOptions): Promise<string | null>;
  /** The chosen sheet, or null when the operator cancelled. */
  dialog(kind: 'sheet', options?: DialogOptions): Promise<SheetPick | null>;
}
