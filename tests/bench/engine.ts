/** Engine figures of issue 2: full tally, incremental update, and their ratio. */
import { Tally } from '../../core/tally.ts';
import { bigElection } from './deck.ts';
import { median, ms, percentile, report, time, us } from './stats.ts';

export function benchEngine(): void {
  console.log('\n## Engine (core/)');
  const small = bigElection({ ballots: 2_000, candidates: 250, seats: 200 });
  const large = bigElection({ ballots: 100_000, candidates: 250, seats: 200, seed: 2 });

  const fullSmall = median(time(() => Tally.ofRecord(small).result(), { runs: 30 }));
  report(
    'full tally 2 000 ballots × 250 candidates (median)',
    ms(fullSmall),
    '< 20 ms',
    fullSmall < 20,
  );

  const fullLarge = median(time(() => Tally.ofRecord(large).result(), { runs: 7, warmup: 1 }));
  report(
    'full tally 100 000 ballots × 250 candidates (median)',
    ms(fullLarge),
    '< 1 s',
    fullLarge < 1000,
  );

  // 2 000 incremental adds, each timed alone, on a live tally (the projector's path).
  const { ballots, ...setup } = small;
  const converter = new Tally({ ...setup, issued: ballots.issued });
  const prepared = ballots.entered.map((b) => ({ n: b.n, ballot: converter.fromEntered(b) }));
  const addTimes: number[] = [];
  const addAndResultTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    const live = new Tally({ ...setup, issued: ballots.issued });
    for (const { n, ballot } of prepared) {
      const start = process.hrtime.bigint();
      live.add(n, ballot);
      const added = process.hrtime.bigint();
      live.result();
      const done = process.hrtime.bigint();
      if (round > 0) {
        addTimes.push(Number(added - start) / 1e6);
        addAndResultTimes.push(Number(done - start) / 1e6);
      }
    }
  }
  const add = median(addTimes);
  report('incremental add of one ballot (median)', us(add), '< 50 µs', add < 0.05);
  report('incremental add of one ballot (p99)', us(percentile(addTimes, 99)), '—', true);
  const addResult = median(addAndResultTimes);
  report('add one ballot + full result object (median)', us(addResult), '—', true);
  const live = Tally.ofRecord(small);
  const corrections = time(
    () => {
      const [first, second] = [prepared[0], prepared[1]];
      if (first && second) live.replace(first.n, second.ballot);
    },
    { runs: 2_000 },
  );
  const correct = median(corrections);
  report('correction of one ballot (median)', us(correct), '< 50 µs', correct < 0.05);
  console.log(
    `  ratio incremental add / full recount of 2 000: ${(add / fullSmall).toExponential(2)} (${(fullSmall / add).toFixed(0)}× faster)`,
  );
}
