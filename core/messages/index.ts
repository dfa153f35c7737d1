/**
 * The one message catalogue: `vi.ts` and `en.ts`, the second typed by the first, so a text missing
 * in either language fails the typecheck. Hosts send codes; every client formats them here in its
 * user's language.
 */
import { en } from './en.ts';
import { vi } from './vi.ts';

export type Messages = typeof vi;
export type Lang = 'vi' | 'en';

const CATALOGUE: Readonly<Record<Lang, Messages>> = { vi, en };

export const messages = (lang: Lang): Messages => CATALOGUE[lang];

export const LANGS: readonly Lang[] = ['vi', 'en'];
