/**
 * What a screen that counts ballots (typing, scanning, confirming) knows of the stacks: the file's
 * stacks and their readings, whether each stack is read more than once, and the reading this
 * station has under way with the steps that start and finish it. One home for the three screens
 * and for the stack panel at their side.
 */
import { useState } from 'react';
import type { ReadingKind } from '../../../core/readings/stack.ts';
import type { BatchView, ProgressView, ReadingsView } from '../../../core/views.ts';
import { useT } from '../../i18n.ts';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { stationId } from './queue-storage.ts';

/** The reading this station is typing, kept for the tab so a reload carries on. */
export interface ActiveReading {
  readonly readingId: number;
  readonly number: number;
  readonly batchId: number;
  readonly label: string;
}

const key = (electionId: number, kind: ReadingKind) => `kp-reading|${electionId}|${kind}`;

function storedReading(electionId: number, kind: ReadingKind): ActiveReading | null {
  try {
    return JSON.parse(
      sessionStorage.getItem(key(electionId, kind)) ?? 'null',
    ) as ActiveReading | null;
  } catch {
    return null;
  }
}

function keepReading(electionId: number, kind: ReadingKind, reading: ActiveReading | null): void {
  if (reading === null) sessionStorage.removeItem(key(electionId, kind));
  else sessionStorage.setItem(key(electionId, kind), JSON.stringify(reading));
}

/** Starting and finishing this station's reading: one home for the panel and the confirm keys. */
export interface ReadingSteps {
  readonly start: (batch: Pick<BatchView, 'id' | 'label'>) => Promise<void>;
  readonly finish: () => Promise<void>;
  /** What the last finish said (the stack's state). */
  readonly note: string | null;
  readonly command: ReturnType<typeof useCommand>;
}

export interface CountingStacks {
  readonly electionId: number;
  readonly kind: ReadingKind;
  readonly progress: ProgressView | undefined;
  readonly batches: readonly BatchView[];
  readonly readings: ReadingsView | undefined;
  /** Double entry: each stack is read independently; this station reads one at a time. */
  readonly double: boolean;
  /** The reading of `kind` this station has under way in the election, kept for the tab. */
  readonly reading: ActiveReading | null;
  readonly steps: ReadingSteps;
}

export function useStacks(
  electionId: number,
  kind: ReadingKind,
  /** Resolves once every ballot typed in the reading is saved. */
  beforeFinish: () => Promise<void>,
): CountingStacks {
  const t = useT();
  const { data: progress } = useQuery('progress', { electionId });
  const { data: readings } = useQuery('readings', { electionId });
  const [reading, setActive] = useState<ActiveReading | null>(() =>
    storedReading(electionId, kind),
  );
  const setReading = (r: ActiveReading | null) => {
    keepReading(electionId, kind, r);
    setActive(r);
  };
  const command = useCommand();
  const [note, setNote] = useState<string | null>(null);
  const start = async (batch: Pick<BatchView, 'id' | 'label'>) => {
    const r = await command.run('startReading', {
      batchId: batch.id,
      kind,
      station: `Máy ${stationId(sessionStorage).slice(0, 4)}`,
    });
    if (!r.ok) return;
    setNote(null);
    setReading({
      readingId: r.value.readingId,
      number: r.value.number,
      batchId: batch.id,
      label: batch.label,
    });
  };
  const finish = async () => {
    if (reading === null) return;
    await beforeFinish();
    const r = await command.run('finishReading', { readingId: reading.readingId });
    if (!r.ok) return;
    setNote(t.readingScreen.finished(t.readings.status[r.value.status]));
    setReading(null);
  };
  return {
    electionId,
    kind,
    progress,
    batches: progress?.batches ?? [],
    readings,
    double: (readings?.required ?? 1) > 1,
    reading,
    steps: { start, finish, note, command },
  };
}
