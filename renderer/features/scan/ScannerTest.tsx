/**
 * The pre-congress scanner test in the app: print the test deck, scan it on the hall's scanner,
 * and see ballot by ballot whether the reading is the one printed. This is how a scanner and its
 * settings are trusted before the count.
 */
import { useState } from 'react';
import type { ScanTestView } from '../../../core/protocol/scan.ts';
import type { ScanReason } from '../../../core/scan/reasons.ts';
import type { ElectionView } from '../../../core/views.ts';
import { client } from '../../client.ts';
import { Field, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { download } from '../results/Documents.tsx';

type TestBallot = ScanTestView['ballots'][number];

export function ScannerTest({ election }: { election: ElectionView }) {
  const t = useT();
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<readonly string[]>([]);
  const [view, setView] = useState<ScanTestView | null>(null);
  const names = new Map(election.candidates.map((c, i) => [c.code, i + 1]));
  const reading = (r: TestBallot['got']): string =>
    r === undefined
      ? ''
      : Array.isArray(r)
        ? r.length === 0
          ? t.scan.nothingStruck
          : `${t.scan.struck} ${r.map((id) => names.get(id) ?? id).join(', ')}`
        : Object.entries(r)
            .map(([id, m]) => `${names.get(id) ?? id}: ${t.scan.mark[m as 'agree'] ?? m}`)
            .join('; ');
  /** As printed, missing, extra, or what was read (or why not) beside what was printed. */
  const outcome = (b: TestBallot): string =>
    b.outcome === 'match'
      ? `✓ ${t.scan.testMatch}`
      : b.outcome === 'missing'
        ? `✗ ${t.scan.testMissing}`
        : b.outcome === 'extra'
          ? `✗ ${t.scan.testExtra}`
          : `✗ ${b.status === 'rejected' ? (t.scan.reason[b.reason as ScanReason] ?? '') : reading(b.got)} — ${t.scan.testExpected}: ${reading(b.expected)}`;

  const print = async () => {
    setBusy(true);
    try {
      const r = await client.call('document', 'scan-test', { electionId: election.id });
      if (r.ok) download(r.value);
      setMessages(r.messages);
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    setBusy(true);
    try {
      const r = await client.call('scan', 'test', { electionId: election.id, folder });
      setMessages(r.messages);
      setView(r.ok ? r.value : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card scanner-test" data-testid="scanner-test">
      <summary>
        <strong>{t.scanScreen.testTitle}</strong>
      </summary>
      <p className="muted">{t.scanScreen.testHelp}</p>
      <button type="button" disabled={busy} onClick={() => void print()}>
        {t.scanScreen.testPrint}
      </button>
      <Field label={t.scanScreen.testFolder}>
        <input
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          data-testid="test-folder"
        />
      </Field>
      <button type="button" disabled={busy || folder === ''} onClick={() => void run()}>
        {busy ? t.common.loading : t.scanScreen.testRun}
      </button>
      <Messages messages={messages} />
      {view !== null ? (
        <>
          <p
            className={`notice ${view.matched === view.total && view.ballots.length === view.total ? 'ok' : 'error'}`}
            data-testid="test-verdict"
          >
            {view.matched === view.total && view.ballots.length === view.total
              ? t.scan.testVerdictOk(view.total)
              : t.scan.testVerdictBad(view.ballots.length - view.matched, view.total)}
          </p>
          <table className="list compact">
            <tbody>
              {view.ballots.map((b, i) => (
                <tr key={i} className={b.outcome === 'match' ? '' : 'mismatch'}>
                  <td>{b.n ?? '+'}</td>
                  <td>
                    {b.file ?? '—'}
                    {b.page !== undefined && b.page > 1 ? ` (${b.page})` : ''}
                  </td>
                  <td>{outcome(b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </details>
  );
}
