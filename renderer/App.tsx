/** The operator window: navigation, the open file, the operator, and the current screen. */
import { useEffect, useState } from 'react';
import { client } from './client.ts';
import { Messages } from './components.tsx';
import { useT } from './i18n.ts';
import { Audit } from './screens/Audit.tsx';
import { Counting } from './screens/Counting.tsx';
import { Projector } from './screens/Projector.tsx';
import { Results } from './screens/Results.tsx';
import { Setup } from './screens/Setup.tsx';
import { Start } from './screens/Start.tsx';
import { PairStation } from './screens/Pairing.tsx';
import { refresh } from './refresh.ts';
import { useApp, type Route } from './store.ts';
import type { ElectionView } from '../core/views.ts';

function ElectionPicker() {
  const t = useT();
  const { elections, electionId, set } = useApp();
  if (elections.length === 0) return null;
  return (
    <select
      aria-label={t.count.choose}
      className="election-picker"
      value={electionId ?? ''}
      onChange={(e) => set({ electionId: Number(e.target.value) })}
    >
      {elections.map((e: ElectionView) => (
        <option key={e.id} value={e.id}>
          {e.title} — {t.status[e.status]}
        </option>
      ))}
    </select>
  );
}

function Login() {
  const t = useT();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<readonly string[] | null>(null);
  return (
    <form
      className="card login"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await client.login(name, pin);
        if (!r.ok) return setError(r.messages);
        client.setSession(r.value.session);
        await refresh();
      }}
    >
      <h2>{t.login.title}</h2>
      <input
        aria-label={t.login.name}
        placeholder={t.login.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <input
        aria-label={t.login.pin}
        placeholder={t.login.pin}
        type="password"
        inputMode="numeric"
        value={pin}
        onChange={(e) => setPin(e.target.value)}
      />
      <button className="primary">{t.login.submit}</button>
      <Messages messages={error} />
    </form>
  );
}

const NAV: readonly Route[] = ['start', 'setup', 'count', 'results', 'audit', 'projector'];

export function App() {
  const t = useT();
  const { route, go, file, actor, lang, setLang, connected } = useApp();
  useEffect(() => {
    void refresh();
    const offEvents = client.onEvent(() => {
      useApp.setState((s) => ({ version: s.version + 1 }));
      void refresh();
    });
    const offStatus = client.onStatus((up) => {
      useApp.getState().set({ connected: up });
      if (up) void refresh();
    });
    return () => {
      offEvents();
      offStatus();
    };
  }, []);

  if (client.needsPairing) {
    return (
      <div className="app">
        <main>
          <PairStation />
        </main>
      </div>
    );
  }
  if (route === 'projector') return <Projector />;
  const needLogin = file !== null && actor === null;
  return (
    <div className="app">
      <header className="topbar">
        <strong className="brand">{t.appName}</strong>
        <nav>
          {NAV.map((r) => (
            <button
              key={r}
              className={r === route ? 'active' : ''}
              disabled={r !== 'start' && file === null}
              onClick={() =>
                r === 'projector' ? window.open('#/projector', 'kp-projector') : go(r)
              }
            >
              {t.nav[r]}
            </button>
          ))}
        </nav>
        <ElectionPicker />
        <span className="who">{actor ? t.login.as(actor.name) : ''}</span>
        <button className="link" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.lang}
        </button>
      </header>
      {!connected ? <Messages messages={[t.common.reconnecting]} /> : null}
      <main>
        {file !== null ? <div className="filebar">{file.congress?.name ?? file.path}</div> : null}
        {needLogin ? (
          <Login />
        ) : route === 'start' || file === null ? (
          <Start />
        ) : route === 'setup' ? (
          <Setup />
        ) : route === 'count' ? (
          <Counting />
        ) : route === 'results' ? (
          <Results />
        ) : (
          <Audit />
        )}
      </main>
    </div>
  );
}
