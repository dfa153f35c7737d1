/**
 * One API call, whatever carries it (HTTP, WebSocket, Electron IPC): files, login, commands and
 * queries of the catalogue, spreadsheet preview. The hosts are transports around this.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { commands, queries } from '../core/api.ts';
import { zodRefusals } from '../core/record.ts';
import { refusalText, type Refusal } from '../core/refusal.ts';
import type { Result } from '../core/result.ts';
import type { Actor } from '../core/views.ts';
import { columnMappingSchema, problemText, readPeopleSheet } from './people-sheet.ts';
import type { Workspace } from './workspace.ts';
import { DOCUMENT_KINDS, documentRequest, makeDocument, type DocumentKind } from './documents.ts';

export const API_KINDS = [
  'command',
  'query',
  'login',
  'logout',
  'whoami',
  'file',
  'sheet',
] as const;
export type ApiKind = (typeof API_KINDS)[number];

export interface ApiRequest {
  readonly kind: string;
  readonly name?: string;
  readonly input?: unknown;
  readonly session?: string | undefined;
}

export interface ApiReply {
  readonly status: number;
  readonly body:
    | { readonly ok: true; readonly value: unknown }
    | {
        readonly ok: false;
        readonly error: readonly unknown[];
        readonly messages: readonly string[];
      };
}

/** Who acts while a file has no operator yet: the technical team setting it up. */
export const SETUP_ACTOR: Actor = { name: 'Tổ kỹ thuật', role: 'admin' };

export const MAX_SHEET_BYTES = 24 * 1024 * 1024;

const refused = (status: number, refusals: readonly Refusal[]): ApiReply => ({
  status,
  body: { ok: false, error: refusals, messages: refusals.map((r) => refusalText(r, 'vi')) },
});

const fromResult = (result: Result<unknown, Refusal[]>): ApiReply =>
  result.ok ? { status: 200, body: { ok: true, value: result.value } } : refused(422, result.error);

const sheetRequest = z.strictObject({
  fileName: z.string().min(1).max(300),
  base64: z.string().max(Math.ceil((MAX_SHEET_BYTES * 4) / 3)),
  mapping: columnMappingSchema.optional(),
  headerRow: z.int().min(1).optional(),
});

const fileRequest = z.strictObject({
  path: z.string().min(1).max(4096),
  congress: z.unknown().optional(),
});

export class Api {
  private readonly sessions = new Map<string, Actor>();

  constructor(readonly workspace: Workspace) {
    // Sessions belong to one file's operators.
    workspace.subscribe((e) => {
      if (e.type === 'file') this.sessions.clear();
    });
  }

  actorFor(session: string | undefined): Actor | null {
    if (session !== undefined) {
      const actor = this.sessions.get(session);
      if (actor !== undefined) return actor;
    }
    const operators = this.workspace.service?.query('operators');
    return operators?.ok && operators.value.length === 0 ? SETUP_ACTOR : null;
  }

  async call({ kind, name = '', input, session }: ApiRequest): Promise<ApiReply> {
    switch (kind) {
      case 'file':
        return this.file(name, input);
      case 'sheet':
        return previewSheet(input);
      case 'document':
        return this.document(name, input);
      case 'whoami':
        return {
          status: 200,
          body: { ok: true, value: { actor: this.actorFor(session), file: this.workspace.info() } },
        };
      case 'logout':
        if (session !== undefined) this.sessions.delete(session);
        return { status: 200, body: { ok: true, value: null } };
      default:
        break;
    }
    const service = this.workspace.service;
    if (service === null) return refused(409, [{ code: 'no-file', path: '' }]);
    if (kind === 'login') {
      const { name: who, pin } = (input ?? {}) as { name?: unknown; pin?: unknown };
      const actor = service.login(String(who ?? ''), String(pin ?? ''));
      if (!actor.ok) return refused(401, actor.error);
      const id = randomBytes(18).toString('base64url');
      this.sessions.set(id, actor.value);
      return { status: 200, body: { ok: true, value: { session: id, actor: actor.value } } };
    }
    if (kind === 'query') {
      if (!Object.hasOwn(queries, name))
        return refused(404, [
          { code: 'enum', value: name, allowed: Object.keys(queries), path: 'query' },
        ]);
      return fromResult(service.query(name as keyof typeof queries, input));
    }
    if (kind === 'command') {
      if (!Object.hasOwn(commands, name))
        return refused(404, [
          { code: 'enum', value: name, allowed: Object.keys(commands), path: 'command' },
        ]);
      const actor = this.actorFor(session);
      if (actor === null) return refused(401, [{ code: 'login-required', path: '' }]);
      return fromResult(service.execute(name as keyof typeof commands, input, actor));
    }
    return refused(404, [{ code: 'enum', value: kind, allowed: [...API_KINDS], path: 'kind' }]);
  }

  private async document(name: string, input: unknown): Promise<ApiReply> {
    const service = this.workspace.service;
    if (service === null) return refused(409, [{ code: 'no-file', path: '' }]);
    if (!(DOCUMENT_KINDS as readonly string[]).includes(name)) {
      return refused(404, [
        { code: 'enum', value: name, allowed: [...DOCUMENT_KINDS], path: 'document' },
      ]);
    }
    const parsed = documentRequest.safeParse(input, { reportInput: true });
    if (!parsed.success) return refused(422, zodRefusals(parsed.error, []));
    const made = await makeDocument(service, name as DocumentKind, parsed.data);
    if (!made.ok) return refused(422, made.error);
    const { bytes, ...rest } = made.value;
    return {
      status: 200,
      body: { ok: true, value: { ...rest, base64: Buffer.from(bytes).toString('base64') } },
    };
  }

  private async file(name: string, input: unknown): Promise<ApiReply> {
    if (name === 'current')
      return { status: 200, body: { ok: true, value: this.workspace.info() } };
    if (name === 'recent')
      return { status: 200, body: { ok: true, value: this.workspace.recent() } };
    if (name === 'close') {
      await this.workspace.close();
      return { status: 200, body: { ok: true, value: null } };
    }
    const parsed = fileRequest.safeParse(input, { reportInput: true });
    if (!parsed.success) return refused(422, zodRefusals(parsed.error, []));
    if (name === 'open') return fromResult(await this.workspace.open(parsed.data.path));
    if (name === 'create')
      return fromResult(await this.workspace.create(parsed.data.path, parsed.data.congress));
    return refused(404, [
      {
        code: 'enum',
        value: name,
        allowed: ['current', 'recent', 'open', 'create', 'close'],
        path: 'file',
      },
    ]);
  }
}

/** A delegates' or candidates' spreadsheet read for the preview screen; nothing is stored. */
async function previewSheet(input: unknown): Promise<ApiReply> {
  const parsed = sheetRequest.safeParse(input, { reportInput: true });
  if (!parsed.success) return refused(422, zodRefusals(parsed.error, []));
  const { fileName, base64, mapping, headerRow } = parsed.data;
  const sheet = await readPeopleSheet({
    bytes: new Uint8Array(Buffer.from(base64, 'base64')),
    fileName,
    ...(mapping === undefined ? {} : { mapping }),
    ...(headerRow === undefined ? {} : { headerRow }),
  });
  if (sheet.ok) {
    const messages = sheet.value.problems.map((p) => problemText(p, 'vi'));
    return { status: 200, body: { ok: true, value: { ...sheet.value, messages } } };
  }
  return {
    status: 422,
    body: { ok: false, error: sheet.error, messages: sheet.error.map((p) => problemText(p, 'vi')) },
  };
}
