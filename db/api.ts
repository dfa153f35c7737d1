/**
 * Every call of the protocol (core/protocol) answered over one congress workspace, whatever
 * carries it: HTTP, WebSocket or Electron IPC. A transport hands over what arrived; `handle`
 * checks it, answers it, and never throws: anything thrown becomes an `unavailable` reply.
 */
import { randomBytes } from 'node:crypto';
import type { ZodType } from 'zod';
import {
  CALLS,
  answered,
  parseCall,
  refusedWith,
  replyFromThrown,
  type CallKind,
  type CallMessage,
  type Reply,
  type WhoAmI,
} from '../core/protocol/index.ts';
import { zodRefusals, type ElectionRecord } from '../core/record.ts';
import type { Refusal } from '../core/refusal.ts';
import type { Result } from '../core/result.ts';
import type { Actor } from '../core/views.ts';
import { backupTo } from './backup.ts';
import { makeDocument, type DocumentKind } from './documents.ts';
import { createPractice } from './practice.ts';
import { readPeopleSheetInWorker } from './people-sheet.ts';
import { preparePhoto } from './candidate-photo.ts';
import type { Workspace } from './workspace.ts';
import { ScanIntake } from './scan/intake.ts';
import { sheetImage } from './scan/sheet-image.ts';
import * as store from './store.ts';
import { setupOf } from './tallies.ts';
import type { Service } from './service.ts';

export { MAX_SHEET_BYTES } from '../core/protocol/sheet.ts';

/** Who acts while a file has no operator yet: the technical team setting it up. */
export const SETUP_ACTOR: Actor = { name: 'Tổ kỹ thuật', role: 'admin' };

const fromResult = <T>(result: Result<T, readonly Refusal[]>): Reply<T> =>
  result.ok ? answered(result.value) : refusedWith(result.error);

/** The call's own input schema, for the calls the Service does not parse itself. */
function inputOf<K extends CallKind>(
  kind: K,
  name: string,
  input: unknown,
): Result<unknown, Refusal[]> {
  const schema = (CALLS[kind] as Record<string, ZodType>)[name];
  const parsed = schema!.safeParse(input, { reportInput: true });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: zodRefusals(parsed.error, []) };
}

export class Api {
  private readonly sessions = new Map<string, Actor>();
  private readonly intake = new ScanIntake();

