/**
 * Why a stack's readings refused a command: coded, each naming what it is about (the stack's
 * state, the reading, the position in the stack), worded by the catalogue's `refusal` section.
 */
import type { StackStatus } from './stack.ts';

export type ReadingRefusal =
  /** The command is not allowed in the stack's state: the refusal names it. */
  | {
      readonly code: 'stack-status';
      readonly status: StackStatus;
      readonly allowed: readonly StackStatus[];
    }
  /** Every reading the stack needs has been started already. */
  | { readonly code: 'readings-complete'; readonly required: number }
  /** Two readings of a stack by one person (the scanner excepted). */
  | { readonly code: 'same-operator'; readonly operator: string; readonly reading: number }
  /** A confirmation pass confirms a scanner's reading: there must be one. */
  | { readonly code: 'confirm-needs-scan' }
  /** A second scanner pass reads the paper with the same eyes: not an independent reading. */
  | { readonly code: 'second-scan'; readonly reading: number }
  /** Finishing or abandoning a reading that is not under way (unknown, finished or abandoned). */
  | { readonly code: 'reading-not-open'; readonly reading: number }
  /** Comparing before every reading the stack needs is finished. */
  | { readonly code: 'readings-unfinished'; readonly finished: number; readonly required: number }
  /** A resolution for a position where the readings do not differ. */
  | { readonly code: 'not-a-difference'; readonly position: number }
  /** A resolution choosing a reading the stack does not have. */
  | { readonly code: 'no-such-reading'; readonly reading: number; readonly readings: number }
  /** Closing, or counting, while differences are still unresolved. */
  | { readonly code: 'differences-open'; readonly positions: readonly number[] }
  /** A reading longer than any stack: refused before it is aligned. */
  | { readonly code: 'stack-too-large'; readonly ballots: number; readonly max: number };
