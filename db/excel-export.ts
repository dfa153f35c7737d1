/**
 * Excel exports of results (exceljs): one election as in the counting minutes, every election of
 * a congress in one workbook, and the ballot-level data anyone can recount in a spreadsheet.
 * Every figure comes from the engine (Tally.ofRecord(record).result()); every text is NFC; the
 * record holds nothing that identifies a voter and nothing of the kind is added here.
 */
import type { ElectionRecord } from '../core/record.ts';
import { Tally } from '../core/tally.ts';
import { writeBallotsSheet } from './excel/ballots-sheet.ts';
import { writeGuideSheet } from './excel/guide-sheet.ts';
import { writeResultsSheet, type CommitteeMember } from './excel/results-sheet.ts';
import { uniqueSheetNames } from './excel/sheet-names.ts';
import { newWorkbook, toBytes } from './excel/sheet.ts';
import { writeSummarySheet } from './excel/summary-sheet.ts';
import { T, nfc } from './excel/text.ts';

export type { CommitteeMember } from './excel/results-sheet.ts';
export { cleanSheetName, isValidSheetName, uniqueSheetNames } from './excel/sheet-names.ts';

export interface ResultsWorkbookOptions {
  /** The counting committee who sign; defaults to the record's own `committee` when it has one. */
  readonly committee?: readonly CommitteeMember[];
}

export const RESULTS_SHEET = 'Kết quả';

function committeeOf(record: ElectionRecord, options: ResultsWorkbookOptions): CommitteeMember[] {
  const own = (record as { readonly committee?: readonly CommitteeMember[] }).committee;
  return [...(options.committee ?? own ?? [])].map((m) => ({ name: nfc(m.name), role: m.role }));
}

/** The results of one election, as in its counting minutes (one sheet, A4 portrait). */
export async function resultsWorkbook(
  record: ElectionRecord,
  options: ResultsWorkbookOptions = {},
): Promise<Uint8Array> {
  const result = Tally.ofRecord(record).result();
  const wb = newWorkbook();
  wb.title = nfc(record.election.title);
  const ws = wb.addWorksheet(RESULTS_SHEET);
  writeResultsSheet(ws, record, result, committeeOf(record, options));
  return toBytes(wb);
}

/**
 * "Bầu Ban Chấp hành Đảng bộ …, nhiệm kỳ 2025–2030" → "Ban Chấp hành Đảng bộ …": what every
 * title of a congress shares is left out of the 31 characters of a sheet name.
 */
function sheetTitle(title: string): string {
  const short = nfc(title)
    .trim()
    // The round goes in the suffix, once.
    .replace(/\s*\(vòng\s+\d+\)\s*$/iu, '')
    .replace(/\s*[—–-]\s*(bầu lại|bầu tiếp)\s*$/iu, '')
    .replace(/^bầu\s+/iu, '')
    .replace(/,?\s*nhiệm kỳ\s+\d{4}\s*[–-]\s*\d{4}\s*$/iu, '');
  return short.charAt(0).toLocaleUpperCase('vi') + short.slice(1);
}

/** Sheet names for the elections of a congress workbook, after the summary sheet. */
export function electionSheetNames(records: readonly ElectionRecord[]): string[] {
  return uniqueSheetNames(
    records.map((r) => ({
      name: sheetTitle(r.election.title),
      ...(r.election.round > 1 ? { suffix: `(vòng ${r.election.round})` } : {}),
    })),
    [T.summarySheet],
  );
}

/**
 * Every election of a congress: a summary sheet (one row per election, in the order given) and
 * one sheet per election with the same content as `resultsWorkbook`.
 */
export async function congressWorkbook(
  records: readonly ElectionRecord[],
  options: ResultsWorkbookOptions = {},
): Promise<Uint8Array> {
  const wb = newWorkbook();
  const first = records[0];
  if (first !== undefined) wb.title = nfc(first.congress.name);
  const names = electionSheetNames(records);
  const rows = records.map((record, i) => ({
    record,
    result: Tally.ofRecord(record).result(),
    sheet: names[i] ?? '',
  }));
  const summary = wb.addWorksheet(T.summarySheet);
  writeSummarySheet(summary, rows);
  for (const { record, result, sheet } of rows) {
    writeResultsSheet(wb.addWorksheet(sheet), record, result, committeeOf(record, options));
  }
  return toBytes(wb);
}

/**
 * The ballot-level data: one row per ballot, 0/1 per candidate, totals as formulas whose cached
 * results are the engine's counts, and a sheet "Hướng dẫn" on how to recount.
 */
export async function ballotsWorkbook(record: ElectionRecord): Promise<Uint8Array> {
  const tally = Tally.ofRecord(record);
  const result = tally.result();
  const wb = newWorkbook();
  wb.title = nfc(record.election.title);
  const ballots = wb.addWorksheet(T.ballotsSheet);
  const layout = writeBallotsSheet(ballots, record, result, tally);
  writeGuideSheet(wb.addWorksheet(T.guideSheet), record, result, layout, T.ballotsSheet);
  return toBytes(wb);
}
