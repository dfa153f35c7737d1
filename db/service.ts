/**
 * The Service: every command and query of core/api.ts over one congress file. A command is
 * validated (zod), runs in one immediate transaction with its audit row, then publishes a change
 * event. Refusals are values naming the field; nothing of a refused command is kept.
 */
import { commands, queries, type CommandName, type QueryName } from '../core/api.ts';
import { CHANGES } from '../core/protocol/changes.ts';
import { zodRefusals } from '../core/record.ts';
import type { Refusal } from '../core/refusal.ts';
import { err, ok, type Result } from '../core/result.ts';
import type { Actor, ChangeEvent, CommandOutputs, QueryOutputs } from '../core/views.ts';
import { appendAudit } from './audit.ts';
import { takeBackup } from './backup.ts';
import { ballotHandlers } from './commands/ballots.ts';
import { electionHandlers } from './commands/elections.ts';
import { importHandlers } from './commands/import.ts';
import { candidateDetailHandlers } from './commands/candidate-details.ts';
import { setupHandlers } from './commands/setup.ts';
import { scanHandlers } from './commands/scans.ts';
import { readingHandlers } from './commands/readings.ts';
import { mayRun, COMMAND_ROLES } from '../core/roles.ts';
import { openDatabase, type Db, type OpenOptions } from './connection.ts';
import * as store from './store.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Ctx, Handlers, Outcome } from './context.ts';
import { checkPinAsync, hashPin } from './pin.ts';
import { Throttle } from '../core/throttle.ts';
import { BALLOT_COMMANDS, toMinute, withClientKeyDigest } from './secret-ballot.ts';
import { queryHandlers } from './queries.ts';
import { Refused } from './refused.ts';
import { TallyCache } from './tallies.ts';

const handlers: Handlers<CommandName> = {
  ...setupHandlers,
  ...electionHandlers,
  ...ballotHandlers,
  ...importHandlers,
  ...candidateDetailHandlers,
  ...scanHandlers,
  ...readingHandlers,
};

export interface ServiceOptions extends OpenOptions {
  readonly clock?: Clock;
  /** Backups at open and at each close or finalize (off for tests that do not want them). */
  readonly backups?: boolean;
  readonly backupLimit?: number;
  /** How a new operator's PIN is stored (replay supplies the stored hash the log commits to). */
  readonly hashPin?: (pin: string) => string;
  /** A replay: commands that need a PIN run as the log recorded them (db/replay.ts). */
  readonly pinsTrusted?: boolean;
}

type Listener = (event: ChangeEvent) => void;

/** Wrong PINs: three free, then 2 s, 4 s, … up to 5 minutes per name and per station. */
const LOGIN_POLICY = {
  free: 3,
  firstWaitMs: 2_000,
  maxWaitMs: 5 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxKeys: 10_000,
};

/** A hash no PIN matches, checked when the name is no operator's (made once, when first needed). */
let unknownNameHash: string | null = null;
const unknownName = (): string => (unknownNameHash ??= hashPin('not-an-operator'));

export class Service {
  readonly db: Db;
  readonly path: string;
  private readonly clock: Clock;
  private readonly tallies: TallyCache;
  private readonly listeners = new Set<Listener>();
  private readonly backupsOn: boolean;
  private readonly backupLimit: number | undefined;
  private readonly hashPin: (pin: string) => string;
  private pending: Promise<unknown> = Promise.resolve();
  /** Long work on the file under way (a scan run), which closing waits for. */
  private readonly working = new Set<Promise<unknown>>();
  private closing = false;
  private readonly logins = new Throttle(LOGIN_POLICY);
  private readonly pinsTrusted: boolean;

  private constructor(db: Db, path: string, options: ServiceOptions) {
    this.db = db;
    this.path = path;
    this.clock = options.clock ?? systemClock;
    this.tallies = new TallyCache(db);
    this.backupsOn = (options.backups ?? true) && path !== ':memory:';
    this.backupLimit = options.backupLimit;
    this.hashPin = options.hashPin ?? hashPin;
    this.pinsTrusted = options.pinsTrusted ?? false;
  }

  /** Opens (or with `create`, creates) a congress file; takes the opening backup. */
  static open(path: string, options: ServiceOptions = {}): Service {
    const service = new Service(openDatabase(path, options), path, options);
    service.backup('open');
    return service;
  }

  execute<K extends CommandName>(
    name: K,
    input: unknown,
    actor: Actor,
    /** The operator whose PIN was just checked for this command (see `confirmResult`). */
    pinOf?: string,
  ): Result<CommandOutputs[K], Refusal[]> {
    if (!Object.hasOwn(commands, name)) {
      return err([
        { code: 'enum', value: String(name), allowed: Object.keys(commands), path: 'command' },
      ]);
    }
    // The roles each command needs are declared once, beside the commands (core/roles.ts).
    if (!mayRun(actor, name))
      return err([
        { code: 'forbidden', role: actor.role, needed: [...COMMAND_ROLES[name]], path: '' },
      ]);
    const parsed = commands[name].safeParse(input, { reportInput: true });
    if (!parsed.success) return err(zodRefusals(parsed.error, []));
    const handler = handlers[name] as (ctx: Ctx, input: unknown) => Outcome<CommandOutputs[K]>;
    // Secret ballot: a ballot's time is kept to the minute, and a station's key only as a digest.
    const at = BALLOT_COMMANDS.has(name) ? toMinute(this.clock()) : this.clock();
    const data =
      name === 'enterBallot' || name === 'enterReadingBallot'
        ? withClientKeyDigest(parsed.data)
        : parsed.data;
    let outcome: Outcome<CommandOutputs[K]>;
    let seq: number;
    try {
      [outcome, seq] = this.db
        .transaction((): [Outcome<CommandOutputs[K]>, number] => {
          const o = handler(
            {
              db: this.db,
              actor,
              at,
              tallies: this.tallies,
              hashPin: this.hashPin,
              pinsTrusted: this.pinsTrusted,
              ...(pinOf === undefined ? {} : { pinOf }),
            },
            data,
          );
          const row = appendAudit(this.db, {
            at,
            actor: `${actor.name} (${actor.role})`,
            command: name,
            payload: o.log ?? data,
          });
          return [o, row.seq];
        })
        .immediate();
    } catch (e) {
      if (e instanceof Refused) return err([...e.refusals]);
      throw e;
    }
    outcome.after?.();
    if (outcome.milestone !== undefined) this.backup(outcome.milestone);
    this.publish({
      seq,
      command: name,
      electionId: outcome.electionId ?? null,
      at,
      changes: CHANGES[name],
    });
    return ok(outcome.result);
  }

