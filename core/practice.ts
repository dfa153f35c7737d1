/**
 * The practice congress (tập huấn): a complete small congress for training the technical teams,
 * with a stack of pre-marked ballots whose every reading is known. Pure data and the comparison of
 * what a team entered with what the stack says, ballot by ballot: the host builds the file and the
 * stack from it (db/practice.ts), the operator's screen compares from it.
 *
 * The congress is designed so that one counting meets every case of the day: a committee list
 * with a surplus, where the last seat ends in a tie that needs a re-vote; the re-vote itself; a
 * secretary on an approve ballot; an invalid ballot in each stack, of a different kind each time.
 */
import type { Ballot } from './ballot.ts';
import type { ElectionKind, Mark } from './codes.ts';

/** Printed on every screen, document and sheet of a practice congress. */
export const PRACTICE_LABEL = 'TẬP HUẤN';
export const PRACTICE_NOTICE = 'TẬP HUẤN — KHÔNG PHẢI ĐẠI HỘI THẬT, KHÔNG CÓ GIÁ TRỊ';

/** A pre-marked ballot, by candidate name: the names struck, or the mark beside each name. */
export type PracticeBallot =
  { readonly struck: readonly string[] } | { readonly marks: Readonly<Record<string, Mark>> };

export interface PracticeElection {
  readonly code: string;
  readonly title: string;
  readonly kind: ElectionKind;
  readonly layout: 'strike' | 'approve';
  readonly seats: number;
  readonly candidates: readonly string[];
  /** The stack, in the order the team counts it. */
  readonly ballots: readonly PracticeBallot[];
  /** What counting the stack must give, in words for the paper (the engine decides the rest). */
  readonly lesson: string;
}

const TERM = '2025–2030';
const TITLE_SUFFIX = ` (${PRACTICE_LABEL})`;

export const PRACTICE_CONGRESS = {
  name: `Đại hội đại biểu Đảng bộ xã Hòa Bình lần thứ I, nhiệm kỳ ${TERM}${TITLE_SUFFIX}`,
  organisation: 'Đảng bộ xã Hòa Bình',
  kind: 'delegates',
  rules: 'party',
  term: TERM,
  place: 'Hòa Bình',
  practice: true,
} as const;

/** The delegates: name, position, unit. The last is absent for the whole congress. */
export const PRACTICE_DELEGATES: readonly {
  readonly name: string;
  readonly position: string;
  readonly unit: string;
}[] = [
  { name: 'Nguyễn Văn Hùng', position: 'Bí thư Đảng ủy xã', unit: 'Đảng ủy xã' },
  { name: 'Trần Thị Mai', position: 'Phó Bí thư Thường trực Đảng ủy', unit: 'Đảng ủy xã' },
  { name: 'Lê Văn Thành', position: 'Chủ tịch Ủy ban nhân dân xã', unit: 'Chi bộ Cơ quan' },
  { name: 'Phạm Thị Hoa', position: 'Chủ tịch Ủy ban MTTQ Việt Nam xã', unit: 'Chi bộ Cơ quan' },
  { name: 'Hoàng Văn Nam', position: 'Chủ nhiệm Ủy ban Kiểm tra', unit: 'Đảng ủy xã' },
  { name: 'Vũ Thị Lan', position: 'Bí thư Chi bộ', unit: 'Chi bộ thôn Đông' },
  { name: 'Đặng Văn Minh', position: 'Bí thư Chi bộ', unit: 'Chi bộ thôn Tây' },
  { name: 'Bùi Thị Thu', position: 'Bí thư Chi bộ', unit: 'Chi bộ Trường Tiểu học' },
  { name: 'Đỗ Văn Tuấn', position: 'Trưởng Công an xã', unit: 'Chi bộ Công an' },
  { name: 'Ngô Thị Hạnh', position: 'Chủ tịch Hội Liên hiệp Phụ nữ xã', unit: 'Chi bộ Cơ quan' },
  { name: 'Dương Văn Long', position: 'Bí thư Đoàn xã', unit: 'Chi bộ Cơ quan' },
  { name: 'Lý Thị Ngọc', position: 'Trạm trưởng Trạm Y tế', unit: 'Chi bộ Trạm Y tế' },
  { name: 'Trịnh Văn Sơn', position: 'Chỉ huy trưởng Quân sự xã', unit: 'Chi bộ Quân sự' },
];
/** Absent for the whole congress, with no alternate: excluded from the base. */
export const PRACTICE_ABSENT = ['Trịnh Văn Sơn'] as const;
/** Convened 13, one excluded: the base is 12, and 12 ballots are issued. */
export const PRACTICE_ISSUED = 12;

