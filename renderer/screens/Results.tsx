/** Results: votes and percentages in ballot order, the elected in vote order, ties and open seats with the next step, close and finalize. */
import { useState } from 'react';
import { INVALID_CODES } from '../../core/codes.ts';
import { percentText, warningText } from '../../core/labels.ts';
import { client } from '../client.ts';
import { Ask, Field, Messages } from '../components.tsx';
import { useQuery } from '../hooks.ts';
import { useT } from '../i18n.ts';
import { useApp } from '../store.ts';
import { Documents } from './Documents.tsx';

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
  const [messages, setMessages] = useState<readonly string[] | null>(null);
  const [issued, setIssued] = useState('');
  if (!election) return <p>{t.count.choose}</p>;
  const command = async (p: Promise<{ ok: boolean; messages?: readonly string[] }>) => {
    const r = await p;
    setMessages(r.ok ? null : (r.messages ?? null));
    return r.ok;
  };
  const byCode = new Map((result?.candidates ?? []).map((c) => [c.id, c]));
  const tied = new Set(result?.tie?.candidates ?? []);
  const projecting = display?.electionId === election.id;

  return (
    <section className="results">
      <h1>
        {election.title}{' '}
        <span className={`badge ${election.status}`}>{t.status[election.status]}</span>
      </h1>
      <Messages messages={error} />
      <Messages messages={messages} />
      {result ? (
        <>
          <div className="figures">
            <div>
              <span>{t.results.base}</span>
              <strong>{result.base}</strong>
            </div>
            <div>
              <span>{t.results.threshold}</span>
              <strong>{result.threshold}</strong>
            </div>
            <div>
              <span>{t.results.issued}</span>
              <strong>{result.ballots.issued}</strong>
            </div>
            <div>
              <span>{t.results.collected}</span>
              <strong>{result.ballots.collected}</strong>
            </div>
            <div>
              <span>{t.results.valid}</span>
              <strong>{result.ballots.valid}</strong>
            </div>
            <div>
              <span>{t.results.invalid}</span>
              <strong>{result.ballots.invalid}</strong>
            </div>
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
          <table className="list results-table" data-testid="results-table">
            <thead>
              <tr>
                <th className="num">{t.results.no}</th>
                <th>{t.results.name}</th>
                <th className="num">{t.results.votes}</th>
                <th className="num">{t.results.percent}</th>
                <th>{t.results.outcome}</th>
              </tr>
            </thead>
            <tbody>
              {result.candidates.map((c, i) => (
                <tr key={c.id} className={c.elected ? 'elected' : tied.has(c.id) ? 'tied' : ''}>
                  <td className="num">{i + 1}</td>
                  <td>{c.name}</td>
                  <td className="num">{c.votes}</td>
                  <td className="num">{percentText(c.votes, result.base, lang)}</td>
                  <td>
                    {c.elected
                      ? `${t.results.elected} (${c.rank})`
                      : tied.has(c.id)
                        ? t.results.tied
                        : c.qualified
                          ? t.results.qualified
                          : t.results.notQualified}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t.results.electedTitle}</h2>
          <ol className="elected-list">
            {result.elected.map((id) => {
              const c = byCode.get(id);
              return c ? (
                <li key={id}>
                  {c.name} — {c.votes} {t.common.votes} ({percentText(c.votes, result.base, lang)})
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
      <div className="actions row">
        {['open', 'counting', 'closed'].includes(election.status) ? (
          <form
            className="row"
            onSubmit={async (e) => {
              e.preventDefault();
              if (
                await command(
                  client.command('setIssued', { electionId: election.id, issued: Number(issued) }),
                )
              )
                setIssued('');
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
            void command(
              client.command('setDisplay', {
                electionId: election.id,
                showFigures: projecting ? !display?.showFigures : false,
              }),
            )
          }
        >
          {!projecting
            ? t.results.project
            : display?.showFigures
              ? t.results.hideFigures
              : t.results.showFigures}
        </button>
        {election.status === 'counting' ? (
          <button className="primary" onClick={() => setAsking('close')}>
            {t.results.close}
          </button>
        ) : null}
        {election.status === 'closed' ? (
          <button className="primary" onClick={() => setAsking('finalize')}>
            {t.results.finalize}
          </button>
        ) : null}
        {election.status === 'closed' || election.status === 'finalized' ? (
          <button onClick={() => setAsking('reopen')}>{t.results.reopen}</button>
        ) : null}
        {(election.status === 'closed' || election.status === 'finalized') && result?.tie ? (
          <button
            onClick={async () => {
              const r = await client.command('createFollowUp', {
                electionId: election.id,
                kind: 'revote',
              });
              if (!r.ok) return setMessages(r.messages);
              set({ electionId: r.value.electionId, setupTab: 'elections' });
              useApp.getState().go('setup');
            }}
          >
            {t.results.createRevote}
          </button>
        ) : null}
        {(election.status === 'closed' || election.status === 'finalized') &&
        result?.status === 'unfilled' ? (
          <button
            onClick={async () => {
              const r = await client.command('createFollowUp', {
                electionId: election.id,
                kind: 'round',
              });
              if (!r.ok) return setMessages(r.messages);
              set({ electionId: r.value.electionId, setupTab: 'elections' });
              useApp.getState().go('setup');
            }}
          >
            {t.results.createRound}
          </button>
        ) : null}
      </div>
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
            void command(
              client.command(which === 'close' ? 'closeElection' : 'finalizeElection', {
                electionId: election.id,
              }),
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
              void command(client.command('reopenElection', { electionId: election.id, reason }));
          }}
        />
      ) : null}
    </section>
  );
}
