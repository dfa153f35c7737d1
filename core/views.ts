/** What the service's queries return: plain data, shared by every host and the renderer. */
import type { ScanStatus, ScanView } from './scan/sheet-record.ts';
import type {
  ReadingKind,
  ReadingState,
  StackCommandName,
  StackHead,
  StackStatus,
} from './readings/stack.ts';
import type { ElectionKind, Layout, RuleSet, CommitteeInvalidCode, InvalidCode } from './codes.ts';
import type { CongressDetails, QueryName } from './api.ts';
import type { ElectionStatus } from './refusal.ts';
import type { Warning } from './warnings.ts';
import type { ElectionResult } from './tally.ts';
import type { Ballot } from './ballot.ts';
import type { ElectionRecord } from './record.ts';

export type Role = 'admin' | 'operator' | 'committee';

export interface Actor {
  readonly name: string;
  readonly role: Role | 'system';
}

export type CongressView = CongressDetails | null;

export interface DelegateView {
  readonly id: number;
  readonly name: string;
  readonly unit: string | null;
  readonly position: string | null;
  readonly category: string | null;
  readonly status: 'official' | 'alternate';
  readonly attendance: 'unknown' | 'present' | 'absent';
  readonly attendanceAt: string | null;
}

export interface BaseView {
  readonly scope: 'congress' | 'election';
  readonly convened: number;
  readonly present: number | null;
  readonly exclusions: readonly { readonly category: string; readonly count: number }[];
  readonly override: { readonly base: number; readonly note: string } | null;
  /** convened − exclusions, before any override. */
  readonly computed: number;
}

export interface CommitteeMemberView {
  readonly name: string;
  readonly role: 'head' | 'member';
}

export interface CandidateView {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly ord: number;
}

export interface ElectionView {
  readonly id: number;
  readonly code: string;
  readonly title: string;
  readonly kind: ElectionKind;
  readonly layout: Layout;
  readonly seats: number;
  readonly round: number;
  readonly parentCode: string | null;
  readonly rules: RuleSet;
  readonly status: ElectionStatus;
  readonly suspendedNote: string | null;
  readonly issued: number | null;
  readonly candidates: readonly CandidateView[];
  /** Surplus and layout warnings, shown at setup before any ballot. */
  readonly listWarnings: readonly Warning[];
}

/** A ballot without its number: the one ballot type of core/ballot.ts. */
export type BallotBody = Ballot;

export interface BallotView {
  readonly n: number;
  readonly version: number;
  readonly body: BallotBody;
  readonly ruling: { readonly invalid: CommitteeInvalidCode; readonly note?: string } | null;
  readonly voided: boolean;
  readonly voidReason: string | null;
  readonly change: 'enter' | 'correct' | 'void' | 'rule' | 'import';
  readonly changeReason: string | null;
  readonly batchId: number | null;
  readonly enteredBy: string;
  readonly enteredAt: string;
  /** valid, or the invalid code it counts under (voided ballots count nowhere). */
  readonly status: 'valid' | InvalidCode | 'voided';
}

export interface BatchView {
  readonly id: number;
  readonly label: string;
  readonly declared: number;
  readonly entered: number;
  readonly closed: boolean;
  /** entered − declared: 0 when the stack reconciles. */
  readonly difference: number;
}

export interface ProgressView {
  readonly electionId: number;
  readonly status: ElectionStatus;
  readonly issued: number | null;
  readonly collected: number;
  readonly valid: number;
  readonly invalid: number;
  readonly voided: number;
  readonly lastN: number;
  readonly batches: readonly BatchView[];
}

export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly command: string;
  readonly payload: unknown;
  readonly hash: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly rows: number;
  readonly head: string;
  readonly firstBrokenSeq: number | null;
  readonly problem: string | null;
}

export interface ChangeEvent {
  readonly seq: number;
  readonly command: string;
  /** The election the command acted on; null: the congress (every election may show it). */
  readonly electionId: number | null;
  readonly at: string;
  /** The queries whose answers may have changed (core/protocol/changes.ts). */
  readonly changes: readonly QueryName[];
}

export interface EnterBallotOutput {
  readonly n: number;
  readonly version: number;
  readonly status: BallotView['status'];
}

export interface FollowUpOutput {
  readonly electionId: number;
  readonly code: string;
  readonly seats: number;
  readonly candidates: readonly string[];
}

export interface BatchCloseOutput {
  readonly declared: number;
  readonly entered: number;
  readonly difference: number;
}

/** What each command returns. */
export interface CommandOutputs {
  updateCongress: null;
  addOperator: { readonly id: number };
  importDelegates: { readonly count: number };
  removeDelegate: null;
  setAttendance: null;
  setAttendanceAll: { readonly count: number };
  setBase: BaseView;
  setCommittee: null;
  createElection: { readonly electionId: number; readonly code: string };
  setCandidates: null;
  reorderCandidates: null;
  setIssued: null;
  openElection: null;
  startCounting: null;
  openBatch: { readonly batchId: number };
  closeBatch: BatchCloseOutput;
  enterBallot: EnterBallotOutput;
  correctBallot: EnterBallotOutput;
  voidBallot: EnterBallotOutput;
  ruleBallot: EnterBallotOutput;
  closeElection: null;
  finalizeElection: null;
  reopenElection: null;
  suspendElection: null;
  resumeElection: null;
  importElection: { readonly electionId: number; readonly code: string; readonly ballots: number };
  setDisplay: DisplayView;
  setCandidateDetails: { readonly count: number };
  setCandidatePhoto: null;
  createFollowUp: FollowUpOutput;
  recordScan: RecordScanOutput;
  decideScan: DecideScanOutput;
  setReadings: null;
  startReading: StartReadingOutput;
  enterReadingBallot: ReadingBallotOutput;
  finishReading: StackStepOutput;
  abandonReading: StackStepOutput;
  resolveDifference: StackStepOutput;
  settleStack: StackStepOutput;
  confirmResult: ConfirmationView;
}

