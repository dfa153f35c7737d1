/**
 * What the desktop app's preload (electron/preload.ts) gives the renderer as `window.kiemPhieu`:
 * the call, the host's events and the native file dialogs. The shapes are those the browser host
 * sends as JSON.
 */
import type { HostEvent } from './changes.ts';
import type { Reply } from './reply.ts';
import type { SentCall } from './request.ts';

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
  /** One call of the protocol, checked by the main process when it arrives. */
  call(request: SentCall): Promise<Reply<unknown>>;
  /** Calls `listener` for every event until the returned function is called. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** The chosen path, or null when the operator cancelled. */
  dialog(kind: 'open' | 'save' | 'folder', options?: DialogOptions): Promise<string | null>;
  /** The chosen sheet, or null when the operator cancelled. */
  dialog(kind: 'sheet', options?: DialogOptions): Promise<SheetPick | null>;
}
