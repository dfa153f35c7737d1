/**
 * The user-facing words for the engine's codes, in Vietnamese and English; the CLI, the screens
 * and the minutes all read them from here.
 */
import type { ExclusionCategory, InvalidCode } from './codes.ts';
import { formatPercent } from './percent.ts';
import type { Lang } from './refusal.ts';
import { assertNever } from './result.ts';
import type { Warning } from './warnings.ts';

type Text = { readonly vi: string; readonly en: string };

export const INVALID_LABELS: Readonly<Record<InvalidCode, Text>> = {
  'over-vote': { vi: 'Bầu quá số lượng cần bầu', en: 'More names left than seats' },
  'all-struck': { vi: 'Gạch hết tên', en: 'Every name struck' },
  'no-choice': {
    vi: 'Không đánh dấu "Đồng ý" hoặc "Không đồng ý" ở dòng nào',
    en: 'No row marked agree or disagree alone',
  },
  'not-issued': {
    vi: 'Không phải phiếu do Ban kiểm phiếu phát ra hoặc không có dấu',
    en: 'Not issued by the committee, or without the seal',
  },
  'added-name': { vi: 'Ghi thêm tên người ngoài danh sách', en: 'A name written in' },
  marked: { vi: 'Có ký tên hoặc dấu hiệu riêng', en: 'Signed or carrying identifying marks' },
  other: { vi: 'Lý do khác', en: 'Other reason' },
};

/** The exclusions from the base, as the minutes and the spreadsheets name them. */
export const EXCLUSION_LABELS: Readonly<Record<ExclusionCategory, string>> = {
  'committee-absent': 'Cấp ủy viên triệu tập vắng mặt suốt thời gian đại hội',
  'delegate-absent-no-alternate':
    'Đại biểu chính thức vắng mặt suốt thời gian đại hội, không có đại biểu dự khuyết thay thế',
  transferred: 'Đảng viên chuyển sinh hoạt đảng tạm thời',
  'exempt-absent': 'Đảng viên được miễn công tác và sinh hoạt đảng vắng mặt',
  suspended: 'Đảng viên bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, tạm giam',
  'absent-with-reason': 'Đảng viên vắng mặt suốt thời gian đại hội có lý do chính đáng',
  'member-absent': 'Ủy viên vắng mặt',
};

export const exclusionLabel = (category: string): string =>
  EXCLUSION_LABELS[category as ExclusionCategory] ?? category;

export const invalidLabel = (code: InvalidCode, lang: Lang): string => INVALID_LABELS[code][lang];

/** Numbers as the documents print them: comma decimals in Vietnamese. */
export const percentText = (votes: number, base: number, lang: Lang, decimals = 2): string =>
  `${formatPercent(votes, base, { decimals, separator: lang === 'vi' ? ',' : '.' })}%`;

export function warningText(w: Warning, lang: Lang): string {
  const vi = lang === 'vi';
  switch (w.code) {
    case 'base-override':
      return vi
        ? `Đoàn Chủ tịch đã quyết định cơ sở tính là ${w.base} (theo quy tắc là ${w.computed}): ${w.note}`
        : `The presidium set the base to ${w.base} (the rules give ${w.computed}): ${w.note}`;
    case 'surplus-over-limit':
      return vi
        ? `Số dư ${w.surplus} (${w.candidates} người cho ${w.seats} chỗ) vượt mức tối đa ${w.limit} của Quy chế`
        : `Surplus ${w.surplus} (${w.candidates} for ${w.seats} seats) is over the limit of ${w.limit}`;
    case 'no-surplus':
      return vi
        ? `Danh sách không có số dư (${w.candidates} người cho ${w.seats} chỗ) nhưng phiếu là kiểu gạch tên`
        : `The list has no surplus (${w.candidates} for ${w.seats} seats) but the ballot is the strike layout`;
    case 'approve-with-surplus':
      return vi
        ? `Danh sách có số dư (${w.candidates} người cho ${w.seats} chỗ) nhưng phiếu là kiểu đồng ý/không đồng ý`
        : `The list has a surplus (${w.candidates} for ${w.seats} seats) but the ballot is the approve layout`;
    case 'issued-exceeds-present':
      return vi
        ? `Số phiếu phát ra (${w.issued}) nhiều hơn số người có mặt (${w.present})`
        : `Ballots issued (${w.issued}) exceed the people present (${w.present})`;
    case 'collected-exceeds-issued':
      return vi
        ? `Số phiếu thu vào (${w.collected}) nhiều hơn số phiếu phát ra (${w.issued})`
        : `Ballots collected (${w.collected}) exceed ballots issued (${w.issued})`;
    default:
      return assertNever(w);
  }
}
