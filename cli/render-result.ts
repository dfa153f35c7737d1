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

const T = {
  vi: {
    seats: 'Số lượng cần bầu',
    base: 'Cơ sở tính tỷ lệ',
    baseArithmetic: (c: number, x: number) => `triệu tập ${c} − loại trừ ${x}`,
    baseValid: 'bằng số phiếu hợp lệ',
    baseCollected: 'bằng số phiếu thu vào',
    threshold: (t: number) => `Trúng cử khi được quá một nửa: từ ${t} phiếu trở lên`,
    ballots: (i: number, c: number, v: number, inv: number) =>
      `Phiếu phát ra: ${i}   Thu vào: ${c}   Hợp lệ: ${v}   Không hợp lệ: ${inv}`,
    header: ['STT', 'Họ và tên', 'Số phiếu', 'Tỷ lệ', 'Kết quả'],
    electedTitle: 'Người trúng cử, theo thứ tự số phiếu:',
    noneElected: 'Chưa có người trúng cử.',
    votes: 'phiếu',
    rank: 'Thứ tự',
    tie: (names: string, v: number, k: number) =>
      `Bằng phiếu ở chỗ cuối: ${names} cùng được ${v} phiếu, tranh ${k} chỗ còn lại. Không ai trong nhóm này trúng cử tự động. Đại hội có thể bầu lại trong số đúng những người này cho ${k} chỗ (không phân định bằng tuổi, thứ tự hay bốc thăm).`,
    open: (k: number) =>
      `Còn ${k} chỗ chưa có người trúng cử. Những người đã trúng cử giữ nguyên kết quả. Đại hội quyết định có bầu tiếp (vòng 2) hay không; nếu bầu, danh sách gồm những người chưa trúng cử (Đại hội có thể bổ sung), bầu cho ${k} chỗ còn lại.`,
    complete: 'Đã bầu đủ số lượng.',
    warnings: 'Cảnh báo (Ban kiểm phiếu cần giải trình):',
  },
  en: {
    seats: 'Seats',
    base: 'Base',
    baseArithmetic: (c: number, x: number) => `convened ${c} − exclusions ${x}`,
    baseValid: 'the valid ballots',
    baseCollected: 'the ballots collected',
    threshold: (t: number) => `Elected with more than half: at least ${t} votes`,
    ballots: (i: number, c: number, v: number, inv: number) =>
      `Issued: ${i}   Collected: ${c}   Valid: ${v}   Invalid: ${inv}`,
    header: ['No.', 'Full name', 'Votes', 'Percent', 'Result'],
    electedTitle: 'Elected, in order of votes:',
    noneElected: 'Nobody is elected yet.',
    votes: 'votes',
    rank: 'Rank',
    tie: (names: string, v: number, k: number) =>
      `Tie at the last seat(s): ${names} have ${v} votes each for ${k} remaining seat(s). None of them is elected automatically. The congress may hold a re-vote among exactly these candidates for ${k} seat(s) (never by age, order or lot).`,
    open: (k: number) =>
      `${k} seat(s) remain open. Those elected stay elected. The congress decides whether to hold a further round; if it does, the candidates are those not yet elected (the congress may add names), for the open seats only.`,
    complete: 'All seats are filled.',
    warnings: 'Warnings (for the committee to explain):',
  },
} as const;

const pad = (text: string, width: number, right = false): string =>
  right ? text.padStart(width) : text.padEnd(width);

export function renderResult(
  record: ElectionRecord,
  result: ElectionResult,
  { lang, decimals }: { lang: Lang; decimals: number },
): string {
  const t = T[lang];
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
