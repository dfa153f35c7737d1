/** Timing helpers for `npm run bench`: medians and percentiles of repeated runs. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Runs `fn` `runs` times after `warmup` runs; returns each run's duration in milliseconds. */
export function time(
  fn: () => void,
  { runs, warmup = 3 }: { runs: number; warmup?: number },
): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

export const ms = (x: number): string => `${x.toFixed(3)} ms`;
export const us = (x: number): string => `${(x * 1000).toFixed(2)} µs`;

/** One line a figure: name, value, the target and whether it is met. */
export function report(name: string, value: string, target: string, met: boolean): void {
  console.log(`${met ? '✓' : '✗'} ${name.padEnd(52)} ${value.padStart(14)}   (target ${target})`);
}
