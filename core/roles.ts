/**
 * The role each command needs, declared once beside the command table: the Service checks every
 * command against it before its handler runs. Typed by the table, so a new command without its
 * roles breaks the build.
 *
 * The administrator (the technical team) may do everything. Operators enter ballots and run the
 * election's day (open, count, close, finalize, as before roles were checked); the committee does
 * the same and alone (with the administrator) rules the differences between readings. Setting up
 * the congress is the administrator's. A result is confirmed with a committee member's PIN, typed
 * on whichever station is logged in: the PIN, not the station's login, says who confirms. The
 * command line acts as `system`, a trusted local tool, and is never refused for its role.
 */
import type { CommandName } from './api.ts';
import type { Actor, Role } from './views.ts';

const SETUP: readonly Role[] = ['admin'];
const EVERYONE: readonly Role[] = ['admin', 'operator', 'committee'];
const COMMITTEE: readonly Role[] = ['admin', 'committee'];

export const COMMAND_ROLES: Readonly<Record<CommandName, readonly Role[]>> = {
  updateCongress: SETUP,
  addOperator: SETUP,
  importDelegates: SETUP,
  removeDelegate: SETUP,
  setAttendance: EVERYONE,
  setAttendanceAll: EVERYONE,
  setBase: SETUP,
  setCommittee: SETUP,
  createElection: SETUP,
  setCandidates: SETUP,
  reorderCandidates: SETUP,
  setCandidateDetails: SETUP,
  setCandidatePhoto: SETUP,
  setReadings: SETUP,
  importElection: SETUP,
  createFollowUp: SETUP,
  setIssued: EVERYONE,
  openElection: EVERYONE,
  startCounting: EVERYONE,
  closeElection: EVERYONE,
  finalizeElection: EVERYONE,
  // Reopening a finalized result is checked again by its handler: an administrator's act.
  reopenElection: EVERYONE,
  suspendElection: EVERYONE,
  resumeElection: EVERYONE,
  setDisplay: EVERYONE,
  openBatch: EVERYONE,
  closeBatch: EVERYONE,
  enterBallot: EVERYONE,
  correctBallot: EVERYONE,
  voidBallot: EVERYONE,
  ruleBallot: EVERYONE,
  recordScan: EVERYONE,
  decideScan: EVERYONE,
  startReading: EVERYONE,
  enterReadingBallot: EVERYONE,
  finishReading: EVERYONE,
  abandonReading: EVERYONE,
  resolveDifference: COMMITTEE,
  settleStack: COMMITTEE,
  confirmResult: EVERYONE,
};

/** Whether `actor` may run `command` (the command line always may). */
export const mayRun = (actor: Actor, command: CommandName): boolean =>
  actor.role === 'system' || COMMAND_ROLES[command].includes(actor.role);