export const PRACTICE_COMMITTEE: readonly { name: string; role: 'head' | 'member' }[] = [
  { name: 'Ngô Thị Hạnh', role: 'head' },
  { name: 'Dương Văn Long', role: 'member' },
  { name: 'Lý Thị Ngọc', role: 'member' },
];

const HOA = 'Phạm Thị Hoa';
const HUNG = 'Nguyễn Văn Hùng';
const LAN = 'Vũ Thị Lan';
const MAI = 'Trần Thị Mai';
const NAM = 'Hoàng Văn Nam';
const THANH = 'Lê Văn Thành';

const s = (...struck: string[]): PracticeBallot => ({ struck });
const secretary = (mark: Mark): PracticeBallot => ({ marks: { [HUNG]: mark } });

const COMMITTEE_TITLE = `Bầu Ban Chấp hành Đảng bộ xã Hòa Bình khóa I, nhiệm kỳ ${TERM}${TITLE_SUFFIX}`;

export const PRACTICE_ELECTIONS: readonly PracticeElection[] = [
  {
    code: 'bch',
    title: COMMITTEE_TITLE,
    kind: 'committee',
    layout: 'strike',
    seats: 5,
    candidates: [HUNG, MAI, THANH, HOA, NAM, LAN],
    // Votes 10, 10, 9, 9, 8, 8: four elected, Lan and Nam tied for the fifth seat. Ballot 6 has
    // no name struck: six names left for five seats, invalid (bầu thừa).
    ballots: [
      s(LAN),
      s(NAM),
      s(HOA),
      s(THANH),
      s(LAN),
      s(),
      s(NAM),
      s(HUNG),
      s(MAI),
      s(LAN, NAM),
      s(HOA),
      s(THANH),
    ],
    lesson:
      'Bốn người trúng cử; Vũ Thị Lan và Hoàng Văn Nam ngang phiếu ở chỗ cuối: chốt kết quả rồi tạo cuộc bầu lại giữa hai người cho 1 chỗ. Phiếu số 6 không gạch tên nào: bầu thừa, không hợp lệ.',
  },
  {
    code: 'bch-v2',
    title: `${COMMITTEE_TITLE} — bầu lại (vòng 2)`,
    kind: 'committee',
    layout: 'strike',
    seats: 1,
    candidates: [LAN, NAM],
    // Lan 7, Nam 4: Lan elected. Ballot 5 strikes both names: invalid (gạch hết).
    ballots: [
      s(NAM),
      s(LAN),
      s(NAM),
      s(NAM),
      s(LAN, NAM),
      s(NAM),
      s(LAN),
      s(NAM),
      s(NAM),
      s(LAN),
      s(NAM),
      s(LAN),
    ],
    lesson:
      'Bầu lại sau khi cuộc bầu Ban Chấp hành có số phiếu ngang nhau (tạo từ màn Kết quả). Vũ Thị Lan trúng cử với 7 phiếu. Phiếu số 5 gạch cả hai tên: không hợp lệ.',
  },
  {
    code: 'bt',
    title: `Bầu Bí thư Đảng ủy xã Hòa Bình khóa I, nhiệm kỳ ${TERM}${TITLE_SUFFIX}`,
    kind: 'secretary',
    layout: 'approve',
    seats: 1,
    candidates: [HUNG],
    // 10 agree, 1 disagree (ballot 4), 1 unmarked (ballot 9, invalid: no choice).
    ballots: [
      'agree',
      'agree',
      'agree',
      'disagree',
      'agree',
      'agree',
      'agree',
      'agree',
      'none',
      'agree',
      'agree',
      'agree',
    ].map((m) => secretary(m as Mark)),
    lesson:
      'Nguyễn Văn Hùng trúng cử Bí thư với 10 phiếu đồng ý. Phiếu số 9 không đánh dấu ô nào: không hợp lệ.',
  },
];

