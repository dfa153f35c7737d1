/**
 * One election's results as the counting minutes give them: title block, figures, the votes in
 * ballot order, the elected in vote order, the tie or open seats, the warnings and the committee.
 */
import { INVALID_CODES } from '../../core/codes.ts';
import { computeBase } from '../../core/base.ts';
import { baseSummary, electionName, invalidLabel, warningText } from '../../core/labels.ts';
import { percentNumber } from '../../core/percent.ts';
import type { ElectionRecord } from '../../core/record.ts';
import type { ElectionResult } from '../../core/tally.ts';
import {
  PERCENT,
  a4,
  fitHeight,
  partyHead,
  put,
  putHeader,
  putMerged,
  textWidth,
  type CellStyle,
  type Worksheet,
} from './sheet.ts';
import { T, closingSentence, congressLine, exclusionLabel, outcomeText } from './text.ts';

export interface CommitteeMember {
  readonly name: string;
  readonly role: 'head' | 'member';
}

const COLS = 5; // STT | Họ và tên | Số phiếu | Tỷ lệ (%) | Kết quả
const LABEL_TO = 4; // figures: label across A:D, value in E
const OUTCOME_WIDTH = 20;

/** A figure: its label across A:D, its integer in E. */
function figure(ws: Worksheet, row: number, label: string, value: number, style: CellStyle = {}) {
  putMerged(ws, row, 1, LABEL_TO, label, { wrap: true, ...style });
  put(ws, row, COLS, value, { align: 'right', bold: style.bold === true });
}

/** The title block, with the election's base; returns the next free row. */
export function titleBlock(
  ws: Worksheet,
  record: ElectionRecord,
  result: ElectionResult,
  heading: string,
): number {
  partyHead(ws, { congress: record.congress, right: 3, cols: COLS, heading });
  putMerged(ws, 5, 1, COLS, electionName(record.election, 'vi'), {
    bold: true,
    align: 'center',
    wrap: true,
  });
  putMerged(ws, 6, 1, COLS, congressLine(record), { italic: true, align: 'center', wrap: true });
  putMerged(ws, 7, 1, COLS, baseSummary(record, result, 'vi'), {
    bold: true,
    align: 'center',
    wrap: true,
  });
  return 9;
}

function baseHow(record: ElectionRecord, result: ElectionResult): string {
  const { base, rules } = record;
  if (base.override !== null) return T.baseOverride;
  if (rules === 'valid-ballots') return T.baseValid;
  if (rules === 'collected-ballots') return T.baseCollected;
  const excluded = base.exclusions.reduce((sum, x) => sum + x.count, 0);
  return T.baseParty(base.convened, excluded, result.base);
}

/** Seats, base, threshold and ballot counts; returns the next free row. */
function figures(ws: Worksheet, start: number, record: ElectionRecord, result: ElectionResult) {
  const { base, election, candidates } = record;
  let r = start;
  figure(ws, r++, T.seats, election.seats);
  figure(ws, r++, T.candidates, candidates.length);
  figure(ws, r++, T.convened, base.convened);
  if (base.present !== undefined) figure(ws, r++, T.present, base.present);
  const excluded = base.exclusions.reduce((sum, x) => sum + x.count, 0);
  figure(ws, r++, base.exclusions.length > 0 ? T.exclusions : T.noExclusions, excluded);
  for (const x of base.exclusions) {
    figure(ws, r++, `– ${exclusionLabel(x.category)}`, x.count, { indent: 2 });
  }
  figure(ws, r++, `${T.base} (${baseHow(record, result)})`, result.base, { bold: true });
  if (base.override !== null) {
    const { computed } = computeBase(record.rules, base, result.ballots);
    putMerged(ws, r++, 1, COLS, T.overrideNote(computed, base.override.note), {
      italic: true,
      wrap: true,
      indent: 2,
    });
  }
  figure(ws, r++, T.threshold, result.threshold, { bold: true });
  const b = result.ballots;
  figure(ws, r++, T.issued, b.issued);
  figure(ws, r++, T.collected, b.collected);
  figure(ws, r++, T.valid, b.valid);
  figure(ws, r++, T.invalid, b.invalid);
  for (const code of INVALID_CODES) {
    const n = b.invalidByReason[code];
    if (n !== undefined) figure(ws, r++, `– ${invalidLabel(code, 'vi')}`, n, { indent: 2 });
  }
  return r + 1;
}

