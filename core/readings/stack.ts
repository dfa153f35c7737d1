/**
 * The readings of one stack (tập phiếu) as a state machine: its states, the commands that move it,
 * and the states each command needs. The diagram and the same table in words are in `stack.md`
 * beside this file; a test reads both and checks they equal `STACK_RULES`, so they cannot drift.
 *
 *   open ──startReading──▶ reading ──compare (all agree)──▶ agreed
 *                          │  ▲ startReading, finishReading, abandonReading
 *                          └──compare (differences)──▶ differ ──close──▶ resolved
 *                                                      ▲ resolve ┘
 *
 * A stack needs 1, 2 or 3 independent readings (the election chooses). Only agreed and resolved
 * stacks count.
 */
import { assertNever, err, ok, type Result } from '../result.ts';
import type { ReadingRefusal } from './refusal.ts';

export const STACK_STATUSES = ['open', 'reading', 'differ', 'resolved', 'agreed'] as const;
export type StackStatus = (typeof STACK_STATUSES)[number];

/** A keyboard pass, a scanner pass, or an operator confirming the scanner's reading sheet by sheet. */
export const READING_KINDS = ['keyboard', 'scan', 'confirm'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

export const REQUIRED_READINGS = [1, 2, 3] as const;
export type RequiredReadings = (typeof REQUIRED_READINGS)[number];

/** Where a comparison leads: the table names a state for each outcome. */
export type CompareOutcome = 'agree' | 'differ';

interface Rule {
  readonly from: readonly StackStatus[];
  readonly to: StackStatus | Readonly<Record<CompareOutcome, StackStatus>>;
}

/** Every command on a stack's readings: the states it needs and where it leads. */
export const STACK_RULES = {
  /** A reading begins; another station may begin one while the first runs. */
  startReading: { from: ['open', 'reading'], to: 'reading' },
  finishReading: { from: ['reading'], to: 'reading' },
  /** A reading stopped for good (the operator cannot go on): kept for the log, never counted. */
  abandonReading: { from: ['reading'], to: 'reading' },
  /** Every reading finished: they are compared ballot by ballot. */
  compare: { from: ['reading'], to: { agree: 'agreed', differ: 'differ' } },
  /** A committee member rules one difference (a reading chosen, or the ballot entered anew). */
  resolve: { from: ['differ'], to: 'differ' },
  /** Every difference ruled: the stack's ballots count. */
  close: { from: ['differ'], to: 'resolved' },
} as const satisfies Record<string, Rule>;

export type StackCommandName = keyof typeof STACK_RULES;

/**
 * What names a stack and says where it stands: in the record, its recount, the entry log and the
 * stations' view alike.
 */
export interface StackHead {
  /** The stack's label as written on its slip ("3", "Tập 3"). */
  readonly label: string;
  /** The ballots counted by hand when the stack was made. */
  readonly declared: number;
  readonly status: StackStatus;
}

export type ReadingState = 'reading' | 'finished' | 'abandoned';

/** One reading of a stack as the machine needs it; its number is its place in the list, from 1. */
export interface ReadingFacts {
  /** Who read: an operator's id or name; for a scanner pass, whoever fed it. */
  readonly operator: string;
  readonly kind: ReadingKind;
  readonly state: ReadingState;
}

/** What the machine knows of a stack. The ballots are not here: `compare.ts` reads them. */
export interface StackFacts {
  readonly status: StackStatus;
  readonly required: RequiredReadings;
  /** In the order they were started. */
  readonly readings: readonly ReadingFacts[];
  /** Positions in the stack (from 1) where the readings differ, from the comparison. */
  readonly differences: readonly number[];
  /** Those of them a committee member has ruled. */
  readonly resolved: readonly number[];
}

export type StackCommand =
  | { readonly type: 'startReading'; readonly operator: string; readonly kind: ReadingKind }
  | { readonly type: 'finishReading'; readonly reading: number }
  | { readonly type: 'abandonReading'; readonly reading: number }
  /** `differences`: the positions `compareReadings` found (none: the readings agree). */
  | { readonly type: 'compare'; readonly differences: readonly number[] }
  | { readonly type: 'resolve'; readonly position: number }
  | { readonly type: 'close' };

/** A stack before its first reading. */
export const newStack = (required: RequiredReadings): StackFacts => ({
  status: 'open',
  required,
  readings: [],
  differences: [],
  resolved: [],
});

/** Whether `command` may act on a stack in `status` (the table alone, before the guards). */
export const stackAllows = (command: StackCommandName, status: StackStatus): boolean =>
  (STACK_RULES[command].from as readonly StackStatus[]).includes(status);

/** The stack's ballots count: its readings agree, or the committee has ruled every difference. */
export const isSettled = (status: StackStatus): boolean =>
  status === 'agreed' || status === 'resolved';

const live = (readings: readonly ReadingFacts[]): ReadingFacts[] =>
  readings.filter((r) => r.state !== 'abandoned');

/** Every reading the stack needs has been taken: the stack is ready to be compared. */
export const readyToCompare = (stack: StackFacts): boolean =>
  stack.status === 'reading' &&
  live(stack.readings).filter((r) => r.state === 'finished').length === stack.required &&
  live(stack.readings).length === stack.required;

/** Two readings are independent when one is the scanner's or their operators differ. */
function startGuard(stack: StackFacts, operator: string, kind: ReadingKind): ReadingRefusal | null {
  const readings = live(stack.readings);
  if (readings.length >= stack.required)
    return { code: 'readings-complete', required: stack.required };
  const scan = stack.readings.findIndex((r) => r.state !== 'abandoned' && r.kind === 'scan');
  if (kind === 'scan' && scan >= 0) return { code: 'second-scan', reading: scan + 1 };
  if (kind === 'confirm' && scan < 0) return { code: 'confirm-needs-scan' };
  if (kind === 'scan') return null;
  const same = stack.readings.findIndex(
    (r) => r.state !== 'abandoned' && r.kind !== 'scan' && r.operator === operator,
  );
  return same >= 0 ? { code: 'same-operator', operator, reading: same + 1 } : null;
}

function guard(stack: StackFacts, command: StackCommand): ReadingRefusal | null {
  switch (command.type) {
    case 'startReading':
      return startGuard(stack, command.operator, command.kind);
    case 'finishReading':
    case 'abandonReading':
      return stack.readings[command.reading - 1]?.state === 'reading'
        ? null
        : { code: 'reading-not-open', reading: command.reading };
    case 'compare': {
      if (readyToCompare(stack)) return null;
      const finished = live(stack.readings).filter((r) => r.state === 'finished').length;
      return { code: 'readings-unfinished', finished, required: stack.required };
    }
    case 'resolve':
      return stack.differences.includes(command.position)
        ? null
        : { code: 'not-a-difference', position: command.position };
    case 'close': {
      const open = stack.differences.filter((p) => !stack.resolved.includes(p));
      return open.length === 0 ? null : { code: 'differences-open', positions: open };
    }
    default:
      return assertNever(command);
  }
}

/**
 * Whether `command` may act on the stack, and the state it leads to. The state is checked first,
 * so a refusal from the table names the stack's state and the states the command needs.
 */
export function checkStackTransition(
  stack: StackFacts,
  command: StackCommand,
): Result<StackStatus, ReadingRefusal> {
  const rule: Rule = STACK_RULES[command.type];
  if (!stackAllows(command.type, stack.status))
    return err({ code: 'stack-status', status: stack.status, allowed: rule.from });
  const refused = guard(stack, command);
  if (refused !== null) return err(refused);
  if (typeof rule.to === 'string') return ok(rule.to);
  return ok(
    rule.to[command.type === 'compare' && command.differences.length > 0 ? 'differ' : 'agree'],
  );
}

const withReading = (
  readings: readonly ReadingFacts[],
  number: number,
  state: ReadingState,
): ReadingFacts[] => readings.map((r, i) => (i === number - 1 ? { ...r, state } : r));

/** The stack after `command`, or the refusal; the facts are never changed in place. */
export function applyStackCommand(
  stack: StackFacts,
  command: StackCommand,
): Result<StackFacts, ReadingRefusal> {
  const checked = checkStackTransition(stack, command);
  if (!checked.ok) return checked;
  const status = checked.value;
  switch (command.type) {
    case 'startReading':
      return ok({
        ...stack,
        status,
        readings: [
          ...stack.readings,
          { operator: command.operator, kind: command.kind, state: 'reading' },
        ],
      });
    case 'finishReading':
      return ok({
        ...stack,
        status,
        readings: withReading(stack.readings, command.reading, 'finished'),
      });
    case 'abandonReading':
      return ok({
        ...stack,
        status,
        readings: withReading(stack.readings, command.reading, 'abandoned'),
      });
    case 'compare':
      return ok({
        ...stack,
        status,
        differences: [...new Set(command.differences)].sort((a, b) => a - b),
        resolved: [],
      });
    case 'resolve':
      return ok({
        ...stack,
        status,
        resolved: stack.resolved.includes(command.position)
          ? stack.resolved
          : [...stack.resolved, command.position].sort((a, b) => a - b),
      });
    case 'close':
      return ok({ ...stack, status });
    default:
      return assertNever(command);
  }
}

/** The stack after each command in turn (a stored history replayed); the first refusal stops it. */
export function applyStackCommands(
  stack: StackFacts,
  commands: Iterable<StackCommand>,
): Result<StackFacts, ReadingRefusal> {
  let now = stack;
  for (const command of commands) {
    const next = applyStackCommand(now, command);
    if (!next.ok) return next;
    now = next.value;
  }
  return ok(now);
}

/** The commands the stack's state allows, in table order (their guards run when one comes). */
export function allowedStackCommands(stack: StackFacts): StackCommandName[] {
  return (Object.keys(STACK_RULES) as StackCommandName[]).filter((name) =>
    stackAllows(name, stack.status),
  );
}

/** Every transition of the table as `from → to : command`, in table order (for the diagram test). */
export function stackTransitions(): {
  from: StackStatus;
  to: StackStatus;
  command: StackCommandName;
}[] {
  const out: { from: StackStatus; to: StackStatus; command: StackCommandName }[] = [];
  for (const [command, rule] of Object.entries(STACK_RULES) as [StackCommandName, Rule][]) {
    const targets = typeof rule.to === 'string' ? [rule.to] : Object.values(rule.to);
    for (const from of rule.from) for (const to of targets) out.push({ from, to, command });
  }
  return out;
}
