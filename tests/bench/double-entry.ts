/**
 * Issue 12's figures: a 348-ballot, 60-name election read twice in Chromium, with 1 % of the
 * ballots read wrong on purpose, in three modes: two keyboard passes, scan + type, scan + confirm.
 * The ballots are read in stacks of 50 (a scanner's feeder holds about that many), and the three
 * people of a count work at once on three stations, as at a congress: the first opens each stack
 * and types it or feeds it through the scanner, the second types or confirms it, and a committee
 * member rules each stack's differences as soon as its readings are finished. Each mode runs for
 * real on its own congress file at machine speed, and must catch every planted mistake and end
 * with the truth's result. The time a congress would take is then computed from what each person
 * did (keys pressed, sheets looked at, differences ruled) at a stated human pace by
 * `congress-timeline.ts`, with the scanner feeding 60 sheets a minute; the machine time is beside it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Ballot } from '../../core/ballot.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { tallyRecord } from '../../core/tally.ts';
import type { Service } from '../../db/service.ts';
import { keysFor, type EditorShape } from '../../renderer/features/entry/editor.ts';
import { launch } from '../e2e/browser.ts';
import { done, loginAs, readingsHall } from '../e2e/readings-hall.ts';
import { operatorPage, typeBallot } from '../e2e/station.ts';
import { blankPages, rng } from '../scan/deck.ts';
import { makeDeck } from '../scan/make-deck.ts';
import {
  PACE,
  stackSizes,
  timeline,
  type Pace,
  type StackWork,
  type TimelineMode,
} from './congress-timeline.ts';
import { median, percentile, report } from './stats.ts';

const BALLOTS = Number(process.env.KP_DOUBLE_BALLOTS ?? 348);
const NAMES = 60;
const SEATS = 45;

/** Ballots a stack: what a scanner's feeder holds. */
const STACK = Number(process.env.KP_DOUBLE_STACK ?? 50);

type Mode = TimelineMode;

interface Run {
  mode: Mode;
  machineSeconds: number;
  planted: number;
  caught: number;
  exact: boolean;
  /** What each person did, stack by stack: what the timeline turns into minutes. */
  work: StackWork[];
  keysPerBallot: number;
  differenceMachineMs: number;
  differences: number;
  /** Keys a ballot of the deck takes when typed once (the truth, typed by one operator). */
  oneReadingKeys: number;
}

interface Deck {
  record: ElectionRecord;
  shape: EditorShape;
  files: { name: string; bytes: Buffer; truth: string[] }[];
}

async function deckOf(record: ElectionRecord, dir: string): Promise<Deck> {
  const [blank] = await blankPages(record, { dpi: 200 });
  const sheets = await makeDeck({
    record,
    dir,
    count: BALLOTS,
    seed: 348,
    dpi: 200,
    distractorShare: 0,
    blank: blank!,
  });
  return {
    record,
    shape: { layout: 'strike', seats: SEATS, codes: record.candidates.map((c) => c.id) },
    files: sheets.map((s) => ({
      name: s.file,
      bytes: readFileSync(join(dir, s.file)),
      truth: [...(s.struck ?? [])],
    })),
  };
}

/** 1 % of the ballots, each read with one name toggled: the planted mistakes of a human reading. */
function planted(deck: Deck, seed: number): Map<number, string[]> {
  const r = rng(seed);
  const out = new Map<number, string[]>();
  while (out.size < Math.max(1, Math.round(BALLOTS / 100))) {
    const i = Math.floor(r() * BALLOTS);
    const truth = deck.files[i]!.truth;
    const id = deck.shape.codes[Math.floor(r() * NAMES)]!;
    out.set(i, truth.includes(id) ? truth.filter((x) => x !== id) : [...truth, id]);
  }
  return out;
}

/** Waits until `ready` holds, polling the congress file; `what` names it if it never does. */
async function until(page: Page, ready: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`waited 5 min for ${what()}`);
    await page.waitForTimeout(250);
  }
}

/** One stack of the deck: its place in the deck and the batch once opened. */
interface StackPlan {
  readonly from: number;
  readonly files: Deck['files'];
  batchId?: number;
}

/** Everything a run's three stations share: the file, the deck and what was planted. */
interface Count {
  readonly service: Service;
  readonly electionId: number;
  readonly deck: Deck;
  readonly wrong: readonly [Map<number, string[]>, Map<number, string[]>];
}

