/**
 * The counting minutes (biên bản kiểm phiếu) of one election and round, with every field that
 * rules.md lists, as a document definition: a template plus the record and its result.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { INVALID_CODES } from '../codes.ts';
import { exclusionLabel, invalidLabel, percentText, warningText } from '../labels.ts';
import type { ElectionRecord } from '../record.ts';
import type { ElectionResult } from '../tally.ts';
import { A4_MARGINS, FONT, dmy, partyHeader, upper } from './common.ts';

export const REGULATION =
  'Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW ngày 10/10/2024 của Ban Chấp hành Trung ương và Hướng dẫn số 04-HD/TW ngày 31/12/2024 của Ban Bí thư.';

export interface MinutesInput {
  readonly record: ElectionRecord;
  readonly result: ElectionResult;
  /** SHA-256 of the election record the minutes were made from. */
  readonly fingerprint: string;
  /** The date printed (ISO); the congress date, or the day the minutes are made. */
  readonly date?: string;
  readonly decimals?: number;
}

const para = (text: string | Content[], extra: Record<string, unknown> = {}): Content =>
  ({ text, margin: [0, 0, 0, 5], ...extra }) as Content;

function baseLines(record: ElectionRecord, result: ElectionResult): Content[] {
  const { base, rules } = record;
  const lines: Content[] = [];
  if (rules === 'party') {
    lines.push(para(`- Tổng số được triệu tập: ${base.convened}.`));
    if (base.present !== undefined) {
      lines.push(
        para(
          `- Số có mặt: ${base.present}; vắng mặt: ${Math.max(0, base.convened - base.present)}.`,
        ),
      );
    }
    const excluded = base.exclusions.reduce((s, x) => s + x.count, 0);
    for (const x of base.exclusions)
      lines.push(para(`- ${exclusionLabel(x.category)}: ${x.count}.`));
    lines.push(
      para(
        `- Số dùng làm cơ sở tính tỷ lệ: ${base.convened} − ${excluded} = ${base.convened - excluded}.`,
      ),
    );
  } else {
    const what = rules === 'valid-ballots' ? 'số phiếu hợp lệ' : 'số phiếu thu vào';
    lines.push(para(`- Cơ sở tính tỷ lệ là ${what}: ${result.base}.`));
  }
  if (base.override !== null) {
    lines.push(
      para(
        `- Đoàn Chủ tịch quyết định cơ sở tính tỷ lệ là ${base.override.base} (${base.override.note}).`,
        { bold: true },
      ),
    );
  }
  lines.push(
    para(
      `- Người trúng cử phải được quá một nửa (từ ${result.threshold} phiếu trở lên) so với ${result.base}.`,
    ),
  );
  return lines;
}

function ballotLines(result: ElectionResult): Content[] {
  const b = result.ballots;
  const lines: Content[] = [
    para(`- Số phiếu phát ra: ${b.issued}.`),
    para(`- Số phiếu thu vào: ${b.collected}.`),
    para(`- Số phiếu hợp lệ: ${b.valid}.`),
    para(`- Số phiếu không hợp lệ: ${b.invalid}${b.invalid > 0 ? ', trong đó:' : '.'}`),
  ];
  for (const code of INVALID_CODES) {
    const n = b.invalidByReason[code];
    if (n !== undefined)
      lines.push(para(`    + ${invalidLabel(code, 'vi')}: ${n}.`, { margin: [18, 0, 0, 4] }));
  }
  return lines;
}

function votesTable(result: ElectionResult, decimals: number): Content {
  const tied = new Set(result.tie?.candidates ?? []);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: [28, '*', 50, 56, 92],
      body: [
        ['STT', 'Họ và tên', 'Số phiếu bầu', 'Tỷ lệ %', 'Kết quả'].map((text) => ({
          text,
          bold: true,
          alignment: 'center' as const,
        })),
        ...result.candidates.map((c, i) => [
          { text: String(i + 1), alignment: 'center' as const },
          { text: c.name },
          { text: String(c.votes), alignment: 'right' as const },
          { text: percentText(c.votes, result.base, 'vi', decimals), alignment: 'right' as const },
          {
            text: c.elected
              ? 'Trúng cử'
              : tied.has(c.id)
                ? 'Bằng phiếu'
                : c.qualified
                  ? 'Quá một nửa'
                  : 'Không trúng cử',
            alignment: 'center' as const,
            bold: c.elected,
          },
        ]),
      ],
    },
    layout: { paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 2, 0, 8],
  };
}

