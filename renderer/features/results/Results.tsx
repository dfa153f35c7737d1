/**
 * Results: votes and percentages in ballot order; once counting is closed, the elected in vote
 * order, ties and open seats with the next step; close and finalize.
 */
import { useState } from 'react';
import { INVALID_CODES } from '../../../core/codes.ts';
import { OUTCOME_LABELS, percentText, warningText } from '../../../core/labels.ts';
import { allows } from '../../../core/lifecycle/election.ts';
import type { CandidateResult } from '../../../core/tally.ts';
import { BaseLine } from '../../BaseLine.tsx';
import { Ask, Field, Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { Documents } from './Documents.tsx';
import { ReadingsPanel } from './ReadingsPanel.tsx';
import { outcomeClass, outcomeShown, showsOutcome } from './outcome.ts';

type Asking = 'close' | 'finalize' | 'reopen' | null;

export function Results() {
  const t = useT();
  const { elections, electionId, lang, set } = useApp();
  const election = elections.find((e) => e.id === electionId);
  const { data: result, error } = useQuery(
    'results',
    election ? { electionId: election.id } : null,
  );
  const { data: display } = useQuery('display', {});
  const [asking, setAsking] = useState<Asking>(null);
  const [issued, setIssued] = useState('');
  const command = useCommand();
  if (!election) return <p>{t.count.choose}</p>;
  const byCode = new Map((result?.candidates ?? []).map((c) => [c.id, c]));
  const projecting = display?.electionId === election.id;
  const can = (c: Parameters<typeof allows>[0]) => allows(c, election.status);
  const decided = showsOutcome(election.status);
  const outcomeText = (c: CandidateResult): string => {
    const outcome = result ? outcomeShown(c, result, election.status) : null;
    switch (outcome) {
      case null:
        return '';
      case 'elected':
        return `${t.results.elected} (${c.rank})`;
      case 'tied':
        return t.results.tied;
      case 'over-half-not-elected':
        return OUTCOME_LABELS[outcome][lang];
      case 'not-elected':
        return t.results.notQualified;
    }
  };
  const followUp = async (kind: 'revote' | 'round') => {
    const r = await command.run(
      'createFollowUp',
      { electionId: election.id, kind },
      { reload: true },
    );
    if (!r.ok) return;
    set({ electionId: r.value.electionId, setupTab: 'elections' });
    useApp.getState().go('setup');
  };

  return (
    <section className="results">
      <h1>
        {election.title}{' '}
        <span className={`badge ${election.status}`}>{t.status[election.status]}</span>
      </h1>
      <BaseLine election={election} />
      <Messages messages={error} />
      <Messages messages={command.messages} />
      {result ? (
        <>
          <div className="figures">
            {(
              [
                [t.results.base, result.base],
                [t.results.threshold, result.threshold],
                [t.results.issued, result.ballots.issued],
                [t.results.collected, result.ballots.collected],
                [t.results.valid, result.ballots.valid],
                [t.results.invalid, result.ballots.invalid],
              ] as const
            ).map(([label, figure]) => (
              <div key={label}>
                <span>{label}</span>
                <strong>{figure}</strong>
              </div>
            ))}
          </div>
          {result.ballots.invalid > 0 ? (
            <ul className="invalid-reasons">
              {INVALID_CODES.filter((c) => result.ballots.invalidByReason[c] !== undefined).map(
                (c) => (
                  <li key={c}>
                    {t.invalid[c]}: {result.ballots.invalidByReason[c]}
                  </li>
                ),
              )}
            </ul>
          ) : null}
          <Messages kind="warn" messages={result.warnings.map((w) => warningText(w, lang))} />
          {!decided ? (
            <p className="messages provisional" data-testid="provisional">
              {t.results.provisional}
            </p>
          ) : null}
          <table className="list results-table" data-testid="results-table">
            <thead>
              <tr>
                <th className="num">{t.results.no}</th>
                <th>{t.results.name}</th>
                <th className="num">{t.results.votes}</th>
                <th className="num">{t.results.percent}</th>
                {decided ? <th>{t.results.outcome}</th> : null}
              </tr>
            </thead>
            <tbody>
              {result.candidates.map((c, i) => (
                <tr key={c.id} className={outcomeClass(outcomeShown(c, result, election.status))}>
                  <td className="num">{i + 1}</td>
                  <td>{c.name}</td>
                  <td className="num">{c.votes}</td>
                  <td className="num">{percentText(c.votes, result.base, lang)}</td>
                  {decided ? <td>{outcomeText(c)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
          {decided ? (
            <>
              <h2>{t.results.electedTitle}</h2>
              <ol className="elected-list">
                {result.elected.map((id) => {
                  const c = byCode.get(id);
                  return c ? (
                    <li key={id}>
                      {c.name} — {c.votes} {t.common.votes} (
                      {percentText(c.votes, result.base, lang)})
                    </li>
                  ) : null;
                })}
              </ol>
              {result.tie ? (
                <div className="messages warn big">
                  {t.results.tie(
                    result.tie.candidates.map((id) => byCode.get(id)?.name ?? id).join(', '),
                    byCode.get(result.tie.candidates[0] ?? '')?.votes ?? 0,
                    result.tie.seats,
                  )}
                </div>
              ) : result.status === 'unfilled' ? (
                <div className="messages warn big">{t.results.open(result.openSeats)}</div>
              ) : (
                <div className="messages ok">{t.results.complete}</div>
              )}
            </>
          ) : null}
        </>
      ) : null}
      <div className="actions row">
        {can('setIssued') ? (
          <form
            className="row"
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await command.run('setIssued', {
                electionId: election.id,
                issued: Number(issued),
              });
              if (r.ok) setIssued('');
            }}
          >
            <Field label={t.count.issued}>
              <input
                inputMode="numeric"
                value={issued}
                onChange={(e) => setIssued(e.target.value)}
              />
            </Field>
            <button>{t.common.save}</button>
          </form>
        ) : null}
        <button
          onClick={() =>
            void command.run('setDisplay', {
              electionId: election.id,
              showFigures: projecting ? !display?.showFigures : false,
            })
          }
        >
          {!projecting
            ? t.results.project
            : display?.showFigures
              ? t.results.hideFigures
              : t.results.showFigures}
        </button>
        {can('closeElection') ? (
          <button className="primary" onClick={() => setAsking('close')}>
            {t.results.close}
          </button>
        ) : null}
        {can('finalizeElection') ? (
          <button className="primary" onClick={() => setAsking('finalize')}>
            {t.results.finalize}
          </button>
        ) : null}
        {can('reopenElection') ? (
          <button onClick={() => setAsking('reopen')}>{t.results.reopen}</button>
        ) : null}
        {can('createFollowUp') && result?.tie ? (
          <button onClick={() => void followUp('revote')}>{t.results.createRevote}</button>
        ) : null}
        {can('createFollowUp') && result?.status === 'unfilled' ? (
          <button onClick={() => void followUp('round')}>{t.results.createRound}</button>
        ) : null}
      </div>
      <ReadingsPanel election={election} />
      {result ? <Documents election={election} /> : null}
      {asking === 'close' || asking === 'finalize' ? (
        <Ask
          title={asking === 'close' ? t.results.close : t.results.finalize}
          text={asking === 'close' ? t.results.confirmClose : t.results.confirmFinalize}
          confirm={t.common.confirm}
          cancel={t.common.cancel}
          onDone={(answer) => {
            const which = asking;
            setAsking(null);
            if (answer === null) return;
            void command.run(
              which === 'close' ? 'closeElection' : 'finalizeElection',
              { electionId: election.id },
              { reload: true },
            );
          }}
        />
      ) : null}
      {asking === 'reopen' ? (
        <Ask
          title={t.results.reopen}
          input={t.results.reopenReason}
          confirm={t.results.reopen}
          cancel={t.common.cancel}
          onDone={(reason) => {
            setAsking(null);
            if (reason !== null)
              void command.run(
                'reopenElection',
                { electionId: election.id, reason },
                { reload: true },
              );
          }}
        />
      ) : null}
    </section>
  );
}
