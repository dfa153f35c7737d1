/**
 * The base of an election held at the new committee's first conference (rules.md): the new
 * committee's membership, that is everyone the committee elections elected so far (the first
 * round, its re-votes and further rounds), before the conference's own exclusions.
 */
import { CONFERENCE_KINDS, type ElectionKind } from '../../../core/codes.ts';
import { isCountClosed, type ElectionStatus } from '../../../core/lifecycle/election.ts';

export const isConferenceKind = (kind: ElectionKind): boolean => CONFERENCE_KINDS.includes(kind);

interface ElectionLike {
  readonly id: number;
  readonly kind: ElectionKind;
  readonly status: ElectionStatus;
}

/** The committee elections whose count is closed: their elected make up the new committee. */
export const committeeElections = (elections: readonly ElectionLike[]): number[] =>
  elections.filter((e) => e.kind === 'committee' && isCountClosed(e.status)).map((e) => e.id);

/** The new committee's size, or null while no committee election has a closed count. */
export function newCommitteeSize(
  elections: readonly ElectionLike[],
  electedIn: ReadonlyMap<number, number>,
): number | null {
  const ids = committeeElections(elections);
  if (ids.length === 0 || ids.some((id) => !electedIn.has(id))) return null;
  return ids.reduce((sum, id) => sum + (electedIn.get(id) ?? 0), 0);
}
