/**
 * Ballot-level data to recount in a spreadsheet: one row per ballot with 0/1 per candidate, then
 * totals as formulas whose cached results are the engine's counts, so a spreadsheet that
 * recalculates and one that does not both show them. Nothing here identifies a voter: a ballot
 * is its entry number, its reading and the committee's note, nothing else.
 */
import { INVALID_LABELS, baseSummary, electionName } from '../../core/labels.ts';
import { percentNumber } from '../../core/percent.ts';
import type { ElectionRecord, EnteredBallot } from '../../core/record.ts';
import type { ElectionResult, Tally } from '../../core/tally.ts';
import {
  HEADER_STYLE,
  PERCENT,
  a4,
  columnLetter,
  fitHeight,
  freeze,
  put,
  putHeader,
  putMerged,
  textWidth,
  type Worksheet,
} from './sheet.ts';
import { T, congressLine, dateText, outcomeText } from './text.ts';

/** Where things are on the ballots sheet; the guide sheet refers to them. */
export interface BallotsLayout {
  readonly header: number;
  readonly first: number;
  readonly last: number;
  readonly firstCandidateColumn: number;
  readonly lastCandidateColumn: number;
  readonly rows: {
    readonly sum: number;
    readonly valid: number;
    readonly collected: number;
    readonly invalid: number;
    readonly base: number;
    readonly threshold: number;
    readonly percent: number;
    readonly qualifies: number;
    readonly outcome: number;
  };
}

interface BallotRow {
  readonly n: number;
  readonly status: string;
  readonly note: string | undefined;
  readonly votes: readonly (0 | 1)[];
}

const FIRST_CANDIDATE = 4; // A: n, B: status, C: note

/** Each ballot's reading by the engine (the same classification the tally counted). */
export function ballotRows(record: ElectionRecord, tally: Tally): BallotRow[] {
  const ids = record.candidates.map((c) => c.id);
  const byN = [...record.ballots.entered].sort((a, b) => a.n - b.n);
  return byN.map((ballot: EnteredBallot) => {
    const classification = tally.classify(tally.fromEntered(ballot));
    const note = 'invalid' in ballot ? ballot.note : ballot.ruling?.note;
    if (classification.status === 'invalid') {
      return {
        n: ballot.n,
        status: INVALID_LABELS[classification.code].vi,
        note,
        votes: ids.map(() => 0 as const),
      };
    }
    let votes: (0 | 1)[];
    if ('struck' in ballot) {
      const struck = new Set(ballot.struck);
      votes = ids.map((id) => (struck.has(id) ? 0 : 1));
    } else if ('marks' in ballot) {
      votes = ids.map((id) => (ballot.marks[id] === 'agree' ? 1 : 0));
    } else {
      votes = ids.map(() => 0); // unreachable: a paper ruling is always invalid
    }
    return { n: ballot.n, status: T.validBallot, note, votes };
  });
}

export function baseExplanation(record: ElectionRecord): string {
  const { base, rules } = record;
  if (base.override !== null) return `${T.baseOverride}: ${base.override.note}`;
  if (rules === 'valid-ballots') return T.baseValid;
  if (rules === 'collected-ballots') return T.baseCollected;
  const excluded = base.exclusions.reduce((sum, x) => sum + x.count, 0);
  return `triệu tập ${base.convened} − loại trừ ${excluded}`;
}

