/**
 * Independent readings of a stack (issue 12): each reading typed (or scanned, or confirmed) into
 * its own rows; when every reading the stack needs is finished they are compared in the same
 * transaction (core/readings/compare.ts); the committee rules each difference. Only when the stack
 * is agreed or resolved do its counted ballots become the election's, through `insertNewBallot`,
 * so the tally, the minutes, the exports and finalize see agreed or resolved stacks only. Every
 * move of a stack goes through its state machine (core/readings/stack.ts).
 */
import { checkBallot, type Ballot } from '../../core/ballot.ts';
import type { Classification } from '../../core/classify.ts';
import type { Layout } from '../../core/codes.ts';
import {
  entryLogStack,
  type EntryLogRuling,
  type EntryLogStack,
} from '../../core/readings/entry-log-model.ts';
import type { ReadingRefusal } from '../../core/readings/refusal.ts';
import { ok, type Result } from '../../core/result.ts';
import { canonicalJson } from '../../core/canonical-json.ts';
import {
  compareReadings,
  countedBallots,
  differencesSoFar,
  MAX_STACK_BALLOTS,
  type Comparison,
  type Resolution,
} from '../../core/readings/compare.ts';
import {
  allowedStackCommands,
  applyStackCommand,
  isSettled,
  readyToCompare,
  type StackCommand,
  type StackFacts,
} from '../../core/readings/stack.ts';
import type { DifferenceView, ReadingsView, StackStepOutput, StackView } from '../../core/views.ts';
import { done, type Ctx, type Handlers, type Outcome } from '../context.ts';
import { refuse, Refused } from '../refused.ts';
import * as store from '../store.ts';
import type { BatchRow } from '../store/reads.ts';
import * as rows from '../store/reading-rows.ts';
import type { ReadingRow, ResolutionRow, StackRow } from '../store/reading-rows.ts';
import {
  awaitsDecision,
  isPassBallot,
  sheetBallot,
  type ScanView,
} from '../../core/scan/sheet-record.ts';
import { insertNewBallot, requireStatusFor } from './ballots.ts';
import { requireAllowed } from './elections.ts';

type ReadingCommands =
  | 'setReadings'
  | 'startReading'
  | 'enterReadingBallot'
  | 'finishReading'
  | 'abandonReading'
  | 'resolveDifference'
  | 'settleStack'
  | 'confirmResult';

function batchOf(ctx: Ctx, batchId: number): BatchRow {
  const batch = store.batch(ctx.db, batchId);
  if (batch === undefined)
    refuse({ code: 'not-found', what: 'batch', id: String(batchId) }, 'batchId');
  return batch;
}

function readingOf(ctx: Ctx, readingId: number): ReadingRow & { stack: StackRow } {
  const found = rows.reading(ctx.db, readingId);
  const stack = found === undefined ? undefined : rows.stack(ctx.db, found.batch_id);
  if (found === undefined || stack === undefined)
    refuse({ code: 'not-found', what: 'reading', id: String(readingId) }, 'readingId');
  return { ...found, stack };
}

/** What the state machine knows of a stack, from its rows. */
function factsOf(ctx: Ctx, stack: StackRow): StackFacts {
  return {
    status: stack.status,
    required: stack.required,
    readings: rows.readings(ctx.db, stack.batch_id).map((r) => ({
      operator: r.operator,
      kind: r.kind,
      state: r.state,
    })),
    differences: stack.differences === null ? [] : (JSON.parse(stack.differences) as number[]),
    resolved: [...new Set(rows.resolutions(ctx.db, stack.batch_id).map((r) => r.position))],
  };
}

/** The stack after `command`, or the refusal naming its state (thrown: nothing is kept). */
function step(ctx: Ctx, stack: StackRow, command: StackCommand, path: string): StackFacts {
  const next = applyStackCommand(factsOf(ctx, stack), command);
  if (!next.ok) refuse(next.error, path);
  return next.value;
}

/** The stack's live readings (abandoned ones left out), each its ballots in stack order. */
export function comparedReadings(db: Ctx['db'], batchId: number): Ballot[][] {
  return rows
    .readings(db, batchId)
    .filter((r) => r.state !== 'abandoned')
    .map((r) => rows.readingBallots(db, r.id));
}

