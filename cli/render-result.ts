/** The result as a readable table for a terminal, in Vietnamese or English. */
import {
  electionName,
  invalidLabel,
  outcomeLabel,
  percentText,
  warningText,
} from '../core/labels.ts';
import type { ElectionRecord } from '../core/record.ts';
import type { Lang } from '../core/refusal.ts';
import type { ElectionResult } from '../core/tally.ts';
import { INVALID_CODES } from '../core/codes.ts';
import { messages } from '../core/messages/index.ts';

const pad = (text: string, width: number, right = false): string =>
  right ? text.padStart(width) : text.padEnd(width);

export function renderResult(
  record: ElectionRecord,
  result: ElectionResult,
  { lang, decimals }: { lang: Lang; decimals: number },
): string {
  const t = messages(lang).resultTable;
  const lines: string[] = [];
  const { election, congress, base, rules } = record;
  lines.push(electionName(election, lang));
  lines.push(`${congress.name} — ${congress.organisation}`);
  lines.push('');
  const excluded = base.exclusions.reduce((s, x) => s + x.count, 0);
  const how =
    base.override !== null
      ? base.override.note
      : rules === 'party'
        ? t.baseArithmetic(base.convened, excluded)
        : rules === 'valid-ballots'
          ? t.baseValid
          : t.baseCollected;
  lines.push(`${t.seats}: ${election.seats}   ${t.base}: ${result.base} (${how})`);
  lines.push(t.threshold(result.threshold));
  const b = result.ballots;
  lines.push(t.ballots(b.issued, b.collected, b.valid, b.invalid));
  for (const code of INVALID_CODES) {
    const n = b.invalidByReason[code];
    if (n !== undefined) lines.push(`  – ${invalidLabel(code, lang)}: ${n}`);
  }
  lines.push('');

  const rows = result.candidates.map((c, i) => [
    String(i + 1),
    c.name,
    String(c.votes),
    percentText(c.votes, result.base, lang, decimals),
    `${outcomeLabel(c, result, lang)}${c.elected ? ` (${c.rank})` : ''}`,
  ]);
  const all = [t.header as readonly string[], ...rows];
  const widths = t.header.map((_, col) => Math.max(...all.map((r) => (r[col] ?? '').length)));
  const rightAligned = [true, false, true, true, false];
  for (const row of all) {
    lines.push(
      row
        .map((cell, col) => pad(cell, widths[col] ?? 0, rightAligned[col]))
        .join('  ')
        .trimEnd(),
    );
  }
  lines.push('');

  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  if (result.elected.length === 0) lines.push(t.noneElected);
  else {
    lines.push(t.electedTitle);
    for (const id of result.elected) {
      const c = byId.get(id);
      if (c === undefined) continue;
      lines.push(
        `  ${c.rank}. ${c.name} — ${c.votes} ${t.votes} (${percentText(c.votes, result.base, lang, decimals)})`,
      );
    }
  }
  if (result.tie !== null) {
    const group = result.tie.candidates.map((id) => byId.get(id));
    const names = group.map((c) => c?.name ?? '').join(', ');
    lines.push('', t.tie(names, group[0]?.votes ?? 0, result.tie.seats));
  } else if (result.status === 'unfilled') {
    lines.push('', t.open(result.openSeats));
  } else {
    lines.push('', t.complete);
  }
  if (result.warnings.length > 0) {
    lines.push('', t.warnings);
    for (const w of result.warnings) lines.push(`  ! ${warningText(w, lang)}`);
  }
  return `${lines.join('\n')}\n`;
}
