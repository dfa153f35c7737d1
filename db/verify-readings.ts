/**
 * "The minutes come only from agreed stacks": for every stack read more than once (or read at
 * all), the ballots it gave the election, as first entered and in number order, must be the
 * ballots its readings agreed on, or the committee ruled (core/readings/compare.ts, recomputed
 * here from the readings' own rows); and an election that needs several readings has no ballot
 * outside a settled stack. The replay proves each row is what the log says; this proves the log's
 * ballots are what the readings say.
 */
import type { Ballot } from '../core/ballot.ts';
import { ballotKey, compareReadings, countedBallots } from '../core/readings/compare.ts';
import { isSettled } from '../core/readings/stack.ts';
import type { FileProblem } from '../core/verification.ts';
import { comparedReadings, resolutionsOf } from './commands/readings.ts';
import type { Db } from './connection.ts';
import * as rows from './store/reading-rows.ts';
import type { BallotRow } from './store.ts';
import { enteredOf } from './tallies.ts';

/** A ballot as first entered, in the form readings keep (its number left out). */
function firstEntered(row: BallotRow): Ballot {
  const { n: _n, ...ballot } = enteredOf(row);
  return ballot as Ballot;
}

export function checkReadings(db: Db): FileProblem[] {
  const problems: FileProblem[] = [];
  const elections = db.prepare('SELECT id, code, readings FROM election ORDER BY id').all() as {
    id: number;
    code: string;
    readings: number;
  }[];
  for (const e of elections) {
    const stacks = new Map(rows.stacks(db, e.id).map((s) => [s.batch_id, s]));
    const batches = db
      .prepare('SELECT id, label FROM batch WHERE election_id = ? ORDER BY id')
      .all(e.id) as { id: number; label: string }[];
    const entered = (batchId: number | null): BallotRow[] =>
      db
        .prepare(
          `SELECT * FROM ballot WHERE election_id = ? AND batch_id IS ? AND version = 1 ORDER BY n`,
        )
        .all(e.id, batchId) as BallotRow[];
    const problem = (
      stack: string | null,
      what: Pick<Extract<FileProblem, { kind: 'readings-mismatch' }>, 'problem'> &
        Partial<{ counted: number; agreed: number; n: number; position: number }>,
    ): void => {
      problems.push({
        kind: 'readings-mismatch',
        election: e.code,
        stack,
        problem: what.problem,
        counted: what.counted ?? 0,
        agreed: what.agreed ?? 0,
        n: what.n ?? null,
        position: what.position ?? null,
      });
    };
    const loose = entered(null).length;
    if (e.readings > 1 && loose > 0) problem(null, { problem: 'outside', counted: loose });
    for (const batch of batches) {
      const stack = stacks.get(batch.id);
      const have = entered(batch.id);
      if (stack === undefined || !isSettled(stack.status)) {
        if ((stack !== undefined || e.readings > 1) && have.length > 0)
          problem(batch.label, { problem: 'unsettled', counted: have.length });
        continue;
      }
      const comparison = compareReadings(comparedReadings(db, batch.id));
      const counted = comparison.ok
        ? countedBallots(comparison.value, resolutionsOf(db, batch.id))
        : comparison;
      if (!counted.ok) {
        problem(batch.label, { problem: 'unreadable' });
        continue;
      }
      const want = counted.value;
      if (want.length !== have.length) {
        problem(batch.label, { problem: 'count', agreed: want.length, counted: have.length });
        continue;
      }
      const at = want.findIndex((b, i) => ballotKey(b) !== ballotKey(firstEntered(have[i]!)));
      if (at >= 0) problem(batch.label, { problem: 'ballot', n: have[at]!.n, position: at + 1 });
    }
  }
  return problems;
}