/** The committee's rulings, the latest per position, as `countedBallots` takes them. */
export function resolutionsOf(db: Ctx['db'], batchId: number): Resolution[] {
  const latest = new Map<number, Resolution>();
  for (const r of rows.resolutions(db, batchId))
    latest.set(
      r.position,
      r.reading === null
        ? { position: r.position, ballot: JSON.parse(r.ballot ?? 'null') as Ballot }
        : { position: r.position, reading: r.reading },
    );
  return [...latest.values()];
}

function compared(ctx: Ctx, batchId: number): Comparison {
  const comparison = compareReadings(comparedReadings(ctx.db, batchId));
  if (!comparison.ok) refuse(comparison.error, 'readingId');
  return comparison.value;
}

/** The settled stack's ballots become the election's, numbered next, in stack order. */
function count(ctx: Ctx, stack: StackRow, comparison: Comparison): number {
  const counted = countedBallots(comparison, resolutionsOf(ctx.db, stack.batch_id));
  if (!counted.ok) refuse(counted.error, 'batchId');
  for (const ballot of counted.value)
    insertNewBallot(ctx, stack.election_id, ballot, { batchId: stack.batch_id, clientKey: null });
  return counted.value.length;
}

function stepped(
  ctx: Ctx,
  stack: StackRow,
  facts: StackFacts,
  counted: number | null,
  log: unknown,
): Outcome<StackStepOutput> {
  return done(
    { batchId: stack.batch_id, status: facts.status, differences: facts.differences, counted },
    {
      electionId: stack.election_id,
      log,
      ...(counted === null ? {} : { after: () => ctx.tallies.invalidate(stack.election_id) }),
    },
  );
}

/** Only the reader (or an administrator) types into or ends a reading. */
function requireReader(ctx: Ctx, reading: ReadingRow): void {
  if (ctx.actor.role === 'admin' || ctx.actor.role === 'system') return;
  if (reading.operator !== ctx.actor.name)
    refuse(
      { code: 'not-your-reading', operator: reading.operator, reading: reading.ord },
      'readingId',
    );
}

/** The reading a reader's command acts on, once the election's status and the reader allow it. */
function readerCommand(
  ctx: Ctx,
  readingId: number,
  command: 'enterReadingBallot' | 'finishReading' | 'abandonReading',
): ReadingRow & { stack: StackRow } {
  const reading = readingOf(ctx, readingId);
  requireStatusFor(ctx, reading.stack.election_id, command);
  requireReader(ctx, reading);
  return reading;
}

/** The stack the committee acts on (a ruling, settling): one never read is still open. */
function committeeCommand(
  ctx: Ctx,
  batchId: number,
  command: 'resolveDifference' | 'settleStack',
): { batch: BatchRow; stack: StackRow } {
  const batch = batchOf(ctx, batchId);
  requireStatusFor(ctx, batch.election_id, command);
  const stack = rows.stack(ctx.db, batch.id);
  if (stack === undefined)
    refuse({ code: 'stack-status', status: 'open', allowed: ['differ'] }, 'batchId');
  return { batch, stack };
}

/** The scanner pass a sheet is recorded into: under way, of this election, fed by this station. */
export function requireScanReading(ctx: Ctx, electionId: number, readingId: number): ReadingRow {
  const reading = readingOf(ctx, readingId);
  if (reading.stack.election_id !== electionId || reading.kind !== 'scan')
    refuse({ code: 'not-found', what: 'reading', id: String(readingId) }, 'readingId');
  if (reading.state !== 'reading')
    refuse({ code: 'reading-not-open', reading: reading.ord }, 'readingId');
  requireReader(ctx, reading);
  return reading;
}

/**
 * A person deciding a doubtful sheet of a scanner pass reads that ballot for the scanner: they
 * must not be the operator of the stack's other reading, or the two would not be independent.
 */
export function requireIndependentReview(ctx: Ctx, scanReading: ReadingRow): void {
  const other = rows
    .readings(ctx.db, scanReading.batch_id)
    .find((r) => r.state !== 'abandoned' && r.kind !== 'scan' && r.operator === ctx.actor.name);
  if (other !== undefined)
    refuse({ code: 'same-operator', operator: ctx.actor.name, reading: other.ord }, 'scanId');
}

/**
 * Sheets of a scanner pass as its ballots, in feed order: each certain sheet as read, each decided
 * one as decided. Given only sheets no person has still to decide.
 */
