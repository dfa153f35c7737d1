/**
 * The counting minutes (biên bản kiểm phiếu) of one election and round, with every field that
 * rules.md lists, in the Party's document format (documents.md): a template plus the record and
 * its result.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { INVALID_CODES } from '../codes.ts';
import {
  electionName,
  exclusionLabel,
  invalidLabel,
  outcomeLabel,
  percentText,
  warningText,
} from '../labels.ts';
import type { ElectionRecord } from '../record.ts';
import type { ElectionResult } from '../tally.ts';
import {
  PARTY_FORMAT,
  asPhrase,
  assembly,
  dmy,
  flow,
  headSignature,
  keep,
  electionHeader,
  titleBlock,
  baseLine,
  partyDocument,
} from './common.ts';

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
  /** The title of the election a re-vote or further round follows, when it is known. */
  readonly parentTitle?: string | undefined;
  /** The head of the congress file's audit chain (a short prefix of the last row's hash). */
  readonly chainHead?: string | undefined;
  /** The document number the secretariat gives ("Số 05-BB/ĐH"), if any. */
  readonly number?: string | undefined;
  /** Who of the counting committee confirmed the result by PIN, and when (ISO instant). */
  readonly confirmation?: { readonly by: string; readonly at: string } | undefined;
}

/** "08:15 ngày 15/10/2025" on the Vietnamese wall clock (UTC+7 all year). */
function vietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const wall = new Date(ms + 7 * 3_600_000).toISOString();
  return `${wall.slice(11, 16)} ngày ${dmy(wall.slice(0, 10))}`;
}

/** The committee's confirmation, as the minutes record it. */
export function confirmationLine(
  record: Pick<ElectionRecord, 'committee'>,
  confirmation: { readonly by: string; readonly at: string },
): string {
  const head = (record.committee ?? []).find((m) => m.role === 'head')?.name;
  const who = head === confirmation.by ? 'Trưởng Ban kiểm phiếu' : 'thành viên Ban kiểm phiếu';
  return `Kết quả kiểm phiếu đã được đồng chí ${confirmation.by}, ${who}, xác nhận lúc ${vietnamTime(confirmation.at)}.`;
}

export const para = (text: string | Content[], extra: Record<string, unknown> = {}): Content =>
  ({
    text: typeof text === 'string' ? flow(text) : text,
    margin: [0, 0, 0, PARTY_FORMAT.paragraphGap],
    ...extra,
  }) as Content;

/** Prose: justified, first line indented. */
export const prose = (text: string, extra: Record<string, unknown> = {}): Content =>
  para(text, { alignment: 'justify', leadingIndent: PARTY_FORMAT.indent, ...extra });

export const item = (text: string, extra: Record<string, unknown> = {}): Content =>
  para(text, { margin: [PARTY_FORMAT.indent, 0, 0, 3], ...extra });

export const heading = (text: string): Content =>
  ({ text, bold: true, margin: [0, 8, 0, PARTY_FORMAT.paragraphGap] }) as Content;

function baseLines(record: ElectionRecord, result: ElectionResult): Content[] {
  const { base, rules } = record;
  const lines: Content[] = [];
  if (rules === 'party') {
    lines.push(item(`- Tổng số được triệu tập: ${base.convened}.`));
    if (base.present !== undefined) {
      lines.push(
        item(
          `- Số có mặt: ${base.present}; vắng mặt: ${Math.max(0, base.convened - base.present)}.`,
        ),
      );
    }
    const excluded = base.exclusions.reduce((s, x) => s + x.count, 0);
    for (const x of base.exclusions)
      lines.push(item(`- ${exclusionLabel(x.category)}: ${x.count}.`));
    lines.push(
      item(
        `- Số dùng làm cơ sở tính tỷ lệ: ${base.convened} − ${excluded} = ${base.convened - excluded}.`,
      ),
    );
  } else {
    const what = rules === 'valid-ballots' ? 'số phiếu hợp lệ' : 'số phiếu thu vào';
    lines.push(item(`- Cơ sở tính tỷ lệ là ${what}: ${result.base}.`));
  }
  if (base.override !== null) {
    lines.push(
      item(
        `- Đoàn Chủ tịch quyết định cơ sở tính tỷ lệ là ${base.override.base} (${base.override.note}).`,
        { bold: true },
      ),
    );
  }
  lines.push(
    item(
      `- Người trúng cử phải được quá một nửa (từ ${result.threshold} phiếu trở lên) so với ${result.base}.`,
    ),
  );
  return lines;
}

