/** Valid or invalid: the engine's reading of the marks, then the committee's ruling over it. */
import type { CommitteeInvalidCode, EngineInvalidCode, InvalidCode, Mark } from './codes.ts';
import { assertNever } from './result.ts';

/** A ballot as the tally sees it: candidates by their index in ballot order. */
export type BallotMarks =
  | { readonly kind: 'strike'; readonly struck: readonly number[] }
  | { readonly kind: 'approve'; readonly marks: readonly Mark[] }
  /** Ruled invalid from the paper by the committee; no marks were entered. */
  | { readonly kind: 'paper'; readonly code: CommitteeInvalidCode };

export interface TallyBallot {
  readonly marks: BallotMarks;
  /** The committee's ruling beside the marks: the ballot counts as invalid under this code. */
  readonly ruling?: CommitteeInvalidCode;
}

export type Reading =
  | { readonly status: 'valid'; readonly chosen: number }
  | { readonly status: 'invalid'; readonly code: EngineInvalidCode };

export type Classification =
  { readonly status: 'valid' } | { readonly status: 'invalid'; readonly code: InvalidCode };

/**
 * The engine's reading of marks alone (shown to the operator as they type).
 * `struck` must hold distinct indices.
 */
export function readMarks(
  marks: Exclude<BallotMarks, { kind: 'paper' }>,
  { seats, candidates }: { seats: number; candidates: number },
): Reading {
  switch (marks.kind) {
    case 'strike': {
      const chosen = candidates - marks.struck.length;
      if (chosen === 0) return { status: 'invalid', code: 'all-struck' };
      if (chosen > seats) return { status: 'invalid', code: 'over-vote' };
      return { status: 'valid', chosen };
    }
    case 'approve': {
      let chosen = 0;
      let decided = 0;
      for (const mark of marks.marks) {
        if (mark === 'agree') chosen++;
        if (mark === 'agree' || mark === 'disagree') decided++;
      }
      if (decided === 0) return { status: 'invalid', code: 'no-choice' };
      if (chosen > seats) return { status: 'invalid', code: 'over-vote' };
      return { status: 'valid', chosen };
    }
    default:
      return assertNever(marks);
  }
}

/** The final classification: a paper ruling or a ruling beside the marks wins over the reading. */
export function classify(
  ballot: TallyBallot,
  shape: { seats: number; candidates: number },
): Classification {
  if (ballot.marks.kind === 'paper') return { status: 'invalid', code: ballot.marks.code };
  if (ballot.ruling !== undefined) return { status: 'invalid', code: ballot.ruling };
  const reading = readMarks(ballot.marks, shape);
  return reading.status === 'valid' ? { status: 'valid' } : reading;
}
