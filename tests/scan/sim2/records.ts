/**
 * Election records for the second simulator's decks: its own congress and its own candidate
 * names (Vietnamese, three or four words, unique), so nothing is borrowed from the project's decks.
 */
import type { Random } from './random.ts';

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trịnh',
  'Đinh',
];
const MIDDLES = [
  'Văn',
  'Thị',
  'Đức',
  'Minh',
  'Quốc',
  'Thanh',
  'Hữu',
  'Ngọc',
  'Thu',
  'Kim',
  'Xuân',
  'Đình',
  'Công',
  'Bảo',
  'Mạnh',
  'Thùy',
];
const GIVENS = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Việt',
  'Yến',
  'Lực',
  'Ánh',
  'Oanh',
  'Đông',
];

export function candidateNames(r: Random, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const words = [r.pick(SURNAMES), r.pick(MIDDLES)];
    if (r.chance(0.3)) words.push(r.pick(MIDDLES.filter((m) => m !== words[1])));
    words.push(r.pick(GIVENS));
    const name = words.join(' ').normalize('NFC');
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

export interface Sim2Record {
  readonly [key: string]: unknown;
  readonly election: {
    readonly id: string;
    readonly layout: 'strike' | 'approve';
    readonly [key: string]: unknown;
  };
  readonly candidates: readonly { readonly id: string; readonly name: string }[];
}

/** A record of the simulator's congress with `count` candidates and no ballot entered yet. */
export function sim2Record(
  r: Random,
  { id, layout, count }: { id: string; layout: 'strike' | 'approve'; count: number },
): Sim2Record {
  const names = candidateNames(r, count);
  const seats = layout === 'strike' ? Math.max(1, Math.floor(count * 0.75)) : Math.min(count, 2);
  return {
    format: 'kiem-phieu/election-record@1',
    congress: {
      name: 'Đại hội đại biểu Đảng bộ xã Sông Lô lần thứ II',
      organisation: 'Đảng bộ xã Sông Lô',
      kind: 'delegates',
      term: '2025–2030',
      place: 'Sông Lô, Vĩnh Phúc',
      date: '2025-07-02',
    },
    rules: 'party',
    base: { convened: 150, present: 146, exclusions: [], override: null },
    election: {
      id,
      title:
        layout === 'strike'
          ? 'Bầu Ban Chấp hành Đảng bộ xã Sông Lô khóa II, nhiệm kỳ 2025–2030'
          : 'Bầu Phó Bí thư Đảng ủy xã Sông Lô khóa II, nhiệm kỳ 2025–2030',
      kind: layout === 'strike' ? 'committee' : 'deputy-secretary',
      layout,
      seats,
      round: 1,
    },
    candidates: names.map((name, i) => ({ id: `u${i + 1}`, name })),
    ballots: { issued: 146, entered: [] },
  };
}