function outcome(record: ElectionRecord, result: ElectionResult, decimals: number): Content[] {
  const byId = new Map(result.candidates.map((c) => [c.id, c]));
  const lines: Content[] = [];
  const alternates = record.election.kind === 'alternate-delegates';
  if (result.elected.length === 0) lines.push(para('Không có người trúng cử.', { bold: true }));
  else {
    lines.push(
      para(
        `Những người trúng cử (xếp theo số phiếu từ cao xuống thấp${alternates ? '; thứ tự này là thứ tự ưu tiên của đại biểu dự khuyết' : ''}):`,
        { bold: true },
      ),
    );
    result.elected.forEach((id, i) => {
      const c = byId.get(id);
      if (c)
        lines.push(
          para(
            `${i + 1}. ${c.name}: ${c.votes} phiếu, đạt ${percentText(c.votes, result.base, 'vi', decimals)}.`,
            { margin: [18, 0, 0, 4] },
          ),
        );
    });
  }
  if (result.tie !== null) {
    const group = result.tie.candidates.map((id) => byId.get(id));
    lines.push(
      para(
        `Các đồng chí ${group.map((c) => c?.name).join(', ')} cùng được ${group[0]?.votes ?? 0} phiếu (bằng phiếu nhau ở ${result.tie.seats === 1 ? 'chỗ' : `${result.tie.seats} chỗ`} cuối), không ai trong số này trúng cử. Đại hội xem xét, quyết định bầu lại trong số các đồng chí này cho ${result.tie.seats} chỗ còn lại.`,
        { bold: true },
      ),
    );
  } else if (result.openSeats > 0) {
    lines.push(
      para(
        `Còn thiếu ${result.openSeats} so với số lượng cần bầu. Đại hội xem xét, quyết định có bầu tiếp hay không.`,
        { bold: true },
      ),
    );
  }
  if (result.warnings.length > 0) {
    lines.push(
      para('Những điểm Ban kiểm phiếu cần giải trình:', { bold: true, margin: [0, 6, 0, 4] }),
    );
    for (const w of result.warnings) lines.push(para(`- ${warningText(w, 'vi')}.`));
  }
  return lines;
}

function signatures(record: ElectionRecord): Content {
  const committee = record.committee ?? [];
  const head = committee.find((m) => m.role === 'head');
  const members = committee.filter((m) => m.role === 'member');
  const block = (title: string, name: string | undefined) => ({
    stack: [
      { text: title, bold: true, alignment: 'center' as const },
      { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 11, alignment: 'center' as const },
      {
        text: name ?? '',
        bold: true,
        alignment: 'center' as const,
        margin: [0, 52, 0, 0] as [number, number, number, number],
      },
    ],
  });
  return {
    unbreakable: true,
    stack: [
      {
        columns: [
          {
            width: '50%',
            stack: [
              { text: 'CÁC THÀNH VIÊN BAN KIỂM PHIẾU', bold: true, alignment: 'center' },
              {
                text: '(Ký, ghi rõ họ tên)',
                italics: true,
                fontSize: 11,
                alignment: 'center',
                margin: [0, 0, 0, 6],
              },
              ...(members.length > 0
                ? members.map((m, i) => ({
                    text: `${i + 1}. ${m.name}  ..............................`,
                    margin: [0, 14, 0, 0] as [number, number, number, number],
                  }))
                : [1, 2, 3].map((i) => ({
                    text: `${i}. ..............................................`,
                    margin: [0, 14, 0, 0] as [number, number, number, number],
                  }))),
            ],
          },
          { width: '50%', ...block('TRƯỞNG BAN KIỂM PHIẾU', head?.name) } as Content,
        ],
      },
    ],
    margin: [0, 14, 0, 0],
  };
}