const passBallots = (layout: Layout, sheets: readonly ScanView[]): Ballot[] =>
  sheets.filter(isPassBallot).map((s) => sheetBallot(layout, s));

/** The ballots of a finished scanner pass (no sheet of it waits for a person). */
function scanPassBallots(db: Ctx['db'], readingId: number): Ballot[] {
  const reading = rows.reading(db, readingId)!;
  const layout = store.election(db, rows.stack(db, reading.batch_id)!.election_id).layout;
  return passBallots(layout, store.readingScans(db, readingId));
}

/** A scanner pass ends when no sheet of it waits for a person; its sheets become its ballots. */
function closeScanPass(ctx: Ctx, reading: ReadingRow): void {
  const undecided = store.readingScans(ctx.db, reading.id).filter(awaitsDecision).length;
  if (undecided > 0) refuse({ code: 'scans-undecided', count: undecided }, 'readingId');
  const ballots = scanPassBallots(ctx.db, reading.id);
  if (ballots.length > MAX_STACK_BALLOTS)
    refuse(
      { code: 'stack-too-large', ballots: ballots.length, max: MAX_STACK_BALLOTS },
      'readingId',
    );
  ballots.forEach((ballot, i) =>
    rows.insertReadingBallot(ctx.db, {
      readingId: reading.id,
      position: i + 1,
      ballot,
      clientKey: null,
    }),
  );
}

const sameBody = (a: Ballot, stored: string): boolean =>
  canonicalJson(a) === canonicalJson(JSON.parse(stored));

/** The stack's ballots count once agreed or resolved (a stack never read: as the election says). */
export function requireStackSettled(ctx: Ctx, batchId: number): void {
  const stack = rows.stack(ctx.db, batchId);
  if (stack !== undefined && !isSettled(stack.status)) {
    const label = store.batch(ctx.db, batchId)?.label ?? String(batchId);
    refuse({ code: 'stacks-unsettled', stacks: [label] }, 'batchId');
  }
}

/** The election closes only when every stack's ballots count. */
export function requireStacksSettled(ctx: Ctx, electionId: number): void {
  const open = rows.unsettledStacks(ctx.db, electionId);
  if (open.length > 0) refuse({ code: 'stacks-unsettled', stacks: open }, 'electionId');
}

/** Ballots typed straight into the election only when it needs one reading per stack. */
export function requireSingleReading(ctx: Ctx, electionId: number): void {
  const required = rows.requiredReadings(ctx.db, electionId);
  if (required > 1) refuse({ code: 'readings-in-use', required }, 'electionId');
}

/** A re-vote or further round needs as many readings per stack as the election it follows. */
export function followReadings(ctx: Ctx, parentId: number, electionId: number): void {
  rows.setRequiredReadings(ctx.db, electionId, rows.requiredReadings(ctx.db, parentId));
}

/** Whether the latest confirmation stands: none is needed without a committee login. */
export function confirmationState(
  ctx: Pick<Ctx, 'db'>,
  electionId: number,
): { required: boolean; current: boolean } {
  const required = rows.hasCommitteeOperator(ctx.db);
  const last = rows.lastConfirmation(ctx.db, electionId);
  const current =
    last !== undefined && !rows.resultChangedSince(ctx.db, electionId, last.audit_seq);
  return { required, current };
}

/** Finalize needs the committee's confirmation after the last change to the result. */
export function requireConfirmed(ctx: Ctx, electionId: number): void {
  const { required, current } = confirmationState(ctx, electionId);
  if (!required || current) return;
  const changed = rows.lastConfirmation(ctx.db, electionId) !== undefined;
  refuse({ code: 'not-confirmed', changed }, 'electionId');
}

