/** Deterministic large elections for benchmarks (a seeded generator, no Math.random). */
import type { ElectionRecord, EnteredBallot } from '../../core/record.ts';
import { parseRecord } from '../../core/record.ts';
import { rng } from '../scan/deck.ts';

/** A strike election of `candidates` names for `seats` seats with `ballots` ballots. */
export function bigElection({
  ballots,
  candidates,
  seats,
  seed = 1,
}: {
  ballots: number;
  candidates: number;
  seats: number;
  seed?: number;
}): ElectionRecord {
  const random = rng(seed);
  const ids = Array.from({ length: candidates }, (_, i) => `c${i + 1}`);
  const entered: EnteredBallot[] = [];
  for (let n = 1; n <= ballots; n++) {
    if (random() < 0.01) {
      entered.push({ n, invalid: 'marked' });
      continue;
    }
    // Strike at least the surplus, a few more on some ballots; popularity varies by candidate.
    const struck = ids.filter((_, i) => random() < 0.1 + (0.2 * i) / candidates);
    entered.push({ n, struck });
  }
  const raw = {
    format: 'kiem-phieu/election-record@1',
    congress: {
      name: 'Đại hội đại biểu Đảng bộ tỉnh',
      organisation: 'Đảng bộ tỉnh',
      kind: 'delegates',
    },
    rules: 'party',
    base: { convened: ballots, exclusions: [], override: null },
    election: {
      id: 'bench',
      title: 'Bầu Ban Chấp hành',
      kind: 'official-delegates',
      layout: 'strike',
      seats,
      round: 1,
    },
    candidates: ids.map((id, i) => ({ id, name: `Nguyễn Văn Ứng Viên ${i + 1}` })),
    ballots: { issued: ballots, entered },
  };
  const parsed = parseRecord(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  return parsed.value;
}