const stackOf = (count: Count, batchId: number) =>
  done(count.service.query('readings', { electionId: count.electionId })).stacks.find(
    (s) => s.batchId === batchId,
  );

const readingOf = (count: Count, batchId: number, kind: 'scan' | 'confirm' | 'keyboard') =>
  stackOf(count, batchId)?.readings.find((r) => r.kind === kind && r.state !== 'abandoned');

/** The opener declares the stack's count; its batch id. */
async function openStack(page: Page, count: Count, stack: StackPlan): Promise<number> {
  const batches = () =>
    done(count.service.query('progress', { electionId: count.electionId })).batches;
  const before = batches().length;
  const panel = page.getByTestId('reading-panel');
  await panel.getByLabel('Số phiếu trong tập').fill(String(stack.files.length));
  await panel.getByRole('button', { name: 'Bắt đầu tập' }).click();
  await until(
    page,
    () => batches().length > before,
    () => 'the stack to open',
  );
  stack.batchId = batches().at(-1)!.id;
  return stack.batchId;
}

const opened = async (page: Page, stack: StackPlan): Promise<number> => {
  await until(
    page,
    () => stack.batchId !== undefined,
    () => `stack ${stack.from / STACK + 1} to open`,
  );
  return stack.batchId!;
};

/** Types one keyboard reading of a stack; the keys each ballot took. */
async function typeStack(
  page: Page,
  count: Count,
  stack: StackPlan,
  wrong: Map<number, string[]>,
): Promise<number[]> {
  const batchId = stack.batchId!;
  await page.getByTestId(`read-keyboard-${batchId}`).click();
  await page.getByTestId('reading-now').waitFor();
  const keys: number[] = [];
  for (const [i, f] of stack.files.entries()) {
    const ballot = { struck: wrong.get(stack.from + i) ?? f.truth };
    keys.push(keysFor(count.deck.shape, ballot).length);
    await typeBallot(page, count.deck.shape, ballot, 0);
  }
  await page
    .getByTestId('reading-now')
    .getByText(`đã nhập ${stack.files.length} phiếu`)
    .waitFor({ timeout: 300_000 });
  await page.getByRole('button', { name: 'Kết thúc lần đọc' }).click();
  await page.getByTestId('reading-note').waitFor();
  return keys;
}

/** The feeder: a scanner pass a stack, the sheets landing in the watched folder. */
async function feedStack(page: Page, count: Count, stack: StackPlan, k: number, folder: string) {
  const batchId = await openStack(page, count, stack);
  await page.getByTestId(`read-scan-${batchId}`).click();
  await page.getByTestId('reading-now').waitFor();
  if (k === 0) {
    await page.getByTestId('scan-folder').fill(folder);
    await page.getByTestId('scan-watch').click();
  }
  for (const f of stack.files) writeFileSync(join(folder, f.name), f.bytes);
  const pass = () => readingOf(count, batchId, 'scan')!;
  await until(
    page,
    () => pass().ballots === stack.files.length && pass().undecided === 0,
    () => {
      const sheets = done(count.service.query('scans', { electionId: count.electionId }));
      const by = new Map<string, number>();
      for (const x of sheets.filter((x) => x.readingId === pass().id))
        by.set(`${x.status} ${x.reason ?? ''}`, (by.get(`${x.status} ${x.reason ?? ''}`) ?? 0) + 1);
      return `the scanner pass of stack ${k + 1} (${pass().ballots} of ${stack.files.length} ballots, ${pass().undecided} undecided: ${JSON.stringify([...by])})`;
    },
  );
  await page.getByRole('button', { name: 'Kết thúc lượt quét tập này' }).click();
  await until(
    page,
    () => pass().state === 'finished',
    () => `the scanner pass of stack ${k + 1} to finish`,
  );
}

/**
 * The confirmer: each sheet of the stack in feed order, Enter or a correction. The first stack is
 * chosen on the panel; Enter goes on to each next one, and each reading ends by itself.
 */
