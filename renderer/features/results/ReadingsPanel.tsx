/**
 * The committee's side of double entry: each stack with its readings, each difference side by
 * side ("tập 3, phiếu thứ 17: lần 1 gạch 4, 12; lần 2 gạch 4, 21"), the member's choice kept beside
 * both readings; and the confirmation of the result with a member's PIN before it is finalized.
 */
import { useState } from 'react';
import { differenceText } from '../../../core/readings/wording.ts';
import { isPassBallot, type ScanView } from '../../../core/scan/sheet-record.ts';
import type { DifferenceView, ElectionView, StackView } from '../../../core/views.ts';
import { scanPassOf } from '../entry/ReadingPanel.tsx';
import { SheetPages, useSheetImages } from '../scan/SheetImages.tsx';
import { Field, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';

export function ReadingsPanel({ election }: { election: ElectionView }) {
  const t = useT();
  const { data: view } = useQuery('readings', { electionId: election.id });
  const command = useCommand();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  if (view === undefined) return null;
  const multi = view.required > 1 && view.stacks.length > 0;
  if (!multi && !view.confirmationRequired) return null;

  return (
    <section className="card readings" data-testid="readings">
      {multi ? (
        <>
          <h2>{t.readingScreen.title}</h2>
          {view.stacks.map((s) => (
            <StackReadings
              key={s.batchId}
              election={election}
              stack={s}
              candidateOrder={view.candidateOrder}
              command={command}
            />
          ))}
          <p className="muted">{t.readingScreen.committeeOnly}</p>
        </>
      ) : null}
      {view.confirmationRequired ? (
        <form
          className="confirm"
          data-testid="confirm"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await command.run('confirmResult', { electionId: election.id, name, pin });
            if (r.ok) setPin('');
          }}
        >
          <h2>{t.readingScreen.confirmTitle}</h2>
          {view.confirmation !== null ? (
            <p className={`notice ${view.confirmation.current ? 'ok' : 'warn'}`}>
              {view.confirmation.current
                ? t.readingScreen.confirmed(view.confirmation.by, view.confirmation.at)
                : t.readingScreen.stale}
            </p>
          ) : null}
          <p className="muted">{t.readingScreen.confirmHelp}</p>
          <div className="row">
            <Field label={t.readingScreen.confirmName}>
              <input value={name} onChange={(e) => setName(e.target.value)} required />
            </Field>
            <Field label={t.readingScreen.confirmPin}>
              <input
                type="password"
                inputMode="numeric"
                value={pin}
                onChange={(e) => setPin(e.target.value)}
                required
              />
            </Field>
            <button className="primary" disabled={command.busy}>
              {t.readingScreen.confirm}
            </button>
          </div>
        </form>
      ) : null}
      <Messages messages={command.messages} />
    </section>
  );
}

/**
 * A difference where one reading is the scanner's: its sheet's image, with the lines the scanner
 * read as marked outlined, so the member can look at the paper's picture before the paper itself.
 */
