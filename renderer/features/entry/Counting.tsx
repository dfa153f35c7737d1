/**
 * The entry screen: the election chosen, if it is counting; otherwise why not. Ballots come from
 * the keyboard or from the scanner; the station chooses, and keeps its choice for the tab.
 */
import { useState } from 'react';
import { useT } from '../../i18n.ts';
import { useApp } from '../../store.ts';
import { ScanScreen } from '../scan/ScanScreen.tsx';
import { Entry } from './Entry.tsx';

type Mode = 'keyboard' | 'scanner';

export function Counting() {
  const t = useT();
  const { elections, electionId } = useApp();
  const [mode, setMode] = useState<Mode>(() =>
    sessionStorage.getItem('kp-entry-mode') === 'scanner' ? 'scanner' : 'keyboard',
  );
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
      {(['keyboard', 'scanner'] as const).map((m) => (
        <button
          key={m}
          type="button"
          className={m === mode ? 'active' : ''}
          aria-pressed={m === mode}
          onClick={() => choose(m)}
          data-testid={`mode-${m}`}
        >
          {m === 'keyboard' ? t.scanScreen.keyboard : t.scanScreen.scanner}
        </button>
      ))}
    </div>
  );
  return mode === 'keyboard' ? (
    <Entry key={election.id} election={election} modes={modes} />
  ) : (
    <ScanScreen key={election.id} election={election} modes={modes} />
  );
}
