/**
 * Issue 11's figures: a generated deck (2,000 sheets at 200 dpi grayscale by default; KP_SCAN_SHEETS
 * to change), read through scanFiles on 2 worker threads: wrong readings, reviews without a
 * distractor, sheets per second (decode included), memory, and the score distributions.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRecord } from '../../core/record.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { scoreReport } from '../../cli/scan.ts';
import { makeDeck, type TruthSheet } from '../scan/make-deck.ts';
import { report } from './stats.ts';

export async function benchScan(): Promise<void> {
  const count = Number(process.env.KP_SCAN_SHEETS ?? 2000);
  console.log(`\n## Scan (${count} sheets, 200 dpi, grayscale)`);
  const parsed = parseRecord(
    JSON.parse(readFileSync('tests/decks/medium-delegates-congress/record.json', 'utf8')),
  );
  if (!parsed.ok) throw new Error('record refused');
  const dir = join(tmpdir(), `kiem-phieu-scan-bench-v3-${count}`);
  let truth: TruthSheet[];
  if (existsSync(join(dir, 'truth.json'))) {
    truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as TruthSheet[];
  } else {
    mkdirSync(dir, { recursive: true });
    truth = await makeDeck({ record: parsed.value, dir, count, seed: 2026, colourShare: 0 });
  }
  const before = process.memoryUsage().rss;
  // Memory is flat when it stops growing once the readers are warm: the RSS after a quarter of
  // the deck against the most it reaches over the rest.
  const warmAt = Math.max(1, Math.floor(count / 4));
  let warm = 0;
  let peak = 0;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const sheets = await scanFiles({
    record: parsed.value,
    files: truth.map((t) => join(dir, t.file)),
    threads: 2,
    onSheet: (done) => {
      const rss = process.memoryUsage().rss;
      if (done === warmAt) warm = rss;
      if (done > warmAt) peak = Math.max(peak, rss);
    },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // Every thread of the process (the workers, libvips): what the reading costs, whatever else
  // the machine is doing while the bench runs.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerSheet = (cpu.user + cpu.system) / 1000 / Math.max(1, sheets.length);
  let wrong = 0;
  let rejected = 0;
  let cleanReview = 0;
  let clean = 0;
  sheets.forEach((s, i) => {
    const t = truth[i]!;
    if (s.status === 'rejected') rejected++;
    if (t.distractors.length === 0) {
      clean++;
      if (s.status === 'review') cleanReview++;
    }
    if (s.status !== 'read') return;
    const struck = s
      .lines!.filter((l) => l.struck === 'struck')
      .map((l) => l.id)
      .sort();
    if (JSON.stringify(struck) !== JSON.stringify([...t.struck!].sort())) wrong++;
  });
  report('wrong readings', String(wrong), '0', wrong === 0);
  report('genuine sheets rejected', String(rejected), '0', rejected === 0);
  const share = (100 * cleanReview) / Math.max(1, clean);
  report('distractor-free sheets sent to review', `${share.toFixed(2)} %`, '< 1 %', share < 1);
  const rate = sheets.length / seconds;
  report('sheets per second (decode included, 2 threads)', rate.toFixed(1), '≥ 20', rate >= 20);
  report('CPU per sheet, all threads (ms)', cpuPerSheet.toFixed(1), '≤ 100', cpuPerSheet <= 100);
  const onTwoCores = 2000 / cpuPerSheet;
  report('sheets per second two idle cores give', onTwoCores.toFixed(1), '≥ 20', onTwoCores >= 20);
  report('machine load (1 min average) during the run', loadavg()[0]!.toFixed(1), '—', true);
  const grown = (process.memoryUsage().rss - before) / 1e6;
  report('memory growth of the main process (MB)', grown.toFixed(0), '< 300', grown < 300);
  const late = (peak - warm) / 1e6;
  report(`memory growth after the first ${warmAt} sheets (MB)`, late.toFixed(0), '< 50', late < 50);
  console.log(scoreReport(sheets, 'strike', 'en'));
}
