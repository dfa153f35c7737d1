/**
 * What each command changes, named by the queries whose answers it may change. A change event
 * carries this list and the election, so a station re-reads only what it shows and only for the
 * election it shows. The audit log changes with every command and is not listed.
 */
import type { CommandName, QueryName } from '../api.ts';
import type { ChangeEvent } from '../views.ts';
import type { FileInfo } from './calls.ts';

/** What a host tells its stations: a change in the open file, or another file opened (null: closed). */
export type HostEvent =
  | { readonly type: 'event'; readonly event: ChangeEvent }
  | { readonly type: 'file'; readonly file: FileInfo | null };

type View = Exclude<QueryName, 'audit' | 'verifyAudit'>;

const ELECTION: readonly View[] = ['elections', 'election', 'progress', 'results', 'exportRecord'];
const BALLOTS: readonly View[] = [
  'scans',
  'ballots',
  'ballotHistory',
  'progress',
  'results',
  'exportRecord',
];
const EVERY_ELECTION: readonly View[] = [...ELECTION, 'base'];

export const CHANGES: Readonly<Record<CommandName, readonly View[]>> = {
  updateCongress: ['congress', ...ELECTION],
  addOperator: ['operators'],
  importDelegates: ['delegates'],
  removeDelegate: ['delegates'],
  setAttendance: ['delegates'],
  setAttendanceAll: ['delegates'],
  setBase: EVERY_ELECTION,
  setCommittee: ['committee', 'exportRecord'],
  createElection: ELECTION,
  setCandidates: ELECTION,
  reorderCandidates: ELECTION,
  setIssued: ELECTION,
  openElection: ELECTION,
  startCounting: ELECTION,
  openBatch: ['progress', 'readings'],
  closeBatch: ['progress', 'readings'],
  enterBallot: BALLOTS,
  correctBallot: BALLOTS,
  voidBallot: BALLOTS,
  ruleBallot: BALLOTS,
  closeElection: ELECTION,
  finalizeElection: ELECTION,
  reopenElection: ELECTION,
  suspendElection: ELECTION,
  resumeElection: ELECTION,
  setDisplay: ['display'],
  setCandidateDetails: ['candidateDetails'],
  setCandidatePhoto: ['candidateDetails'],
  importElection: [...ELECTION, ...BALLOTS, 'base', 'committee'],
  createFollowUp: ELECTION,
  recordScan: [...BALLOTS, 'scans', 'readings'],
  decideScan: [...BALLOTS, 'scans', 'readings'],
  setReadings: [...ELECTION, 'readings'],
  startReading: ['readings', 'progress'],
  enterReadingBallot: ['readings', 'progress'],
  finishReading: ['readings', ...BALLOTS],
  abandonReading: ['readings'],
  resolveDifference: ['readings'],
  settleStack: ['readings', ...BALLOTS],
  confirmResult: ['readings', ...ELECTION],
};