export const readingHandlers: Handlers<ReadingCommands> = {
  setReadings(ctx, input) {
    requireAllowed(ctx, input.electionId, 'setReadings');
    if (rows.countingBegun(ctx.db, input.electionId))
      refuse({ code: 'readings-fixed' }, 'readings');
    rows.setRequiredReadings(ctx.db, input.electionId, input.readings);
    return done(null, { electionId: input.electionId });
  },

  startReading(ctx, input) {
    const batch = batchOf(ctx, input.batchId);
    requireStatusFor(ctx, batch.election_id, 'startReading');
    const log = { electionId: batch.election_id, ...input };
    let stack = rows.stack(ctx.db, batch.id);
    // The same person starting the same kind again: the reading under way resumes.
    const mine = (stack === undefined ? [] : rows.readings(ctx.db, batch.id)).find(
      (r) => r.state === 'reading' && r.operator === ctx.actor.name && r.kind === input.kind,
    );
    if (mine !== undefined)
      return done(
        {
          readingId: mine.id,
          number: mine.ord,
          ballots: rows.readingBallotCount(ctx.db, mine.id),
          resumed: true,
        },
        { electionId: batch.election_id, log },
      );
    if (batch.closed === 1)
      refuse({ code: 'not-found', what: 'batch', id: String(batch.id) }, 'batchId');
    if (stack === undefined) {
      rows.insertStack(ctx.db, {
        batchId: batch.id,
        electionId: batch.election_id,
        required: rows.requiredReadings(ctx.db, batch.election_id),
      });
      stack = rows.stack(ctx.db, batch.id)!;
    }
    const facts = step(
      ctx,
      stack,
      { type: 'startReading', operator: ctx.actor.name, kind: input.kind },
      'batchId',
    );
    const number = facts.readings.length;
    const readingId = rows.insertReading(ctx.db, {
      batchId: batch.id,
      ord: number,
      kind: input.kind,
      operator: ctx.actor.name,
      station: input.station,
      at: ctx.at,
    });
    rows.moveStack(ctx.db, batch.id, { status: facts.status });
    return done(
      { readingId, number, ballots: 0, resumed: false },
      { electionId: batch.election_id, log },
    );
  },

  enterReadingBallot(ctx, input) {
    const reading = readerCommand(ctx, input.readingId, 'enterReadingBallot');
    const electionId = reading.stack.election_id;
    if (input.clientKey !== undefined) {
      // The same entry sent again (the station lost the answer): it is saved already; say so.
      const first = rows.readingBallotByKey(ctx.db, reading.id, input.clientKey);
      if (first !== undefined) {
        if (!sameBody(input.ballot, first.body))
          refuse({ code: 'client-key-conflict', n: first.position }, 'clientKey');
        return done(
          { readingId: reading.id, position: first.position },
          { electionId, log: { electionId, ...input, replayOf: first.position } },
        );
      }
    }
    if (reading.state !== 'reading')
      refuse({ code: 'reading-not-open', reading: reading.ord }, 'readingId');
    const position = rows.readingBallotCount(ctx.db, reading.id) + 1;
    if (position > MAX_STACK_BALLOTS)
      refuse({ code: 'stack-too-large', ballots: position, max: MAX_STACK_BALLOTS }, 'readingId');
    const problems = checkBallot(
      input.ballot,
      'ballot',
      ctx.tallies.ballotContext(electionId),
      position,
    );
    if (problems.length > 0) throw new Refused(problems);
    rows.insertReadingBallot(ctx.db, {
      readingId: reading.id,
      position,
      ballot: input.ballot,
      clientKey: input.clientKey ?? null,
    });
    return done({ readingId: reading.id, position }, { electionId, log: { electionId, ...input } });
  },

  finishReading(ctx, input) {
    const reading = readerCommand(ctx, input.readingId, 'finishReading');
    const { stack } = reading;
    let facts = step(ctx, stack, { type: 'finishReading', reading: reading.ord }, 'readingId');
    if (reading.kind === 'scan') closeScanPass(ctx, reading);
    rows.endReading(ctx.db, reading.id, 'finished', ctx.at);
    let counted: number | null = null;
    if (readyToCompare(facts)) {
      // Every reading the stack needs is in: compared now, in this transaction.
      const comparison = compared(ctx, stack.batch_id);
      const differences = comparison.differences.map((d) => d.position);
      const next = applyStackCommand(facts, { type: 'compare', differences });
      if (!next.ok) refuse(next.error, 'readingId');
      facts = next.value;
      rows.moveStack(ctx.db, stack.batch_id, {
        status: facts.status,
        differences,
        ...(isSettled(facts.status) ? { settledAt: ctx.at } : {}),
      });
      if (isSettled(facts.status)) counted = count(ctx, stack, comparison);
    } else rows.moveStack(ctx.db, stack.batch_id, { status: facts.status });
    return stepped(ctx, stack, facts, counted, { electionId: stack.election_id, ...input });
  },

  abandonReading(ctx, input) {
    const reading = readerCommand(ctx, input.readingId, 'abandonReading');
    const { stack } = reading;
    const facts = step(ctx, stack, { type: 'abandonReading', reading: reading.ord }, 'readingId');
    rows.endReading(ctx.db, reading.id, 'abandoned', ctx.at);
    rows.moveStack(ctx.db, stack.batch_id, { status: facts.status });
    return stepped(ctx, stack, facts, null, { electionId: stack.election_id, ...input });
  },

  resolveDifference(ctx, input) {
    const { batch, stack } = committeeCommand(ctx, input.batchId, 'resolveDifference');
    const facts = step(ctx, stack, { type: 'resolve', position: input.position }, 'position');
    const { choice } = input;
    if ('reading' in choice) {
      const live = comparedReadings(ctx.db, batch.id).length;
      if (choice.reading > live)
        refuse(
          { code: 'no-such-reading', reading: choice.reading, readings: live },
          'choice.reading',
        );
    } else {
      const problems = checkBallot(
        choice.ballot,
        'choice.ballot',
        ctx.tallies.ballotContext(batch.election_id),
      );
      if (problems.length > 0) throw new Refused(problems);
    }
    rows.insertResolution(ctx.db, {
      batchId: batch.id,
      position: input.position,
      reading: 'reading' in choice ? choice.reading : null,
      ballot: 'ballot' in choice ? choice.ballot : null,
      by: ctx.actor.name,
      at: ctx.at,
    });
    return stepped(ctx, stack, facts, null, { electionId: batch.election_id, ...input });
  },

  settleStack(ctx, input) {
    const { batch, stack } = committeeCommand(ctx, input.batchId, 'settleStack');
    const facts = step(ctx, stack, { type: 'close' }, 'batchId');
    rows.moveStack(ctx.db, batch.id, { status: facts.status, settledAt: ctx.at });
    const counted = count(ctx, stack, compared(ctx, batch.id));
    return stepped(ctx, stack, facts, counted, { electionId: batch.election_id, ...input });
  },

  confirmResult(ctx, input) {
    requireAllowed(ctx, input.electionId, 'confirmResult');
    // The host checked this name's PIN just now (db/service.ts `confirmResult`); a replay trusts the log.
    if (ctx.pinsTrusted !== true && ctx.pinOf !== input.name) refuse({ code: 'wrong-pin' }, 'pin');
    if (!rows.committeeOperator(ctx.db, input.name))
      refuse(
        {
          code: 'forbidden',
          role: store.operatorByName(ctx.db, input.name)?.role ?? 'operator',
          needed: ['committee'],
        },
        'name',
      );
    rows.insertConfirmation(ctx.db, {
      electionId: input.electionId,
      by: input.name,
      at: ctx.at,
      seq: rows.nextAuditSeq(ctx.db),
    });
    return done(
      { by: input.name, at: ctx.at },
      // The PIN is never kept.
      { electionId: input.electionId, log: { electionId: input.electionId, name: input.name } },
    );
  },
};

