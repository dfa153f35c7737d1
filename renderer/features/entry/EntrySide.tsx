/**
 * The side of every screen that counts ballots (typing, scanning, confirming): the mode tabs, the
 * election with its base, what the station was told, what its save queue holds, and the stack
 * it works on — a stack with its declared count, or, with double entry, this station's reading.
 */
import type { ReactNode } from 'react';
import type { ElectionView } from '../../../core/views.ts';
import { BaseLine } from '../../BaseLine.tsx';
import { useT } from '../../i18n.ts';
import { BatchPanel } from './BatchPanel.tsx';
import type { FailedBallot } from './queue-storage.ts';
import { ReadingPanel } from './ReadingPanel.tsx';
import type { StackState } from './use-stack.ts';
import type { Notice, SaveQueueState } from './use-save-queue.ts';
import type { CountingStacks } from './use-stacks.ts';

export function EntryHead({
  election,
  modes,
  notice = null,
}: {
  election: ElectionView;
  modes?: ReactNode;
  notice?: Notice | null;
}) {
  return (
    <>
      {modes}
      <div className="entry-title">
        <strong>{election.title}</strong>
        <BaseLine election={election} />
      </div>
      {notice ? (
        <div className={`notice ${notice.kind}`} role="status" data-testid="notice">
          {notice.text}
        </div>
      ) : null}
    </>
  );
}

/** Ballots waiting for the file, and any it refused, each to retry (or take back to correct). */
export function QueueNotices({
  queue,
  onTakeBack,
}: {
  queue: SaveQueueState;
  onTakeBack?: (f: FailedBallot) => void;
}) {
  const t = useT();
  return (
    <>
      {queue.waiting.length > 0 ? (
        <div className="notice warn" data-testid="waiting">
          {t.count.saving(queue.waiting.length)}
        </div>
      ) : null}
      {queue.failed.map((f) => (
        <div key={f.clientKey} className="notice error" role="alert">
          <div>{f.messages.join(' ')}</div>
          <code>{JSON.stringify(f.body)}</code>
          <div className="row">
            <button onClick={() => queue.retry(f)}>{t.count.retry}</button>
            {onTakeBack ? <button onClick={() => onTakeBack(f)}>{t.count.correct}</button> : null}
          </div>
        </div>
      ))}
    </>
  );
}

/** The stack this station works on: its reading with double entry, else the open stack. */
export function StackPanel({
  stacks,
  stack,
}: {
  stacks: CountingStacks;
  /** The open stack, when each stack is read once. */
  stack?: StackState;
}) {
  return stacks.double || stack === undefined ? (
    <ReadingPanel stacks={stacks} />
  ) : (
    <BatchPanel electionId={stacks.electionId} stack={stack} batches={stacks.batches} />
  );
}
