/**
 * The three IPC channels between the preload and the main process. What the preload exposes as
 * `window.kiemPhieu` is core/protocol/bridge.ts, typed there so the renderer can use it too.
 */
export type { KiemPhieuBridge } from '../core/protocol/bridge.ts';

export const CALL_CHANNEL = 'kiem-phieu:call';
export const EVENT_CHANNEL = 'kiem-phieu:event';
export const DIALOG_CHANNEL = 'kiem-phieu:dialog';