async function confirmStack(
  page: Page,
  count: Count,
  stack: StackPlan,
  k: number,
  wrong: Map<number, string[]>,
): Promise<number[]> {
  const batchId = await opened(page, stack);
  await until(
    page,
    () => readingOf(count, batchId, 'scan') !== undefined,
    () => `the scanner pass of stack ${k + 1}`,
  );
  if (k === 0) await page.getByTestId(`read-confirm-${batchId}`).click();
  else {
    await page
      .getByRole('heading', { name: /đã quét: Enter để xác nhận tập này/u })
      .waitFor({ timeout: 300_000 });
    await page.keyboard.press('Enter');
  }
  const keys: number[] = [];
  for (const [i, f] of stack.files.entries()) {
    // The screen says when the sheet's reading is in the editor, and shows it: what the
    // confirmer sees is what they correct.
    await page
      .locator(`.confirm-main[data-ready-at="${batchId}:${i + 1}"]`)
      .waitFor({ timeout: 300_000 });
    const shown = await page.getByTestId('ballot').locator('li.struck .no').allInnerTexts();
    const proposed = shown.map((n) => count.deck.shape.codes[Number(n) - 1]!);
    const typed = wrong.get(stack.from + i) ?? f.truth;
    const fix = count.deck.shape.codes.filter((c) => proposed.includes(c) !== typed.includes(c));
    keys.push(keysFor(count.deck.shape, { struck: fix }).length);
    await typeBallot(page, count.deck.shape, { struck: fix }, 0);
  }
  await until(
    page,
    () => readingOf(count, batchId, 'confirm')?.state === 'finished',
    () => `the confirmation of stack ${k + 1} to end by itself`,
  );
  return keys;
}

/** The committee member rules a stack's differences from the paper, and counts the stack. */
async function ruleStack(
  page: Page,
  count: Count,
  stack: StackPlan,
): Promise<{ caught: number[]; ms: number[] }> {
  const batchId = await opened(page, stack);
  await until(
    page,
    () => ['differ', 'agreed'].includes(stackOf(count, batchId)?.status ?? ''),
    () => `stack at ${stack.from + 1} to be compared`,
  );
  const view = stackOf(count, batchId)!;
  const times: number[] = [];
  if (view.status === 'agreed') return { caught: [], ms: times };
  const panel = page.getByTestId(`stack-${batchId}`);
  for (const d of view.differences) {
    const paper = stack.files[d.position - 1]!.truth;
    const right = d.cells.findIndex(
      (c) =>
        c !== null &&
        'struck' in c.ballot &&
        [...c.ballot.struck].sort().join() === [...paper].sort().join(),
    );
    const start = performance.now();
    const row = panel.getByTestId(`difference-${d.position}`);
    await row.getByRole('button', { name: `Chọn lần ${right + 1}` }).click();
    await row.getByText('Đã xử lý bởi').waitFor();
    times.push(performance.now() - start);
  }
  await panel.getByRole('button', { name: 'Tính các phiếu của tập' }).click();
  await until(
    page,
    () => stackOf(count, batchId)?.status === 'resolved',
    () => `stack at ${stack.from + 1} to be counted`,
  );
  return { caught: view.differences.map((d) => stack.from + d.position - 1), ms: times };
}

function exact(service: Service, deck: Deck, electionId: number): boolean {
  const expected = tallyRecord({
    ...deck.record,
    ballots: {
      issued: BALLOTS,
      entered: deck.files.map((f, i): Ballot & { n: number } => ({ n: i + 1, struck: f.truth })),
    },
  } as ElectionRecord);
  const result = done(service.query('results', { electionId }));
  return (
    JSON.stringify(result.candidates.map((c) => [c.id, c.votes])) ===
      JSON.stringify(expected.candidates.map((c) => [c.id, c.votes])) &&
    result.ballots.valid === expected.ballots.valid
  );
}

