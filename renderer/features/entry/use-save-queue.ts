/**
 * The entry screen's save queue (save-queue.ts), kept in the browser's storage (queue-storage.ts):
 * ballots go out in typing order, a lost connection or a lost login waits and retries with the
 * same client key, a refusal keeps the ballot for the operator, and leaving the page with anything
 * unsaved asks first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BallotBody, ElectionView } from '../../../core/views.ts';
import type { BallotStatus } from '../../../core/messages/types.ts';
import { client } from '../../client.ts';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { SaveQueue, type PendingBallot, type SaveOutcome } from './save-queue.ts';
import { heartbeat, leave, stationId, StoredQueue, type FailedBallot } from './queue-storage.ts';

export type Notice = { readonly text: string; readonly kind: 'ok' | 'error' | 'warn' };

/** Refusals that mean "not now" (the host restarted: no login, no file yet): wait, then retry. */
const WAIT_CODES: ReadonlySet<string> = new Set(['login-required', 'token', 'no-file']);
/** The status a reading's saved ballot reports: its place in the reading, not a count. */
const READING = 'reading';

export interface SaveQueueState {
  push(item: PendingBallot): void;
  /** Ballots waiting for the service, oldest first. */
  readonly waiting: readonly PendingBallot[];
  readonly failed: readonly FailedBallot[];
  retry(item: FailedBallot): void;
  /** The operator takes a refused ballot back into the editor. */
  takeBack(item: FailedBallot): void;
  /** Resolves once every ballot typed so far has been answered. */
  idle(): Promise<void>;
  /** The last ballot saved from this screen, for Ctrl+Z. */
  readonly lastSaved: { current: { n: number; body: BallotBody } | null };
}

export function useSaveQueue(
  election: ElectionView,
  say: (notice: Notice) => void,
  /** Whether the editor holds marks not yet saved (checked when the page is left). */
  dirty: () => boolean,
): SaveQueueState {
  const t = useT();
  const tRef = useRef(t);
  tRef.current = t;
  const file = useApp((s) => s.file?.path ?? '');
  const storage = useMemo(
    () => new StoredQueue(localStorage, stationId(sessionStorage), file, election.id),
    [file, election.id],
  );
  const [waiting, setWaiting] = useState<readonly PendingBallot[]>([]);
  const [failed, setFailed] = useState<readonly FailedBallot[]>(() => storage.failed());
  const lastSaved = useRef<{ n: number; body: BallotBody } | null>(null);
  const queueRef = useRef<SaveQueue | null>(null);

  const keepFailed = useCallback(
    (next: readonly FailedBallot[]) => {
      storage.saveFailed(next);
      setFailed(next);
    },
    [storage],
  );

  useEffect(() => {
    const station = storage.stationId;
    heartbeat(localStorage, station, Date.now());
    storage.adoptOrphans(Date.now());
    setFailed(storage.failed());
    const send = async (item: PendingBallot): Promise<SaveOutcome> => {
      if (item.readingId != null) {
        const r = await client.command('enterReadingBallot', {
          readingId: item.readingId,
          ballot: item.body,
          clientKey: item.clientKey,
        });
        if (r.ok) return { kind: 'saved', n: r.value.position, status: READING };
        return outcomeOf(r);
      }
      const reply =
        item.correcting === null
          ? await client.command('enterBallot', {
              electionId: election.id,
              ballot: item.body,
              clientKey: item.clientKey,
              ...(item.batchId === null ? {} : { batchId: item.batchId }),
            })
          : await client.command('correctBallot', {
              electionId: election.id,
              n: item.correcting,
              ballot: item.body,
            });
      if (reply.ok) return { kind: 'saved', n: reply.value.n, status: reply.value.status };
      return outcomeOf(reply);
    };
    const outcomeOf = (reply: {
      readonly error: readonly { readonly code: string }[];
      readonly messages: readonly string[];
    }): SaveOutcome => {
      // No refusal at all means the service never answered: the connection dropped.
      if (reply.error.length === 0)
        return { kind: 'disconnected', message: reply.messages[0] ?? '' };
      if (reply.error.some((e) => WAIT_CODES.has(e.code)))
        return { kind: 'disconnected', message: tRef.current.count.loginToSave };
      return { kind: 'refused', messages: reply.messages };
    };
    const queue = new SaveQueue(
      send,
      {
        saved: (item, n, status) => {
          const tt = tRef.current;
          // A reading's ballot is not a ballot of the count yet: no number, nothing to undo here.
          if (status === READING) return say({ text: tt.readingScreen.savedAt(n), kind: 'ok' });
          lastSaved.current = { n, body: item.body };
          say({
            text: tt.count.savedAs(n, tt.invalid[status as BallotStatus]),
            kind: status === 'valid' ? 'ok' : 'warn',
          });
        },
        failed: (item, messages) => {
          const next = [...storage.failed(), { ...item, messages }];
          storage.saveFailed(next);
          setFailed(next);
          say({ text: tRef.current.count.failed, kind: 'error' });
        },
        retrying: (message) => say({ text: message, kind: 'warn' }),
        changed: () => setWaiting(queueRef.current?.waiting ?? []),
      },
      500,
      storage,
    );
    queueRef.current = queue;
    setWaiting(queue.waiting);
    // Beat, and take over the queue of any station gone meanwhile (a tab closed, a crash).
    const beat = setInterval(() => {
      heartbeat(localStorage, station, Date.now());
      const orphans = storage.takeOrphans(Date.now());
      orphans.pending.forEach((item) => queue.push(item));
      if (orphans.failed.length > 0) {
        const next = [...storage.failed(), ...orphans.failed];
        storage.saveFailed(next);
        setFailed(next);
      }
    }, 2_000);
    const gone = () => leave(localStorage, station);
    window.addEventListener('pagehide', gone);
    return () => {
      queue.stop();
      clearInterval(beat);
      window.removeEventListener('pagehide', gone);
      if (queueRef.current === queue) queueRef.current = null;
    };
  }, [storage, election.id, say]);

  // Leaving the page (closing, reloading, navigating) with a ballot unsaved asks first.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if ((queueRef.current?.pending ?? 0) > 0 || storage.unsaved > 0 || dirtyRef.current()) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [storage]);

  return {
    push: (item) => queueRef.current?.push(item),
    waiting,
    failed,
    retry: ({ messages: _, ...item }) => {
      keepFailed(failed.filter((f) => f.clientKey !== item.clientKey));
      queueRef.current?.push(item);
    },
    takeBack: (item) => keepFailed(failed.filter((f) => f.clientKey !== item.clientKey)),
    idle: () => queueRef.current?.idle() ?? Promise.resolve(),
    lastSaved,
  };
}
