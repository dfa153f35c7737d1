/**
 * Double entry at the keyboard: the operator reads one stack (tập phiếu) at a time. The ballots
 * typed belong to that reading only; when every reading the election asks for is finished, the
 * file compares them and the stack counts once they agree (or the committee has resolved them).
 */
import { useState } from 'react';
import type { ReadingKind } from '../../../core/readings/stack.ts';
import type { BatchView, ReadingsView, StackView } from '../../../core/views.ts';
import { Messages, PlaceholderInput } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import type { CountingStacks } from './use-stacks.ts';

/** The stack's scanner pass, if one is under way or done (an abandoned one left out). */
export const scanPassOf = (stack: StackView | undefined) =>
  stack?.readings.find((r) => r.kind === 'scan' && r.state !== 'abandoned');

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

export function ReadingPanel({ stacks }: { stacks: CountingStacks }) {
  const t = useT();
  const { electionId, kind, batches, readings, reading } = stacks;
  const { start, finish, note, command } = stacks.steps;
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
              <PlaceholderInput
                label={t.count.declared}
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
