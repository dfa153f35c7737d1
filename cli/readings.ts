/**
 * `kiem-phieu readings RECORD.json`: recounts each reading a record carries (core/record-recount.ts)
 * and checks that the readings and the committee's rulings give exactly the record's ballots,
 * stack by stack; prints what each reading alone would have given. Exit 1 on any mismatch.
 */
import { electionName } from '../core/labels.ts';
import { messages } from '../core/messages/index.ts';
import { bareLabel, ballotText } from '../core/readings/wording.ts';
import {
  recountReadings,
  type BallotInStack,
  type Recount,
  type RecountProblem,
  type StackRecount,
} from '../core/record-recount.ts';
import type { ElectionRecord } from '../core/record.ts';
import { refusalText, type Lang, type RefusalDetail } from '../core/refusal.ts';
import { assertNever } from '../core/result.ts';
import type { ElectionResult } from '../core/tally.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecordWithReadings } from './read-record.ts';

export async function readingsCommand(
  file: string,
  { json, lang }: { json: boolean; lang: Lang },
  io: CliIo,
): Promise<ExitCode> {
  const m = messages(lang);
  const read = await readRecordWithReadings(file);
  if (!read.ok) {
    io.err(
      `${m.cli.recordRefused(file)}\n${read.error.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
    );
    return EXIT.refused;
  }
  const { record, readings } = read.value;
  if (readings === null) {
    io.err(m.recount.noReadings(file));
    return EXIT.refused;
  }
  const recount = recountReadings(record, readings);
  if (json) io.out(`${JSON.stringify(recount, null, 2)}\n`);
  else io.out(renderRecount(record, recount, lang));
  if (!recount.ok) {
    io.err(
      `${m.recount.bad(recount.problems.length)}\n${recount.problems
        .map((p) => `  ✗ ${problemText(p, record, lang)}`)
        .join('\n')}\n`,
    );
    return EXIT.refused;
  }
  return EXIT.done;
}

/** A ballot's place as the sentence says it: the stack's label without "tập"/"stack". */
const bare = ({ stack, position, n }: BallotInStack): BallotInStack => ({
  stack: bareLabel(stack),
  position,
  n,
});

/** One finding in words, naming the stack, the position in it, the ballot and the field. */
export function problemText(p: RecountProblem, record: ElectionRecord, lang: Lang): string {
  const m = messages(lang).recount;
  const order = record.candidates.map((c) => c.id);
  switch (p.problem) {
    case 'refused': {
      const detail = (messages(lang).refusal[p.refusal.code] as (r: RefusalDetail) => string)(
        p.refusal,
      );
      return m.problem.refused(bareLabel(p.stack), detail);
    }
    case 'status': {
      const said = messages(lang).readings.status;
      return m.problem.status(bareLabel(p.stack), said[p.status], said[p.recounted]);
    }
    case 'unsettled':
      return m.problem.unsettled(bareLabel(p.stack), p.entered);
    case 'count':
      return m.problem.count(bareLabel(p.stack), p.recounted, p.entered);
    case 'ballot':
      return m.problem.ballot(
        bare(p),
        m.field[p.field],
        ballotText(p.recounted, order, lang),
        ballotText(p.entered, order, lang),
      );
    case 'missing':
      return m.problem.missing(bare(p));
    case 'voided':
      return m.problem.voided(bare(p));
    case 'outside':
      return m.problem.outside(p.count, p.n);
    default:
      return assertNever(p);
  }
}

function stackLines(stack: StackRecount, lang: Lang): string[] {
  const m = messages(lang);
  const lines = [
    `${stack.ok ? '✓' : '✗'} ${m.recount.stack(bareLabel(stack.label), stack.declared, m.readings.status[stack.status])}`,
  ];
  for (const r of stack.readings)
    lines.push(`    ${m.recount.reading(r, m.readings.kind[r.kind])}`);
  lines.push(`    ${m.recount.differences(stack.differences, stack.ruled.length)}`);
  lines.push(
    `    ${
      stack.recounted === null
        ? m.recount.notCounted
        : m.recount.recounted(stack.recounted, stack.entered, stack.changed)
    }`,
  );
  return lines;
}

/** Votes of every candidate, valid and invalid ballots, and who is elected: the record, then each reading. */
function resultsTable(
  record: ElectionRecord,
  results: readonly ElectionResult[],
  lang: Lang,
): string[] {
  const m = messages(lang).recount;
  const header = [
    m.candidate,
    m.recordColumn,
    ...results.slice(1).map((_, k) => m.readingColumn(k + 1)),
  ];
  const rows: string[][] = record.candidates.map((c, i) => [
    `${i + 1}. ${c.name}`,
    ...results.map((r) => String(r.candidates[i]?.votes ?? 0)),
  ]);
  rows.push([m.valid, ...results.map((r) => String(r.ballots.valid))]);
  rows.push([m.invalid, ...results.map((r) => String(r.ballots.invalid))]);
  const order = record.candidates.map((c) => c.id);
  rows.push([
    m.elected,
    ...results.map((r) => r.elected.map((id) => order.indexOf(id) + 1).join(',') || '–'),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((r) => (r[col] ?? '').length)));
  return all.map((row) =>
    row
      .map((cell, col) =>
        col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

export function renderRecount(record: ElectionRecord, recount: Recount, lang: Lang): string {
  const m = messages(lang).recount;
  const lines = [
    electionName(record.election, lang),
    m.title(record.election.id, recount.required),
    '',
  ];
  for (const stack of recount.stacks) lines.push(...stackLines(stack, lang));
  if (recount.outside > 0) lines.push(`  ${m.outside(recount.outside)}`);
  lines.push('', m.tableTitle);
  lines.push(...resultsTable(record, [recount.results.record, ...recount.results.readings], lang));
  lines.push('');
  if (recount.ok) lines.push(m.ok);
  return `${lines.join('\n')}\n`;
}