export function writeBallotsSheet(
  ws: Worksheet,
  record: ElectionRecord,
  result: ElectionResult,
  tally: Tally,
): BallotsLayout {
  const rows = ballotRows(record, tally);
  const candidates = result.candidates;
  const firstCol = FIRST_CANDIDATE;
  const lastCol = FIRST_CANDIDATE + candidates.length - 1;
  const chosenCol = lastCol + 1;
  const header = 4;
  const first = header + 1;
  const last = Math.max(first, header + rows.length);

  // Widths: Vietnamese labels and names, wrapped where long.
  const statusWidth = Math.min(36, Math.max(12, ...rows.map((r) => textWidth(r.status))));
  const noteWidth = Math.min(48, Math.max(26, ...rows.map((r) => textWidth(r.note ?? ''))));
  [10, statusWidth, noteWidth].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let c = firstCol; c <= chosenCol; c++) ws.getColumn(c).width = 14;

  const { congress, election } = record;
  put(ws, 1, 1, `${T.ballotsTitle}: ${electionName(election, 'vi')}`, { bold: true, size: 13 });
  const date = congress.date === undefined ? '' : ` — ${dateText(congress.date)}`;
  put(ws, 2, 1, `${congressLine(record)} — ${congress.organisation}${date}`, { italic: true });
  put(ws, 3, 1, baseSummary(record, result, 'vi'), { bold: true });

  putHeader(ws, header, T.ballotHeader);
  candidates.forEach((c, i) => {
    const text = `${i + 1}. ${c.name}`;
    put(ws, header, firstCol + i, text, HEADER_STYLE);
    fitHeight(ws, header, text, 14);
  });
  put(ws, header, chosenCol, T.chosenHeader, HEADER_STYLE);
  fitHeight(ws, header, T.chosenHeader, 14);

  rows.forEach((b, i) => {
    const r = first + i;
    put(ws, r, 1, b.n, { align: 'center' });
    put(ws, r, 2, b.status, { wrap: true });
    if (b.note !== undefined) put(ws, r, 3, b.note, { wrap: true });
    b.votes.forEach((v, j) => put(ws, r, firstCol + j, v, { align: 'center' }));
    const chosen = b.votes.reduce<number>((s, v) => s + v, 0);
    const range = `${columnLetter(firstCol)}${r}:${columnLetter(lastCol)}${r}`;
    put(ws, r, chosenCol, { formula: `SUM(${range})`, result: chosen }, { align: 'center' });
    if (b.status.length > statusWidth - 2) fitHeight(ws, r, b.status, statusWidth);
    if (b.note !== undefined) fitHeight(ws, r, b.note, noteWidth);
  });

  const start = last + 2;
  const at = {
    sum: start,
    valid: start + 1,
    collected: start + 2,
    invalid: start + 3,
    base: start + 4,
    threshold: start + 5,
    percent: start + 6,
    qualifies: start + 7,
    outcome: start + 8,
  };
  const label = (row: number, text: string) =>
    putMerged(ws, row, 1, 3, text, { bold: true, wrap: true });
  const D = columnLetter(firstCol);
  const baseRef = `$${D}$${at.base}`;

  label(at.sum, T.totalVotes);
  candidates.forEach((c, i) => {
    const col = columnLetter(firstCol + i);
    put(
      ws,
      at.sum,
      firstCol + i,
      { formula: `SUM(${col}${first}:${col}${last})`, result: c.votes },
      { bold: true, align: 'center', boxed: true },
    );
  });
  const cast = candidates.reduce((s, c) => s + c.votes, 0);
  const chosenLetter = columnLetter(chosenCol);
  put(
    ws,
    at.sum,
    chosenCol,
    { formula: `SUM(${chosenLetter}${first}:${chosenLetter}${last})`, result: cast },
    { align: 'center' },
  );

  const b = result.ballots;
  label(at.valid, T.countValid);
  put(ws, at.valid, firstCol, {
    formula: `COUNTIF(B${first}:B${last},"${T.validBallot}")`,
    result: b.valid,
  });
  label(at.collected, T.countCollected);
  put(ws, at.collected, firstCol, { formula: `COUNT(A${first}:A${last})`, result: b.collected });
  label(at.invalid, T.countInvalid);
  put(ws, at.invalid, firstCol, {
    formula: `${D}${at.collected}-${D}${at.valid}`,
    result: b.invalid,
  });
  label(at.base, T.baseValue);
  put(ws, at.base, firstCol, result.base, { bold: true });
  put(ws, at.base, firstCol + 1, baseExplanation(record), { italic: true });
  label(at.threshold, T.thresholdValue);
  put(ws, at.threshold, firstCol, result.threshold, { bold: true });
  put(ws, at.threshold, firstCol + 1, `= phần nguyên của (${result.base} ÷ 2) + 1`, {
    italic: true,
  });

  label(at.percent, T.percentRow);
  label(at.qualifies, T.qualifiesRow);
  label(at.outcome, 'Kết quả (theo số lượng cần bầu và quy tắc bằng phiếu)');
  candidates.forEach((c, i) => {
    const col = firstCol + i;
    const sum = `${columnLetter(col)}${at.sum}`;
    put(
      ws,
      at.percent,
      col,
      {
        formula: `IF(${baseRef}=0,0,ROUND(${sum}*100/${baseRef},2))`,
        result: percentNumber(c.votes, result.base, 2),
      },
      { numFmt: PERCENT, align: 'center' },
    );
    put(
      ws,
      at.qualifies,
      col,
      {
        formula: `IF(2*${sum}>${baseRef},"${T.qualified}","${T.notQualified}")`,
        result: c.qualified ? T.qualified : T.notQualified,
      },
      { align: 'center', wrap: true },
    );
    put(ws, at.outcome, col, outcomeText(c, result), { align: 'center', wrap: true });
  });

  freeze(ws, header, 3);
  if (rows.length > 0) ws.autoFilter = `A${header}:${chosenLetter}${last}`;
  const totalWidth = 10 + statusWidth + noteWidth + 14 * (candidates.length + 1);
  a4(ws, { orientation: 'landscape', fitToWidth: Math.max(1, Math.ceil(totalWidth / 200)) });
  ws.pageSetup.printTitlesRow = `${header}:${header}`;
  ws.pageSetup.printTitlesColumn = 'A:C';

  return {
    header,
    first,
    last,
    firstCandidateColumn: firstCol,
    lastCandidateColumn: lastCol,
    rows: at,
  };
}
