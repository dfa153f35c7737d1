/**
 * The words of the Excel exports, in Vietnamese. Labels of invalid ballots and warnings come from
 * core/labels.ts, like the CLI and the minutes; the rest is here because db/ cannot read the
 * renderer's strings. Every string that reaches a workbook passes `nfc`.
 */
import type { CandidateResult, ElectionResult } from '../../core/tally.ts';
import type { ElectionRecord } from '../../core/record.ts';

export const nfc = (text: string): string => text.normalize('NFC');

export const PARTY = 'ĐẢNG CỘNG SẢN VIỆT NAM';

import { OUTCOME_LABELS, outcomeLabel } from '../../core/labels.ts';

export { exclusionLabel } from '../../core/labels.ts';

/** "2025-04-12" → "12/04/2025"; anything else unchanged. */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`;
}

/** "Trường Vinh, ngày 12/04/2025", or whichever part is known; null when neither is. */
export function placeAndDate(congress: ElectionRecord['congress']): string | null {
  const date = congress.date === undefined ? null : `ngày ${dateText(congress.date)}`;
  if (congress.place !== undefined && date !== null) return `${congress.place}, ${date}`;
  if (date !== null) return `Ngày ${dateText(congress.date ?? '')}`;
  return congress.place ?? null;
}

/**
 * The congress under the election's title, with the term only when neither the congress's name
 * nor the election's title says it already.
 */
export function congressLine(record: ElectionRecord): string {
  const { congress, election } = record;
  const term = congress.term?.trim();
  const said = (text: string) =>
    term !== undefined && nfc(text).replace(/[-–—]/gu, '-').includes(term.replace(/[-–—]/gu, '-'));
  if (term === undefined || term === '' || said(congress.name) || said(election.title))
    return nfc(congress.name);
  return `${nfc(congress.name)} — ${T.term(term)}`;
}

export const T = {
  resultsTitle: 'KẾT QUẢ KIỂM PHIẾU',
  congressTitle: 'TỔNG HỢP KẾT QUẢ BẦU CỬ',
  ballotsTitle: 'DỮ LIỆU TỪNG PHIẾU BẦU',
  term: (t: string) => `Nhiệm kỳ ${t}`,
  figures: 'Số liệu',
  seats: 'Số lượng cần bầu',
  candidates: 'Số người trong danh sách bầu cử',
  convened: 'Số được triệu tập',
  present: 'Số có mặt khi phát phiếu',
  exclusions: 'Loại trừ khỏi cơ sở tính tỷ lệ:',
  noExclusions: 'Loại trừ khỏi cơ sở tính tỷ lệ',
  base: 'Cơ sở tính tỷ lệ',
  baseParty: (c: number, x: number, b: number) => `triệu tập ${c} − loại trừ ${x} = ${b}`,
  baseValid: 'bằng số phiếu hợp lệ',
  baseCollected: 'bằng số phiếu thu vào',
  baseOverride: 'do Đoàn Chủ tịch quyết định',
  overrideNote: (computed: number, note: string) =>
    `Đoàn Chủ tịch quyết định cơ sở tính khác (theo quy tắc là ${computed}). Lý do, căn cứ: ${note}`,
  threshold: 'Ngưỡng trúng cử (quá một nửa cơ sở tính): số phiếu tối thiểu',
  issued: 'Số phiếu phát ra',
  collected: 'Số phiếu thu vào',
  valid: 'Số phiếu hợp lệ',
  invalid: 'Số phiếu không hợp lệ',
  invalidBy: 'Trong đó:',
  header: ['STT', 'Họ và tên', 'Số phiếu', 'Tỷ lệ (%)', 'Kết quả'] as const,
  percentNote: 'Tỷ lệ (%) tính trên cơ sở tính tỷ lệ, làm tròn 2 chữ số thập phân.',
  elected: (rank: number | null) =>
    rank === null ? OUTCOME_LABELS.elected.vi : `${OUTCOME_LABELS.elected.vi} (${rank})`,
  qualified: 'Quá một nửa',
  notQualified: 'Không đủ',
  electedTitle: 'NGƯỜI TRÚNG CỬ (theo thứ tự số phiếu)',
  electedHeader: ['Thứ tự', 'Họ và tên', 'Số phiếu', 'Tỷ lệ (%)'] as const,
  noneElected: 'Chưa có người trúng cử.',
  tie: (names: string, v: number, k: number) =>
    `Bằng phiếu ở chỗ cuối: ${names} cùng được ${v} phiếu, tranh ${k} chỗ còn lại. Không ai trong nhóm này trúng cử tự động. Đại hội có thể bầu lại trong số đúng những người này cho ${k} chỗ (không phân định bằng tuổi, thứ tự hay bốc thăm).`,
  open: (k: number) =>
    `Còn ${k} chỗ chưa có người trúng cử. Những người đã trúng cử giữ nguyên kết quả. Đại hội quyết định có bầu tiếp (vòng sau) hay không; nếu bầu, danh sách gồm những người chưa trúng cử (Đại hội có thể bổ sung), bầu cho ${k} chỗ còn lại.`,
  complete: 'Đã bầu đủ số lượng cần bầu.',
  warnings: 'Cảnh báo (Ban kiểm phiếu cần giải trình):',
  committee: 'BAN KIỂM PHIẾU',
  head: 'Trưởng ban',
  member: 'Thành viên',
  signature: '(ký, ghi rõ họ tên)',
  summarySheet: 'Tổng hợp',
  summaryHeader: [
    'STT',
    'Cuộc bầu',
    'Vòng',
    'Số lượng cần bầu',
    'Cơ sở tính tỷ lệ',
    'Ngưỡng trúng cử (từ … phiếu)',
    'Phiếu thu vào',
    'Phiếu hợp lệ',
    'Phiếu không hợp lệ',
    'Số trúng cử',
    'Tình trạng',
    'Trang tính',
  ] as const,
  noElections: 'Chưa có cuộc bầu nào.',
  statusComplete: 'Đã bầu đủ',
  statusTie: (k: number) => `Bằng phiếu — còn ${k} chỗ cần bầu lại`,
  statusUnfilled: (k: number) => `Chưa đủ — còn ${k} chỗ`,
  ballotsSheet: 'Phiếu bầu',
  guideSheet: 'Hướng dẫn',
  ballotHeader: ['Phiếu số', 'Tình trạng', 'Ghi chú của Ban kiểm phiếu'] as const,
  chosenHeader: 'Số người được bầu trên phiếu',
  validBallot: 'Hợp lệ',
  totalVotes: 'Số phiếu bầu cho từng người (tổng cột)',
  countValid: 'Số phiếu hợp lệ (đếm các dòng "Hợp lệ")',
  countCollected: 'Số phiếu thu vào (đếm các dòng)',
  countInvalid: 'Số phiếu không hợp lệ',
  baseValue: 'Cơ sở tính tỷ lệ',
  thresholdValue: 'Ngưỡng trúng cử (số phiếu tối thiểu)',
  percentRow: 'Tỷ lệ (%) so với cơ sở tính',
  qualifiesRow: 'Quá một nửa? (2 × số phiếu > cơ sở tính)',
} as const;

/** The outcome column, in the words of core/labels.ts; the elected carry their rank. */
export function outcomeText(c: CandidateResult, result: ElectionResult): string {
  return c.elected ? T.elected(c.rank) : outcomeLabel(c, result, 'vi');
}

export function statusText(result: ElectionResult): string {
  switch (result.status) {
    case 'complete':
      return T.statusComplete;
    case 'tie':
      return T.statusTie(result.tie?.seats ?? result.openSeats);
    default:
      return T.statusUnfilled(result.openSeats);
  }
}

/** The sentence after the elected: the tie, the open seats, or that all seats are filled. */
export function closingSentence(result: ElectionResult): string {
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  if (result.tie !== null) {
    const group = result.tie.candidates.map((id) => byId.get(id));
    const names = group.map((c) => c?.name ?? '').join(', ');
    return T.tie(names, group[0]?.votes ?? 0, result.tie.seats);
  }
  return result.status === 'unfilled' ? T.open(result.openSeats) : T.complete;
}