/** The `readings` query: every stack of the election with its readings, differences and rulings. */
export function readingsView(db: Ctx['db'], electionId: number): ReadingsView {
  const election = store.election(db, electionId);
  const stackRows = new Map(rows.stacks(db, electionId).map((s) => [s.batch_id, s]));
  const stacks = store.batches(db, electionId).map((batch): StackView => {
    const stack = stackRows.get(batch.id);
    const readings = stack === undefined ? [] : rows.readings(db, batch.id);
    const facts: StackFacts = {
      status: stack?.status ?? 'open',
      required: stack?.required ?? rows.requiredReadings(db, electionId),
      readings: [],
      differences: [],
      resolved: [],
    };
    let differences: DifferenceView[] = [];
    if (stack !== undefined && stack.differences !== null && stack.differences !== '[]') {
      const comparison = compareReadings(comparedReadings(db, batch.id));
      const latest = new Map<number, ResolutionRow>();
      for (const r of rows.resolutions(db, batch.id)) latest.set(r.position, r);
      if (comparison.ok)
        differences = comparison.value.differences.map((column) => {
          const r = latest.get(column.position);
          return {
            position: column.position,
            cells: column.cells,
            ruling:
              r === undefined
                ? null
                : r.reading === null
                  ? {
                      by: r.resolved_by,
                      at: r.resolved_at,
                      ballot: JSON.parse(r.ballot ?? 'null') as Ballot,
                    }
                  : { by: r.resolved_by, at: r.resolved_at, reading: r.reading },
          };
        });
    }
    // A scanner pass under way keeps no ballots yet: its sheets, read once for counts and comparison.
    const sheets = new Map(
      readings
        .filter((r) => r.kind === 'scan' && r.state === 'reading')
        .map((r) => [r.id, store.readingScans(db, r.id)]),
    );
    const live = readings.filter((r) => r.state !== 'abandoned');
    const soFar =
      stack?.status === 'reading' && live.length > 1
        ? differencesSoFar(live.map((r) => ballotsSoFar(db, r, sheets.get(r.id), election.layout)))
        : null;
    return {
      batchId: batch.id,
      label: batch.label,
      declared: batch.declared,
      closed: batch.closed === 1,
      status: facts.status,
      required: facts.required,
      readings: readings.map((r) => ({
        id: r.id,
        number: r.ord,
        kind: r.kind,
        operator: r.operator,
        station: r.station,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        state: r.state,
        ...passCounts(db, r, sheets.get(r.id)),
      })),
      differences,
      differencesSoFar:
        soFar?.ok === true
          ? soFar.value.map((d) => ({ position: d.position, cells: d.cells, ruling: null }))
          : [],
      counted:
        stack !== undefined && isSettled(stack.status) ? store.batchEntered(db, batch.id) : null,
      allowed: allowedStackCommands(facts),
    };
  });
  const last = rows.lastConfirmation(db, electionId);
  const state = confirmationState({ db }, electionId);
  return {
    electionId,
    required: rows.requiredReadings(db, electionId),
    candidateOrder: election.candidates.map((c) => c.code),
    stacks,
    confirmation:
      last === undefined
        ? null
        : { by: last.confirmed_by, at: last.confirmed_at, current: state.current },
    confirmationRequired: state.required,
  };
}

