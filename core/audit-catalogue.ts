/**
 * Every kind of audit event, declared once with how much it matters; what it is called is in the
 * one catalogue (core/messages, section `auditEvent`). Typed against the command table, so a new
 * command without an entry here, or without its name in both languages, breaks the build.
 */
import type { CommandName } from './api.ts';
import { messages, type Lang } from './messages/index.ts';

export type AuditLevel = 'info' | 'ballot' | 'important';

/** Rows the app writes by itself, changing no table: the offline guard (db/offline-guard.ts). */
export type SystemEventName = 'internetConnected' | 'internetDisconnected' | 'loginRefused';

export type AuditEventName = CommandName | SystemEventName;

export const AUDIT_EVENTS: Readonly<Record<AuditEventName, { readonly level: AuditLevel }>> = {
  updateCongress: { level: 'info' },
  addOperator: { level: 'important' },
  importDelegates: { level: 'info' },
  removeDelegate: { level: 'important' },
  setAttendance: { level: 'info' },
  setAttendanceAll: { level: 'info' },
  setBase: { level: 'important' },
  setCommittee: { level: 'info' },
  createElection: { level: 'info' },
  setCandidates: { level: 'info' },
  reorderCandidates: { level: 'info' },
  setIssued: { level: 'info' },
  openElection: { level: 'info' },
  startCounting: { level: 'important' },
  openBatch: { level: 'info' },
  closeBatch: { level: 'info' },
  enterBallot: { level: 'ballot' },
  correctBallot: { level: 'important' },
  voidBallot: { level: 'important' },
  ruleBallot: { level: 'important' },
  recordScan: { level: 'ballot' },
  decideScan: { level: 'ballot' },
  setReadings: { level: 'important' },
  startReading: { level: 'info' },
  enterReadingBallot: { level: 'ballot' },
  finishReading: { level: 'info' },
  abandonReading: { level: 'important' },
  resolveDifference: { level: 'important' },
  settleStack: { level: 'important' },
  confirmResult: { level: 'important' },
  closeElection: { level: 'important' },
  finalizeElection: { level: 'important' },
  reopenElection: { level: 'important' },
  suspendElection: { level: 'important' },
  resumeElection: { level: 'important' },
  setDisplay: { level: 'info' },
  setCandidateDetails: { level: 'info' },
  setCandidatePhoto: { level: 'info' },
  importElection: { level: 'important' },
  createFollowUp: { level: 'important' },
  loginRefused: { level: 'important' },
  internetConnected: { level: 'important' },
  internetDisconnected: { level: 'info' },
};

export const auditLabel = (command: string, lang: Lang): string =>
  Object.hasOwn(AUDIT_EVENTS, command)
    ? messages(lang).auditEvent[command as AuditEventName]
    : command;