export interface StartReadingOutput {
  readonly readingId: number;
  /** Its number among the stack's readings (lần 1, 2, 3), from 1. */
  readonly number: number;
  /** The ballots it holds: 0 for a new reading, more when it resumes. */
  readonly ballots: number;
  readonly resumed: boolean;
}

export interface ReadingBallotOutput {
  readonly readingId: number;
  /** The ballot's place in the stack as this reading has it, from 1. */
  readonly position: number;
}

/** Where a stack stands after a command on its readings. */
export interface StackStepOutput {
  readonly batchId: number;
  readonly status: StackStatus;
  /** Positions where the readings differ (once compared). */
  readonly differences: readonly number[];
  /** The ballots that became the election's, once agreed or resolved. */
  readonly counted: number | null;
}

export interface ConfirmationView {
  readonly by: string;
  readonly at: string;
}

/** One reading of a stack as a screen lists it. */
export interface ReadingView {
  readonly id: number;
  readonly number: number;
  readonly kind: ReadingKind;
  readonly operator: string;
  readonly station: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly state: ReadingState;
  /** Ballots in it so far; for a scanner pass, its sheets that are or will be ballots (in review too). */
  readonly ballots: number;
  /** A scanner pass's sheets still waiting for a person's decision. */
  readonly undecided: number;
}

/** A committee member's ruling of one difference. */
export type RulingView = {
  readonly by: string;
  readonly at: string;
} & ({ readonly reading: number } | { readonly ballot: Ballot });

/**
 * A difference between the compared readings (abandoned ones left out): each reading's ballot at
 * the position (null: a gap), worded by core/readings/wording.ts `differenceText`.
 */
export interface DifferenceView {
  readonly position: number;
  readonly cells: readonly ({ readonly ballot: Ballot; readonly at: number } | null)[];
  /** The latest ruling (a later one replaces an earlier one); null while unruled. */
  readonly ruling: RulingView | null;
}

export interface StackView extends StackHead {
  readonly batchId: number;
  readonly closed: boolean;
  readonly required: number;
  readonly readings: readonly ReadingView[];
  readonly differences: readonly DifferenceView[];
  /**
   * While its readings are under way: ballots every reading has reached and read differently
   * (`differencesSoFar`), to look for in the paper; never ruled, and empty once compared.
   */
  readonly differencesSoFar: readonly DifferenceView[];
  /** The ballots the stack gave the election; null until agreed or resolved. */
  readonly counted: number | null;
  /** The commands the stack's state allows now (their guards run when one comes). */
  readonly allowed: readonly StackCommandName[];
}

export interface ReadingsView {
  readonly electionId: number;
  readonly required: number;
  /** Candidate codes in ballot order, to word a difference ("gạch 4, 12"). */
  readonly candidateOrder: readonly string[];
  readonly stacks: readonly StackView[];
  /** The latest confirmation, and whether nothing changed the result since. */
  readonly confirmation: (ConfirmationView & { readonly current: boolean }) | null;
  /** Whether finalize needs a confirmation (the file has a committee member who can log in). */
  readonly confirmationRequired: boolean;
}

/** A decision is the election's ballot, or, for a sheet of a scanner pass, that reading's. */
export type DecideScanOutput = EnterBallotOutput | { readonly n: null; readonly readingId: number };

export interface RecordScanOutput {
  readonly scanId: number;
  readonly status: ScanStatus;
  /** The ballot it became when read with certainty. */
  readonly n: number | null;
}

/** What each query returns. */
export interface QueryOutputs {
  congress: CongressView;
  delegates: readonly DelegateView[];
  base: BaseView | null;
  committee: readonly CommitteeMemberView[];
  operators: readonly { readonly id: number; readonly name: string; readonly role: Role }[];
  elections: readonly ElectionView[];
  election: ElectionView;
  ballots: readonly BallotView[];
  ballotHistory: readonly BallotView[];
  results: ElectionResult;
  progress: ProgressView;
  audit: readonly AuditEntryView[];
  verifyAudit: AuditVerification;
  exportRecord: ElectionRecord;
  display: DisplayView;
  scans: readonly ScanView[];
  readings: ReadingsView;
  candidateDetails: readonly CandidateDetailView[];
  candidatePhoto: { readonly base64: string };
}

/** A candidate as the introductions show it (giới thiệu ứng cử viên): null where not given. */
export interface CandidateDetailView {
  readonly code: string;
  /** The number on the ballot (ballot order). */
  readonly no: number;
  readonly name: string;
  readonly birthYear: number | null;
  readonly hometown: string | null;
  readonly position: string | null;
  readonly unit: string | null;
  readonly education: string | null;
  readonly biography: string | null;
  /**
   * A JPEG, PHOTO_LIMITS.height pixels high (core/candidate-details.ts), named by its SHA-256: the
   * bytes come from `candidatePhoto`, once, so a list re-read does not carry every picture again.
   */
  readonly photo: {
    readonly width: number;
    readonly height: number;
    readonly sha256: string;
  } | null;
}

export interface DisplayView {
  readonly electionId: number | null;
  readonly showFigures: boolean;
}
