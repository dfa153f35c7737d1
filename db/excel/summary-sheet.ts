/** The first sheet of a congress workbook: one row per election, linked to its own sheet. */
import type { ElectionRecord } from '../../core/record.ts';
import type { ElectionResult } from '../../core/tally.ts';
import {
  a4,
  fitHeight,
  freeze,
  partyHead,
  put,
  putHeader,
  putMerged,
  textWidth,
  type Worksheet,
} from './sheet.ts';
import { T, statusText } from './text.ts';

export interface SummaryRow {
  readonly record: ElectionRecord;
  readonly result: ElectionResult;
  readonly sheet: string;
}

/** A link to cell A1 of another sheet of the same workbook. */
export const sheetLink = (sheet: string): string => `#'${sheet.replace(/'/gu, "''")}'!A1`;

export function writeSummarySheet(ws: Worksheet, rows: readonly SummaryRow[]): void {
  const cols = T.summaryHeader.length;
  const longestTitle = Math.max(0, ...rows.map((r) => textWidth(r.record.election.title)));
  const longestSheet = Math.max(0, ...rows.map((r) => textWidth(r.sheet)));
  const widths = [6, Math.min(60, Math.max(36, longestTitle)), 7, 10, 10, 10, 10, 10, 11, 10, 24];
  widths.push(Math.max(14, longestSheet));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const first = rows[0]?.record.congress;
  partyHead(ws, { congress: first, right: 4, cols, heading: T.congressTitle });
  if (first !== undefined) {
    const term =
      first.term === undefined || first.name.includes(first.term) ? '' : ` — ${T.term(first.term)}`;
    putMerged(ws, 5, 1, cols, `${first.name}${term}`, { italic: true, align: 'center' });
  }

  const header = 7;
  putHeader(ws, header, T.summaryHeader);
  ws.getRow(header).height = 34;
  let r = header + 1;
  rows.forEach(({ record, result, sheet }, i) => {
    const b = result.ballots;
    put(ws, r, 1, i + 1, { align: 'center', boxed: true });
    put(ws, r, 2, record.election.title, { wrap: true, boxed: true });
    put(ws, r, 3, record.election.round, { align: 'center', boxed: true });
    put(ws, r, 4, record.election.seats, { boxed: true });
    // Each election's own base: a conference's differs from the congress's.
    put(ws, r, 5, result.base, { boxed: true });
    put(ws, r, 6, result.threshold, { boxed: true });
    put(ws, r, 7, b.collected, { boxed: true });
    put(ws, r, 8, b.valid, { boxed: true });
    put(ws, r, 9, b.invalid, { boxed: true });
    put(ws, r, 10, result.elected.length, { boxed: true });
    put(ws, r, 11, statusText(result), {
      wrap: true,
      boxed: true,
      bold: result.status !== 'complete',
    });
    const link = put(ws, r, 12, { text: sheet, hyperlink: sheetLink(sheet) }, { boxed: true });
    link.font = { ...link.font, color: { argb: 'FF0563C1' }, underline: true };
    fitHeight(ws, r, record.election.title, widths[1] ?? 0);
    fitHeight(ws, r, statusText(result), widths[10] ?? 0);
    r++;
  });
  if (rows.length === 0) putMerged(ws, r++, 1, cols, T.noElections, { italic: true });

  freeze(ws, header);
  a4(ws, { orientation: 'landscape', titleRow: header });
}
