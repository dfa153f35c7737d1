/**
 * The one message catalogue: `vi.ts` and `en.ts`, the second typed by the first, so a text missing
 * in either language fails the typecheck. Hosts send codes; every client formats them here in its
 * user's language.
 */
import type { SheetProblem } from '../protocol/sheet.ts';
import type { PhotoProblem } from '../candidate-details.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type Messages = typeof vi;
export type Lang = 'vi' | 'en';

const CATALOGUE: Readonly<Record<Lang, Messages>> = { vi, en };

export const messages = (lang: Lang): Messages => CATALOGUE[lang];

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** One sentence per photo problem, naming the file. */
export function photoProblemText(p: PhotoProblem, lang: Lang): string {
  return (messages(lang).intro.photoProblem[p.code] as (p: PhotoProblem) => string)(p);
}

/** One sentence per sheet problem, naming the row(s) and the column. */
export function sheetProblemText(p: SheetProblem, lang: Lang): string {
  const m = messages(lang);
  const field = 'field' in p ? m.sheetField[p.field] : '';
  const text = (m.sheetProblem[p.code] as (p: SheetProblem, field: string) => string)(p, field);
  return 'rows' in p && 'field' in p ? `${m.sheetWhere(p.rows, field)}: ${text}` : text;
}
