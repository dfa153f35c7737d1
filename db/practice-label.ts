/**
 * Every document of a practice congress says so (core/practice.ts): a red line in the top margin
 * of every page, and on the minutes and the announcement a large TẬP HUẤN across the page. The
 * ballot keeps its page clear (the scanner reads it): the margin line only. Files are named
 * tap-huan-… so a copy on a USB stick says it too.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { PRACTICE_LABEL, PRACTICE_NOTICE } from '../core/practice.ts';
import type { ElectionRecord } from '../core/record.ts';

export const isPractice = (record: ElectionRecord): boolean => record.congress.practice === true;

export function practiceMarked(
  document: TDocumentDefinitions,
  record: ElectionRecord,
  { watermark }: { watermark: boolean },
): TDocumentDefinitions {
  if (!isPractice(record)) return document;
  const own = document.background;
  const notice: Content = {
    text: PRACTICE_NOTICE,
    color: '#c00000',
    bold: true,
    fontSize: 9,
    alignment: 'center',
    margin: [0, 4, 0, 0],
  };
  return {
    ...document,
    background: (page, size) => {
      const theirs = typeof own === 'function' ? own(page, size) : (own ?? null);
      return theirs === null || theirs === undefined ? notice : [theirs, notice];
    },
    ...(watermark
      ? { watermark: { text: PRACTICE_LABEL, color: '#c00000', opacity: 0.1, bold: true } }
      : {}),
  };
}

export const practiceFileName = (record: ElectionRecord, name: string): string =>
  isPractice(record) ? `tap-huan-${name}` : name;