/**
 * A reading's ballots so far, in stack order. `sheets`: those of a scanner pass under way, which
 * has none stored yet; its sheets as read or decided, up to the first that waits for a person.
 */
function ballotsSoFar(
  db: Ctx['db'],
  r: ReadingRow,
  sheets: readonly ScanView[] | undefined,
  layout: Layout,
): Ballot[] {
  if (sheets === undefined) return rows.readingBallots(db, r.id);
  const waiting = sheets.findIndex(awaitsDecision);
  return passBallots(layout, waiting < 0 ? sheets : sheets.slice(0, waiting));
}

/** A reading's ballots so far; a scanner pass under way (its `sheets`) counts them, in review too. */
function passCounts(
  db: Ctx['db'],
  r: ReadingRow,
  sheets: readonly ScanView[] | undefined,
): { ballots: number; undecided: number } {
  if (sheets === undefined) return { ballots: rows.readingBallotCount(db, r.id), undecided: 0 };
  return {
    ballots: sheets.filter(isPassBallot).length,
    undecided: sheets.filter(awaitsDecision).length,
  };
}

/**
 * The entry log's stacks from the file (core/readings/entry-log-model.ts), each ballot classified
 * as the tally classifies it. Refused (never expected) when a settled stack's readings no longer
 * give its ballots.
 */
export function entryLogStacks(
  db: Ctx['db'],
  electionId: number,
  classify: (ballot: Ballot) => Classification,
): Result<EntryLogStack[], ReadingRefusal> {
  const stackRows = new Map(rows.stacks(db, electionId).map((s) => [s.batch_id, s]));
  const out: EntryLogStack[] = [];
  for (const batch of store.batches(db, electionId)) {
    const stack = stackRows.get(batch.id);
    const rulings = new Map<number, EntryLogRuling>();
    if (stack !== undefined)
      for (const r of rows.resolutions(db, batch.id))
        rulings.set(
          r.position,
          r.reading === null
            ? { by: r.resolved_by, ballot: JSON.parse(r.ballot ?? 'null') as Ballot }
            : { by: r.resolved_by, reading: r.reading },
        );
    const logged = entryLogStack({
      label: batch.label,
      declared: batch.declared,
      status: stack?.status ?? 'open',
      readings: (stack === undefined ? [] : rows.readings(db, batch.id)).map((r) => ({
        kind: r.kind,
        operator: r.operator,
        station: r.station,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        abandoned: r.state === 'abandoned',
        ballots: rows.readingBallots(db, r.id),
      })),
      rulings,
      classify,
    });
    if (!logged.ok) return logged;
    out.push(logged.value);
  }
  return ok(out);
}