/** One stack: its readings, the differences seen so far or compared, and the committee's rulings. */
function StackReadings({
  election,
  stack: s,
  candidateOrder,
  command,
}: {
  election: ElectionView;
  stack: StackView;
  candidateOrder: readonly string[];
  command: ReturnType<typeof useCommand>;
}) {
  const t = useT();
  const lang = useApp((x) => x.lang);
  const pass = scanPassOf(s);
  // The pass's sheets, only to show a difference's scanned image.
  const { data: scans } = useQuery(
    'scans',
    pass !== undefined && s.differences.length + s.differencesSoFar.length > 0
      ? { electionId: election.id, readingId: pass.id }
      : null,
  );
  return (
    <div className="stack-readings" data-testid={`stack-${s.batchId}`}>
      <h3>{t.readingScreen.stackLine(s.label, s.declared, t.readings.status[s.status])}</h3>
      <ul className="muted">
        {s.readings.map((r) => (
          <li key={r.id}>
            {t.readingScreen.readingLine(
              r.number,
              t.readings.kind[r.kind],
              r.operator,
              r.ballots,
              r.state !== 'reading',
            )}
          </li>
        ))}
      </ul>
      {s.differencesSoFar.length > 0 ? (
        <div className="notice warn" data-testid="differences-so-far">
          <p>{t.readingScreen.differencesSoFar}</p>
          <ul>
            {s.differencesSoFar.map((d) => (
              <li key={d.position} data-testid={`difference-so-far-${d.position}`}>
                {differenceText({
                  stack: s.label,
                  column: { position: d.position, cells: d.cells, agree: false },
                  candidateOrder,
                  lang,
                })}
                <ScannedAt election={election} stack={s} difference={d} scans={scans ?? []} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {s.differences.length > 0 ? (
        <ol className="differences" data-testid="differences">
          {s.differences.map((d) => (
            <li key={d.position} data-testid={`difference-${d.position}`}>
              <div className="difference-text">
                {differenceText({
                  stack: s.label,
                  column: { position: d.position, cells: d.cells, agree: false },
                  candidateOrder,
                  lang,
                })}
              </div>
              {d.ruling !== null ? (
                <div className="notice ok">
                  {t.readingScreen.ruled(
                    d.ruling.by,
                    'reading' in d.ruling
                      ? t.readingScreen.choose(d.ruling.reading)
                      : t.results.title,
                  )}
                </div>
              ) : null}
              <ScannedAt election={election} stack={s} difference={d} scans={scans ?? []} />
              {s.allowed.includes('resolve') ? (
                <div className="row">
                  {d.cells.map((_, i) => (
                    <button
                      key={i}
                      disabled={command.busy}
                      onClick={() =>
                        void command.run('resolveDifference', {
                          batchId: s.batchId,
                          position: d.position,
                          choice: { reading: i + 1 },
                        })
                      }
                    >
                      {t.readingScreen.choose(i + 1)}
                    </button>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {s.allowed.includes('close') && s.differences.every((d) => d.ruling !== null) ? (
        <button
          className="primary"
          disabled={command.busy}
          onClick={() => void command.run('settleStack', { batchId: s.batchId })}
        >
          {t.readingScreen.settle}
        </button>
      ) : null}
      {s.counted !== null ? (
        <p className="notice ok">{t.readingScreen.counted(s.counted)}</p>
      ) : null}
    </div>
  );
}

function ScannedAt({
  election,
  stack,
  difference,
  scans,
}: {
  election: ElectionView;
  stack: StackView;
  difference: DifferenceView;
  scans: readonly ScanView[];
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const live = stack.readings.filter((r) => r.state !== 'abandoned');
  const i = live.findIndex((r) => r.kind === 'scan');
  const cell = i < 0 ? null : difference.cells[i];
  if (cell == null) return null;
  // The pass's ballots are its sheets that are ballots, in feed order (the query's order).
  const sheet = scans.filter((x) => x.readingId === live[i]!.id && isPassBallot(x))[cell.at - 1];
  if (sheet === undefined) return null;
  return (
    <details
      className="difference-scan"
      data-testid={`difference-scan-${difference.position}`}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t.readingScreen.scanImage(sheet.file)}</summary>
      {open ? <ScanImage electionId={election.id} sheet={sheet} /> : null}
    </details>
  );
}

function ScanImage({ electionId, sheet }: { electionId: number; sheet: ScanView }) {
  const [problem, setProblem] = useState<string | null>(null);
  const images = useSheetImages(electionId, sheet.id, setProblem);
  const marked = new Set(
    sheet.lines
      .filter((l) => l.struck === 'struck' || (l.mark ?? 'none') !== 'none')
      .map((l) => l.id),
  );
  return (
    <div className="difference-image">
      {problem !== null ? <p className="notice error">{problem}</p> : null}
      <SheetPages
        images={images}
        place={sheet.file}
        lineClass={(id) => (marked.has(id) ? 'marked' : '')}
      />
    </div>
  );
}
