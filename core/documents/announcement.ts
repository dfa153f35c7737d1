/** The result announcement (công bố kết quả) that the committee's head reads to the congress. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { percentText } from '../labels.ts';
import { compareBallotOrder } from '../names.ts';
import type { ElectionRecord } from '../record.ts';
import type { ElectionResult } from '../tally.ts';
import { A4_MARGINS, FONT, partyHeader, upper } from './common.ts';

export function announcementDocument({
  record,
  result,
  date,
}: {
  record: ElectionRecord;
  result: ElectionResult;
  date?: string;
}): TDocumentDefinitions {
  const { congress, election } = record;
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  // Alternates are announced in their order of precedence (votes); others by the A, B, C order.
  const elected = result.elected.map((id) => byId.get(id)).filter((c) => c !== undefined);
  const ordered =
    election.kind === 'alternate-delegates'
      ? elected
      : [...elected].sort((a, b) => compareBallotOrder(a.name, b.name));
  const b = result.ballots;
  const p = (text: string, extra: Record<string, unknown> = {}): Content =>
    ({ text, margin: [0, 0, 0, 8], ...extra }) as Content;
  return {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    info: {
      title: `Công bố kết quả — ${election.title}`,
      creator: 'Kiểm phiếu',
      producer: 'Kiểm phiếu',
    },
    defaultStyle: { font: FONT, fontSize: 14, lineHeight: 1.25 },
    content: [
      partyHeader({
        organisation: congress.organisation,
        body: 'Ban kiểm phiếu',
        place: congress.place,
        date: date ?? congress.date,
      }),
      {
        text: 'CÔNG BỐ KẾT QUẢ BẦU CỬ',
        bold: true,
        fontSize: 16,
        alignment: 'center',
        margin: [0, 20, 0, 2],
      },
      { text: upper(election.title), bold: true, alignment: 'center', margin: [0, 0, 0, 14] },
      p('Kính thưa Đoàn Chủ tịch,'),
      p('Kính thưa Đại hội,'),
      p(
        `Thay mặt Ban kiểm phiếu, tôi xin công bố kết quả ${election.title.charAt(0).toLowerCase()}${election.title.slice(1)}${election.round > 1 ? ` (vòng ${election.round})` : ''} như sau:`,
        { alignment: 'justify' },
      ),
      p(
        `Số phiếu phát ra: ${b.issued}; số phiếu thu vào: ${b.collected}; số phiếu hợp lệ: ${b.valid}; số phiếu không hợp lệ: ${b.invalid}.`,
      ),
      ordered.length > 0
        ? p(
            `Căn cứ Quy chế bầu cử trong Đảng, có ${ordered.length} đồng chí trúng cử (được quá một nửa so với ${result.base}), ${election.kind === 'alternate-delegates' ? 'theo thứ tự số phiếu' : 'xếp theo vần A, B, C'}:`,
          )
        : p('Không có đồng chí nào đạt số phiếu quá một nửa.'),
      {
        ol: ordered.map((c) => ({
          text: `Đồng chí ${c.name}: ${c.votes} phiếu, đạt ${percentText(c.votes, result.base, 'vi')}.`,
        })),
        margin: [18, 0, 0, 10],
      },
      ...(result.tie !== null
        ? [
            p(
              `Các đồng chí ${result.tie.candidates.map((id) => byId.get(id)?.name).join(', ')} có số phiếu bằng nhau ở ${result.tie.seats} chỗ cuối; đề nghị Đại hội xem xét, quyết định bầu lại.`,
              { bold: true },
            ),
          ]
        : result.openSeats > 0
          ? [
              p(
                `Số người trúng cử còn thiếu ${result.openSeats} so với số lượng cần bầu; đề nghị Đại hội xem xét, quyết định.`,
                { bold: true },
              ),
            ]
          : []),
      p('Xin trân trọng cảm ơn Đại hội.', { margin: [0, 6, 0, 24] }),
      {
        columns: [
          { width: '50%', text: '' },
          {
            width: '50%',
            stack: [
              { text: 'TRƯỞNG BAN KIỂM PHIẾU', bold: true, alignment: 'center' },
              {
                text: record.committee?.find((m) => m.role === 'head')?.name ?? '',
                alignment: 'center',
                bold: true,
                margin: [0, 50, 0, 0],
              },
            ],
          },
        ],
      },
    ],
  };
}
