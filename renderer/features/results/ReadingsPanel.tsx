/**
 * The committee's side of double entry: each stack with its readings, each difference side by
 * side ("tập 3, phiếu thứ 17: lần 1 gạch 4, 12; lần 2 gạch 4, 21"), the member's choice kept beside
 * both readings; and the confirmation of the result with a member's PIN before it is finalized.
 */
import { useState } from 'react';
import { differenceText } from '../../../core/readings/wording.ts';
import type { ElectionView } from '../../../core/views.ts';
import { Field, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';

export function ReadingsPanel({ election }: { election: ElectionView }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
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
            <div key={s.batchId} className="stack-readings" data-testid={`stack-${s.batchId}`}>
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
              {s.differences.length > 0 ? (
                <ol className="differences" data-testid="differences">
                  {s.differences.map((d) => (
                    <li key={d.position} data-testid={`difference-${d.position}`}>
                      <div className="difference-text">
                        {differenceText({
                          stack: s.label,
                          column: { position: d.position, cells: d.cells, agree: false },
                          candidateOrder: view.candidateOrder,
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
