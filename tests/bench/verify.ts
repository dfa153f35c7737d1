/**
 * `verify` figures of issue 10 (item 12): replaying the whole audit log into a fresh file and
 * comparing every table row by row, on a provincial congress (350 ballots × 60 names) and a big
 * election (2 000 ballots × 250 names), each with corrections and rulings among the entries.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Service } from '../../db/service.ts';
import { verifyFile } from '../../db/verify.ts';
import { bigElection } from './deck.ts';
import { median, report, time } from './stats.ts';

function writeCongress(
  file: string,
  { ballots, candidates, seats }: { ballots: number; candidates: number; seats: number },
): number {
  const service = Service.open(file, { create: true, backups: false });
  const actor = { name: 'bench', role: 'admin' as const };
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const deck = bigElection({ ballots, candidates, seats, seed: 7 });
  ok(
    service.execute(
      'updateCongress',
      { name: 'Đại hội', organisation: 'Đảng bộ tỉnh', kind: 'delegates' },
      actor,
    ),
  );
  ok(service.execute('setBase', { convened: ballots, exclusions: [] }, actor));
  const { electionId } = ok(
    service.execute(
      'createElection',
      {
        title: 'Bầu Ban Chấp hành',
        kind: 'committee',
        layout: 'strike',
        seats,
        candidates: deck.candidates.map((c) => c.name),
        order: 'as-given',
      },
      actor,
    ),
  );
  ok(service.execute('startCounting', { electionId }, actor));
  service.db.pragma('synchronous = OFF'); // writing the deck fast; verify is what is measured
  for (const ballot of deck.ballots.entered) {
    const { n, ...body } = ballot;
    ok(service.execute('enterBallot', { electionId, ballot: body }, actor));
    if (n % 50 === 0 && !('invalid' in body)) {
      ok(
        service.execute('correctBallot', { electionId, n, ballot: body, reason: 'đọc lại' }, actor),
      );
      ok(service.execute('ruleBallot', { electionId, n, ruling: { invalid: 'marked' } }, actor));
    }
  }
  ok(service.execute('closeElection', { electionId }, actor));
  const rows = service.db.prepare('SELECT COUNT(*) FROM audit').pluck().get() as number;
  service.db.close();
  return rows;
}

export function benchVerify(): void {
  console.log('\n## verify (replay the audit log, compare every table row by row)');
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-bench-verify-'));
  try {
    for (const [label, size, target] of [
      ['350 ballots × 60 names', { ballots: 350, candidates: 60, seats: 55 }, 2_000],
      ['2 000 ballots × 250 names', { ballots: 2_000, candidates: 250, seats: 200 }, 10_000],
    ] as const) {
      const file = join(dir, `${size.ballots}.kiemphieu`);
      const rows = writeCongress(file, size);
      const db = new Database(file, { readonly: true });
      let ok = true;
      const runs = time(
        () => {
          ok &&= verifyFile(db).ok;
        },
        { runs: 3, warmup: 1 },
      );
      db.close();
      const m = median(runs);
      report(
        `verify, ${label} (${rows} audit rows)`,
        `${(m / 1000).toFixed(2)} s`,
        `< ${target / 1000} s, verifies`,
        ok && m < target,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
