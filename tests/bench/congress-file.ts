/** Congress-file figures of issue 3: commit latency with synchronous=FULL and results after each. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Service } from '../../db/service.ts';
import { bigElection } from './deck.ts';
import { median, ms, percentile, report } from './stats.ts';

export async function benchCongressFile(): Promise<void> {
  console.log('\n## Congress file (db/, better-sqlite3, WAL, synchronous=FULL)');
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-bench-'));
  const service = Service.open(join(dir, 'bench.kiemphieu'), { create: true, backups: false });
  try {
    const actor = { name: 'bench', role: 'admin' as const };
    const deck = bigElection({ ballots: 2_000, candidates: 250, seats: 200, seed: 3 });
    const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    ok(
      service.execute(
        'updateCongress',
        { name: 'Đại hội', organisation: 'Đảng bộ tỉnh', kind: 'delegates' },
        actor,
      ),
    );
    ok(service.execute('setBase', { convened: 2_000 }, actor));
    const { electionId } = ok(
      service.execute(
        'createElection',
        {
          title: 'Bầu đại biểu',
          kind: 'official-delegates',
          layout: 'strike',
          seats: 200,
          candidates: deck.candidates.map((c) => c.name),
          order: 'as-given',
        },
        actor,
      ),
    );
    ok(service.execute('startCounting', { electionId }, actor));
    const commits: number[] = [];
    const resultsAfter: number[] = [];
    for (const ballot of deck.ballots.entered) {
      const { n: _n, ...body } = ballot;
      const t0 = process.hrtime.bigint();
      ok(service.execute('enterBallot', { electionId, ballot: body }, actor));
      const t1 = process.hrtime.bigint();
      ok(service.query('results', { electionId }));
      const t2 = process.hrtime.bigint();
      commits.push(Number(t1 - t0) / 1e6);
      resultsAfter.push(Number(t2 - t1) / 1e6);
    }
    const p50 = median(commits);
    const p99 = percentile(commits, 99);
    report('ballot commit, 2 000 × 250, synchronous=FULL (p50)', ms(p50), '—', true);
    report('ballot commit, 2 000 × 250, synchronous=FULL (p99)', ms(p99), '< 5 ms', p99 < 5);
    const r50 = median(resultsAfter);
    const r99 = percentile(resultsAfter, 99);
    report('results query after each commit (p50)', ms(r50), '< 5 ms', r50 < 5);
    report('results query after each commit (p99)', ms(r99), '< 5 ms', r99 < 5);
    const t0 = process.hrtime.bigint();
    ok(service.query('exportRecord', { electionId }));
    report(
      'export record of 2 000 ballots',
      ms(Number(process.hrtime.bigint() - t0) / 1e6),
      '—',
      true,
    );
  } finally {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
