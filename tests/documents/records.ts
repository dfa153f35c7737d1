/** Small election records made for the document tests: each shows one case the decks lack. */
import { minutesDocument, type MinutesInput } from '../../core/documents/minutes.ts';
import { parseRecord, RECORD_FORMAT, type ElectionRecord } from '../../core/record.ts';
import { Tally } from '../../core/tally.ts';
import { recordFingerprint } from '../../db/fingerprint.ts';

export const COMMITTEE = [
  { name: 'Hoàng Văn Trưởng', role: 'head' as const },
  { name: 'Vũ Thị Thành Viên', role: 'member' as const },
  { name: 'Đặng Quốc Ủy', role: 'member' as const },
];

export const CONFERENCE_COMMITTEE = [
  { name: 'Lương Thị Hội Nghị', role: 'head' as const },
  { name: 'Kiều Văn Kiểm', role: 'member' as const },
];

const CONGRESS = {
  name: 'Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XXI',
  organisation: 'Đảng bộ tỉnh Thái Nguyên',
  kind: 'delegates',
  term: '2025–2030',
  place: 'Hội trường Trung tâm Hội nghị tỉnh',
  date: '2025-10-14',
} as const;

function parsed(raw: unknown): ElectionRecord {
  const r = parseRecord(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A record of this congress under the Party's rules: `parts` gives the base, election and ballots. */
const ofThisCongress = (parts: Record<string, unknown>): ElectionRecord =>
  parsed({ format: RECORD_FORMAT, congress: CONGRESS, rules: 'party', ...parts });

/** A record's minutes as the app makes them: its tally and its fingerprint; `extra` for the rest. */
export const minutesOf = (record: ElectionRecord, extra: Partial<MinutesInput> = {}) =>
  minutesDocument({
    record,
    result: Tally.ofRecord(record).result(),
    fingerprint: recordFingerprint(record),
    ...extra,
  });

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);

/**
 * The committee: 4 names for 2 seats, base 12. Three get over half (9, 8 and 7 votes): the third
 * is over half but outside the seats.
 */
export function overHalfRecord(): ElectionRecord {
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];
  // 12 ballots of two names each: c1 9, c2 8, c3 7 votes, all over half of 12.
  const pick = [
    ...Array.from({ length: 5 }, () => ['c1', 'c2']),
    ...Array.from({ length: 4 }, () => ['c1', 'c3']),
    ...Array.from({ length: 3 }, () => ['c2', 'c3']),
  ];
  const entered = pick.map((chosen, k) => ({
    n: k + 1,
    struck: ids(4).filter((id) => !chosen.includes(id)),
  }));
  return ofThisCongress({
    base: { convened: 12, present: 12, exclusions: [], override: null },
    election: {
      id: 'bch',
      title: 'Bầu Ban Chấp hành Đảng bộ tỉnh Thái Nguyên khóa XXI, nhiệm kỳ 2025–2030',
      kind: 'committee',
      layout: 'strike',
      seats: 2,
      round: 1,
    },
    candidates: names.map((name, i) => ({ id: `c${i + 1}`, name })),
    committee: COMMITTEE,
    ballots: { issued: 12, entered },
  });
}

/** The secretary, elected at the new committee's first conference, on its own base of 55 − 2. */
export function conferenceRecord(): ElectionRecord {
  const agree = (n: number) => ({ n, marks: { c1: 'agree' } });
  const disagree = (n: number) => ({ n, marks: { c1: 'disagree' } });
  return ofThisCongress({
    base: {
      convened: 55,
      present: 53,
      exclusions: [{ category: 'member-absent', count: 2 }],
      override: null,
    },
    election: {
      id: 'bi-thu',
      title: 'Bầu Bí thư Tỉnh ủy Thái Nguyên khóa XXI, nhiệm kỳ 2025–2030',
      kind: 'secretary',
      layout: 'approve',
      seats: 1,
      round: 1,
    },
    candidates: [{ id: 'c1', name: 'Trịnh Việt Hùng' }],
    committee: CONFERENCE_COMMITTEE,
    ballots: {
      issued: 53,
      entered: Array.from({ length: 53 }, (_, k) => (k < 51 ? agree(k + 1) : disagree(k + 1))),
    },
  });
}

/** The re-vote of a tie, round 2, whose title names its round already. */
export function revoteRecord(): ElectionRecord {
  return ofThisCongress({
    base: { convened: 10, present: 10, exclusions: [], override: null },
    election: {
      id: 'bch-v2',
      title:
        'Bầu Ban Chấp hành Đảng bộ tỉnh Thái Nguyên khóa XXI, nhiệm kỳ 2025–2030 — bầu lại (vòng 2)',
      kind: 'committee',
      layout: 'strike',
      seats: 1,
      round: 2,
      parent: 'bch',
    },
    candidates: [
      { id: 'c1', name: 'Lê Văn Cường' },
      { id: 'c2', name: 'Trần Thị Bình' },
    ],
    committee: COMMITTEE,
    ballots: {
      issued: 10,
      entered: Array.from({ length: 10 }, (_, k) => ({ n: k + 1, struck: [k < 7 ? 'c2' : 'c1'] })),
    },
  });
}

export const PARENT_TITLE =
  'Bầu Ban Chấp hành Đảng bộ tỉnh Thái Nguyên khóa XXI, nhiệm kỳ 2025–2030';
