/** The operator window's screens, listed once: the navigation, the address (#/…) and the store use it. */
export const ROUTES = [
  'start',
  'setup',
  'intro',
  'count',
  'results',
  'audit',
  'projector',
] as const;
export type Route = (typeof ROUTES)[number];

/** The screen an address names (#/results, #/projector?token=…); the start screen otherwise. */
export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/u, '').split(/[?/&]/u)[0] ?? '';
  return ROUTES.find((r) => r === name) ?? 'start';
}

export const hashOf = (route: Route): string => `#/${route}`;
