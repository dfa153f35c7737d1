/**
 * Scanned sheets: each recorded in feed order with its reading; a certain reading is a ballot at
 * once, like a keyboard entry; a doubtful one waits for a person, whose decision becomes the ballot
 * and is kept beside the reading with who decided. When the election reads each stack more than
 * once, a scanner pass is one of the readings: its sheets and decisions are that reading's, and
 * become its ballots when it is finished (db/commands/readings.ts).
 */
import { checkBallot } from '../../core/ballot.ts';
import { ballotOfReading, isDecidable, sheetFormProblem } from '../../core/scan/sheet-record.ts';
import { done, type Ctx, type Handlers } from '../context.ts';
import { refuse, Refused } from '../refused.ts';
import * as store from '../store.ts';
import * as rows from '../store/reading-rows.ts';
import { ballotLog, insertNewBallot, requireStatusFor, saved } from './ballots.ts';
import { requireIndependentReview, requireScanReading, requireSingleReading } from './readings.ts';

export const scanHandlers: Handlers<'recordScan' | 'decideScan'> = {
  recordScan(ctx, input) {
    const { electionId, sheet } = input;
    requireStatusFor(ctx, electionId, 'recordScan');
    const reading =
      input.readingId === undefined
        ? (requireSingleReading(ctx, electionId), null)
        : requireScanReading(ctx, electionId, input.readingId);
    const problem = sheetFormProblem(sheet);
    if (problem !== null) refuse({ code: 'bad-format' }, `sheet.${problem}`);
    if (sheet.status !== 'skipped' && store.scanned(ctx.db, electionId, sheet.sha256))
      refuse({ code: 'duplicate-scan', file: sheet.file, page: sheet.page }, 'sheet.sha256');
    const batchId = reading?.batch_id ?? input.batchId ?? null;
    const layout = store.election(ctx.db, electionId).layout;
    const row =
      sheet.status === 'read' && reading === null
        ? insertNewBallot(ctx, electionId, ballotOfReading(layout, sheet.lines!), {
            batchId,
            clientKey: null,
          })
        : null;
    const scanId = store.insertScan(ctx.db, {
      electionId,
      batchId,
      readingId: reading?.id ?? null,
      sheet,
      ballotN: row?.n ?? null,
      by: ctx.actor.name,
      at: ctx.at,
    });
    const result = { scanId, status: sheet.status, n: row?.n ?? null };
    if (row === null) return done(result, { electionId });
    const ballot = saved(ctx, electionId, null, row);
    return done(result, {
      electionId,
      log: { electionId, batchId, sheet, ballot: ballotLog(row) },
      ...(ballot.after ? { after: ballot.after } : {}),
    });
  },

  decideScan(ctx, input) {
    const { electionId, scanId } = input;
    requireStatusFor(ctx, electionId, 'decideScan');
    const sheet = store.scan(ctx.db, scanId);
    if (sheet === undefined || sheet.electionId !== electionId)
      refuse({ code: 'not-found', what: 'scan', id: String(scanId) }, 'scanId');
    if (!isDecidable(sheet))
      refuse(
        { code: 'scan-not-open', status: sheet.decision === null ? sheet.status : 'decided' },
        'scanId',
      );
    if (sheet.readingId !== null) return decideInReading(ctx, input, sheet.readingId);
    const row = insertNewBallot(ctx, electionId, input.ballot, {
      batchId: sheet.batchId,
      clientKey: null,
    });
    store.insertScanDecision(ctx.db, {
      scanId,
      ballotN: row.n,
      ballot: input.ballot,
      by: ctx.actor.name,
      at: ctx.at,
    });
    const ballot = saved(ctx, electionId, null, row);
    return done(ballot.result, {
      electionId,
      log: { electionId, scanId, decision: input.ballot, ballot: ballotLog(row) },
      ...(ballot.after ? { after: ballot.after } : {}),
    });
  },
};

/**
 * A decision on a sheet of a scanner pass is that reading's ballot: it waits, like the pass's
 * certain sheets, for the pass to finish and the stack's readings to be compared.
 */
function decideInReading(
  ctx: Ctx,
  input: { electionId: number; scanId: number; ballot: Parameters<typeof checkBallot>[0] },
  readingId: number,
) {
  const reading = rows.reading(ctx.db, readingId)!;
  if (reading.state !== 'reading')
    refuse({ code: 'reading-not-open', reading: reading.ord }, 'scanId');
  requireIndependentReview(ctx, reading);
  const problems = checkBallot(input.ballot, 'ballot', ctx.tallies.ballotContext(input.electionId));
  if (problems.length > 0) throw new Refused(problems);
  store.insertScanDecision(ctx.db, {
    scanId: input.scanId,
    ballotN: null,
    ballot: input.ballot,
    by: ctx.actor.name,
    at: ctx.at,
  });
  return done(
    { n: null, readingId },
    {
      electionId: input.electionId,
      log: {
        electionId: input.electionId,
        scanId: input.scanId,
        decision: input.ballot,
        readingId,
      },
    },
  );
}
