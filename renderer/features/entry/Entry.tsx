/**
 * Ballot entry: keyboard first. Candidates are numbered in ballot order; numbers toggle, Enter
 * saves. The editor resets at once and saves go out in typing order through a queue kept in the
 * browser's storage that retries with the same client key, so no keystroke and no ballot is lost
 * and none is counted twice. A refused save stays on screen with its marks until dealt with.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ElectionView } from '../../../core/views.ts';
import { useT } from '../../i18n.ts';
import { useCommand } from '../../use-command.ts';
import { BallotList } from './BallotList.tsx';
import { EntryHead, QueueNotices, StackPanel } from './EntrySide.tsx';
import { bodyOf, editorFromBody, emptyBallot, isUntouched } from './editor.ts';
import { newClientKey, readingBallot } from './save-queue.ts';
import { Sheet } from './Sheet.tsx';
import { isPastDeclared, nextPlace } from './stack.ts';
import { useEditor } from './use-editor.ts';
import { useEntryKeys } from './use-entry-keys.ts';
import { useSaveQueue, type Notice } from './use-save-queue.ts';
import { useStack } from './use-stack.ts';
import { useStacks } from './use-stacks.ts';

export function Entry({ election, modes }: { election: ElectionView; modes?: ReactNode }) {
  const t = useT();
  const { shape, editor, editorRef, update } = useEditor(election);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** A stack typed past its declared count: said at once, and kept in sight until it is closed. */
  const [overflow, setOverflow] = useState<{ stack: number; text: string } | null>(null);
  const queue = useSaveQueue(election, setNotice, () => !isUntouched(editorRef.current));
  const stacks = useStacks(election.id, 'keyboard', () => queue.idle());
  const { progress, readings, double, reading } = stacks;
  const stack = useStack(election.id, progress?.batches);
  const voiding = useCommand();
  // Each time the file is read again, the stack's place is what the file holds plus what waits.
  const entered = stack.current?.entered;
  useEffect(() => {
    if (entered === undefined) return;
    stack.count(entered + queue.waiting.filter((w) => w.batchId === stack.id).length);
  }, [entered]);

  const save = () => {
    if (double && correcting === null) {
      if (reading === null) return setNotice({ text: t.readingScreen.chooseStack, kind: 'warn' });
      queue.push(readingBallot(reading.readingId, bodyOf(editorRef.current)));
      update(emptyBallot(shape));
      return;
    }
    const batch = stack.current;
    if (batch && correcting === null) {
      const waiting = queue.waiting.filter((w) => w.batchId === batch.id).length;
      const place = nextPlace(batch, waiting, stack.typed);
      stack.count(place);
      if (isPastDeclared(batch, place))
        setOverflow({ stack: batch.id, text: t.count.stackFull(batch.declared, place) });
    }
    queue.push({
      clientKey: newClientKey(),
      body: bodyOf(editorRef.current),
      batchId: correcting === null ? (batch?.id ?? null) : null,
      correcting,
    });
    setCorrecting(null);
    update(emptyBallot(shape));
  };

  const undoLast = async () => {
    await queue.idle();
    const last = queue.lastSaved.current;
    if (last === null) return;
    const r = await voiding.run('voidBallot', {
      electionId: election.id,
      n: last.n,
      reason: t.count.undoReason,
    });
    if (!r.ok) return setNotice({ text: r.messages.join(' '), kind: 'error' });
    queue.lastSaved.current = null;
    update(editorFromBody(shape, last.body));
    setNotice({ text: t.count.undone(last.n), kind: 'warn' });
  };

  const noteDialog = useEntryKeys({
    editor: editorRef,
    update,
    say: setNotice,
    save,
    undo: () => void undoLast(),
  });

  const nextN = correcting ?? (progress?.lastN ?? 0) + queue.waiting.length + 1;
  const typedInReading =
    readings?.stacks
      .find((x) => x.batchId === reading?.batchId)
      ?.readings.find((r) => r.id === reading?.readingId)?.ballots ?? 0;
  const heading =
    correcting !== null
      ? t.count.editing(correcting)
      : double && reading !== null
        ? t.readingScreen.heading(
            typedInReading +
              queue.waiting.filter((w) => w.readingId === reading.readingId).length +
              1,
            reading.label,
            reading.number,
          )
        : t.count.ballot(nextN);

  return (
    <section className="entry">
      <Sheet election={election} editor={editor} heading={heading} />
      <aside className="entry-side">
        <EntryHead election={election} modes={modes} notice={notice} />
        {overflow !== null && overflow.stack === stack.id ? (
          <div className="notice warn" role="alert" data-testid="stack-full">
            {overflow.text}
          </div>
        ) : null}
        <QueueNotices
          queue={queue}
          onTakeBack={(f) => {
            queue.takeBack(f);
            update(editorFromBody(shape, f.body));
          }}
        />
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
        <StackPanel stacks={stacks} stack={stack} />
        <BallotList
          election={election}
          onCorrect={(n, body) => {
            setCorrecting(n);
            update(editorFromBody(shape, body));
          }}
        />
      </aside>
      {noteDialog}
    </section>
  );
}
