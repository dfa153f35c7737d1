/** The ballots entered: search, correct (loads the marks into the editor), void with a reason. */
import { useState } from 'react';
import type { BallotBody, ElectionView } from '../../../core/views.ts';
import { Ask, Messages, PlaceholderInput } from '../../components.tsx';
import { useCommand } from '../../use-command.ts';
import { useQuery } from '../../use-query.ts';
import { useT } from '../../i18n.ts';

export function BallotList({
  election,
  onCorrect,
}: {
  election: ElectionView;
  onCorrect: (n: number, body: BallotBody) => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [voiding, setVoiding] = useState<number | null>(null);
  const command = useCommand();
  const { data } = useQuery('ballots', {
    electionId: election.id,
    ...(search.trim() === '' ? {} : { search }),
  });
  const numberOf = new Map(election.candidates.map((c, i) => [c.code, i + 1]));
  const describe = (body: BallotBody): string => {
    if ('struck' in body)
      return body.struck.length === 0
        ? '—'
        : `${t.count.struck}: ${body.struck.map((c) => numberOf.get(c)).join(', ')}`;
    if ('marks' in body)
      return Object.entries(body.marks)
        .map(
          ([c, m]) =>
            `${numberOf.get(c)}:${m === 'agree' ? '✓' : m === 'disagree' ? '✗' : m === 'both' ? '±' : '○'}`,
        )
        .join(' ');
    // A ruling from the paper alone: the status column names it.
    return t.common.none;
  };
  const rows = [...(data ?? [])].reverse().slice(0, 200);
  return (
    <div className="card ballots">
      <h3>{t.count.list}</h3>
      <PlaceholderInput
        label={t.count.search}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Messages messages={command.messages} />
      <table className="compact">
        <tbody>
          {rows.map((b) => (
            <tr
              key={b.n}
              data-n={b.n}
              className={b.voided ? 'voided' : b.status === 'valid' ? '' : 'invalid'}
            >
              <td className="num">{b.n}</td>
              <td className="cut" title={describe(b.body)}>
                {describe(b.body)}
              </td>
              <td className="cut" title={t.invalid[b.status]}>
                {t.invalid[b.status]}
              </td>
              <td className="actions-cell">
                {!b.voided ? (
                  <div className="row small">
                    <button onClick={() => onCorrect(b.n, b.body)}>{t.count.correct}</button>
                    <button onClick={() => setVoiding(b.n)}>{t.count.void}</button>
                  </div>
                ) : (
                  <div className="muted cut" title={b.voidReason ?? ''}>
                    {b.voidReason}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {voiding !== null ? (
        <Ask
          title={`${t.count.void} — ${t.count.ballot(voiding)}`}
          input={t.count.voidReason}
          confirm={t.count.voidThis}
          cancel={t.common.back}
          onDone={async (reason) => {
            const n = voiding;
            setVoiding(null);
            if (reason === null) return;
            await command.run('voidBallot', { electionId: election.id, n, reason });
          }}
        />
      ) : null}
    </div>
  );
}
