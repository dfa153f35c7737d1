/**
 * What the file keeps of a ballot's entry, so that nothing stored, logged or exported can link a
 * ballot to a voter: its time only to the minute, and a station's save key only as a digest (the
 * key a station makes carries that station's own sequence of entries).
 */
import { createHash } from 'node:crypto';
import type { CommandName } from '../core/api.ts';

/** Commands that write one ballot: their time (the audit row's and the ballot's) is the minute. */
export const BALLOT_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'enterBallot',
  'correctBallot',
  'voidBallot',
  'ruleBallot',
  'recordScan',
  'decideScan',
  'enterReadingBallot',
  // A stack's ballots become the election's when its readings agree or are settled.
  'finishReading',
  'settleStack',
]);

const ISO_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;

/** `2025-10-14T09:31:27.123Z` → `2025-10-14T09:31Z` (ISO 8601, minute precision); idempotent. */
export function toMinute(at: string): string {
  return ISO_MINUTE.test(at) ? `${at.slice(0, 16)}Z` : at;
}

const DIGEST = /^h[0-9a-f]{40}$/u;

/** The stored form of a station's save key: a digest, the same for the same key; idempotent. */
export function clientKeyDigest(key: string): string {
  if (DIGEST.test(key)) return key;
  return `h${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}`;
}

export function withClientKeyDigest<T>(input: T): T {
  const key = (input as { clientKey?: unknown }).clientKey;
  return typeof key === 'string' ? { ...input, clientKey: clientKeyDigest(key) } : input;
}