  query<K extends QueryName>(name: K, input: unknown = {}): Result<QueryOutputs[K], Refusal[]> {
    if (!Object.hasOwn(queries, name)) {
      return err([
        { code: 'enum', value: String(name), allowed: Object.keys(queries), path: 'query' },
      ]);
    }
    const parsed = queries[name].safeParse(input, { reportInput: true });
    if (!parsed.success) return err(zodRefusals(parsed.error, []));
    const handler = queryHandlers[name] as (
      ctx: { db: Db; tallies: TallyCache },
      input: unknown,
    ) => QueryOutputs[K];
    try {
      return ok(handler({ db: this.db, tallies: this.tallies }, parsed.data));
    } catch (e) {
      if (e instanceof Refused) return err([...e.refusals]);
      throw e;
    }
  }

  /**
   * An operator's session: name and PIN checked against the slow hash, off the event loop. After a
   * few wrong PINs for a name, or from a station, each further try waits longer; every refusal is
   * an audit event (the name tried and the station, never the PIN).
   */
  async login(name: string, pin: string, station = 'local'): Promise<Result<Actor, Refusal[]>> {
    const who = name.normalize('NFC').slice(0, 200);
    const now = Date.parse(this.clock());
    const keys = [`name:${who}`, `station:${station}`];
    const wait = Math.max(...keys.map((k) => this.logins.waitMs(k, now)));
    if (wait > 0) return err([{ code: 'throttled', seconds: Math.ceil(wait / 1000), path: 'pin' }]);
    const row = store.operatorByName(this.db, who);
    // A name that is no operator costs the same hash, so timing does not tell names apart.
    const matched = await checkPinAsync(pin, row?.pin_hash ?? unknownName());
    if (row === undefined || !matched) {
      for (const k of keys) this.logins.failed(k, now);
      this.db
        .transaction(() =>
          appendAudit(this.db, {
            at: this.clock(),
            actor: `${who} (?)`,
            command: 'loginRefused',
            payload: { name: who, station },
          }),
        )
        .immediate();
      return err([{ code: 'wrong-pin', path: 'pin' }]);
    }
    for (const k of keys) this.logins.succeeded(k);
    return ok({ name: row.name, role: row.role });
  }

  /**
   * The committee confirms a result: the member's name and PIN checked like a login (slow hash off
   * the event loop, the same throttle, a refused try in the log), then the command runs with the
   * name whose PIN matched. The PIN itself is never logged.
   */
  async confirmResult(
    input: unknown,
    actor: Actor,
    station = 'local',
  ): Promise<Result<CommandOutputs['confirmResult'], Refusal[]>> {
    const parsed = commands.confirmResult.safeParse(input, { reportInput: true });
    if (!parsed.success) return err(zodRefusals(parsed.error, []));
    if (!mayRun(actor, 'confirmResult'))
      return err([
        { code: 'forbidden', role: actor.role, needed: [...COMMAND_ROLES.confirmResult], path: '' },
      ]);
    const who = await this.login(parsed.data.name, parsed.data.pin, station);
    if (!who.ok) return who;
    return this.execute('confirmResult', parsed.data, actor, who.value.name);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every backup started so far is written. */
  async whenBackedUp(): Promise<void> {
    await this.pending;
  }

  /**
   * Long work on this file, such as a scan run reading sheets and then recording them: the file
   * stays open until it ends, so nothing it reads is lost to a closing hall. Once closing has
   * begun, no more starts: it is refused as if no file were open.
   */
  async whileOpen<T>(work: () => Promise<Result<T, Refusal[]>>): Promise<Result<T, Refusal[]>> {
    if (this.closing) return err([{ code: 'no-file', path: '' }]);
    const running = work();
    this.working.add(running);
    try {
      return await running;
    } finally {
      this.working.delete(running);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.working]);
    await this.whenBackedUp();
    this.db.close();
  }

  private publish(event: ChangeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's failure (a closed socket) must never undo or block a committed command.
      }
    }
  }

  private backup(reason: string): void {
    if (!this.backupsOn) return;
    const at = this.clock();
    this.pending = this.pending
      .then(() =>
        takeBackup(this.db, this.path, {
          reason,
          at,
          ...(this.backupLimit === undefined ? {} : { limit: this.backupLimit }),
        }),
      )
      .catch((e: unknown) => process.emitWarning(`backup failed: ${String(e)}`));
  }
}

/** The actor of the command line: a trusted local tool, named in the log as such. */
export const CLI_ACTOR: Actor = { name: 'kiem-phieu CLI', role: 'system' };
