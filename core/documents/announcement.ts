/** The result announcement (công bố kết quả) that the committee's head reads to the congress. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { electionName, percentText } from '../labels.ts';
import { compareBallotOrder } from '../names.ts';
import type { ElectionRecord } from '../record.ts';
import type { ElectionResult } from '../tally.ts';
import {
  asPhrase,
  assembly,
  flow,
  headSignature,
  electionHeader,
  titleBlock,
  baseLine,
  partyDocument,
} from './common.ts';

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
  const held = assembly(record);
  const name = electionName(election, 'vi');
  const p = (text: string, extra: Record<string, unknown> = {}): Content =>
    ({ text: flow(text), margin: [0, 0, 0, 8], ...extra }) as Content;
  return partyDocument({
    title: `Công bố kết quả — ${name}`,
    lineHeight: 1.25,
    content: [
      electionHeader(record, { body: 'Ban kiểm phiếu', date: date ?? congress.date }),
      ...titleBlock('Công bố kết quả bầu cử', name, [baseLine(record, result)]),
      p('Kính thưa Đoàn Chủ tịch,'),
      p(`Kính thưa ${held.word},`),
      p(`Thay mặt Ban kiểm phiếu, tôi xin công bố kết quả ${asPhrase(name)} như sau:`, {
        alignment: 'justify',
      }),
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
              `Các đồng chí ${result.tie.candidates.map((id) => byId.get(id)?.name).join(', ')} có số phiếu bằng nhau ở ${result.tie.seats} chỗ cuối; đề nghị ${held.word} xem xét, quyết định bầu lại.`,
              { bold: true },
            ),
          ]
        : result.openSeats > 0
          ? [
              p(
                `Số người trúng cử còn thiếu ${result.openSeats} so với số lượng cần bầu; đề nghị ${held.word} xem xét, quyết định.`,
                { bold: true },
              ),
            ]
          : []),
      p(`Xin trân trọng cảm ơn ${held.word}.`, { margin: [0, 6, 0, 24] }),
      {
        unbreakable: true,
        columns: [
          { width: '50%', text: '' },
          {
            width: '50%',
            ...(headSignature(record.committee?.find((m) => m.role === 'head')?.name) as object),
          },
        ],
      } as Content,
    ],
  });
}
