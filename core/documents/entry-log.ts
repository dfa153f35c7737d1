/**
 * The entry log (nhật ký nhập phiếu) of one election, in the Party's document format
 * (documents.md), printed and signed like the minutes: per stack the declared count, each reading
 * with its operator, station, start and end, the differences and how each was ruled, and the
 * ballots that count by reason; then the totals and the audit chain's head. A template plus the
 * model of core/readings/entry-log-model.ts.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { INVALID_CODES } from '../codes.ts';
import { electionName, invalidLabel } from '../labels.ts';
import { messages } from '../messages/index.ts';
import {
  invalidTotal,
  type EntryLogDifference,
  type EntryLogModel,
  type EntryLogReading,
  type EntryLogStack,
  type StackCounts,
} from '../readings/entry-log-model.ts';
import { isSettled } from '../readings/stack.ts';
import { ballotText, bareLabel, differenceText } from '../readings/wording.ts';
import {
  PARTY_FORMAT,
  asPhrase,
  dmy,
  keep,
  electionHeader,
  titleBlock,
  partyDocument,
} from './common.ts';
import { heading, item, para, prose, signatures } from './minutes.ts';

/** Vietnam keeps UTC+7 all year. */
const VIETNAM = 7 * 60;

const NUMBER_WORDS = ['một', 'hai', 'ba'] as const;

const capital = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** An instant as the wall clock in the given offset: "YYYY-MM-DD" and "HH:MM". */
function wallClock(iso: string, offsetMinutes: number): { day: string; time: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString();
  return { day: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** "08:15", or "08:15 15/10/2025" when it is not the day the log is dated. */
function when(iso: string | null, offset: number, today: string | undefined): string {
  if (iso === null) return '—';
  const at = wallClock(iso, offset);
  if (at === null) return iso;
  return at.day === today ? at.time : `${at.time} ${dmy(at.day)}`;
}

const cell = (text: string, extra: Record<string, unknown> = {}): Content =>
  ({ text, ...extra }) as Content;
const right = (text: string | number): Content => cell(String(text), { alignment: 'right' });
const head = (text: string): Content => cell(text, { bold: true, alignment: 'center' });

const TABLE_LAYOUT = { paddingTop: () => 2, paddingBottom: () => 2 };

function readingsTable(
  readings: readonly EntryLogReading[],
  offset: number,
  today: string | undefined,
): Content {
  const kinds = messages('vi').readings.kind;
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [24, 108, '*', 70, 80, 40],
      body: [
        ['Lần', 'Cách đọc', 'Người đọc', 'Máy trạm', 'Thời gian', 'Số phiếu'].map(head),
        ...readings.map((r, i) => [
          cell(String(i + 1), { alignment: 'center' }),
          cell(r.abandoned ? `${kinds[r.kind]} (bỏ dở, không tính)` : kinds[r.kind]),
          cell(r.operator),
          cell(r.station),
          cell(`${when(r.startedAt, offset, today)} – ${when(r.finishedAt, offset, today)}`, {
            alignment: 'center',
          }),
          right(r.ballots),
        ]),
      ],
    },
    fontSize: PARTY_FORMAT.tableSize,
    lineHeight: 1.05,
    layout: TABLE_LAYOUT,
    margin: [0, 2, 0, 6],
  } as Content;
}

/** "Xử lý: đồng chí X chọn lần 2." / "… nhập lại: gạch 4, 12." / "Chưa xử lý." */
function rulingText(d: EntryLogDifference, order: readonly string[]): string {
  const r = d.ruling;
  if (r === null) return 'Chưa xử lý.';
  if ('ballot' in r)
    return `Xử lý: đồng chí ${r.by} nhập lại theo tờ phiếu: ${ballotText(r.ballot, order, 'vi')}.`;
  const none = d.column.cells[r.reading - 1] === null ? ' (không có phiếu ở chỗ này)' : '';
  return `Xử lý: đồng chí ${r.by} chọn lần ${r.reading}${none}.`;
}

function countsText(counts: StackCounts): string {
  const invalid = invalidTotal(counts);
  const reasons = INVALID_CODES.filter((code) => (counts.invalid[code] ?? 0) > 0).map(
    (code) => `${invalidLabel(code, 'vi')}: ${counts.invalid[code]}`,
  );
  return `hợp lệ\u00a0${counts.valid}; không hợp lệ\u00a0${invalid}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`;
}

function stackBlock(
  stack: EntryLogStack,
  order: readonly string[],
  offset: number,
  today: string | undefined,
): Content[] {
  const status = messages('vi').readings.status[stack.status];
  // The stack's line and its readings are kept on one page.
  const lines: Content[] = [
    {
      unbreakable: true,
      stack: [
        para(
          [
            { text: `Tập ${bareLabel(stack.label)}`, bold: true },
            {
              text: `: ${stack.declared} phiếu (số đếm khi lập tập). Tình trạng: ${status.toLocaleLowerCase('vi')}.`,
            },
          ] as Content[],
          { margin: [0, 6, 0, 2] },
        ),
        readingsTable(stack.readings, offset, today),
      ],
    } as Content,
  ];
  if (stack.status === 'agreed') lines.push(item('- Các lần đọc khớp nhau từng phiếu.'));
  else if (stack.status === 'open' || stack.status === 'reading')
    lines.push(item('- Chưa đọc xong, chưa so sánh; tập này chưa được tính.'));
  if (stack.differences.length > 0) {
    lines.push(item(`- Các chỗ khác nhau (${stack.differences.length}):`));
    for (const d of stack.differences) {
      const said = differenceText({
        stack: stack.label,
        column: d.column,
        candidateOrder: order,
        lang: 'vi',
      });
      // A difference and its ruling are read together: never split across a page.
      lines.push({
        unbreakable: true,
        stack: [
          item(`${capital(said)}. ${rulingText(d, order)}`, {
            margin: [PARTY_FORMAT.indent * 2, 0, 0, 3],
            fontSize: PARTY_FORMAT.tableSize,
          }),
        ],
      } as Content);
    }
  }
  if (stack.counts !== null) {
    const counted = stack.counts.valid + invalidTotal(stack.counts);
    const gap = counted - stack.declared;
    const against =
      gap === 0
        ? 'khớp với số phiếu của tập'
        : gap > 0
          ? `thừa ${gap} so với số phiếu của tập`
          : `thiếu ${-gap} so với số phiếu của tập`;
    lines.push(item(`- Số phiếu được tính: ${counted} (${against}); ${countsText(stack.counts)}.`));
  }
  return lines;
}