async function runMode(browser: Browser, mode: Mode, deckDir: string): Promise<Run> {
  const { hall, service, electionId, record } = await readingsHall({
    file: `${mode.replace(/\W+/gu, '-')}.kiemphieu`,
    convened: BALLOTS,
    seats: SEATS,
    candidates: Array.from({ length: NAMES }, (_, i) => `Đại biểu Số ${i + 1}`),
  });
  try {
    const deck = await deckOf(record, deckDir);
    const [first, second, committee] = await Promise.all(
      (['first', 'second', 'committee'] as const).map(async (who) => {
        const page = await operatorPage(browser, hall, { timeout: 60_000 });
        await loginAs(page, who);
        return page;
      }),
    );
    for (const p of [first!, second!]) await p.getByRole('button', { name: 'Nhập phiếu' }).click();
    await committee!.getByRole('button', { name: 'Kết quả' }).click();
    let from = 0;
    const plan: StackPlan[] = stackSizes(BALLOTS, STACK).map((n) => {
      const stack = { from, files: deck.files.slice(from, from + n) };
      from += n;
      return stack;
    });
    const count: Count = {
      service,
      electionId,
      deck,
      wrong: [
        mode === 'two keyboard passes' ? planted(deck, 1) : new Map<number, string[]>(),
        planted(deck, 2),
      ],
    };
    const folder = join(hall.dir, 'may-quet');
    mkdirSync(folder);
    if (mode !== 'two keyboard passes') await first!.getByTestId('mode-scanner').click();
    if (mode === 'scan + confirm') await second!.getByTestId('mode-confirm').click();
    const started = performance.now();
    const firstKeys: number[][] = [];
    const secondKeys: number[][] = [];
    const ruled: { caught: number[]; ms: number[] }[] = [];
    await Promise.all([
      (async () => {
        for (const [k, stack] of plan.entries()) {
          if (mode !== 'two keyboard passes') await feedStack(first!, count, stack, k, folder);
          else {
            await openStack(first!, count, stack);
            firstKeys.push(await typeStack(first!, count, stack, count.wrong[0]));
          }
        }
      })(),
      (async () => {
        for (const [k, stack] of plan.entries()) {
          if (mode === 'scan + confirm')
            secondKeys.push(await confirmStack(second!, count, stack, k, count.wrong[1]));
          else {
            const batchId = await opened(second!, stack);
            if (mode === 'scan + type')
              await until(
                second!,
                () => readingOf(count, batchId, 'scan')?.state === 'finished',
                () => `the scanner pass of stack ${k + 1}`,
              );
            secondKeys.push(await typeStack(second!, count, stack, count.wrong[1]));
          }
        }
      })(),
      (async () => {
        for (const stack of plan) ruled.push(await ruleStack(committee!, count, stack));
      })(),
    ]);
    const machineSeconds = (performance.now() - started) / 1000;
    const caughtAt = ruled.flatMap((r) => r.caught);
    const plantedAt = new Set([...count.wrong[0].keys(), ...count.wrong[1].keys()]);
    const caught = [...plantedAt].filter((i) => caughtAt.includes(i)).length;
    const work = plan.map((_, k): StackWork => ({
      firstKeys: firstKeys[k] ?? [],
      secondKeys: secondKeys[k]!,
      differences: ruled[k]!.caught.map((i) => i - plan[k]!.from),
    }));
    const keys = work.flatMap((w) => [...w.firstKeys, ...w.secondKeys]).reduce((a, b) => a + b, 0);
    const ms = ruled.flatMap((r) => r.ms);
    return {
      mode,
      machineSeconds,
      planted: plantedAt.size,
      caught,
      exact:
        exact(service, deck, electionId) &&
        done(service.query('progress', { electionId })).collected === BALLOTS,
      work,
      keysPerBallot: keys / BALLOTS,
      differences: caughtAt.length,
      oneReadingKeys:
        deck.files.reduce((n, f) => n + keysFor(deck.shape, { struck: f.truth }).length, 0) /
        BALLOTS,
      differenceMachineMs: ms.length ? ms.reduce((a, b) => a + b, 0) / ms.length : 0,
    };
  } finally {
    await hall.stop();
  }
}

/**
 * The same run's minutes with its mistakes planted elsewhere: `draws` placements of as many
 * differences, spread over the ballots at random (a difference in the last stack is the one the
 * committee cannot rule while others read).
 */
function placements(r: Run, pace: Pace, draws = 1000): number[] {
  const sizes = r.work.map((w) => w.secondKeys.length);
  const random = rng(12);
  return Array.from({ length: draws }, () => {
    const at = new Set<number>();
    while (at.size < r.differences) at.add(Math.floor(random() * BALLOTS));
    let from = 0;
    const work = r.work.map((w, k) => {
      const here = [...at].filter((i) => i >= from && i < from + sizes[k]!).map((i) => i - from);
      from += sizes[k]!;
      return { ...w, differences: here };
    });
    return timeline(r.mode, work, pace).total;
  });
}