function ballotLines(result: ElectionResult): Content[] {
  const b = result.ballots;
  const lines: Content[] = [
    item(`- Số phiếu phát ra: ${b.issued}.`),
    item(`- Số phiếu thu vào: ${b.collected}.`),
    item(`- Số phiếu hợp lệ: ${b.valid}.`),
    item(`- Số phiếu không hợp lệ: ${b.invalid}${b.invalid > 0 ? ', trong đó:' : '.'}`),
  ];
  for (const code of INVALID_CODES) {
    const n = b.invalidByReason[code];
    if (n !== undefined)
      lines.push(
        item(`+ ${invalidLabel(code, 'vi')}: ${n}.`, {
          margin: [PARTY_FORMAT.indent * 2, 0, 0, 3],
        }),
      );
  }
  return lines;
}

function votesTable(result: ElectionResult, decimals: number): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: [28, '*', 56, 56, 112],
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
          { text: outcomeLabel(c, result, 'vi'), alignment: 'center' as const, bold: c.elected },
        ]),
      ],
    },
    fontSize: PARTY_FORMAT.tableSize,
    lineHeight: 1.05,
    layout: { paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 2, 0, 8],
  } as Content;
}

function outcome(
  record: ElectionRecord,
  result: ElectionResult,
  decimals: number,
  word: string,
): Content[] {
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
          item(
            `${i + 1}. ${c.name}: ${c.votes} phiếu, đạt ${percentText(c.votes, result.base, 'vi', decimals)}.`,
          ),
        );
    });
  }
  const beyond = result.candidates.filter(
    (c) => !c.elected && c.qualified && !(result.tie?.candidates.includes(c.id) ?? false),
  );
  if (beyond.length > 0) {
    lines.push(
      prose(
        `Các đồng chí ${beyond.map((c) => c.name).join(', ')} được quá một nửa số phiếu nhưng ngoài số lượng cần bầu, không trúng cử.`,
      ),
    );
  }
  if (result.tie !== null) {
    const group = result.tie.candidates.map((id) => byId.get(id));
    lines.push(
      prose(
        `Các đồng chí ${group.map((c) => c?.name).join(', ')} cùng được ${group[0]?.votes ?? 0} phiếu (bằng phiếu nhau ở ${result.tie.seats === 1 ? 'chỗ' : `${result.tie.seats} chỗ`} cuối), không ai trong số này trúng cử. ${word} xem xét, quyết định bầu lại trong số các đồng chí này cho ${result.tie.seats} chỗ còn lại.`,
        { bold: true },
      ),
    );
  } else if (result.openSeats > 0) {
    lines.push(
      prose(
        `Còn thiếu ${result.openSeats} so với số lượng cần bầu. ${word} xem xét, quyết định có bầu tiếp hay không.`,
        { bold: true },
      ),
    );
  }
  if (result.warnings.length > 0) {
    lines.push(
      para('Những điểm Ban kiểm phiếu cần giải trình:', { bold: true, margin: [0, 6, 0, 4] }),
    );
    for (const w of result.warnings) lines.push(item(`- ${warningText(w, 'vi')}.`));
  }
  return lines;
}