/** The follow-up the team creates itself, from the result of the election it follows. */
export const PRACTICE_FOLLOW_UP: Readonly<Record<string, string>> = { 'bch-v2': 'bch' };

/** The practice election a file's election is, by its code. */
export const practiceElection = (code: string): PracticeElection | undefined =>
  PRACTICE_ELECTIONS.find((e) => e.code === code);

/** A pre-marked ballot as the engine takes it: names to the election's candidate ids. */
export function practiceBallot(
  ballot: PracticeBallot,
  candidates: readonly { readonly code: string; readonly name: string }[],
): Ballot {
  const id = (name: string) => candidates.find((c) => c.name === name)?.code ?? name;
  if ('struck' in ballot) return { struck: ballot.struck.map(id) };
  return {
    marks: Object.fromEntries(candidates.map((c) => [c.code, ballot.marks[c.name] ?? 'none'])),
  };
}

/** One line of the comparison: the stack's ballot and the ballot entered in its place. */
export interface PracticeRow {
  readonly n: number;
  readonly expected: Ballot | null;
  readonly entered: Ballot | null;
  readonly match: boolean;
}

export interface PracticeCheck {
  readonly rows: readonly PracticeRow[];
  readonly matched: number;
  /** Ballots of the stack not entered yet. */
  readonly missing: number;
  /** Entered ballots that differ from the stack's, or that the stack does not have. */
  readonly wrong: number;
  /** Every ballot of the stack entered, each as it was printed, and nothing more. */
  readonly ok: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** Whether an entered ballot reads as the printed one: the same marks, no ruling. */
export function sameBallot(expected: Ballot, entered: Ballot): boolean {
  if ('invalid' in entered || 'invalid' in expected) return false;
  if ((entered.ruling ?? null) !== null) return false;
  if ('struck' in expected) return 'struck' in entered && sameSet(expected.struck, entered.struck);
  if (!('marks' in entered)) return false;
  const ids = new Set([...Object.keys(expected.marks), ...Object.keys(entered.marks)]);
  return [...ids].every((id) => (expected.marks[id] ?? 'none') === (entered.marks[id] ?? 'none'));
}

/**
 * The stack against what was entered, ballot by ballot: the k-th ballot of the stack against the
 * k-th ballot entered and not voided (a voided entry was taken back, so its place is the next).
 */
export function checkPractice(
  expected: readonly Ballot[],
  entered: readonly { readonly n: number; readonly body: Ballot; readonly voided: boolean }[],
): PracticeCheck {
  const kept = entered.filter((b) => !b.voided).sort((a, b) => a.n - b.n);
  const length = Math.max(expected.length, kept.length);
  const rows: PracticeRow[] = Array.from({ length }, (_, k) => {
    const want = expected[k] ?? null;
    const got = kept[k]?.body ?? null;
    return {
      n: k + 1,
      expected: want,
      entered: got,
      match: want !== null && got !== null && sameBallot(want, got),
    };
  });
  const matched = rows.filter((r) => r.match).length;
  const missing = rows.filter((r) => r.entered === null).length;
  const wrong = rows.filter((r) => r.entered !== null && !r.match).length;
  return { rows, matched, missing, wrong, ok: missing === 0 && wrong === 0 };
}
