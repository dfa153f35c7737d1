/**
 * An election's lifecycle as one table: its statuses, the commands that move it from one status
 * to another, and the commands that need it in certain statuses. The Service checks every command
 * through it; the screens ask it what is allowed. A new status or command is one line here.
 *
 *   draft ──openElection──▶ open ──startCounting──▶ counting ──closeElection──▶ closed
 *     └────────────startCounting──────────────────▲    ▲                          │
 *                                                  │    └──reopenElection──────────┤
 *                                                  └──reopenElection (admin)── finalized ◀─finalizeElection
 *   any of draft, open, counting, closed ──suspendElection──▶ suspended ──resumeElection──▶ (as before)
 */
import type { RefusalDetail } from '../refusal.ts';
import { err, ok, type Result } from '../result.ts';

export const ELECTION_STATUSES = [
  'draft',
  'open',
  'counting',
  'closed',
  'finalized',
  'suspended',
] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];

/** The status a transition leads to; `previous`: the status before the suspension. */
type Target = ElectionStatus | 'previous';

interface Rule {
  readonly from: readonly ElectionStatus[];
  readonly to?: Target;
}

const BEFORE_LOCK = ['draft', 'open', 'counting', 'closed'] as const;

/** Every command that acts on one election: the statuses it needs and where it leads. */
export const ELECTION_RULES = {
  openElection: { from: ['draft'], to: 'open' },
  startCounting: { from: ['draft', 'open'], to: 'counting' },
  closeElection: { from: ['counting'], to: 'closed' },
  finalizeElection: { from: ['closed'], to: 'finalized' },
  reopenElection: { from: ['closed', 'finalized'], to: 'counting' },
  suspendElection: { from: BEFORE_LOCK, to: 'suspended' },
  resumeElection: { from: ['suspended'], to: 'previous' },
  setCandidates: { from: ['draft'] },
  reorderCandidates: { from: ['draft'] },
  setIssued: { from: BEFORE_LOCK },
  /** An election's own base (a conference): fixed once its result is. */
  setBase: { from: [...BEFORE_LOCK, 'suspended'] },
  /** Who signs is part of the election's record: fixed once its result is. */
  setCommittee: { from: [...BEFORE_LOCK, 'suspended'] },
  openBatch: { from: ['counting'] },
  closeBatch: { from: ['counting'] },
  enterBallot: { from: ['counting'] },
  correctBallot: { from: ['counting'] },
  voidBallot: { from: ['counting'] },
  ruleBallot: { from: ['counting'] },
  recordScan: { from: ['counting'] },
  decideScan: { from: ['counting'] },
  /** Before the first ballot or reading (the handler checks that in counting). */
  setReadings: { from: ['draft', 'open', 'counting'] },
  startReading: { from: ['counting'] },
  enterReadingBallot: { from: ['counting'] },
  finishReading: { from: ['counting'] },
  abandonReading: { from: ['counting'] },
  resolveDifference: { from: ['counting'] },
  settleStack: { from: ['counting'] },
  /** The committee confirms the closed count; finalize needs a confirmation after every change. */
  confirmResult: { from: ['closed'] },
  createFollowUp: { from: ['closed', 'finalized'] },
  /** The introductions' details: not the record, but fixed with the result like the rest. */
  setCandidateDetails: { from: [...BEFORE_LOCK, 'suspended'] },
  setCandidatePhoto: { from: [...BEFORE_LOCK, 'suspended'] },
} as const satisfies Record<string, Rule>;

export type ElectionCommand = keyof typeof ELECTION_RULES;

/** Whether `command` may act on an election in `status`. */
export const allows = (command: ElectionCommand, status: ElectionStatus): boolean =>
  (ELECTION_RULES[command].from as readonly ElectionStatus[]).includes(status);

/** The check the Service makes: the refusal names the status and what the command needs. */
export function checkStatus(
  command: ElectionCommand,
  status: ElectionStatus,
): Result<null, RefusalDetail> {
  return allows(command, status)
    ? ok(null)
    : err({ code: 'wrong-status', status, allowed: ELECTION_RULES[command].from });
}

/** Where `command` takes an election in `status` (the caller checked it is allowed). */
export function nextStatus(
  command: ElectionCommand,
  status: ElectionStatus,
  before: ElectionStatus | null,
): ElectionStatus {
  const rule: Rule = ELECTION_RULES[command];
  if (rule.to === undefined) return status;
  return rule.to === 'previous' ? (before ?? 'draft') : rule.to;
}

/** Counting is over: the figures may be read as a result (outcome, open seats, documents). */
export const isCountClosed = (status: ElectionStatus): boolean =>
  status === 'closed' || status === 'finalized';

/** The result is locked: nothing of the election changes without an administrator's reopening. */
export const isLocked = (status: ElectionStatus): boolean => status === 'finalized';

/** The commands a station may offer for an election in `status`, in table order. */
export const allowedCommands = (status: ElectionStatus): ElectionCommand[] =>
  (Object.keys(ELECTION_RULES) as ElectionCommand[]).filter((c) => allows(c, status));
