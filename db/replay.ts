/**
 * Replaying the audit log: a fresh in-memory congress file, every logged command run again
 * through the same Service, with the logged input, actor and time. What it builds is what the log
 * says the file must hold; verify compares the two row by row (db/replay-compare.ts).
 *
 * Each command's audit payload is its validated input, except where a handler logs a derived
 * payload (`Outcome.log`); `inputOf` recovers the input from those. Replaying the recovered input
 * must write the very same payload again — the replayed audit row is compared with the logged one,
 * so a recovery that drifts from its handler shows as a difference, never as a silent pass.
 */
import { commands, type CommandName } from '../core/api.ts';
import { AUDIT_EVENTS } from '../core/audit-catalogue.ts';
import type { ReplayProblem } from '../core/verification.ts';
import type { Actor } from '../core/views.ts';
import { appendAudit, type AuditRow } from './audit.ts';
import { stmt, type Db } from './connection.ts';
import { pinCommitment } from './pin.ts';
import { Service } from './service.ts';
import type { BallotRow } from './store.ts';
import { enteredOf } from './tallies.ts';

export type { ReplayProblem } from '../core/verification.ts';

export interface Replay {
  /** The in-memory file the log builds; close it when done. */
  readonly db: Db;
  readonly rows: number;
  readonly problems: readonly ReplayProblem[];
  /** Audit rows adding an operator whose PIN hash in the file is not the one the log commits to. */
  readonly uncommitted: ReadonlySet<number>;
}

/** Stands in the replayed operator row when the file's PIN hash is not the one the log commits to. */
export const PIN_HASH_NOT_COMMITTED = '(mã PIN không khớp với cam kết trong nhật ký)';

const ROLES: readonly Actor['role'][] = ['admin', 'operator', 'committee', 'system'];

/** The log writes an actor as `Name (role)`. */
export function actorOf(text: string): Actor | null {
  const open = text.lastIndexOf(' (');
  if (open < 1 || !text.endsWith(')')) return null;
  const role = text.slice(open + 2, -1) as Actor['role'];
  if (!ROLES.includes(role)) return null;
  return { name: text.slice(0, open), role };
}

type Payload = Record<string, unknown>;
type LoggedBallot = Omit<BallotRow, 'id' | 'current'>;

/** The marks of a logged ballot version, as a station or a record sends them. */
function marksOf(b: LoggedBallot): unknown {
  const { n: _n, ...marks } = enteredOf({ ...b, id: 0, current: 1 });
  return marks;
}

const isObject = (v: unknown): v is Payload =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A ballot command's input, from the ballot version it logged; null when it logged none. */
function fromBallot(p: Payload, rest: (b: LoggedBallot) => Payload): Payload | null {
  if (!isObject(p.ballot)) return null;
  return { electionId: p.electionId, ...rest(p.ballot as unknown as LoggedBallot) };
}

