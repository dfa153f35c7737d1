/**
 * Ballot entry: keyboard first. Candidates are numbered in ballot order; numbers toggle, Enter
 * saves. The editor resets at once and saves go out in typing order through a queue that
 * retries a lost connection with the same client key, so no keystroke and no ballot is lost
 * and none is counted twice. A refused save stays on screen with its marks until dealt with.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ElectionView } from '../../core/views.ts';
import { client } from '../client.ts';
import {
  SaveQueue,
  newClientKey,
  type PendingBallot,
  type SaveOutcome,
} from '../entry/save-queue.ts';
import { Ask, Messages } from '../components.tsx';
import { useQuery } from '../hooks.ts';
import { useT, type Strings } from '../i18n.ts';
import { useApp } from '../store.ts';
import {
  bodyOf,
  editorFromBody,
  emptyBallot,
  press,
  readingOf,
  withNote,
  type EditorShape,
  type EditorState,
} from '../entry/editor.ts';
import { BallotList } from './BallotList.tsx';
import { BatchPanel } from './BatchPanel.tsx';
import type { BallotBody } from '../../core/views.ts';
import type { BallotStatus } from '../../core/messages/types.ts';

interface Failed extends PendingBallot {
  readonly messages: readonly string[];
}

export function statusText(t: Strings, status: BallotStatus): string {
  return t.invalid[status];
}

function readingText(t: Strings, state: EditorState): { text: string; valid: boolean } {
  const r = readingOf(state);
  return r.status === 'valid'
    ? { text: t.count.valid(r.chosen), valid: true }
    : { text: statusText(t, r.code), valid: false };
}

export function Counting() {
  const t = useT();
  const { elections, electionId } = useApp();
  const election = elections.find((e) => e.id === electionId);
  if (!election) return <p>{t.count.choose}</p>;
  if (election.status !== 'counting') {
    return (
      <section>
        <h1>{election.title}</h1>
        <p className="big">
          {t.count.notCounting} ({t.status[election.status]})
        </p>
      </section>
    );
  }
  return <Entry key={election.id} election={election} />;
}

function Entry({ election }: { election: ElectionView }) {
  const t = useT();
  const shape: EditorShape = {
    layout: election.layout,
    seats: election.seats,
    codes: election.candidates.map((c) => c.code),
  };
  const [editor, setEditor] = useState<EditorState>(() => emptyBallot(shape));
  const editorRef = useRef(editor);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'error' | 'warn' } | null>(
    null,
  );
  const [queueSize, setQueueSize] = useState(0);
  const [failed, setFailed] = useState<Failed[]>([]);
  const [askNote, setAskNote] = useState(false);
  const [batchId, setBatchId] = useState<number | null>(null);
  const lastSaved = useRef<{ n: number; body: BallotBody } | null>(null);
  const { data: progress } = useQuery('progress', { electionId: election.id });

  const update = (next: EditorState) => {
    editorRef.current = next;
    setEditor(next);
  };

  // One queue for the life of this screen (not rebuilt when the language changes): saves go out in
  // typing order, retried until answered.
  const tRef = useRef(t);
  tRef.current = t;
  const queue = useMemo(
    () =>
      new SaveQueue(
        async (item): Promise<SaveOutcome> => {
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
          // No refusal at all means the service never answered: the connection dropped.
          if (reply.error.length === 0)
            return { kind: 'disconnected', message: reply.messages[0] ?? '' };
          return { kind: 'refused', messages: reply.messages };
        },
        {
          saved: (item, n, status) => {
            lastSaved.current = { n, body: item.body };
            setNotice({
              text: t.count.savedAs(n, statusText(t, status as BallotStatus)),
              kind: status === 'valid' ? 'ok' : 'warn',
            });
          },
          failed: (item, messages) => {
            setFailed((f) => [...f, { ...item, messages }]);
            setNotice({ text: tRef.current.count.failed, kind: 'error' });
          },
          retrying: (message) => setNotice({ text: message, kind: 'warn' }),
          changed: setQueueSize,
        },
      ),
    [election.id],
  );

  const save = useCallback(() => {
    queue.push({ clientKey: newClientKey(), body: bodyOf(editorRef.current), batchId, correcting });
    setCorrecting(null);
    update(emptyBallot(shape));
  }, [queue, batchId, correcting]);

  const undoLast = useCallback(async () => {
    await queue.idle();
    const last = lastSaved.current;
    if (last === null) return;
    const r = await client.command('voidBallot', {
      electionId: election.id,
      n: last.n,
      reason: t.count.undoReason,
    });
    if (!r.ok) return setNotice({ text: r.messages.join(' '), kind: 'error' });
    lastSaved.current = null;
    update(editorFromBody(shape, last.body));
    setNotice({ text: t.count.undone(last.n), kind: 'warn' });
  }, [queue, election.id, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (askNote || (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (e.altKey || e.metaKey) return;
      const r = press(editorRef.current, { key: e.key, ctrl: e.ctrlKey });
      if (r.state !== editorRef.current) update(r.state);
      if (
        r.action !== undefined ||
        /^[0-9]$/u.test(e.key) ||
        e.key === ' ' ||
        e.key === 'Enter' ||
        e.key === 'Backspace'
      )
        e.preventDefault();
      switch (r.action) {
        case 'save':
          save();
          break;
        case 'undo-last-ballot':
          void undoLast();
          break;
        case 'ask-note':
          setAskNote(true);
          break;
        case 'rejected':
          if (r.reason) setNotice({ text: t.count.noSuchNumber(r.reason.number), kind: 'error' });
          break;
        default:
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [askNote, save, undoLast, t]);

  const reading = readingText(t, editor);
  const nextN = correcting ?? (progress?.lastN ?? 0) + queueSize + 1;

  return (
    <section className="entry">
      <div className="entry-main">
        <div className="entry-head">
          <h1>{correcting === null ? t.count.ballot(nextN) : t.count.editing(correcting)}</h1>
          <div className={`reading ${reading.valid ? 'valid' : 'invalid'}`} data-testid="reading">
            {reading.text}
          </div>
        </div>
        <p className="help">{election.layout === 'strike' ? t.count.help : t.count.helpApprove}</p>
        <ol
          className={`ballot ${election.candidates.length > 24 ? 'dense' : ''}`}
          data-testid="ballot"
        >
          {election.candidates.map((c, i) => {
            const struck = editor.struck[i];
            const mark = editor.marks[i] ?? 'none';
            return (
              <li
                key={c.code}
                className={
                  election.layout === 'strike' ? (struck ? 'struck' : 'kept') : `mark-${mark}`
                }
              >
                <span className="no">{i + 1}</span>
                <span className="name">{c.name}</span>
                <span className="state">
                  {election.layout === 'strike'
                    ? struck
                      ? t.count.struck
                      : ''
                    : mark === 'agree'
                      ? t.count.agree
                      : mark === 'disagree'
                        ? t.count.disagree
                        : mark === 'both'
                          ? t.count.both
                          : t.count.blank}
                </span>
              </li>
            );
          })}
        </ol>
        {editor.buffer !== '' ? <div className="buffer">{editor.buffer}…</div> : null}
      </div>
      <aside className="entry-side">
        {notice ? (
          <div className={`notice ${notice.kind}`} role="status" data-testid="notice">
            {notice.text}
          </div>
        ) : null}
        {queueSize > 0 ? <div className="notice warn">{t.count.saving(queueSize)}</div> : null}
        {failed.map((f, i) => (
          <div key={f.clientKey} className="notice error" role="alert">
            <div>{f.messages.join(' ')}</div>
            <code>{JSON.stringify(f.body)}</code>
            <div className="row">
              <button
                onClick={() => {
                  setFailed(failed.filter((_, j) => j !== i));
                  queue.push(f);
                }}
              >
                {t.count.retry}
              </button>
              <button
                onClick={() => {
                  setFailed(failed.filter((_, j) => j !== i));
                  update(editorFromBody(shape, f.body));
                }}
              >
                {t.count.correct}
              </button>
            </div>
          </div>
        ))}
        <dl className="counts" data-testid="counts">
          <dt>{t.count.collected}</dt>
          <dd>{progress?.collected ?? 0}</dd>
          <dt>{t.count.validCount}</dt>
          <dd>{progress?.valid ?? 0}</dd>
          <dt>{t.count.invalidCount}</dt>
          <dd>{progress?.invalid ?? 0}</dd>
          <dt>{t.count.voidedCount}</dt>
          <dd>{progress?.voided ?? 0}</dd>
        </dl>
        <BatchPanel
          electionId={election.id}
          batchId={batchId}
          setBatchId={setBatchId}
          batches={progress?.batches ?? []}
        />
        <BallotList
          election={election}
          onCorrect={(n, body) => {
            setCorrecting(n);
            update(editorFromBody(shape, body));
          }}
        />
      </aside>
      {askNote ? (
        <Ask
          title={statusText(t, 'other')}
          input={t.count.note}
          confirm={t.common.confirm}
          cancel={t.common.cancel}
          onDone={(note) => {
            setAskNote(false);
            // Cancelled: the ruling is taken back; the marks typed before it stay.
            update(withNote(editorRef.current, note));
          }}
        />
      ) : null}
      <Messages messages={null} />
    </section>
  );
}
