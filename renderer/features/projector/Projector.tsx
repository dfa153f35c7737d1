/**
 * The hall's screen: the election title and its base, ballots counted, one bar per candidate on
 * the scale of the base with the threshold line, live as ballots are entered; the figures stay
 * hidden until released. Outcome colours only once counting is closed. When the connection to the
 * host is lost, it says so plainly: the figures may be stale until it reconnects by itself.
 */
import { OUTCOME_LABELS, percentText } from '../../../core/labels.ts';
import { BaseLine } from '../../BaseLine.tsx';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { useQuery } from '../../use-query.ts';
import { outcomeClass, outcomeShown, showsOutcome } from '../results/outcome.ts';
import { scaleOf } from './scale.ts';

function Stale() {
  const t = useT();
  const { connected, lostAt, lang } = useApp();
  if (connected || lostAt === null) return null;
  const time = new Date(lostAt).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (
    <div className="stale" role="alert" data-testid="projector-stale">
      {t.projector.stale(time)}
    </div>
  );
}

export function Projector() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const connected = useApp((s) => s.connected);
  const { data: display } = useQuery('display', {});
  const electionId = display?.electionId ?? null;
  const { data: election } = useQuery('election', electionId === null ? null : { electionId });
  const { data: result } = useQuery('results', electionId === null ? null : { electionId });
  if (electionId === null || !election || !result) {
    return (
      <div className="projector empty">
        <Stale />
        <h1>{t.projector.nothing}</h1>
      </div>
    );
  }
  const scale = scaleOf(result);
  const dense = result.candidates.length > 16;
  return (
    <div
      className={`projector ${dense ? 'dense' : ''} ${connected ? '' : 'is-stale'}`}
      data-testid="projector"
    >
      <Stale />
      <header>
        <h1>{election.title}</h1>
        <BaseLine election={election} />
        <p className="counted" data-testid="projector-counted">
          {t.projector.counted(result.ballots.collected, election.issued)}
        </p>
      </header>
      {display?.showFigures ? (
        <>
          <p className="threshold-label">{t.projector.threshold(result.threshold)}</p>
          <ol className="bars">
            {result.candidates.map((c, i) => (
              <li
                key={c.id}
                className={outcomeClass(outcomeShown(c, result, election.status))}
                data-testid={`bar-${c.id}`}
              >
                <span className="name">
                  {i + 1}. {c.name}
                </span>
                <span className="track">
                  <span className="bar" style={{ width: `${scale.bar(c.votes)}%` }} />
                  <span className="threshold" style={{ left: `${scale.threshold}%` }} />
                </span>
                <span className="votes" data-testid={`votes-${c.id}`}>
                  {c.votes}
                  <small> {percentText(c.votes, result.base, lang)}</small>
                </span>
              </li>
            ))}
          </ol>
          {showsOutcome(election.status) ? (
            <p className="legend">
              {(['elected', 'over-half-not-elected', 'tied'] as const).map((o) => (
                <span key={o} className={o}>
                  <i /> {OUTCOME_LABELS[o][lang]}
                </span>
              ))}
            </p>
          ) : null}
        </>
      ) : (
        <p className="hidden-figures">{t.projector.hidden}</p>
      )}
    </div>
  );
}
