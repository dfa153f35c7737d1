/**
 * Which views a change touches. A change event names its election (or none: the congress) and the
 * queries whose answers may have changed (core/protocol/changes.ts). A view re-reads when its query
 * is among them and the change is about its election, or about none; the audit log, which every
 * command extends, re-reads on every change. A reconnection or another file touches everything.
 */
export interface Change {
  /** Bumped for every change, so that two changes about the same election still differ. */
  readonly seq: number;
  readonly electionId: number | null;
  /** The queries the change may have altered; null: all of them. */
  readonly queries: readonly string[] | null;
}

export const NO_CHANGE: Change = { seq: 0, electionId: null, queries: null };

const EVERY_CHANGE: ReadonlySet<string> = new Set(['audit', 'verifyAudit']);

export const touches = (
  change: Change,
  query: string,
  viewElectionId: number | undefined,
): boolean =>
  (change.queries === null || change.queries.includes(query) || EVERY_CHANGE.has(query)) &&
  (change.electionId === null ||
    viewElectionId === undefined ||
    change.electionId === viewElectionId);

/** Whether the list of elections or the file's details (the top bar, the pickers) must be re-read. */
export const touchesShell = (change: Change): boolean =>
  change.queries === null ||
  change.queries.includes('elections') ||
  change.queries.includes('congress');
