/** Attendance: everyone present at once, then the absent found by name and marked with Enter. */
import { useState } from 'react';
import type { DelegateView } from '../../../core/views.ts';
import { Ask, Messages, PlaceholderInput, TableHead } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useCommand } from '../../use-command.ts';
import { matchDelegates, nextAttendance, toggledAbsence } from './attendance.ts';

export function Attendance({ delegates }: { delegates: readonly DelegateView[] }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const [removing, setRemoving] = useState<DelegateView | null>(null);
  const command = useCommand();
  const shown = matchDelegates(delegates, query);
  const at = Math.min(cursor, Math.max(shown.length - 1, 0));
  const counts = { present: 0, absent: 0, unknown: 0 };
  for (const d of delegates) counts[d.attendance]++;
  const label = (a: DelegateView['attendance']) =>
    a === 'present' ? t.setup.present : a === 'absent' ? t.setup.absent : t.setup.unknown;

  return (
    <>
      <h2>
        {t.setup.delegates(delegates.length)} ·{' '}
        <span className="muted" data-testid="attendance-counts">
          {t.setup.presentCount(counts.present, counts.absent, counts.unknown)}
        </span>
      </h2>
      <div className="row attendance-bar">
        <button
          disabled={delegates.length === 0 || command.busy}
          onClick={() => void command.run('setAttendanceAll', { attendance: 'present' })}
        >
          {t.setup.allPresent}
        </button>
        <PlaceholderInput
          className="grow"
          label={t.setup.findDelegate}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCursor(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const by = e.key === 'ArrowDown' ? 1 : -1;
              setCursor(Math.min(Math.max(at + by, 0), Math.max(shown.length - 1, 0)));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const d = shown[at];
              if (d === undefined || query.trim() === '') return;
              void command.run('setAttendance', {
                delegateId: d.id,
                attendance: toggledAbsence(d.attendance),
              });
              setQuery('');
              setCursor(0);
            }
          }}
        />
        {query.trim() !== '' ? (
          <span className="muted">{t.setup.matches(shown.length)}</span>
        ) : null}
      </div>
      <Messages messages={command.messages} />
      <table className="list">
        <TableHead
          titles={[
            t.results.name,
            t.setup.position,
            t.setup.unit,
            t.setup.status,
            t.setup.attendance,
            '',
          ]}
        />
        <tbody>
          {shown.map((d, i) => (
            <tr
              key={d.id}
              className={query.trim() !== '' && i === at ? 'cursor' : ''}
              aria-selected={query.trim() !== '' && i === at}
            >
              <td className="num">{delegates.indexOf(d) + 1}</td>
              <td>{d.name}</td>
              <td>{d.position ?? ''}</td>
              <td>{d.unit ?? ''}</td>
              <td>{d.status === 'official' ? t.setup.official : t.setup.alternate}</td>
              <td>
                <button
                  className={`attendance ${d.attendance}`}
                  onClick={() =>
                    void command.run('setAttendance', {
                      delegateId: d.id,
                      attendance: nextAttendance(d.attendance),
                    })
                  }
                >
                  {label(d.attendance)}
                </button>
              </td>
              <td>
                <button
                  className="link"
                  aria-label={`${t.common.remove} ${d.name}`}
                  onClick={() => setRemoving(d)}
                >
                  {t.common.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing ? (
        <Ask
          title={t.setup.removeDelegate(removing.name)}
          confirm={t.common.remove}
          cancel={t.common.back}
          onDone={(answer) => {
            const d = removing;
            setRemoving(null);
            if (answer !== null) void command.run('removeDelegate', { delegateId: d.id });
          }}
        />
      ) : null}
    </>
  );
}