/** The command's input, recovered from its logged payload; null when the payload cannot be one. */
function inputOf(command: CommandName, p: Payload, replayed: Db): unknown {
  switch (command) {
    case 'enterBallot': {
      if (typeof p.replayOf === 'number') {
        // A save sent again: the station sent the marks of the ballot it first saved.
        const first = stmt(
          replayed,
          'SELECT * FROM ballot WHERE election_id = ? AND n = ? AND version = 1',
        ).get(p.electionId, p.replayOf) as BallotRow | undefined;
        if (first === undefined) return null;
        return { electionId: p.electionId, clientKey: p.clientKey, ballot: marksOf(first) };
      }
      return fromBallot(p, (b) => ({
        ballot: marksOf(b),
        ...(b.batch_id === null ? {} : { batchId: b.batch_id }),
        ...(b.client_key === null ? {} : { clientKey: b.client_key }),
      }));
    }
    case 'correctBallot':
      return fromBallot(p, (b) => ({
        n: b.n,
        ballot: marksOf(b),
        ...(b.change_reason === null ? {} : { reason: b.change_reason }),
      }));
    case 'voidBallot':
      return fromBallot(p, (b) => ({ n: b.n, reason: b.void_reason }));
    case 'ruleBallot':
      return fromBallot(p, (b) => ({
        n: b.n,
        ruling:
          b.ruling_code === null
            ? null
            : {
                invalid: b.ruling_code,
                ...(b.ruling_note === null ? {} : { note: b.ruling_note }),
              },
      }));
    case 'reopenElection': {
      const { from: _from, ...input } = p;
      return input;
    }
    case 'addOperator':
      // The PIN is not in the log; the replay's hasher gives back the hash the log commits to.
      return { name: p.name, role: p.role, pin: '0000' };
    case 'importElection':
      return 'record' in p ? { record: p.record } : null;
    case 'recordScan': {
      // The ballot it became is logged beside the sheet: the sheet alone makes it again.
      const { ballot: _ballot, batchId, ...input } = p;
      return batchId === null ? input : { ...input, batchId };
    }
    case 'decideScan':
      return { electionId: p.electionId, scanId: p.scanId, ballot: p.decision };
    case 'startReading':
    case 'finishReading':
    case 'abandonReading':
    case 'resolveDifference':
    case 'settleStack':
    case 'enterReadingBallot': {
      // The election is logged beside the input, so the audit shows it; the handler finds it.
      const { electionId: _electionId, replayOf: _replayOf, ...input } = p;
      return input;
    }
    case 'confirmResult':
      // The PIN is not in the log: the replay trusts what was checked when it was confirmed.
      return { electionId: p.electionId, name: p.name, pin: '0000' };
    default:
      return p;
  }
}

/**
 * Replays `file`'s audit log into a new in-memory congress file. Rows whose command is not a
 * command of the catalogue are events that change no table (a refused login): they are appended
 * as they are, so the chains stay aligned; one the catalogue does not know is named.
 */
export function replayLog(file: Db): Replay {
  let now = '';
  let storedPinHash = PIN_HASH_NOT_COMMITTED;
  const service = Service.open(':memory:', {
    create: true,
    backups: false,
    clock: () => now,
    hashPin: () => storedPinHash,
    pinsTrusted: true,
  });
  const problems: ReplayProblem[] = [];
  const uncommitted = new Set<number>();
  const operatorHash = file.prepare('SELECT pin_hash FROM operator WHERE name = ?');
  const replayRow = (row: AuditRow): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      payload = null;
    }
    if (!Object.hasOwn(commands, row.command)) {
      // An event that changes no table (a refused login, the network going down), or a row
      // the app never writes; either way it stays in the replayed chain.
      if (!Object.hasOwn(AUDIT_EVENTS, row.command))
        problems.push({ kind: 'replay-unknown', seq: row.seq, command: row.command.slice(0, 60) });
      appendAudit(service.db, { at: row.at, actor: row.actor, command: row.command, payload });
      return;
    }
    const command = row.command as CommandName;
    const actor = actorOf(row.actor);
    if (actor === null) {
      problems.push({ kind: 'replay-actor', seq: row.seq, actor: row.actor });
      return;
    }
    const input = isObject(payload) ? inputOf(command, payload, service.db) : null;
    if (input === null) {
      problems.push({ kind: 'replay-payload', seq: row.seq, command });
      return;
    }
    if (command === 'addOperator' && isObject(payload)) {
      const stored = (operatorHash.get(payload.name) as { pin_hash: string } | undefined)?.pin_hash;
      const committed = stored !== undefined && pinCommitment(stored) === payload.pinCommitment;
      storedPinHash = committed ? stored : PIN_HASH_NOT_COMMITTED;
      if (!committed) uncommitted.add(row.seq);
    }
    now = row.at;
    const result = service.execute(command, input, actor);
    if (!result.ok) {
      problems.push({ kind: 'replay-refused', seq: row.seq, command, refusals: result.error });
    }
  };
  let rows = 0;
  for (const row of file
    .prepare('SELECT * FROM audit ORDER BY seq')
    .iterate() as Iterable<AuditRow>) {
    rows++;
    try {
      replayRow(row);
    } catch (e) {
      // A row no app could have written (nested too deep, contradicting the schema): a finding.
      problems.push({
        kind: 'replay-failed',
        seq: row.seq,
        command: row.command.slice(0, 60),
        detail: String((e as Error).message ?? e).slice(0, 200),
      });
    }
  }
  return { db: service.db, rows, problems, uncommitted };
}
