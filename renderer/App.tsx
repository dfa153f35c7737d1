/** The operator window: navigation, the open file, the operator, and the current screen. */
import { useEffect } from 'react';
import { client } from './client.ts';
import { InternetBanner, Messages } from './components.tsx';
import { useT } from './i18n.ts';
import { Audit } from './features/audit/Audit.tsx';
import { Counting } from './features/entry/Counting.tsx';
import { Projector } from './features/projector/Projector.tsx';
import { Intro } from './features/intro/Intro.tsx';
import { SlidesPage } from './features/intro/Slides.tsx';
import { showsElection } from './features/intro/slides-keys.ts';
import { Results } from './features/results/Results.tsx';
import { Setup } from './features/setup/Setup.tsx';
import { Login } from './features/start/Login.tsx';
import { PairStation } from './features/start/Pairing.tsx';
import { PracticeBar } from './features/start/Practice.tsx';
import { Start } from './features/start/Start.tsx';
import { touchesShell } from './changes.ts';
import { refresh } from './refresh.ts';
import { hashOf, ROUTES } from './routes.ts';
import { useApp } from './store.ts';
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

/** Follows the service: change events, and the connection lost and found again. */
function useService(): void {
  useEffect(() => {
    void refresh();
    const offEvents = client.onEvent((e) => {
      const state = useApp.getState();
      if (e.type === 'event') state.changed(e.event.electionId, e.event.changes);
      else state.changed(null, null);
      if (touchesShell(useApp.getState().change)) void refresh();
    });
    const offStatus = client.onStatus((up) => {
      const state = useApp.getState();
      if (!up) {
        if (state.connected) state.set({ connected: false, lostAt: Date.now() });
        return;
      }
      state.set({ connected: true, lostAt: null });
      // Back after an outage or a restart of the host: everything shown may be stale.
      state.changed(null, null);
      void refresh();
    });
    return () => {
      offEvents();
      offStatus();
    };
  }, []);
}

export function App() {
  const t = useT();
  const { route, go, file, actor, lang, setLang, connected } = useApp();
  useService();

  if (client.needsPairing) {
    return (
      <div className="app">
        <InternetBanner />
        <main>
          <PairStation />
        </main>
      </div>
    );
  }
  if (route === 'projector')
    return (
      <>
        <InternetBanner overlay />
        <PracticeBar projector />
        <Projector />
      </>
    );
  // The introductions' slides: a window of their own for the hall (#/intro?show=ID).
  if (route === 'intro' && showsElection(window.location.hash) !== null)
    return (
      <>
        <InternetBanner overlay />
        <PracticeBar projector />
        <SlidesPage />
      </>
    );
  const needLogin = file !== null && actor === null;
  return (
    <div className="app">
      <InternetBanner />
      <header className="topbar">
        <strong className="brand">{t.appName}</strong>
        <nav>
          {ROUTES.map((r) => (
            <button
              key={r}
              className={r === route ? 'active' : ''}
              disabled={r !== 'start' && file === null}
              onClick={() =>
                r === 'projector' ? window.open(hashOf('projector'), 'kp-projector') : go(r)
              }
            >
              {t.nav[r]}
            </button>
          ))}
        </nav>
        <ElectionPicker />
        <span className="who">{actor ? t.login.as(actor.name) : ''}</span>
        {actor ? (
          <button
            className="link"
            onClick={async () => {
              await client.call('logout', '', {});
              client.setSession(undefined);
              await refresh();
            }}
          >
            {t.login.logout}
          </button>
        ) : null}
        <button className="link" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.lang}
        </button>
      </header>
      <PracticeBar />
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
        ) : route === 'intro' ? (
          <Intro />
        ) : (
          <Audit />
        )}
      </main>
    </div>
  );
}
