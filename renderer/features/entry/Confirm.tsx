/**
 * Scan + confirm: the operator goes through a scanned stack in feed order, each sheet's image
 * beside the ballot as the scanner read it. Enter confirms it; number keys correct it first, as in
 * keyboard entry. Each confirmed ballot is this reading's, compared with the scanner's pass when
 * both are finished. It runs while the scanner feeds: a sheet not read yet is waited for.
 * The person sees the machine's reading, so this is not independent of it; the screen says so.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isPassBallot, sheetBallot } from '../../../core/scan/sheet-record.ts';
import type { ElectionView } from '../../../core/views.ts';
import { useT } from '../../i18n.ts';
import { useQuery } from '../../use-query.ts';
import { SheetPages, useSheetImages } from '../scan/SheetImages.tsx';
import { bodyOf, editorFromBody, emptyBallot } from './editor.ts';
import { EntryHead, QueueNotices, StackPanel } from './EntrySide.tsx';
import { nextStack, scanPassOf } from './ReadingPanel.tsx';
import { readingBallot } from './save-queue.ts';
import { Sheet } from './Sheet.tsx';
import { useEditor } from './use-editor.ts';
import { useEntryKeys } from './use-entry-keys.ts';
import { useSaveQueue, type Notice } from './use-save-queue.ts';
import { useStacks } from './use-stacks.ts';

export function Confirm({ election, modes }: { election: ElectionView; modes?: ReactNode }) {
  const t = useT();
  const { shape, editor, editorRef, update } = useEditor(election);
  const [notice, setNotice] = useState<Notice | null>(null);
  const queue = useSaveQueue(election, setNotice, () => false);
  const stacks = useStacks(election.id, 'confirm', () => queue.idle());
  const { batches, readings, reading, steps } = stacks;

  const stack = readings?.stacks.find((s) => s.batchId === reading?.batchId);
  const pass = scanPassOf(stack);
  const { data: scans } = useQuery(
    'scans',
    pass === undefined ? null : { electionId: election.id, readingId: pass.id },
  );
  const sheets = (scans ?? []).filter((s) => s.readingId === pass?.id && isPassBallot(s));
  // What this station pushed is counted at once: between a save's answer and the next reading of
  // the file, the file's count lags, and the sheet shown must never step back to one confirmed.
  const pushed = useRef({ readingId: 0, count: 0 });
  if (pushed.current.readingId !== reading?.readingId)
    pushed.current = { readingId: reading?.readingId ?? 0, count: 0 };
  const confirmed = Math.max(
    (stack?.readings.find((r) => r.id === reading?.readingId)?.ballots ?? 0) +
      queue.waiting.filter((w) => w.readingId === reading?.readingId).length,
    pushed.current.count,
  );
  const sheet = reading === null ? undefined : sheets[confirmed];
  const mine = stack?.readings.find((r) => r.id === reading?.readingId);
  // The scanner pass is finished and every one of its sheets is confirmed and saved: nothing more
  // can come, so the reading ends by itself and the operator's next Enter goes on to the next stack.
  const complete =
    pass?.state === 'finished' &&
    mine?.state === 'reading' &&
    mine.ballots === pass.ballots &&
    confirmed === pass.ballots &&
    queue.waiting.every((w) => w.readingId !== reading?.readingId);
  useEffect(() => {
    if (complete && !steps.command.busy) void steps.finish();
  }, [complete]);
  const next = reading === null ? nextStack('confirm', batches, readings) : undefined;
  const images = useSheetImages(election.id, sheet?.id ?? null, (text) =>
    setNotice({ text, kind: 'error' }),
  );

  // Each new sheet starts as the scanner read it. A person's decision arriving later replaces that
  // only while the operator has typed nothing on the sheet: their keys are never overwritten.
  const prefilled = useRef<{ sheet: number | null; body: string }>({ sheet: null, body: '' });
  /** The sheet whose reading the editor holds, and its place (stack:position), for a station's script to wait on. */
  const [ready, setReady] = useState<{ sheet: number; at: string } | null>(null);
  const shown = sheet === undefined ? null : `${sheet.id}|${sheet.decision === null ? 0 : 1}`;
  useEffect(() => {
    const next =
      sheet === undefined
        ? emptyBallot(shape)
        : editorFromBody(shape, sheetBallot(election.layout, sheet));
    const now = editorRef.current;
    const typing =
      prefilled.current.sheet === (sheet?.id ?? null) &&
      (now.buffer !== '' || JSON.stringify(bodyOf(now)) !== prefilled.current.body);
    if (typing) return;
    prefilled.current = { sheet: sheet?.id ?? null, body: JSON.stringify(bodyOf(next)) };
    update(next);
    setReady(
      sheet === undefined ? null : { sheet: sheet.id, at: `${reading?.batchId}:${confirmed + 1}` },
    );
  }, [shown]);

  const save = () => {
    if (reading === null) {
      if (next !== undefined && !steps.command.busy) return void steps.start(next);
      return setNotice({ text: t.readingScreen.chooseStack, kind: 'warn' });
    }
    if (sheet === undefined)
      return setNotice({ text: t.readingScreen.waitingForScanner(confirmed + 1), kind: 'warn' });
    pushed.current = { readingId: reading.readingId, count: confirmed + 1 };
    queue.push(readingBallot(reading.readingId, bodyOf(editorRef.current)));
    setNotice(null);
  };

  const noteDialog = useEntryKeys({ editor: editorRef, update, say: setNotice, save });

  const body = bodyOf(editor);
  const marked = new Set(
    'struck' in body
      ? body.struck
      : 'marks' in body
        ? Object.entries(body.marks)
            .filter(([, m]) => m !== 'none')
            .map(([id]) => id)
        : [],
  );
  const heading =
    reading === null
      ? next === undefined
        ? t.readingScreen.confirmMode
        : t.readingScreen.confirmNext(next.label)
      : sheet === undefined
        ? t.readingScreen.waitingForScanner(confirmed + 1)
        : t.readingScreen.confirmHeading(confirmed + 1, reading.label, sheet.file);

  return (
    <section className="entry confirm">
      <div className="confirm-main" data-ready={ready?.sheet ?? ''} data-ready-at={ready?.at ?? ''}>
        <p className="notice warn" data-testid="confirm-honest">
          {t.readingScreen.confirmModeHelp}
        </p>
        {sheet?.status === 'review' && sheet.decision === null ? (
          <p className="notice warn">{t.readingScreen.inReviewHere}</p>
        ) : null}
        <div className="confirm-body">
          <div className="confirm-image" data-testid="confirm-image">
            {sheet !== undefined ? (
              <SheetPages
                images={images}
                place={sheet.file}
                lineClass={(id) => (marked.has(id) ? 'marked' : '')}
              />
            ) : null}
          </div>
          <Sheet election={election} editor={editor} heading={heading} />
        </div>
      </div>
      <aside className="entry-side">
        <EntryHead election={election} modes={modes} notice={notice} />
        <QueueNotices queue={queue} />
        {readings?.stacks.some((s) => scanPassOf(s) !== undefined) ? null : (
          <p className="notice warn">{t.readingScreen.nothingScanned}</p>
        )}
        <StackPanel stacks={stacks} />
      </aside>
      {noteDialog}
    </section>
  );
}
