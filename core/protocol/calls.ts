/**
 * Every call a station can make, whatever carries it (HTTP, WebSocket, Electron IPC): its kind, its
 * name, the zod schema of its input and the type of its value. The hosts' routes, the preload
 * bridge and the renderer's client are all derived from this one table.
 */
import { z } from 'zod';
import { commands, congressDetails, queries, type CongressDetails } from '../api.ts';
import type { CommandOutputs, QueryOutputs, Actor } from '../views.ts';
import {
  documentRequest,
  DOCUMENT_KINDS,
  type DocumentKind,
  type MadeDocumentView,
} from './documents.ts';
import { sheetRequest, type SheetPreview } from './sheet.ts';
import {
  scanCalls,
  type ScanImageView,
  type ScanProgressView,
  type ScanRunView,
  type ScanTestView,
} from './scan.ts';
import { photoRequest, type PhotoPreview } from '../candidate-details.ts';

const none = z.strictObject({});
const path = z.string().min(1).max(4096);

export const files = {
  current: none,
  recent: none,
  close: none,
  open: z.strictObject({ path }),
  create: z.strictObject({ path, congress: congressDetails }),
  /** "Sao lưu ra USB": a consistent, verified copy of the open file into a chosen folder. */
  backupTo: z.strictObject({ folder: path }),
  /** A practice congress (tập huấn) made at `path` and opened, its ballot stack printed beside it. */
  practice: z.strictObject({ path }),
} as const;

export const CALLS = {
  command: commands,
  query: queries,
  file: files,
  sheet: { '': sheetRequest },
  photo: { '': photoRequest },
  document: Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, documentRequest])) as Record<
    DocumentKind,
    typeof documentRequest
  >,
  scan: scanCalls,
  login: { '': z.strictObject({ name: z.string().max(200), pin: z.string().max(64) }) },
  logout: { '': none },
  whoami: { '': none },
} as const;

export type CallKind = keyof typeof CALLS;
export const CALL_KINDS = Object.keys(CALLS) as CallKind[];
export type CallName<K extends CallKind> = keyof (typeof CALLS)[K] & string;
type Schema<K extends CallKind, N extends CallName<K>> = (typeof CALLS)[K][N] extends z.ZodType
  ? (typeof CALLS)[K][N]
  : never;
export type CallInput<K extends CallKind, N extends CallName<K>> = z.input<Schema<K, N>>;
export type ParsedInput<K extends CallKind, N extends CallName<K>> = z.output<Schema<K, N>>;

/** The congress file a host has open. */
export interface FileInfo {
  readonly path: string;
  readonly congress: CongressDetails | null;
}

export interface RecentFile {
  readonly path: string;
  readonly name: string;
  readonly openedAt: string;
}

/** A verified copy of the congress file written to a folder the user chose. */
export interface BackupCopy {
  readonly path: string;
  readonly bytes: number;
  /** Rows of the copy checked against its replayed audit log. */
  readonly rowsCompared: number;
  /** The head of the copy's audit chain, as the minutes print it. */
  readonly head: string;
}

export interface Session {
  readonly session: string;
  readonly actor: Actor;
}

export interface WhoAmI {
  readonly actor: Actor | null;
  readonly file: FileInfo | null;
  /**
   * The offline guard's last verdict (db/offline-guard.ts): whether this host's computer has a
   * route to the Internet, and why. Null where the host runs no guard.
   */
  readonly internet: { readonly online: boolean; readonly reason: string } | null;
}

/** What each call answers with when it is not refused. */
export interface CallOutputs {
  command: CommandOutputs;
  query: QueryOutputs;
  file: {
    current: FileInfo | null;
    recent: readonly RecentFile[];
    close: null;
    open: FileInfo;
    create: FileInfo;
    backupTo: BackupCopy;
    practice: { readonly file: FileInfo; readonly deck: string };
  };
  sheet: { '': SheetPreview };
  photo: { '': PhotoPreview };
  document: Record<DocumentKind, MadeDocumentView>;
  scan: {
    files: ScanRunView;
    folder: ScanRunView;
    test: ScanTestView;
    progress: ScanProgressView | null;
    image: ScanImageView;
  };
  login: { '': Session };
  logout: { '': null };
  whoami: { '': WhoAmI };
}

export type CallOutput<K extends CallKind, N extends CallName<K>> = N extends keyof CallOutputs[K]
  ? CallOutputs[K][N]
  : never;
