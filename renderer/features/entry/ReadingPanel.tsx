/**
 * Double entry at the keyboard: the operator reads one stack (tập phiếu) at a time. The ballots
 * typed belong to that reading only; when every reading the election asks for is finished, the
 * file compares them and the stack counts once they agree (or the committee has resolved them).
 */
import { useState } from 'react';
import type { ReadingKind } from '../../../core/readings/stack.ts';
import type { BatchView, ReadingsView, StackView } from '../../../core/views.ts';
import { Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useCommand } from '../../use-command.ts';
import { stationId } from './queue-storage.ts';

/** The reading this station is typing, kept for the tab so a reload carries on. */
export interface ActiveReading {
  readonly readingId: number;
  readonly number: number;
  readonly batchId: number;
  readonly label: string;
}

const key = (electionId: number, kind: ReadingKind) => `kp-reading|${electionId}|${kind}`;

export function storedReading(electionId: number, kind: ReadingKind): ActiveReading | null {
  try {
    return JSON.parse(
      sessionStorage.getItem(key(electionId, kind)) ?? 'null',
    ) as ActiveReading | null;
  } catch {
    return null;
  }
}

export function keepReading(
  electionId: number,
  kind: ReadingKind,
  reading: ActiveReading | null,
): void {
  if (reading === null) sessionStorage.removeItem(key(electionId, kind));
  else sessionStorage.setItem(key(electionId, kind), JSON.stringify(reading));
}

/** The reading of `kind` this station has under way in the election, kept for the tab. */
export function useActiveReading(
  electionId: number,
  kind: ReadingKind,
): [ActiveReading | null, (r: ActiveReading | null) => void] {
  const [reading, setReading] = useState<ActiveReading | null>(() =>
    storedReading(electionId, kind),
  );
  return [
    reading,
    (r) => {
      keepReading(electionId, kind, r);
      setReading(r);
    },
  ];
}

/** The stack's scanner pass, if one is under way or done (an abandoned one left out). */
export const scanPassOf = (stack: StackView | undefined) =>
  stack?.readings.find((r) => r.kind === 'scan' && r.state !== 'abandoned');

/** Starting and finishing this station's reading: one home for the panel and the confirm keys. */
export interface ReadingSteps {
  readonly start: (batch: Pick<BatchView, 'id' | 'label'>) => Promise<void>;
  readonly finish: () => Promise<void>;
  /** What the last finish said (the stack's state). */
  readonly note: string | null;
  readonly command: ReturnType<typeof useCommand>;
}

export function useReadingSteps(
  kind: ReadingKind,
  reading: ActiveReading | null,
  setReading: (r: ActiveReading | null) => void,
  /** Resolves once every ballot typed in the reading is saved. */
  beforeFinish: () => Promise<void>,
): ReadingSteps {
  const t = useT();
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
  return { start, finish, note, command };
}

/** The stacks a reading of `kind` may be offered on: open, and for a confirmation, scanned. */
export const readableBatches = (
  kind: ReadingKind,
  batches: readonly BatchView[],
  readings: ReadingsView | undefined,
): BatchView[] =>
  batches.filter(
    (b) =>
      !b.closed &&
      (kind !== 'confirm' ||
        scanPassOf(readings?.stacks.find((x) => x.batchId === b.id)) !== undefined),
  );

/**
 * The first stack a new reading of `kind` can begin on: the state allows it and it still lacks a
 * reading. The confirming operator's Enter goes on to it, so a scanned stack after stack follows.
 */
export function nextStack(
  kind: ReadingKind,
  batches: readonly BatchView[],
  readings: ReadingsView | undefined,
): BatchView | undefined {
  return readableBatches(kind, batches, readings).find((b) => {
    const s = readings?.stacks.find((x) => x.batchId === b.id);
    return (
      s !== undefined &&
      s.allowed.includes('startReading') &&
      s.readings.filter((r) => r.state !== 'abandoned').length < s.required
    );
  });
}

export function ReadingPanel({
  kind,
  electionId,
  batches,
  readings,
  reading,
  setReading,
  beforeFinish,
  steps: given,
}: {
  kind: ReadingKind;
  electionId: number;
  batches: readonly BatchView[];
  readings: ReadingsView | undefined;
  reading: ActiveReading | null;
  setReading: (r: ActiveReading | null) => void;
  /** Resolves once every ballot typed in the reading is saved. */
  beforeFinish: () => Promise<void>;
  /** The screen's own steps, when its keys start and finish readings too. */
  steps?: ReadingSteps;
}) {
  const t = useT();
  const own = useReadingSteps(kind, reading, setReading, beforeFinish);
  const { start, finish, note, command } = given ?? own;
  const [declared, setDeclared] = useState('');
  const stack = readings?.stacks.find((s) => s.batchId === reading?.batchId);
  const mine = stack?.readings.find((r) => r.id === reading?.readingId);

  return (
    <div className="card batch" data-testid="reading-panel">
      <h3>{t.count.batch}</h3>
      {reading !== null ? (
        <>
          <p className="big" data-testid="reading-now">
            {kind === 'scan'
              ? t.readingScreen.scanning(
                  reading.label,
                  reading.number,
                  mine?.ballots ?? 0,
                  mine?.undecided ?? 0,
                )
              : t.readingScreen.reading(reading.label, reading.number, mine?.ballots ?? 0)}
          </p>
          {stack ? (
            <progress max={stack.declared} value={Math.min(mine?.ballots ?? 0, stack.declared)} />
          ) : null}
          <button onClick={() => void finish()} disabled={command.busy}>
            {kind === 'scan' ? t.readingScreen.finishScan : t.readingScreen.finish}
          </button>
        </>
      ) : (
        <>
          <p className="muted">{t.readingScreen.chooseStack}</p>
          <ul className="stacks">
            {readableBatches(kind, batches, readings).map((b) => {
              const s = readings?.stacks.find((x) => x.batchId === b.id);
              return (
                <li key={b.id}>
                  {b.label}
                  {s ? ` — ${t.readings.status[s.status]}` : ''}{' '}
                  {s === undefined || s.allowed.includes('startReading') ? (
                    <button
                      onClick={() => void start(b)}
                      disabled={command.busy}
                      data-testid={`read-${kind}-${b.id}`}
                    >
                      {kind === 'scan'
                        ? t.readingScreen.scanThis
                        : kind === 'confirm'
                          ? t.readingScreen.confirmThis
                          : t.readingScreen.readThis}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {kind === 'confirm' ? null : (
            <form
              className="row"
              onSubmit={async (e) => {
                e.preventDefault();
                const r = await command.run('openBatch', {
                  electionId,
                  declared: Number(declared),
                });
                if (r.ok) setDeclared('');
              }}
            >
              <input
                aria-label={t.count.declared}
                placeholder={t.count.declared}
                inputMode="numeric"
                value={declared}
                onChange={(e) => setDeclared(e.target.value.replace(/\D/gu, ''))}
                required
              />
              <button>{t.count.openBatch}</button>
            </form>
          )}
        </>
      )}
      {note !== null ? (
        <p className="notice" data-testid="reading-note">
          {note}
        </p>
      ) : null}
      <Messages messages={command.messages} />
    </div>
  );
}
