/**
 * The entry screen: the election chosen, if it is counting; otherwise why not. Ballots come from
 * the keyboard or from the scanner; the station chooses, and keeps its choice for the tab.
 */
import { useState } from 'react';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { useQuery } from '../../use-query.ts';
import { ScanScreen } from '../scan/ScanScreen.tsx';
import { Confirm } from './Confirm.tsx';
import { Entry } from './Entry.tsx';

/** Confirming scanned sheets is a reading of its own, so it is offered only with double entry. */
type Mode = 'keyboard' | 'scanner' | 'confirm';
const MODES: readonly Mode[] = ['keyboard', 'scanner', 'confirm'];

export function Counting() {
  const t = useT();
  const { elections, electionId } = useApp();
  const [chosen, setMode] = useState<Mode>(
    () => MODES.find((m) => m === sessionStorage.getItem('kp-entry-mode')) ?? 'keyboard',
  );
  const { data: readings } = useQuery('readings', electionId === null ? null : { electionId });
  const double = (readings?.required ?? 1) > 1;
  const mode = chosen === 'confirm' && !double ? 'keyboard' : chosen;
  const election = elections.find((e) => e.id === electionId);
  if (!election) return <p>{t.count.choose}</p>;
  if (election.status !== 'counting') {
    return (
      <section>
        <h1>{election.title}</h1>
        <p className="big">
          {t.count.notCounting} ({t.status[election.status]})
        </p>
      </section>
    );
  }
  const choose = (next: Mode) => {
    sessionStorage.setItem('kp-entry-mode', next);
    setMode(next);
  };
  const modes = (
    <div className="tabs entry-mode" role="group" aria-label={t.count.title}>
      {MODES.filter((m) => double || m !== 'confirm').map((m) => (
        <button
          key={m}
          type="button"
          className={m === mode ? 'active' : ''}
          aria-pressed={m === mode}
          onClick={() => choose(m)}
          data-testid={`mode-${m}`}
        >
          {m === 'keyboard'
            ? t.scanScreen.keyboard
            : m === 'scanner'
              ? t.scanScreen.scanner
              : t.readingScreen.confirmMode}
        </button>
      ))}
    </div>
  );
  switch (mode) {
    case 'keyboard':
      return <Entry key={election.id} election={election} modes={modes} />;
    case 'scanner':
      return <ScanScreen key={election.id} election={election} modes={modes} />;
    case 'confirm':
      return <Confirm key={election.id} election={election} modes={modes} />;
  }
}