/** The votes table in ballot order; returns the header row and the next free row. */
function votesTable(ws: Worksheet, header: number, result: ElectionResult) {
  putHeader(ws, header, T.header);
  let r = header + 1;
  result.candidates.forEach((c, i) => {
    put(ws, r, 1, i + 1, { align: 'center', boxed: true });
    put(ws, r, 2, c.name, { boxed: true, bold: c.elected });
    put(ws, r, 3, c.votes, { align: 'right', boxed: true });
    put(ws, r, 4, percentNumber(c.votes, result.base, 2), { numFmt: PERCENT, boxed: true });
    const outcome = outcomeText(c, result);
    put(ws, r, 5, outcome, { boxed: true, bold: c.elected, wrap: true });
    fitHeight(ws, r, outcome, OUTCOME_WIDTH);
    r++;
  });
  return r + 1;
}

function electedTable(ws: Worksheet, start: number, result: ElectionResult): number {
  let r = start;
  putMerged(ws, r++, 1, COLS, T.electedTitle, { bold: true });
  if (result.elected.length === 0) {
    putMerged(ws, r++, 1, COLS, T.noneElected, { italic: true });
    return r + 1;
  }
  putHeader(ws, r, T.electedHeader, { wrap: false });
  r++;
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  for (const id of result.elected) {
    const c = byId.get(id);
    if (c === undefined) continue;
    put(ws, r, 1, c.rank ?? 0, { align: 'center', boxed: true });
    put(ws, r, 2, c.name, { boxed: true });
    put(ws, r, 3, c.votes, { align: 'right', boxed: true });
    put(ws, r, 4, percentNumber(c.votes, result.base, 2), { numFmt: PERCENT, boxed: true });
    r++;
  }
  return r + 1;
}

function committeeBlock(ws: Worksheet, start: number, committee: readonly CommitteeMember[]) {
  let r = start;
  putMerged(ws, r, 1, 2, T.committee, { bold: true });
  putMerged(ws, r++, 3, COLS, T.signature, { italic: true, align: 'center' });
  const ordered = [
    ...committee.filter((m) => m.role === 'head'),
    ...committee.filter((m) => m.role !== 'head'),
  ];
  ordered.forEach((m, i) => {
    put(ws, r, 1, i + 1, { align: 'center' });
    put(ws, r, 2, m.name);
    put(ws, r, 3, m.role === 'head' ? T.head : T.member);
    ws.mergeCells(r, 4, r, COLS);
    ws.getCell(r, 4).border = { bottom: { style: 'dotted' } };
    ws.getRow(r).height = 30;
    r++;
  });
  return r;
}

/**
 * Writes the results of one election into an empty sheet. The figures come from `result`
 * (Tally.ofRecord(record).result()), never recomputed here.
 */
export function writeResultsSheet(
  ws: Worksheet,
  record: ElectionRecord,
  result: ElectionResult,
  committee: readonly CommitteeMember[],
): void {
  const longestName = Math.max(0, ...result.candidates.map((c) => textWidth(c.name)));
  const widths = [7, Math.max(30, longestName + 2), 11, 11, OUTCOME_WIDTH];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const figuresStart = titleBlock(ws, record, result, T.resultsTitle);
  const header = figures(ws, figuresStart, record, result);
  let r = votesTable(ws, header, result);
  r = electedTable(ws, r, result);
  const closing = closingSentence(result);
  putMerged(ws, r++, 1, COLS, closing, { wrap: true, bold: result.status !== 'complete' });
  r++;
  if (result.warnings.length > 0) {
    putMerged(ws, r++, 1, COLS, T.warnings, { bold: true });
    for (const w of result.warnings) {
      putMerged(ws, r++, 1, COLS, `! ${warningText(w, 'vi')}`, { wrap: true, indent: 1 });
    }
    r++;
  }
  if (committee.length > 0) r = committeeBlock(ws, r, committee);

  // The table's header is not frozen: the title block and figures above it fill 20–30 rows, and
  // frozen they would leave no room for the table on a laptop screen. It repeats on every page.
  a4(ws, { orientation: 'portrait', titleRow: header });
}
