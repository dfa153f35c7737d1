/** The UI's shared state (zustand): language, file, operator, elections, and a change counter. */
import { create } from 'zustand';
import type { ElectionView } from '../core/views.ts';
import type { CongressDetails } from '../core/api.ts';

export type Route = 'start' | 'setup' | 'count' | 'results' | 'audit' | 'projector';

export interface FileInfo {
  readonly path: string;
  readonly congress: CongressDetails | null;
}

interface AppState {
  lang: 'vi' | 'en';
  route: Route;
  file: FileInfo | null;
  actor: { name: string; role: string } | null;
  elections: readonly ElectionView[];
  electionId: number | null;
  /** Bumped on every change event: views re-read what they show. */
  version: number;
  connected: boolean;
  setupTab: 'congress' | 'delegates' | 'base' | 'committee' | 'elections' | 'operators';
  setLang(lang: 'vi' | 'en'): void;
  go(route: Route): void;
  set(partial: Partial<Omit<AppState, 'set' | 'go' | 'setLang'>>): void;
}

const routeFromHash = (): Route => {
  const name = window.location.hash.replace(/^#\/?/u, '').split(/[?/]/u)[0] ?? '';
  return (
    (['start', 'setup', 'count', 'results', 'audit', 'projector'] as const).find(
      (r) => r === name,
    ) ?? 'start'
  );
};

export const useApp = create<AppState>((set) => ({
  lang: (localStorage.getItem('kp-lang') as 'vi' | 'en' | null) ?? 'vi',
  route: routeFromHash(),
  file: null,
  actor: null,
  elections: [],
  electionId: Number(sessionStorage.getItem('kp-election')) || null,
  version: 0,
  connected: true,
  setupTab: 'delegates',
  setLang: (lang) => {
    localStorage.setItem('kp-lang', lang);
    set({ lang });
  },
  go: (route) => {
    window.location.hash = `#/${route}`;
    set({ route });
  },
  set: (partial) => {
    if (partial.electionId !== undefined)
      sessionStorage.setItem('kp-election', String(partial.electionId ?? ''));
    set(partial);
  },
}));

window.addEventListener('hashchange', () => useApp.setState({ route: routeFromHash() }));
