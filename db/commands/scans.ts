/**
 * Scanned sheets: each recorded in feed order with its reading; a certain reading is a ballot at
 * once, like a keyboard entry; a doubtful one waits for a person, whose decision becomes the ballot
 * and is kept beside the reading with who decided.
 */
import { ballotOfReading, isDecidable, sheetFormProblem } from '../../core/scan/sheet-record.ts';
import { done, type Handlers } from '../context.ts';
import { refuse } from '../refused.ts';
import * as store from '../store.ts';
import { ballotLog, insertNewBallot, requireStatusFor, saved } from './ballots.ts';
import { requireSingleReading } from './readings.ts';

export const scanHandlers: Handlers<'recordScan' | 'decideScan'> = {
  recordScan(ctx, input) {
    const { electionId, sheet } = input;
    requireStatusFor(ctx, electionId, 'recordScan');
    requireSingleReading(ctx, electionId);
    const problem = sheetFormProblem(sheet);
    if (problem !== null) refuse({ code: 'bad-format' }, `sheet.${problem}`);
    if (sheet.status !== 'skipped' && store.scanned(ctx.db, electionId, sheet.sha256))
      refuse({ code: 'duplicate-scan', file: sheet.file, page: sheet.page }, 'sheet.sha256');
    const batchId = input.batchId ?? null;
    const layout = store.election(ctx.db, electionId).layout;
    const row =
      sheet.status === 'read'
        ? insertNewBallot(ctx, electionId, ballotOfReading(layout, sheet.lines!), {
            batchId,
            clientKey: null,
          })
        : null;
    const scanId = store.insertScan(ctx.db, {
      electionId,
      batchId,
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
