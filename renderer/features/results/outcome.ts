/**
 * What the results screen and the projector may say about a candidate: nothing about the outcome
 * until counting is closed (the figures of a count in progress decide nothing), then elected, tied,
 * over half but outside the seats, or not elected (core/labels), each with its own colour.
 */
import { candidateOutcome, type Outcome } from '../../../core/labels.ts';
import { isCountClosed, type ElectionStatus } from '../../../core/lifecycle/election.ts';
import type { CandidateResult, ElectionResult } from '../../../core/tally.ts';

export const showsOutcome = (status: ElectionStatus): boolean => isCountClosed(status);

/** The candidate's outcome, or null while counting goes on. */
export const outcomeShown = (
  c: CandidateResult,
  result: ElectionResult,
  status: ElectionStatus,
): Outcome | null => (showsOutcome(status) ? candidateOutcome(c, result) : null);

/** The row's class, one colour per outcome ('' while counting). */
export const outcomeClass = (outcome: Outcome | null): string => outcome ?? '';
