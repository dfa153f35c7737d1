/**
 * The hall's screen: the election title, ballots counted, one bar per candidate with the
 * threshold line, live as ballots are entered; the figures stay hidden until released.
 */
import { percentText } from '../../core/labels.ts';
import { useQuery } from '../hooks.ts';
import { useT } from '../i18n.ts';
import { useApp } from '../store.ts';

export function Projector() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { data: display } = useQuery('display', {});
  const electionId = display?.electionId ?? null;
  const { data: election } = useQuery('election', electionId === null ? null : { electionId });
  const { data: result } = useQuery('results', electionId === null ? null : { electionId });
  if (electionId === null || !election || !result) {
    return (
      <div className="projector empty">
        <h1>{t.projector.nothing}</h1>
      </div>
    );
  }
  const max = Math.max(result.ballots.valid, result.threshold, 1);
  const thresholdAt = (result.threshold / max) * 100;
  const dense = result.candidates.length > 16;
  return (
    <div className={`projector ${dense ? 'dense' : ''}`} data-testid="projector">
      <header>
        <h1>{election.title}</h1>
        <p className="counted" data-testid="projector-counted">
          {t.projector.counted(result.ballots.collected, election.issued)}
        </p>
      </header>
      {display?.showFigures ? (
        <>
          <p className="threshold-label">{t.projector.threshold(result.threshold)}</p>
          <ol className="bars">
            {result.candidates.map((c, i) => (
              <li key={c.id} className={c.elected ? 'elected' : c.qualified ? 'qualified' : ''}>
                <span className="name">
                  {i + 1}. {c.name}
                </span>
                <span className="track">
                  <span className="bar" style={{ width: `${(c.votes / max) * 100}%` }} />
                  <span className="threshold" style={{ left: `${thresholdAt}%` }} />
                </span>
                <span className="votes" data-testid={`votes-${c.id}`}>
                  {c.votes}
                  <small> {percentText(c.votes, result.base, lang)}</small>
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="hidden-figures">{t.projector.hidden}</p>
      )}
    </div>
  );
}
