/**
 * Attendance by keyboard: everyone is marked present at once, then each absent delegate is found by
 * a few letters of the name (with or without diacritics) and marked with Enter.
 */
import type { DelegateView } from '../../../core/views.ts';

/** A name as it is searched: no diacritics, đ as d, lower case, single spaces. */
export const foldName = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();

/**
 * The delegates whose name has a word starting with each word typed, in list order: "hai b" finds
 * "Lê Văn Hải B" and not "Lê Văn Hải A".
 */
export function matchDelegates<D extends Pick<DelegateView, 'name'>>(
  delegates: readonly D[],
  query: string,
): D[] {
  const typed = foldName(query).split(' ').filter(Boolean);
  if (typed.length === 0) return [...delegates];
  return delegates.filter((d) => {
    const words = foldName(d.name).split(' ');
    return typed.every((t) => words.some((w) => w.startsWith(t)));
  });
}

/** Enter on a found delegate: absent, or back to present if marked absent by mistake. */
export const toggledAbsence = (
  attendance: DelegateView['attendance'],
): DelegateView['attendance'] => (attendance === 'absent' ? 'present' : 'absent');

/** A click on the attendance button: present → absent → not yet called → present. */
export const nextAttendance = (
  attendance: DelegateView['attendance'],
): DelegateView['attendance'] =>
  attendance === 'present' ? 'absent' : attendance === 'absent' ? 'unknown' : 'present';