export function signatures(record: Pick<ElectionRecord, 'committee'>): Content {
  const committee = record.committee ?? [];
  const head = committee.find((m) => m.role === 'head');
  const members = committee.filter((m) => m.role === 'member');
  const lines = members.length > 0 ? members.map((m) => m.name) : ['', '', ''];
  return {
    unbreakable: true,
    columns: [
      {
        width: '50%',
        stack: [
          { text: 'CÁC THÀNH VIÊN', bold: true, alignment: 'center' },
          { text: 'BAN KIỂM PHIẾU', bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
          ...lines.map((name, i) => ({
            // Room to sign beside each name.
            text: `${i + 1}. ${name || '.........................................'}`,
            margin: [0, 26, 0, 0] as [number, number, number, number],
          })),
        ],
      },
      { width: '50%', ...(headSignature(head?.name) as object) } as unknown as Content,
    ],
    margin: [0, 14, 0, 0],
  } as Content;
}

export function minutesDocument({
  record,
  result,
  fingerprint,
  date,
  decimals = 2,
  parentTitle,
  chainHead,
  number,
  confirmation,
}: MinutesInput): TDocumentDefinitions {
  const { congress, election } = record;
  const when = date ?? congress.date;
  const held = assembly(record);
  const name = electionName(election, 'vi');
  const committee = record.committee ?? [];
  const followUp =
    election.round > 1 && parentTitle !== undefined
      ? [
          {
            text: flow(`(Tiếp theo cuộc ${asPhrase(parentTitle)})`),
            italics: true,
            alignment: 'center' as const,
          } as Content,
        ]
      : [];
  return partyDocument({
    title: `Biên bản kiểm phiếu — ${name}`,
    subject: fingerprint,
    footer: [
      `Mã kiểm tra hồ sơ: ${fingerprint.slice(0, 16)}…`,
      ...(chainHead === undefined ? [] : [`   ·   Mã kiểm tra tệp: ${chainHead}`]),
    ].join(''),
    content: [
      electionHeader(record, { body: 'Ban kiểm phiếu', number, date: when }),
      ...titleBlock('Biên bản', `Kiểm phiếu ${asPhrase(name)}`, [
        ...followUp,
        baseLine(record, result),
      ]),
      prose(REGULATION),
      prose(
        `Ban kiểm phiếu ${held.name} gồm ${committee.length > 0 ? 'các đồng chí:' : 'các đồng chí có tên dưới đây'}`,
      ),
      ...committee.map((m, i) =>
        item(`${i + 1}. Đồng chí ${m.name}, ${m.role === 'head' ? 'Trưởng ban' : 'thành viên'}.`),
      ),
      prose('đã tiến hành kiểm phiếu và lập biên bản như sau:', { leadingIndent: 0 }),
      heading('I. SỐ LƯỢNG CẦN BẦU VÀ DANH SÁCH BẦU CỬ'),
      prose(
        `Số lượng cần bầu: ${election.seats}. Danh sách bầu cử gồm ${record.candidates.length} đồng chí (xếp theo vần A, B, C):`,
      ),
      {
        ol: record.candidates.map((c) => c.name),
        margin: [PARTY_FORMAT.indent, 0, 0, 8],
      } as Content,
      heading('II. CƠ SỞ TÍNH TỶ LỆ'),
      ...baseLines(record, result),
      heading('III. KẾT QUẢ KIỂM PHIẾU'),
      ...ballotLines(result),
      prose(
        'Số phiếu bầu cho từng đồng chí (xếp theo thứ tự trong danh sách bầu cử, tỷ lệ % so với cơ sở tính):',
        { margin: [0, 6, 0, 4] },
      ),
      votesTable(result, decimals),
      heading('IV. NGƯỜI TRÚNG CỬ'),
      ...outcome(record, result, decimals, held.word),
      para(
        [
          { text: 'Biên bản được lập từ hồ sơ bầu cử có mã kiểm tra SHA-256: ' },
          { text: fingerprint, fontSize: 10, bold: true },
          { text: '. Đối chiếu bằng lệnh "npx kiem-phieu fingerprint HỒ-SƠ.json".' },
          ...(chainHead === undefined
            ? []
            : [
                { text: ' Mã kiểm tra nhật ký của tệp đại hội khi lập biên bản: ' },
                { text: chainHead, fontSize: 10, bold: true },
                { text: '.' },
              ]),
        ] as Content[],
        { margin: [0, 10, 0, 4], fontSize: 12 },
      ),
      ...(confirmation === undefined ? [] : [prose(confirmationLine(record, confirmation))]),
      para(
        [
          { text: 'Biên bản lập ' },
          keep(when ? `ngày ${dmy(when)}` : 'ngày ..../..../........'),
          { text: `, thông qua trước ${held.word}.` },
        ] as Content[],
        { italics: true },
      ),
      signatures(record),
    ],
  });
}
