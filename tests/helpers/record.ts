/** Small election records for tests, built from a compact description. */
import type { ElectionRecord, EnteredBallot } from '../../core/record.ts';
import { parseRecord } from '../../core/record.ts';
import { Tally, type ElectionResult } from '../../core/tally.ts';

export interface Spec {
  names?: readonly string[];
  candidates?: number;
  seats?: number;
  layout?: 'strike' | 'approve';
  kind?: ElectionRecord['election']['kind'];
  rules?: ElectionRecord['rules'];
  congressKind?: 'delegates' | 'members';
  convened?: number;
  present?: number | null;
  exclusions?: { category: string; count: number }[];
  override?: { base: number; note: string } | null;
  issued?: number;
  round?: number;
  parent?: string;
  ballots?: readonly unknown[];
}

export const ids = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `c${i + 1}`);

/** A raw (unparsed) record, as a file would hold it. */
export function rawRecord(spec: Spec): Record<string, unknown> {
  const names =
    spec.names ??
    Array.from({ length: spec.candidates ?? 4 }, (_, i) => `Nguyễn Văn Người ${i + 1}`);
  const ballots = spec.ballots ?? [];
  return {
    format: 'kiem-phieu/election-record@1',
    congress: {
      name: 'Đại hội đại biểu Đảng bộ xã lần thứ I',
      organisation: 'Đảng bộ xã Thử Nghiệm',
      kind: spec.congressKind ?? 'delegates',
    },
    rules: spec.rules ?? 'party',
    base: {
      convened: spec.convened ?? 100,
      ...(spec.present === undefined ? {} : { present: spec.present }),
      exclusions: spec.exclusions ?? [],
      override: spec.override ?? null,
    },
    election: {
      id: 'e1',
      title: 'Bầu Ban Chấp hành',
      kind: spec.kind ?? 'committee',
      layout: spec.layout ?? 'strike',
      seats: spec.seats ?? 3,
      round: spec.round ?? 1,
      ...(spec.parent === undefined ? {} : { parent: spec.parent }),
    },
    candidates: names.map((name, i) => ({ id: `c${i + 1}`, name })),
    ballots: { issued: spec.issued ?? ballots.length, entered: ballots },
  };
}

export function record(spec: Spec): ElectionRecord {
  const parsed = parseRecord(rawRecord(spec));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

export const tally = (spec: Spec, decimals?: number): ElectionResult =>
  Tally.ofRecord(record(spec)).result(decimals === undefined ? {} : { decimals });

/** `count` strike ballots striking exactly `struck`, numbered from `from`. */
export function strikes(count: number, struck: readonly string[], from: number): EnteredBallot[] {
  return Array.from({ length: count }, (_, i) => ({ n: from + i, struck: [...struck] }));
}

/** Ballots numbered 1.. from groups of [count, struck ids]. */
export function deck(groups: readonly (readonly [number, readonly string[]])[]): EnteredBallot[] {
  const out: EnteredBallot[] = [];
  for (const [count, struck] of groups) out.push(...strikes(count, struck, out.length + 1));
  return out;
}

export const votesOf = (result: ElectionResult): Record<string, number> =>
  Object.fromEntries(result.candidates.map((c) => [c.id, c.votes]));
