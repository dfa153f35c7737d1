/**
 * The stack this station is typing. Stacks are data in the file (the `progress` query lists them);
 * which one this station types is kept in the tab's storage, so that a reload finds it and carries
 * on. A stack closed from another station is let go.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchView } from '../../../core/views.ts';
import { useApp } from '../../store.ts';

export interface StackState {
  /** The id of the stack being typed, as soon as it is opened. */
  readonly id: number | null;
  /** Its view, once the file has been read again. */
  readonly current: BatchView | null;
  /** The place in the stack of the last ballot typed here. */
  readonly typed: number;
  count(place: number): void;
  choose(id: number | null): void;
}

export function useStack(
  electionId: number,
  batches: readonly BatchView[] | undefined,
): StackState {
  const file = useApp((s) => s.file?.path ?? '');
  const key = `kp-stack|${electionId}|${file}`;
  const [id, setId] = useState<number | null>(() => Number(sessionStorage.getItem(key)) || null);
  const [typed, setTyped] = useState(0);
  const choose = useCallback(
    (next: number | null) => {
      if (next === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, String(next));
      setId(next);
      setTyped(0);
    },
    [key],
  );
  const view = batches?.find((b) => b.id === id) ?? null;
  useEffect(() => {
    if (view?.closed === true) choose(null);
  }, [view, choose]);
  // The stack remembered from before a reload must still be in the file (it may be another file).
  const checked = useRef(false);
  useEffect(() => {
    if (batches === undefined || checked.current) return;
    checked.current = true;
    if (id !== null && !batches.some((b) => b.id === id)) choose(null);
  }, [batches, id, choose]);
  return {
    id,
    current: view !== null && !view.closed ? view : null,
    typed,
    count: setTyped,
    choose,
  };
}
