/**
 * The service's catalogue: every command and query with the zod schema of its input. The db
 * implements each entry; the HTTP/WebSocket routes, the IPC bridge and the renderer's typed
 * client are derived from this one table, so adding a command is one entry here and one handler.
 */
import { z } from 'zod';
import { CONGRESS_KINDS, ELECTION_KINDS, LAYOUTS, RULE_SETS } from './codes.ts';
import { cleanName, cleanText } from './names.ts';
import { ballotSchema, rulingSchema } from './ballot.ts';
import { exclusionsSchema, overrideSchema } from './record.ts';
import { PHOTO_LIMITS } from './candidate-details.ts';
import { scanSheetSchema } from './scan/sheet-record.ts';
import { READING_KINDS } from './readings/stack.ts';

// Typed text: control and bidi characters dropped (core/names.ts), so none reaches a terminal later.
const text = z.string().trim().min(1).max(2000).transform(cleanText);
const optionalText = z.string().trim().max(2000).transform(cleanText).optional();
const personName = z.string().trim().min(1).max(200).transform(cleanName);
const id = z.int().min(1);
const count = z.int().min(0).max(10_000_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

export const congressDetails = z.strictObject({
  name: text,
  organisation: text,
  kind: z.enum(CONGRESS_KINDS),
  rules: z.enum(RULE_SETS).default('party'),
  term: optionalText,
  place: optionalText,
  dateStart: isoDate.optional(),
  dateEnd: isoDate.optional(),
  /**
   * A practice congress (tập huấn): fixed when the file is made (db/practice.ts), never changed.
   * Omitted when updating: the file keeps what it is.
   */
  practice: z.boolean().optional(),
});
export type CongressDetails = z.output<typeof congressDetails>;

export const personInput = z.strictObject({
  name: personName,
  unit: optionalText,
  /** Chức vụ, as the delegates' list gives it. */
  position: optionalText,
  category: optionalText,
  status: z.enum(['official', 'alternate']).default('official'),
});

/** Short texts the hall reads on a slide: a line or two; the biography a short paragraph. */
const detailText = z.string().trim().min(1).max(200).transform(cleanText).optional();
export const candidateDetailInput = z.strictObject({
  name: personName,
  birthYear: z.int().min(1900).max(2100).optional(),
  hometown: detailText,
  position: detailText,
  unit: detailText,
  education: detailText,
  biography: z.string().trim().min(1).max(600).transform(cleanText).optional(),
});

export const baseInput = z.strictObject({
  /** Omitted: the congress's base. An election id: that election's own base (a conference). */
  electionId: id.optional(),
  convened: count,
  present: count.nullable().default(null),
  exclusions: exclusionsSchema,
  override: overrideSchema,
});

/** The one ballot schema (core/ballot.ts): parsed here, at the boundary, and nowhere again. */
export const ballotBody = ballotSchema;

export const commands = {
  updateCongress: congressDetails,
  addOperator: z.strictObject({
    name: personName,
    role: z.enum(['admin', 'operator', 'committee']),
    pin: z.string().regex(/^\d{4,12}$/u),
  }),
  importDelegates: z.strictObject({ people: z.array(personInput).min(1).max(20_000) }),
  /** While the congress's base is not locked (no election counted against it is finalized). */
  removeDelegate: z.strictObject({ delegateId: id }),
  setAttendance: z.strictObject({
    delegateId: id,
    attendance: z.enum(['present', 'absent', 'unknown']),
  }),
  /** Everyone's attendance at once (then the absent are marked one by one). */
  setAttendanceAll: z.strictObject({ attendance: z.enum(['present', 'absent', 'unknown']) }),
  setBase: baseInput,
  setCommittee: z.strictObject({
    /** Omitted: the congress's committee. An election id: that election's own (a conference). */
    electionId: id.optional(),
    members: z
      .array(z.strictObject({ name: personName, role: z.enum(['head', 'member']) }))
      .min(1)
      .max(50),
  }),
  createElection: z.strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,40}$/u)
      .optional(),
    title: text,
    kind: z.enum(ELECTION_KINDS),
    layout: z.enum(LAYOUTS),
    seats: z.int().min(1).max(10_000),
    candidates: z.array(personName).max(2_000).default([]),
    /** Candidates are put in ballot order unless the list is already in the order wanted. */
    order: z.enum(['ballot', 'as-given']).default('ballot'),
  }),
  setCandidates: z.strictObject({
    electionId: id,
    candidates: z.array(personName).min(1).max(2_000),
    order: z.enum(['ballot', 'as-given']).default('ballot'),
  }),
  reorderCandidates: z.strictObject({ electionId: id, order: z.array(z.string()).min(1) }),
  /** The introductions' text of each candidate (giới thiệu ứng cử viên), from the candidates' sheet. */
  setCandidateDetails: z.strictObject({
    electionId: id,
    details: z.array(candidateDetailInput).max(2_000),
  }),
  /** A candidate's photo, as the JPEG the `photo` call made of the picked picture; null removes it. */
  setCandidatePhoto: z.strictObject({
    electionId: id,
    name: personName,
    jpeg: z
      .string()
      .max(Math.ceil((PHOTO_LIMITS.storedBytes * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/u)
      .nullable(),
  }),
  setIssued: z.strictObject({ electionId: id, issued: count }),
  openElection: z.strictObject({ electionId: id }),
  startCounting: z.strictObject({ electionId: id }),
  openBatch: z.strictObject({
    electionId: id,
    declared: z.int().min(1).max(100_000),
    label: optionalText,
  }),
  closeBatch: z.strictObject({ batchId: id }),
  enterBallot: z.strictObject({
    electionId: id,
    ballot: ballotBody,
    batchId: id.optional(),
    /** The station's key for this entry: a retried save returns the ballot already saved. */
    clientKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/u)
      .optional(),
  }),
  correctBallot: z.strictObject({
    electionId: id,
    n: id,
    ballot: ballotBody,
    reason: optionalText,
  }),
  voidBallot: z.strictObject({ electionId: id, n: id, reason: text }),
  ruleBallot: z.strictObject({ electionId: id, n: id, ruling: rulingSchema.nullable() }),
  closeElection: z.strictObject({ electionId: id }),
  finalizeElection: z.strictObject({ electionId: id }),
  reopenElection: z.strictObject({ electionId: id, reason: text }),
  suspendElection: z.strictObject({ electionId: id, note: text }),
  resumeElection: z.strictObject({ electionId: id }),
  /** What the hall's projector shows, and whether the figures are released yet. */
  setDisplay: z.strictObject({ electionId: id.nullable(), showFigures: z.boolean() }),
  /** An election record (election-record.md) becomes an election with its ballots. */
  importElection: z.strictObject({ record: z.unknown() }),
  /**
   * A sheet the scanner fed, as the reader read it: a certain reading becomes a ballot at once; a
   * doubtful or rejected one waits for a person's decision. The image stays beside the file.
   */
  recordScan: z.strictObject({
    electionId: id,
    batchId: id.optional(),
    /** The scanner pass the sheet belongs to, when the election reads each stack more than once. */
    readingId: id.optional(),
    sheet: scanSheetSchema,
  }),
  /** A person's reading of a sheet in review (or of a rejected genuine ballot), from the paper. */
  decideScan: z.strictObject({ electionId: id, scanId: id, ballot: ballotBody }),
  /** How many independent readings each stack of the election needs (core/readings/stack.ts). */
  setReadings: z.strictObject({
    electionId: id,
    readings: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
  /**
   * A reading of a stack (a batch) begins, or resumes: the same person starting the same kind again
   * gets back the reading under way, with the ballots it holds.
   */
  startReading: z.strictObject({
    batchId: id,
    kind: z.enum(READING_KINDS),
    /** The station's name, as the entry log prints it. */
    station: z.string().trim().max(60).transform(cleanText).default(''),
  }),
  /** The next ballot of a reading, in stack order; the key makes a retried save harmless. */
  enterReadingBallot: z.strictObject({
    readingId: id,
    ballot: ballotBody,
    clientKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/u)
      .optional(),
  }),
  /** The reading is done: when every reading the stack needs is, they are compared at once. */
  finishReading: z.strictObject({ readingId: id }),
  /** The reading cannot go on (kept in the log, never counted): another may be started. */
  abandonReading: z.strictObject({ readingId: id }),
  /** A committee member rules one difference: a reading's ballot there, or the ballot anew. */
  resolveDifference: z.strictObject({
    batchId: id,
    position: id,
    choice: z.union([
      z.strictObject({ reading: z.int().min(1).max(3) }),
      z.strictObject({ ballot: ballotBody }),
    ]),
  }),
  /** Every difference ruled: the stack is resolved and its ballots count. */
  settleStack: z.strictObject({ batchId: id }),
  /** The counting committee confirms the result with a member's PIN (checked by the host). */
  confirmResult: z.strictObject({
    electionId: id,
    name: personName,
    pin: z.string().regex(/^\d{4,12}$/u),
  }),
  createFollowUp: z.strictObject({
    electionId: id,
    /** `revote`: among the tied group for the tied seats; `round`: a further round for open seats. */
    kind: z.enum(['revote', 'round']),
    title: text.optional(),
    addCandidates: z.array(personName).max(200).default([]),
  }),
} as const;

export const queries = {
  congress: z.strictObject({}),
  delegates: z.strictObject({}),
  base: z.strictObject({ electionId: id.optional() }),
  committee: z.strictObject({ electionId: id.optional() }),
  operators: z.strictObject({}),
  elections: z.strictObject({}),
  election: z.strictObject({ electionId: id }),
  ballots: z.strictObject({
    electionId: id,
    search: z.string().max(200).optional(),
    includeVoided: z.boolean().default(true),
  }),
  ballotHistory: z.strictObject({ electionId: id, n: id }),
  results: z.strictObject({ electionId: id, decimals: z.int().min(0).max(6).default(2) }),
  progress: z.strictObject({ electionId: id }),
  audit: z.strictObject({
    command: z.string().optional(),
    electionId: id.optional(),
    limit: z.int().min(1).max(10_000).default(500),
    beforeSeq: id.optional(),
  }),
  verifyAudit: z.strictObject({}),
  exportRecord: z.strictObject({ electionId: id }),
  display: z.strictObject({}),
  /** The election's candidates in ballot order with their introductions' details and photos. */
  candidateDetails: z.strictObject({ electionId: id }),
  /** A candidate's photo by its SHA-256 (as candidateDetails names it): never changes, so kept. */
  candidatePhoto: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/u) }),
  /**
   * The election's scanned sheets in feed order, or one scanner pass's: a confirming station
   * follows its stack without fetching every sheet of the election at each new one.
   */
  scans: z.strictObject({ electionId: id, readingId: id.optional() }),
  /** The stacks of an election with their readings, differences and rulings. */
  readings: z.strictObject({ electionId: id }),
} as const;

export type CommandName = keyof typeof commands;
export type QueryName = keyof typeof queries;
export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]>;
export type QueryInput<K extends QueryName> = z.input<(typeof queries)[K]>;
export type ParsedCommand<K extends CommandName> = z.output<(typeof commands)[K]>;
export type ParsedQuery<K extends QueryName> = z.output<(typeof queries)[K]>;