  constructor(
    readonly workspace: Workspace,
    /** The offline guard's verdict, where the host runs one (db/offline-guard.ts). */
    private readonly internet: () => WhoAmI['internet'] = () => null,
  ) {
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

  /** Whatever arrived from a station, answered; `session` is the transport's own, if any. */
  async handle(raw: unknown, session?: string, station = 'local'): Promise<Reply<unknown>> {
    const call = parseCall(raw);
    if (!call.ok) return refusedWith(call.error);
    return this.answer({ ...call.value, session: call.value.session ?? session }, station);
  }

  /** A checked call answered; anything thrown becomes an `unavailable` reply. */
  async answer(call: Omit<CallMessage, 'id'>, station = 'local'): Promise<Reply<unknown>> {
    try {
      return await this.dispatch(call, station);
    } catch (e) {
      process.emitWarning(`kiem-phieu: ${call.kind} ${call.name} failed: ${String(e)}`);
      return replyFromThrown(e);
    }
  }

  /** `station`: where the call came from (an address, or `local`), to throttle PIN guesses. */
  private async dispatch(
    { kind, name, input, session }: Omit<CallMessage, 'id'>,
    station: string,
  ): Promise<Reply<unknown>> {
    switch (kind) {
      case 'whoami':
        return answered({
          actor: this.actorFor(session),
          file: this.workspace.info(),
          internet: this.internet(),
        } satisfies WhoAmI);
      case 'logout':
        if (session !== undefined) this.sessions.delete(session);
        return answered(null);
      case 'file': {
        const guard = this.fileGuard(name, session);
        return guard ?? this.file(name, input);
      }
      case 'sheet':
        return previewSheet(input);
      case 'photo':
        return previewPhoto(input);
      default:
        break;
    }
    const service = this.workspace.service;
    if (service === null) return refusedWith([{ code: 'no-file', path: '' }]);
    switch (kind) {
      case 'login': {
        const checked = inputOf('login', name, input);
        if (!checked.ok) return refusedWith(checked.error);
        const { name: who, pin } = checked.value as { name: string; pin: string };
        const actor = await service.login(who, pin, station);
        if (!actor.ok) return refusedWith(actor.error);
        const id = randomBytes(18).toString('base64url');
        this.sessions.set(id, actor.value);
        return answered({ session: id, actor: actor.value });
      }
      case 'query':
        return fromResult(service.query(name as keyof typeof CALLS.query, input));
      case 'command': {
        const actor = this.actorFor(session);
        if (actor === null) return refusedWith([{ code: 'login-required', path: '' }]);
        // A committee member's PIN, typed on this station, is checked off the event loop first.
        if (name === 'confirmResult')
          return fromResult(await service.confirmResult(input, actor, station));
        return fromResult(service.execute(name as keyof typeof CALLS.command, input, actor));
      }
      case 'scan': {
        const actor = this.actorFor(session);
        if (actor === null) return refusedWith([{ code: 'login-required', path: '' }]);
        return this.scan(service, actor, name, input);
      }
      case 'document': {
        const checked = inputOf('document', name, input);
        if (!checked.ok) return refusedWith(checked.error);
        const made = await makeDocument(
          service,
          name as DocumentKind,
          checked.value as Parameters<typeof makeDocument>[2],
        );
        if (!made.ok) return refusedWith(made.error);
        const { bytes, ...rest } = made.value;
        return answered({ ...rest, base64: Buffer.from(bytes).toString('base64') });
      }
      default:
        return refusedWith([
          { code: 'enum', value: kind, allowed: Object.keys(CALLS), path: 'kind' },
        ]);
    }
  }

  /**
   * Once the open file has operators, leaving it (close, open, create another) is an
   * administrator's act and a copy needs a login: a station token alone must not swap the file
   * for a new one where its holder would be the first admin.
   */
  private fileGuard(name: string, session: string | undefined): Reply<never> | null {
    if (name === 'current' || name === 'recent') return null;
    const operators = this.workspace.service?.query('operators');
    if (!operators?.ok || operators.value.length === 0) return null;
    const actor = this.actorFor(session);
    if (actor === null) return refusedWith([{ code: 'login-required', path: '' }]);
    if (name !== 'backupTo' && actor.role !== 'admin')
      return refusedWith([{ code: 'forbidden', role: actor.role, needed: ['admin'], path: '' }]);
    return null;
  }

  /** Scanning: the files are read where the congress file is, on the host's own disk. */
  private async scan(
    service: Service,
    actor: Actor,
    name: string,
    input: unknown,
  ): Promise<Reply<unknown>> {
    const checked = inputOf('scan', name, input);
    if (!checked.ok) return refusedWith(checked.error);
    const value = checked.value as {
      electionId: number;
      batchId?: number;
      readingId?: number;
      paths: string[];
      folder: string;
      scanId: number;
      side: number;
    };
    switch (name) {
      case 'progress':
        return answered(this.intake.progress());
      case 'files':
        return fromResult(await this.intake.scan(service, actor, value));
      case 'test':
        return fromResult(await this.intake.test(service, value));
      case 'folder':
        return fromResult(await this.intake.scanFolder(service, actor, value));
      case 'image': {
        const election = service.query('election', { electionId: value.electionId });
        if (!election.ok) return refusedWith(election.error);
        // One sheet and the ballot's setup, not every sheet and every ballot: a confirming station
        // asks for a sheet a second or two.
        const found = store.scan(service.db, value.scanId);
        if (found === undefined || found.electionId !== value.electionId)
          return refusedWith([
            { code: 'not-found', what: 'scan', id: String(value.scanId), path: 'scanId' },
          ]);
        const { issued, ...setup } = setupOf(service.db, value.electionId);
        const record: ElectionRecord = { ...setup, ballots: { issued, entered: [] } };
        return fromResult(await sheetImage(service.path, record, found, value.side));
      }
      default:
        return refusedWith([
          { code: 'enum', value: name, allowed: Object.keys(CALLS.scan), path: 'scan' },
        ]);
    }
  }

  private async file(name: string, input: unknown): Promise<Reply<unknown>> {
    const checked = inputOf('file', name, input);
    if (!checked.ok) return refusedWith(checked.error);
    const value = checked.value as { path: string; congress: unknown };
    switch (name) {
      case 'current':
        return answered(this.workspace.info());
      case 'recent':
        return answered(this.workspace.recent());
      case 'close':
        await this.workspace.close();
        return answered(null);
      case 'open':
        return fromResult(await this.workspace.open(value.path));
      case 'create':
        return fromResult(await this.workspace.create(value.path, value.congress));
      case 'practice': {
        const made = await createPractice(
          this.workspace,
          value.path,
          new Date().toISOString().slice(0, 10),
        );
        return fromResult(made);
      }
      case 'backupTo': {
        const service = this.workspace.service;
        if (service === null) return refusedWith([{ code: 'no-file', path: '' }]);
        const { folder } = checked.value as { folder: string };
        const copy = await backupTo(service.db, service.path, folder, new Date().toISOString());
        if (!copy.ok) return refusedWith(copy.error);
        const { path, bytes, verification } = copy.value;
        return answered({
          path,
          bytes,
          rowsCompared: verification.rowsCompared,
          head: verification.head,
        });
      }
      default:
        return refusedWith([
          { code: 'enum', value: name, allowed: Object.keys(CALLS.file), path: 'file' },
        ]);
    }
  }
}

/** A candidate's picture made into the small JPEG the file keeps; nothing is stored. */
async function previewPhoto(input: unknown): Promise<Reply<unknown>> {
  const checked = inputOf('photo', '', input);
  if (!checked.ok) return refusedWith(checked.error);
  const { fileName, base64 } = checked.value as { fileName: string; base64: string };
  const photo = await preparePhoto(fileName, new Uint8Array(Buffer.from(base64, 'base64')));
  if (photo.ok) return answered(photo.value);
  // The message names the file itself.
  return refusedWith([{ code: 'photo', problem: photo.error, path: '' }]);
}

/** A delegates' or candidates' spreadsheet read for the preview screen; nothing is stored. */
async function previewSheet(input: unknown): Promise<Reply<unknown>> {
  const checked = inputOf('sheet', '', input);
  if (!checked.ok) return refusedWith(checked.error);
  const { fileName, base64, mapping, headerRow, leaveOut } = checked.value as {
    fileName: string;
    base64: string;
    mapping?: Parameters<typeof readPeopleSheetInWorker>[0]['mapping'];
    headerRow?: number;
    leaveOut?: number[];
  };
  // Off this thread, within time and memory limits: a hostile file never stalls the host.
  const sheet = await readPeopleSheetInWorker({
    bytes: new Uint8Array(Buffer.from(base64, 'base64')),
    fileName,
    ...(mapping === undefined ? {} : { mapping }),
    ...(headerRow === undefined ? {} : { headerRow }),
    ...(leaveOut === undefined ? {} : { leaveOut }),
  });
  if (sheet.ok) return answered(sheet.value);
  return refusedWith(sheet.error.map((problem) => ({ code: 'sheet', problem, path: 'fileName' })));
}
