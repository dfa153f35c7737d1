/**
 * The native file dialogs the renderer asks for: a congress file to open or to create, and a
 * spreadsheet to import (read here, handed over as base64 for the API's `sheet` call).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { app, dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions } from 'electron';
import type { DialogOptions, SheetPick } from '../core/protocol/index.ts';

const CONGRESS_FILES: FileFilter[] = [
  { name: 'Tệp đại hội (.kiemphieu)', extensions: ['kiemphieu'] },
];
/** The protocol's limit for a sheet's bytes (core/protocol/sheet.ts: 24 MiB once decoded). */
const MAX_SHEET_BYTES = 24 * 1024 * 1024;

const SHEETS: FileFilter[] = [{ name: 'Bảng tính (.xlsx, .csv)', extensions: ['xlsx', 'csv'] }];

/**
 * The files the user chose — in a dialog of this session, or by opening a .kiemphieu file with the
 * app (command line, file association) — the only paths a window's file calls may name. A page
 * that was subverted cannot have the main process open or create a file elsewhere on the disk.
 */
const chosen = new Set<string>();
const key = (path: string): string => {
  const absolute = resolve(path).normalize('NFC');
  return process.platform === 'win32' ? absolute.toLowerCase() : absolute;
};

export function rememberChosen(path: string): void {
  chosen.add(key(path));
}

export function isChosenPath(path: string): boolean {
  return chosen.has(key(path));
}

/** The paths a call names (file open / create), to be checked with `isChosenPath`. */
export function pathsOfCall(call: unknown): string[] {
  if (typeof call !== 'object' || call === null) return [];
  const { kind, input } = call as { kind?: unknown; input?: unknown };
  if (kind !== 'file' || typeof input !== 'object' || input === null) return [];
  const named = ['path', 'folder'].map((k) => (input as Record<string, unknown>)[k]);
  return named.filter((p) => p !== undefined).map((p) => (typeof p === 'string' ? p : String(p)));
}

/** The one path picked in an open dialog; null when cancelled. */
async function pickOne(parent: BrowserWindow, options: OpenDialogOptions): Promise<string | null> {
  const r = await dialog.showOpenDialog(parent, options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

/** A path the operator chose, remembered as one the renderer may name in a file call. */
function remembered(path: string | null): string | null {
  if (path !== null) rememberChosen(path);
  return path;
}

/** Chooses the folder a copy of the congress file goes to ("Sao lưu ra USB"); null when cancelled. */
export async function chooseFolder(parent: BrowserWindow): Promise<string | null> {
  return remembered(
    await pickOne(parent, {
      title: 'Chọn thư mục để sao lưu (ví dụ: ổ USB)',
      properties: ['openDirectory', 'createDirectory'],
    }),
  );
}

/** Chooses a congress file to open; null when cancelled. */
export async function chooseCongressFile(parent: BrowserWindow): Promise<string | null> {
  return remembered(
    await pickOne(parent, {
      title: 'Mở tệp đại hội',
      filters: CONGRESS_FILES,
      properties: ['openFile'],
    }),
  );
}

/** Chooses where a new congress file goes; null when cancelled. */
export async function chooseNewCongressFile(
  parent: BrowserWindow,
  { defaultName }: DialogOptions = {},
): Promise<string | null> {
  const name = basename(defaultName ?? 'DAI-HOI').replace(/\.kiemphieu$/iu, '');
  const r = await dialog.showSaveDialog(parent, {
    title: 'Tạo tệp đại hội',
    defaultPath: join(app.getPath('documents'), `${name}.kiemphieu`),
    filters: CONGRESS_FILES,
    properties: ['createDirectory'],
  });
  return remembered(
    r.canceled || r.filePath === undefined || r.filePath === '' ? null : r.filePath,
  );
}

/** Chooses a delegates' or candidates' spreadsheet and reads it; null when cancelled. */
export async function chooseSheet(parent: BrowserWindow): Promise<SheetPick | null> {
  const path = await pickOne(parent, {
    title: 'Chọn bảng tính',
    filters: SHEETS,
    properties: ['openFile'],
  });
  if (path === null) return null;
  const fileName = basename(path);
  try {
    const { size } = await stat(path);
    if (size > MAX_SHEET_BYTES) {
      const mib = MAX_SHEET_BYTES / (1024 * 1024);
      return { ok: false, fileName, message: `Tệp lớn hơn ${mib} MiB, không đọc được.` };
    }
    return { ok: true, fileName, base64: (await readFile(path)).toString('base64') };
  } catch (e) {
    return { ok: false, fileName, message: `Không đọc được tệp: ${(e as Error).message}` };
  }
}
