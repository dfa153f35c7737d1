/**
 * Counting from the scanner (Nhập phiếu → Quét phiếu): the folder the scanner writes to is read
 * as sheets arrive, each certain sheet becoming a ballot of the open stack; a doubtful one waits
 * here for a person (ReviewPanel), one key per doubtful line. Rejected sheets are listed with
 * their reason, and the stack reconciles exactly as a keyboard stack does.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ScanProgressView, ScanRunView } from '../../../core/protocol/scan.ts';
import { awaitsDecision } from '../../../core/scan/sheet-record.ts';
import type { ScanReason } from '../../../core/scan/reasons.ts';
import type { ElectionView } from '../../../core/views.ts';
import { refusalText, type Refusal } from '../../../core/refusal.ts';
import { client } from '../../client.ts';
import { Field, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useQuery } from '../../use-query.ts';
import { useApp } from '../../store.ts';
import { EntryHead, StackPanel } from '../entry/EntrySide.tsx';
import { useStack } from '../entry/use-stack.ts';
import { useStacks } from '../entry/use-stacks.ts';
import { ReviewPanel } from './ReviewPanel.tsx';
import { ScannerTest } from './ScannerTest.tsx';

/** How often a watched folder is looked at again, once the last look is done. */
const WATCH_MS = 1_500;

