/** A stack of ballots being typed: where the next ballot falls against the count declared for it. */
import type { BatchView } from '../../../core/views.ts';

/**
 * The place of the ballot about to be saved in its stack, counting the ballots saved and those
 * still waiting in the queue, and the place this station has reached by itself (the saved count
 * may not have been read again yet).
 */
export const nextPlace = (batch: BatchView, waiting: number, typedHere: number): number =>
  Math.max(batch.entered + waiting, typedHere) + 1;

/** Past the declared count: the operator is warned at once, not when the stack is closed. */
export const isPastDeclared = (batch: BatchView, place: number): boolean => place > batch.declared;

/** The stacks open in the file that this station is not typing: abandoned or on another station. */
export const otherOpenStacks = (batches: readonly BatchView[], mine: number | null): BatchView[] =>
  batches.filter((b) => !b.closed && b.id !== mine);