function totalsTable(stacks: readonly EntryLogStack[]): Content {
  const status = messages('vi').readings.status;
  const counted = stacks.filter((s) => s.counts !== null && isSettled(s.status));
  const sum = (f: (s: EntryLogStack) => number, of: readonly EntryLogStack[]): number =>
    of.reduce((n, s) => n + f(s), 0);
  const valid = (s: EntryLogStack): number => s.counts?.valid ?? 0;
  const invalid = (s: EntryLogStack): number => (s.counts === null ? 0 : invalidTotal(s.counts));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 62, 54, 50, 62, 132],
      body: [
        ['Tập', 'Số phiếu của tập', 'Được tính', 'Hợp lệ', 'Không hợp lệ', 'Tình trạng'].map(head),
        ...stacks.map((s) => [
          cell(bareLabel(s.label), { alignment: 'center' }),
          right(s.declared),
          right(s.counts === null ? '—' : valid(s) + invalid(s)),
          right(s.counts === null ? '—' : valid(s)),
          right(s.counts === null ? '—' : invalid(s)),
          cell(status[s.status]),
        ]),
        [
          cell('Cộng', { bold: true }),
          right(sum((s) => s.declared, stacks)),
          right(sum((s) => valid(s) + invalid(s), counted)),
          right(sum(valid, counted)),
          right(sum(invalid, counted)),
          cell(`${counted.length}/${stacks.length} tập được tính`),
        ],
      ],
    },
    fontSize: PARTY_FORMAT.tableSize,
    lineHeight: 1.05,
    layout: TABLE_LAYOUT,
    margin: [0, 2, 0, 6],
  } as Content;
}

function reasonTotals(stacks: readonly EntryLogStack[]): Content[] {
  const lines: Content[] = [];
  for (const code of INVALID_CODES) {
    const n = stacks.reduce(
      (sum, s) =>
        sum + (s.counts !== null && isSettled(s.status) ? (s.counts.invalid[code] ?? 0) : 0),
      0,
    );
    if (n > 0)
      lines.push(
        item(`+ ${invalidLabel(code, 'vi')}: ${n}.`, {
          margin: [PARTY_FORMAT.indent * 2, 0, 0, 3],
        }),
      );
  }
  return lines.length === 0
    ? [para('Các tập được tính không có phiếu không hợp lệ.')]
    : [para('Phiếu không hợp lệ của các tập được tính, theo lý do:'), ...lines];
}

export function entryLogDocument(model: EntryLogModel): TDocumentDefinitions {
  const { record, required, stacks, chainHead, number } = model;
  const offset = model.utcOffsetMinutes ?? VIETNAM;
  const date = model.date ?? record.congress.date;
  const name = electionName(record.election, 'vi');
  const order = record.candidates.map((c) => c.id);
  const how =
    required === 1
      ? 'Mỗi tập phiếu được đọc một lần.'
      : `Mỗi tập phiếu được đọc ${NUMBER_WORDS[required - 1]} lần độc lập, mỗi lần do một người khác (trừ lần đọc của máy quét), rồi so sánh từng phiếu theo thứ tự trong tập; chỉ những tập mà các lần đọc khớp nhau, hoặc Ban kiểm phiếu đã xem tờ phiếu và xử lý từng chỗ khác nhau, mới được tính vào kết quả.`;
  return partyDocument({
    title: `Nhật ký nhập phiếu — ${name}`,
    subject: chainHead,
    footer: `Mã kiểm tra tệp: ${chainHead}`,
    content: [
      electionHeader(record, { body: 'Ban kiểm phiếu', number, date }),
      ...titleBlock('Nhật ký nhập phiếu', `Kiểm phiếu ${asPhrase(name)}`),
      prose(how),
      prose(
        'Thời gian chỉ ghi theo tập phiếu và lần đọc, không ghi theo từng phiếu, để không thể đối chiếu nhật ký với thứ tự bỏ phiếu của đại biểu.',
      ),
      heading('I. CÁC TẬP PHIẾU'),
      ...(stacks.length === 0
        ? [item('Chưa có tập phiếu nào.')]
        : stacks.flatMap((s) => stackBlock(s, order, offset, date))),
      heading('II. TỔNG HỢP'),
      totalsTable(stacks),
      ...reasonTotals(stacks),
      para(
        [
          { text: 'Mã kiểm tra nhật ký của tệp đại hội khi lập nhật ký này: ' },
          { text: chainHead, bold: true },
          { text: '. Đối chiếu bằng lệnh "npx kiem-phieu verify TỆP.kiemphieu".' },
        ] as Content[],
        { margin: [0, 10, 0, 4], fontSize: 12 },
      ),
      para(
        [
          { text: 'Nhật ký lập ' },
          keep(date ? `ngày ${dmy(date)}` : 'ngày ..../..../........'),
          { text: '.' },
        ] as Content[],
        { italics: true },
      ),
      signatures(record),
    ],
  });
}