const minutes = (seconds: number) => (seconds / 60).toFixed(1);

function say(r: Run): void {
  console.log(
    `  ${r.mode.padEnd(22)} machine ${r.machineSeconds.toFixed(0)} s; planted ${r.planted}, caught ${r.caught} (differences by stack: ${r.work.map((w) => w.differences.length).join(' ')}); result ${r.exact ? 'equals' : 'DIFFERS FROM'} the truth; ${r.keysPerBallot.toFixed(1)} keys a ballot over both readings`,
  );
  report(
    `${r.mode}: every planted mistake caught`,
    `${r.caught}/${r.planted}`,
    'all',
    r.caught === r.planted,
  );
  report(`${r.mode}: result equals the truth`, r.exact ? 'yes' : 'no', 'yes', r.exact);
  const target = r.mode === 'scan + confirm';
  const total = timeline(r.mode, r.work).total;
  report(
    `${r.mode}: end to end at a human pace (min)`,
    minutes(total),
    target ? '< 10' : '—',
    !target || total < 600,
  );
  const elsewhere = placements(r, PACE);
  report(
    `  the same, mistakes placed at random: median, 95th pct`,
    `${minutes(median(elsewhere))}, ${minutes(percentile(elsewhere, 95))}`,
    target ? '< 10' : '—',
    !target || median(elsewhere) < 600,
  );
}

export async function benchDoubleEntry(): Promise<void> {
  console.log(
    `\n## Double entry (${BALLOTS} ballots × ${NAMES} names, 1 % read wrong on purpose, Chromium)`,
  );
  console.log(
    `  stacks of ${STACK}; human pace assumed: ${PACE.keySeconds} s a key + ${PACE.paperSeconds} s a paper ballot (typing), ${PACE.lookSeconds} s a look + ${PACE.keySeconds} s a key a sheet (confirming), scanner ${60 / PACE.feedSeconds} sheets/min, ${PACE.openSeconds} s to open a stack, ${PACE.differenceSeconds} s a difference, ${PACE.closingSeconds} s confirmation and minutes`,
  );
  const browser = await launch();
  const runs: Run[] = [];
  try {
    const modes = (['two keyboard passes', 'scan + type', 'scan + confirm'] as const).filter((m) =>
      (process.env.KP_DOUBLE_MODES ?? m).split(',').includes(m),
    );
    for (const mode of modes) {
      const dir = join(
        process.env.TMPDIR ?? '/tmp',
        `kiem-phieu-double-${process.pid}-${runs.length}`,
      );
      runs.push(await runMode(browser, mode, dir));
      say(runs.at(-1)!);
    }
  } finally {
    await browser.close();
  }
  const confirm = runs.find((r) => r.mode === 'scan + confirm');
  if (confirm !== undefined)
    for (const perSheet of [1, 1.25, 1.5, 1.75, 2]) {
      const elsewhere = placements(confirm, { ...PACE, lookSeconds: perSheet - PACE.keySeconds });
      const under = elsewhere.filter((t) => t < 600).length / elsewhere.length;
      report(
        `scan + confirm at ${perSheet} s a sheet: median min (share < 10)`,
        `${minutes(median(elsewhere))} (${(100 * under).toFixed(0)} %)`,
        '< 10',
        median(elsewhere) < 600,
      );
    }
  const single = runs[0]!.oneReadingKeys;
  report('keys a ballot, one keyboard reading (the deck)', single.toFixed(1), '—', true);
  for (const r of runs)
    report(
      `extra keys a ballot, ${r.mode}, against one reading`,
      `${r.keysPerBallot - single >= 0 ? '+' : ''}${(r.keysPerBallot - single).toFixed(1)}`,
      '—',
      true,
    );
  const diffMs = runs.map((r) => r.differenceMachineMs).filter((x) => x > 0);
  report(
    'a difference ruled on screen (machine, mean ms)',
    (diffMs.reduce((a, b) => a + b, 0) / diffMs.length).toFixed(0),
    '—',
    true,
  );
  report(
    'a committee member’s time per difference (assumed, s)',
    String(PACE.differenceSeconds),
    '—',
    true,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDoubleEntry();
