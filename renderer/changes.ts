/**
 * Which views a change touches. A change event names its election (or none, for the congress, the
 * file or a reconnection); a view of one election reloads only for its own election's changes and
 * for those of no election, a view of no election for every change.
 */
export interface Change {
  /** Bumped for every change, so that two changes about the same election still differ. */
  readonly seq: number;
  readonly electionId: number | null;
}

export const NO_CHANGE: Change = { seq: 0, electionId: null };

export const touches = (change: Change, viewElectionId: number | undefined): boolean =>
  change.electionId === null ||
  viewElectionId === undefined ||
  change.electionId === viewElectionId;
