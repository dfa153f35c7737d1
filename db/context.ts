/** What a command handler gets, and what it gives back besides its result. */
import type { CommandName, ParsedCommand } from '../core/api.ts';
import type { Actor, CommandOutputs } from '../core/views.ts';
import type { Db } from './connection.ts';
import { refuse } from './refused.ts';
import type { TallyCache } from './tallies.ts';

export interface Ctx {
  readonly db: Db;
  readonly actor: Actor;
  readonly at: string;
  readonly tallies: TallyCache;
  /** How a PIN is stored (the Service's; a replay gives back the hash the log commits to). */
  readonly hashPin?: (pin: string) => string;
  /** The operator whose PIN the host has just checked for this command (`confirmResult`). */
  readonly pinOf?: string;
  /** A replay: the log records the PINs that were checked; none is typed again. */
  readonly pinsTrusted?: boolean;
}

export interface Outcome<T> {
  readonly result: T;
  /** What the audit log keeps of this command (default: the validated input). */
  readonly log?: unknown;
  readonly electionId?: number | null;
  /** Runs once the transaction has committed (the in-memory tally follows the file). */
  readonly after?: () => void;
  /** A milestone that takes a backup of the file. */
  readonly milestone?: string;
}

export type Handler<K extends CommandName> = (
  ctx: Ctx,
  input: ParsedCommand<K>,
) => Outcome<CommandOutputs[K]>;
export type Handlers<K extends CommandName> = { readonly [P in K]: Handler<P> };

export const done = <T>(result: T, extra: Omit<Outcome<T>, 'result'> = {}): Outcome<T> => ({
  result,
  ...extra,
});

export function requireRole(ctx: Ctx, roles: readonly Actor['role'][]): void {
  if (ctx.actor.role === 'system' || roles.includes(ctx.actor.role)) return;
  refuse({ code: 'forbidden', role: ctx.actor.role, needed: roles });
}