export function minutesDocument({
  record,
  result,
  fingerprint,
  date,
  decimals = 2,
}: MinutesInput): TDocumentDefinitions {
  const { congress, election } = record;
  const when = date ?? congress.date;
  return {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    info: {
      title: `Biên bản kiểm phiếu — ${election.title}`,
      creator: 'Kiểm phiếu',
      producer: 'Kiểm phiếu',
      subject: fingerprint,
    },
    defaultStyle: { font: FONT, fontSize: 13, lineHeight: 1.15 },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Mã kiểm tra hồ sơ: ${fingerprint.slice(0, 16)}…`, fontSize: 9, color: '#555555' },
        { text: `Trang ${page}/${pages}`, alignment: 'right', fontSize: 9, color: '#555555' },
      ],
      margin: [A4_MARGINS[0], 20, A4_MARGINS[2], 0],
    }),
    content: [
      partyHeader({
        organisation: congress.organisation,
        body: 'Ban kiểm phiếu',
        place: congress.place,
        date: when,
      }),
      {
        text: 'BIÊN BẢN KIỂM PHIẾU',
        bold: true,
        fontSize: 16,
        alignment: 'center',
        margin: [0, 20, 0, 2],
      },
      { text: upper(election.title), bold: true, fontSize: 14, alignment: 'center' },
      ...(election.round > 1
        ? [
            {
              text: `(Vòng ${election.round}${election.parent ? `, tiếp theo cuộc bầu "${election.parent}"` : ''})`,
              alignment: 'center' as const,
              italics: true,
            },
          ]
        : []),
      { text: congress.name, italics: true, alignment: 'center', margin: [0, 2, 0, 12] },
      para(REGULATION, { alignment: 'justify' }),
      para(
        `Ban kiểm phiếu ${congress.name} gồm${record.committee && record.committee.length > 0 ? ' các đồng chí:' : ' các đồng chí có tên dưới đây'}`,
      ),
      ...(record.committee ?? []).map((m, i) =>
        para(`${i + 1}. Đồng chí ${m.name} — ${m.role === 'head' ? 'Trưởng ban' : 'Thành viên'}`, {
          margin: [18, 0, 0, 3],
        }),
      ),
      para('đã tiến hành kiểm phiếu và lập biên bản như sau:', { margin: [0, 4, 0, 8] }),
      { text: 'I. SỐ LƯỢNG CẦN BẦU VÀ DANH SÁCH BẦU CỬ', bold: true, margin: [0, 4, 0, 4] },
      para(
        `Số lượng cần bầu: ${election.seats}. Danh sách bầu cử gồm ${record.candidates.length} đồng chí (xếp theo vần A, B, C):`,
      ),
      { ol: record.candidates.map((c) => c.name), margin: [18, 0, 0, 8] },
      { text: 'II. CƠ SỞ TÍNH TỶ LỆ', bold: true, margin: [0, 4, 0, 4] },
      ...baseLines(record, result),
      { text: 'III. KẾT QUẢ KIỂM PHIẾU', bold: true, margin: [0, 8, 0, 4] },
      ...ballotLines(result),
      para(
        'Số phiếu bầu cho từng đồng chí (xếp theo thứ tự trong danh sách bầu cử, tỷ lệ % so với cơ sở tính):',
        { margin: [0, 6, 0, 4] },
      ),
      votesTable(result, decimals),
      { text: 'IV. NGƯỜI TRÚNG CỬ', bold: true, margin: [0, 4, 0, 4] },
      ...outcome(record, result, decimals),
      para(
        [
          { text: 'Biên bản được lập từ hồ sơ bầu cử có mã kiểm tra SHA-256: ' },
          { text: fingerprint, font: FONT, fontSize: 10, bold: true },
          { text: '. Đối chiếu bằng lệnh "npx kiem-phieu fingerprint HỒ-SƠ.json".' },
        ],
        { margin: [0, 10, 0, 4], fontSize: 12 },
      ),
      para(
        `Biên bản lập ${when ? `ngày ${dmy(when)}` : 'ngày ..../..../........'}, thông qua trước Đại hội.`,
        { italics: true },
      ),
      signatures(record),
    ],
  };
}
