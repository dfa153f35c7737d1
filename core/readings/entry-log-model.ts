/**
 * What the entry log (nhật ký nhập phiếu) of one election says, as plain data: per stack the
 * declared count, each reading (who, on which station, when it started and ended), the
 * differences and how each was ruled, and the ballots that count by reason. The host fills it from
 * the congress file; `core/documents/entry-log.ts` lays it out.
 *
 * Times are per stack and per reading, never per ballot: nothing here can be matched against the
 * order in which delegates voted.
 */
import type { Ballot } from '../ballot.ts';
import type { Classification } from '../classify.ts';
import type { InvalidCode } from '../codes.ts';
import type { ElectionRecord } from '../record.ts';
import { err, ok, type Result } from '../result.ts';
import { compareReadings, countedBallots, type Column, type Resolution } from './compare.ts';
import type { ReadingRefusal } from './refusal.ts';
import {
  isSettled,
  type ReadingKind,
  type RequiredReadings,
  type StackHead,
  type StackStatus,
} from './stack.ts';

export interface EntryLogReading {
  readonly kind: ReadingKind;
  /** The operator's name; for a scanner pass, whoever fed it. */
  readonly operator: string;
  /** The station's name as the congress file knows it. */
  readonly station: string;
  /** ISO 8601 instants, as stored. */
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** How many ballots the reading holds. */
  readonly ballots: number;
  /** Stopped for good: kept in the log, never counted. */
  readonly abandoned: boolean;
}

/** How a committee member ruled a difference: a reading chosen, or the ballot entered anew. */
export type EntryLogRuling =
  | { readonly by: string; readonly reading: number }
  | { readonly by: string; readonly ballot: Ballot };

export interface EntryLogDifference {
  readonly column: Column;
  /** Null while no one has ruled it. */
  readonly ruling: EntryLogRuling | null;
}

/** The ballots a stack contributes, valid and invalid by reason. */
export interface StackCounts {
  readonly valid: number;
  readonly invalid: Readonly<Partial<Record<InvalidCode, number>>>;
}

export interface EntryLogStack extends StackHead {
  /** In the order they were started. */
  readonly readings: readonly EntryLogReading[];
  readonly differences: readonly EntryLogDifference[];
  /** Null while the stack does not count (its readings are not agreed or resolved). */
  readonly counts: StackCounts | null;
}

export interface EntryLogModel {
  /** The election: its congress and title for the header, its list, who signs. */
  readonly record: Pick<ElectionRecord, 'congress' | 'election' | 'candidates' | 'committee'>;
  readonly required: RequiredReadings;
  readonly stacks: readonly EntryLogStack[];
  /** The head of the congress file's audit chain, as paper carries it (`shortHash`). */
  readonly chainHead: string;
  /** The date printed (ISO); the congress date when absent. */
  readonly date?: string | undefined;
  /** The document number the secretariat gives, if any. */
  readonly number?: string | undefined;
  /** Minutes east of UTC in which times are printed: Vietnam, UTC+7 all year, by default. */
  readonly utcOffsetMinutes?: number;
}

/** The counts of a stack from its counted ballots' classifications (the tally's, one each). */
export function stackCounts(classifications: Iterable<Classification>): StackCounts {
  let valid = 0;
  const invalid: Partial<Record<InvalidCode, number>> = {};
  for (const c of classifications) {
    if (c.status === 'valid') valid++;
    else invalid[c.code] = (invalid[c.code] ?? 0) + 1;
  }
  return { valid, invalid };
}

export const invalidTotal = (counts: StackCounts): number =>
  Object.values(counts.invalid).reduce((sum: number, n) => sum + (n ?? 0), 0);

/**
 * A stack's part of the log from what the congress file keeps: its readings with their ballots,
 * the committee's rulings by position, and the tally's classification of a ballot. Readings are
 * compared once the stack is past reading; its ballots are counted once it is settled.
 */
export function entryLogStack(input: {
  readonly label: string;
  readonly declared: number;
  readonly status: StackStatus;
  readonly readings: readonly (Omit<EntryLogReading, 'ballots'> & {
    readonly ballots: readonly Ballot[];
  })[];
  readonly rulings: ReadonlyMap<number, EntryLogRuling>;
  readonly classify: (ballot: Ballot) => Classification;
}): Result<EntryLogStack, ReadingRefusal> {
  const { label, declared, status, readings, rulings, classify } = input;
  const logged = readings.map(({ ballots, ...r }) => ({ ...r, ballots: ballots.length }));
  if (status === 'open' || status === 'reading')
    return ok({ label, declared, status, readings: logged, differences: [], counts: null });
  const compared = compareReadings(readings.filter((r) => !r.abandoned).map((r) => r.ballots));
  if (!compared.ok) return compared;
  const differences = compared.value.differences.map((column) => ({
    column,
    ruling: rulings.get(column.position) ?? null,
  }));
  let counts: StackCounts | null = null;
  if (isSettled(status)) {
    const resolutions: Resolution[] = [...rulings].map(([position, r]) =>
      'ballot' in r ? { position, ballot: r.ballot } : { position, reading: r.reading },
    );
    const counted = countedBallots(compared.value, resolutions);
    if (!counted.ok) return err(counted.error);
    counts = stackCounts(counted.value.map(classify));
  }
  return ok({ label, declared, status, readings: logged, differences, counts });
}
