/**
 * Prints a record's ballot, makes a deck and reads it with the real `kiem-phieu scan` command.
 * `npx tsx tests/scan/sim2/run.ts OUT_DIR [COUNT] [SEED] [strike|approve] [NAMES] [--debug]`
 * writes a deck, reads it and prints every problem found (the debug drawings in OUT_DIR/debug).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiemPhieu, type Via } from './cli.ts';
import { compare, describeProblems, type Comparison, type ScanJson } from './compare.ts';
import { makeSim2Deck, type DeckOptions, type Sim2Deck } from './deck.ts';
import { printBallot } from './printed.ts';
import { random } from './random.ts';
import { sim2Record, type Sim2Record } from './records.ts';

export interface Sim2Run {
  readonly record: Sim2Record;
  readonly deck: Sim2Deck;
  readonly out: ScanJson;
  readonly comparison: Comparison;
  readonly code: number;
  readonly stderr: string;
  readonly makeSeconds: number;
  readonly scanSeconds: number;
  /** CPU of this process (every thread: workers, libvips) while making and while reading. */
  readonly makeCpu: number;
  readonly scanCpu: number;
}

export async function runSim2(
  o: Omit<DeckOptions, 'record' | 'printed' | 'dpis'> & {
    dpis?: readonly number[];
    layout: 'strike' | 'approve';
    names: number;
    paper?: 'A4' | 'A5';
    debug?: boolean;
    /** 'process': the `kiem-phieu` executable, as an auditor runs it; 'module': its main() here. */
    via?: Via;
  },
): Promise<Sim2Run> {
  mkdirSync(o.dir, { recursive: true });
  const t0 = Date.now();
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const c0 = cpu();
  const record = sim2Record(random(o.seed * 7919 + o.names), {
    id: `sim2-${o.layout}-${o.names}`,
    layout: o.layout,
    count: o.names,
  });
  const recordFile = join(o.dir, 'record.json');
  writeFileSync(recordFile, JSON.stringify(record, null, 1));
  const dpis =
    o.scanner?.dpi === undefined ? (o.dpis ?? [150, 200, 200, 240, 300]) : [o.scanner.dpi];
  const printed = await printBallot(record, {
    dpis,
    paper: o.paper ?? 'A4',
    via: o.via ?? 'module',
  });
  const deck = await makeSim2Deck({ ...o, dpis, record, printed });
  const t1 = Date.now();
  const c1 = cpu();
  const args = [
    'scan',
    recordFile,
    ...deck.files,
    '--json',
    '--lang',
    'en',
    ...(o.paper === 'A5' ? ['--paper', 'A5'] : []),
    ...(o.debug ? ['--debug', join(o.dir, 'debug')] : []),
  ];
  const run = await kiemPhieu(args, o.via ?? 'module');
  const t2 = Date.now();
  const c2 = cpu();
  let out: ScanJson;
  try {
    out = JSON.parse(run.stdout) as ScanJson;
  } catch {
    throw new Error(`scan printed no JSON (exit ${run.code}): ${run.stderr.slice(0, 2000)}`);
  }
  writeFileSync(join(o.dir, 'scan.json'), run.stdout);
  return {
    record,
    deck,
    out,
    comparison: compare(deck, out, o.layout),
    code: run.code,
    stderr: run.stderr,
    makeSeconds: (t1 - t0) / 1000,
    scanSeconds: (t2 - t1) / 1000,
    makeCpu: c1 - c0,
    scanCpu: c2 - c1,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const [dir, count, seed, layout, names] = args;
  const res = await runSim2({
    dir: dir!,
    count: Number(count ?? 20),
    seed: Number(seed ?? 1),
    layout: (layout ?? 'strike') as 'strike' | 'approve',
    names: Number(names ?? 12),
    inPdf: 3,
    inTiff: 3,
    lineDistractors: 0.3,
    outsideInk: 0.1,
    debug: process.argv.includes('--debug'),
  });
  const c = res.comparison;
  console.log(
    `make ${res.makeSeconds}s (cpu ${res.makeCpu.toFixed(1)}) scan ${res.scanSeconds}s (cpu ${res.scanCpu.toFixed(1)}) — ballots ${res.deck.ballots.length}, wrong ${c.wrong}, rejected ${c.rejected}, review ${c.review} (clean ${c.reviewClean}/${c.clean}), outside missed ${c.outsideMissed}, backs not skipped ${c.backsNotSkipped}, extra ${c.extra}`,
  );
  for (const line of describeProblems(c)) console.log(line);
  for (const v of c.verdicts.filter((x) => x.status === 'review')) {
    console.log(
      `review: ${v.ballot.file.split('/').pop()} p${v.ballot.page} ${v.reasons.join(',')} distractors ${v.ballot.distractors.map((d) => d.kind).join(',')}`,
    );
  }
}