export function ScanScreen({ election, modes }: { election: ElectionView; modes?: ReactNode }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { data: scans } = useQuery('scans', { electionId: election.id });
  /** With double entry the scanner is one reading of a stack, a pass this station feeds. */
  const stacks = useStacks(election.id, 'scan', () => Promise.resolve());
  const { double, reading: pass } = stacks;
  const stack = useStack(election.id, stacks.progress?.batches);
  /** Where the sheets go: the scanner pass under way, or the open stack. */
  const target = double
    ? pass === null
      ? {}
      : { readingId: pass.readingId }
    : stack.id === null
      ? {}
      : { batchId: stack.id };
  const folderKey = `kp-scan-folder|${election.id}`;
  const [folder, setFolder] = useState(() => localStorage.getItem(folderKey) ?? '');
  const [watching, setWatching] = useState(false);
  const [running, setRunning] = useState<ScanProgressView | null>(null);
  const [last, setLast] = useState<ScanRunView | null>(null);
  const [messages, setMessages] = useState<readonly string[]>([]);
  /** Sheets put off with Esc: shown after the others. */
  const [later, setLater] = useState<readonly number[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const busy = useRef(false);

  const readFolder = async (path: string): Promise<boolean> => {
    if (busy.current) return true;
    busy.current = true;
    const poll = setInterval(() => {
      void client.call('scan', 'progress', {}).then((r) => {
        if (r.ok) setRunning(r.value);
      });
    }, 300);
    try {
      const r = await client.call('scan', 'folder', {
        electionId: election.id,
        folder: path,
        ...target,
      });
      if (!r.ok) {
        setMessages(r.messages);
        return false;
      }
      setMessages([]);
      if (r.value.sheets > 0 || r.value.problems.length > 0) setLast(r.value);
      return true;
    } finally {
      clearInterval(poll);
      setRunning(null);
      busy.current = false;
    }
  };

  useEffect(() => {
    if (!watching || folder === '') return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      const ok = await readFolder(folder);
      if (!ok) setWatching(false);
      else if (!stopped) timer = setTimeout(() => void look(), WATCH_MS);
    };
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [watching, folder, stack.id, pass?.readingId]);

  const choose = async () => {
    const picked = await client.pickFolder();
    if (picked !== null) remember(picked);
  };
  const remember = (path: string) => {
    setFolder(path);
    localStorage.setItem(folderKey, path);
  };

  const list = scans ?? [];
  const review = list
    .filter(awaitsDecision)
    .sort((a, b) => later.indexOf(a.id) - later.indexOf(b.id) || a.seq - b.seq);
  const count = (f: (s: (typeof list)[number]) => boolean) => list.filter(f).length;
  const rejected = list.filter((s) => s.status === 'rejected');
  const reason = (r: string | null) => (r === null ? '' : (t.scan.reason[r as ScanReason] ?? r));
  const decimal = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const perSecond = (done: number, ms: number) => decimal.format(ms <= 0 ? 0 : (1000 * done) / ms);

  return (
    <section className="entry scan">
      <div className="entry-main">
        {review.length > 0 ? (
          <ReviewPanel
            key={review[0]!.id}
            election={election}
            sheet={review[0]!}
            left={review.length}
            onLater={() =>
              setLater((l) => [...l.filter((id) => id !== review[0]!.id), review[0]!.id])
            }
            onSaved={(n) =>
              setSaved(n === null ? t.readingScreen.savedInPass : t.scanScreen.saved(n))
            }
          />
        ) : (
          <div className="scan-idle" data-testid="scan-idle">
            <h1>{watching ? t.scanScreen.watching(folder) : t.scanScreen.notWatching}</h1>
            <p className="big">{t.scanScreen.noReview}</p>
          </div>
        )}
        {saved !== null ? (
          <div className="notice" role="status" data-testid="review-saved">
            {saved}
          </div>
        ) : null}
        {running !== null && running.listed > 0 ? (
          <div className="scan-progress" data-testid="scan-progress">
            <progress max={running.listed} value={running.done} />
            <span>
              {t.scanScreen.progress(
                running.done,
                running.listed,
                perSecond(running.done, running.milliseconds),
              )}
            </span>
          </div>
        ) : null}
      </div>
      <aside className="entry-side">
        <EntryHead election={election} modes={modes} />
        <div className="card" data-testid="scan-source">
          {(double ? pass === null : stack.current === null) ? (
            <p className="notice warn">
              {double ? t.readingScreen.noScanPass : t.scanScreen.stackFirst}
            </p>
          ) : null}
          <Field label={t.scanScreen.folder}>
            <input
              value={folder}
              onChange={(e) => remember(e.target.value)}
              disabled={watching}
              data-testid="scan-folder"
            />
          </Field>
          <div className="row">
            {client.canPickFiles ? (
              <button type="button" disabled={watching} onClick={() => void choose()}>
                {t.scanScreen.chooseFolder}
              </button>
            ) : null}
            <button
              type="button"
              className={watching ? '' : 'primary'}
              disabled={folder === ''}
              onClick={() => setWatching((w) => !w)}
              data-testid="scan-watch"
            >
              {watching ? t.scanScreen.stopWatch : t.scanScreen.watch}
            </button>
            <button
              type="button"
              disabled={folder === '' || watching}
              onClick={() => void readFolder(folder)}
            >
              {t.scanScreen.readOnce}
            </button>
          </div>
          <Messages messages={messages} />
          {last !== null ? (
            <p className="muted" data-testid="scan-last">
              {t.scanScreen.lastRun(
                last.sheets,
                last.counted,
                last.review,
                last.rejected,
                decimal.format(last.milliseconds / 1000),
              )}
            </p>
          ) : null}
        </div>
        <dl className="counts" data-testid="scan-counts">
          <dt>{t.scanScreen.counted}</dt>
          <dd>{count((s) => s.status === 'read')}</dd>
          <dt>{t.scanScreen.inReview}</dt>
          <dd>{review.length}</dd>
          <dt>{t.scanScreen.decided}</dt>
          <dd>{count((s) => s.decision !== null)}</dd>
          <dt>{t.scanScreen.rejected}</dt>
          <dd>{rejected.length}</dd>
          <dt>{t.scanScreen.skipped}</dt>
          <dd>{count((s) => s.status === 'skipped')}</dd>
        </dl>
        <StackPanel stacks={stacks} stack={stack} />
        <ScannerTest election={election} />
        {rejected.length > 0 ? (
          <div className="card" data-testid="scan-rejected">
            <h3>{t.scanScreen.rejectedTitle}</h3>
            <p className="muted">{t.scanScreen.rejectedHelp}</p>
            <ul>
              {rejected.map((s) => (
                <li key={s.id}>
                  <strong>{s.file}</strong>
                  {s.pages > 1 ? ` (${t.scanScreen.pageOf(s.page)})` : ''}: {reason(s.reason)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {last !== null && last.problems.length > 0 ? (
          <div className="card" data-testid="scan-problems">
            <h3>{t.scanScreen.problemsTitle}</h3>
            <ul>
              {last.problems.map((p) => (
                <li key={`${p.file}|${p.page}`}>
                  <strong>{p.file}</strong>
                  {p.page > 1 ? ` (${t.scanScreen.pageOf(p.page)})` : ''}:{' '}
                  {p.reason !== undefined
                    ? `${reason(p.reason)}${p.detail ? ` (${p.detail})` : ''}`
                    : (p.refusals ?? []).map((r: Refusal) => refusalText(r, lang)).join('; ')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </aside>
    </section>
  );
}
