/** The UI's shared state (zustand): language, screen, file, operator, elections, the last change. */
import { create } from 'zustand';
import type { FileInfo } from '../core/protocol/index.ts';
import type { ElectionView } from '../core/views.ts';
import { NO_CHANGE, type Change } from './changes.ts';
import { hashOf, routeOf, type Route } from './routes.ts';

export type { FileInfo };

export type SetupTab = 'congress' | 'delegates' | 'base' | 'committee' | 'elections' | 'operators';

interface AppState {
  lang: 'vi' | 'en';
  route: Route;
  file: FileInfo | null;
  actor: { name: string; role: string } | null;
  elections: readonly ElectionView[];
  electionId: number | null;
  /** The last change the service announced: views re-read what it touches (changes.ts). */
  change: Change;
  connected: boolean;
  /** When the connection was lost (ms since the epoch), for "figures as of …". */
  lostAt: number | null;
  setupTab: SetupTab;
  setLang(lang: 'vi' | 'en'): void;
  go(route: Route): void;
  /** A change touching `queries` (null: all) of the views of `electionId` (null: every view). */
  changed(electionId: number | null, queries: readonly string[] | null): void;
  set(partial: Partial<Omit<AppState, 'set' | 'go' | 'setLang' | 'changed'>>): void;
}

export const useApp = create<AppState>((set) => ({
  lang: (localStorage.getItem('kp-lang') as 'vi' | 'en' | null) ?? 'vi',
  route: routeOf(window.location.hash),
  file: null,
  actor: null,
  elections: [],
  electionId: Number(sessionStorage.getItem('kp-election')) || null,
  change: NO_CHANGE,
  connected: true,
  lostAt: null,
  setupTab: 'delegates',
  setLang: (lang) => {
    localStorage.setItem('kp-lang', lang);
    set({ lang });
  },
  go: (route) => {
    window.location.hash = hashOf(route);
    set({ route });
  },
  changed: (electionId, queries) =>
    set((s) => ({ change: { seq: s.change.seq + 1, electionId, queries } })),
  set: (partial) => {
    if (partial.electionId !== undefined)
      sessionStorage.setItem('kp-election', String(partial.electionId ?? ''));
    set(partial);
  },
}));

window.addEventListener('hashchange', () =>
  useApp.setState({ route: routeOf(window.location.hash) }),
);
