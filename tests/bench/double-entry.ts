/**
 * Issue 12's figures: a 348-ballot, 60-name election read twice in Chromium, with 1 % of the
 * ballots read wrong on purpose, in three modes: two keyboard passes, scan + type, scan + confirm.
 * Each mode runs for real on its own congress file (the stations type, confirm and feed at machine
 * speed; the committee rules every difference on the results screen) and must catch every planted
 * mistake and end with the truth's result. The time a congress would take is then computed from
 * what each person did (keys pressed, sheets looked at, differences ruled) at a stated human pace,
 * with the scanner feeding 60 sheets a minute; the measured machine time is printed beside it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Ballot } from '../../core/ballot.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { sheetBallot } from '../../core/scan/sheet-record.ts';
import { tallyRecord } from '../../core/tally.ts';
import type { Service } from '../../db/service.ts';
import { keysFor, type EditorShape } from '../../renderer/features/entry/editor.ts';
import { launch } from '../e2e/browser.ts';
import { done, PEOPLE, readingsHall } from '../e2e/readings-hall.ts';
import { login, operatorPage, typeBallot } from '../e2e/station.ts';
import { blankPages, rng } from '../scan/deck.ts';
import { makeDeck } from '../scan/make-deck.ts';
import { report } from './stats.ts';

const BALLOTS = Number(process.env.KP_DOUBLE_BALLOTS ?? 348);
const NAMES = 60;
const SEATS = 45;

/** The human pace the figures assume (the issue: a person reading paper is 2–3× a script's pace). */
const PACE = {
  /** A typist: per key, and per ballot for taking it from the stack and reading it. */
  keySeconds: 0.3,
  paperSeconds: 1.5,
  /** A confirmer: looking at a sheet's image against the reading drawn on it. */
  lookSeconds: 1.2,
  /** The scanner: 60 sheets a minute. */
  feedSeconds: 1,
  /** A committee member: find the ballot at its place in the paper stack, read it, choose. */
  differenceSeconds: 30,
  /** The head of the committee confirms with the PIN; the minutes are printed. */
  closingSeconds: 60,
};

type Mode = 'two keyboard passes' | 'scan + type' | 'scan + confirm';

interface Run {
  mode: Mode;
  machineSeconds: number;
  planted: number;
  caught: number;
  exact: boolean;
  humanSeconds: number;
  keysPerBallot: number;
  differenceMachineMs: number;
  /** Keys pressed on each sheet when confirming (scan + confirm). */
  confirmKeys: number[];
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

/**
 * The confirmer follows the scanner: each sheet is looked at once it is fed and read (2 s after
 * it is fed), for `look` seconds, then its keys; the seconds until the last sheet is confirmed.
 */
function confirming(keysPerSheet: readonly number[], look: number): number {
  let t = 0;
  keysPerSheet.forEach((keys, i) => {
    t = Math.max(t, (i + 1) * PACE.feedSeconds + 2) + look + keys * PACE.keySeconds;
  });
  return Math.max(keysPerSheet.length * PACE.feedSeconds, t);
}

const humanTyping = (keys: number, ballots: number) =>
  keys * PACE.keySeconds + ballots * PACE.paperSeconds;

async function openStack(page: Page, service: Service, electionId: number): Promise<number> {
  const panel = page.getByTestId('reading-panel');
  await panel.getByLabel('Số phiếu trong tập').fill(String(BALLOTS));
  await panel.getByRole('button', { name: 'Bắt đầu tập' }).click();
  for (;;) {
    const batches = done(service.query('progress', { electionId })).batches;
    if (batches.length > 0) return batches[0]!.id;
    await page.waitForTimeout(50);
  }
}

/** Types a whole keyboard reading; the keys it took. */
async function typePass(
  page: Page,
  deck: Deck,
  batchId: number,
  wrong: Map<number, string[]>,
): Promise<number> {
  await page.getByTestId(`read-keyboard-${batchId}`).click();
  await page.getByTestId('reading-now').waitFor();
  let keys = 0;
  for (const [i, f] of deck.files.entries()) {
    const ballot = { struck: wrong.get(i) ?? f.truth };
    keys += keysFor(deck.shape, ballot).length;
    await typeBallot(page, deck.shape, ballot, 0);
  }
  await page
    .getByTestId('reading-now')
    .getByText(`đã nhập ${BALLOTS} phiếu`)
    .waitFor({ timeout: 300_000 });
  await page.getByRole('button', { name: 'Kết thúc lần đọc' }).click();
  await page.getByTestId('reading-note').waitFor();
  return keys;
}

/** The scanner pass: the feeder starts it and the deck lands in the watched folder. */
async function scanPass(page: Page, deck: Deck, batchId: number, folder: string): Promise<void> {
  await page.getByTestId(`read-scan-${batchId}`).click();
  await page.getByTestId('reading-now').waitFor();
  await page.getByTestId('scan-folder').fill(folder);
  await page.getByTestId('scan-watch').click();
  for (const f of deck.files) writeFileSync(join(folder, f.name), f.bytes);
}

async function finishScanPass(
  page: Page,
  service: Service,
  electionId: number,
  batchId: number,
): Promise<void> {
  const pass = () =>
    done(service.query('readings', { electionId }))
      .stacks.find((s) => s.batchId === batchId)!
      .readings.find((r) => r.kind === 'scan')!;
  const until = Date.now() + 300_000;
  while (pass().ballots < BALLOTS || pass().undecided > 0) {
    if (Date.now() > until) {
      const sheets = done(service.query('scans', { electionId }));
      const by = new Map<string, number>();
      for (const x of sheets)
        by.set(`${x.status} ${x.reason ?? ''}`, (by.get(`${x.status} ${x.reason ?? ''}`) ?? 0) + 1);
      throw new Error(
        `the scanner pass holds ${pass().ballots} of ${BALLOTS} ballots, ${pass().undecided} undecided: ${JSON.stringify([...by])}; ${await page.getByTestId('scan-source').innerText()}`,
      );
    }
    await page.waitForTimeout(250);
  }
  await page.getByRole('button', { name: 'Kết thúc lượt quét tập này' }).click();
}

/** Confirms every sheet in feed order; the keys it took, and the seconds each sheet waited. */
async function confirmPass(
  page: Page,
  service: Service,
  deck: Deck,
  electionId: number,
  batchId: number,
  wrong: Map<number, string[]>,
): Promise<number[]> {
  await page.getByTestId(`read-confirm-${batchId}`).click();
  const keys: number[] = [];
  let sheets: ReturnType<typeof passSheets> = [];
  const passSheets = () =>
    done(service.query('scans', { electionId })).filter((s) => s.batchId === batchId);
  for (const [i, f] of deck.files.entries()) {
    while (sheets.length <= i) {
      sheets = passSheets();
      if (sheets.length <= i) await page.waitForTimeout(100);
    }
    await page
      .locator(`.confirm-main[data-ready="${sheets[i]!.id}"]`)
      .waitFor({ timeout: 120_000 });
    const proposed = (sheetBallot('strike', sheets[i]!) as { struck: string[] }).struck;
    const typed = wrong.get(i) ?? f.truth;
    const fix = deck.shape.codes.filter((c) => proposed.includes(c) !== typed.includes(c));
    keys.push(keysFor(deck.shape, { struck: fix }).length);
    await typeBallot(page, deck.shape, { struck: fix }, 0);
  }
  await page
    .getByTestId('reading-now')
    .getByText(`đã nhập ${BALLOTS} phiếu`)
    .waitFor({ timeout: 300_000 });
  await page.getByRole('button', { name: 'Kết thúc lần đọc' }).click();
  return keys;
}

/** The committee rules every difference on the results screen, choosing the reading the paper shows. */
async function rule(
  page: Page,
  service: Service,
  deck: Deck,
  electionId: number,
): Promise<{ caught: number[]; ms: number[] }> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await login(page, PEOPLE.committee.name, PEOPLE.committee.pin);
  await page.getByRole('button', { name: 'Kết quả' }).click();
  const stack = done(service.query('readings', { electionId })).stacks[0]!;
  const times: number[] = [];
  for (const d of stack.differences) {
    const paper = deck.files[d.position - 1]!.truth;
    const right = d.cells.findIndex(
      (c) =>
        c !== null &&
        'struck' in c.ballot &&
        [...c.ballot.struck].sort().join() === [...paper].sort().join(),
    );
    const start = performance.now();
    const row = page.getByTestId(`difference-${d.position}`);
    await row.getByRole('button', { name: `Chọn lần ${right + 1}` }).click();
    await row.getByText('Đã xử lý bởi').waitFor();
    times.push(performance.now() - start);
  }
  await page.getByRole('button', { name: 'Tính các phiếu của tập' }).click();
  await page.getByText(`Đã tính ${BALLOTS} phiếu của tập.`).waitFor({ timeout: 60_000 });
  return { caught: stack.differences.map((d) => d.position - 1), ms: times };
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
    const first = await operatorPage(browser, hall, { timeout: 60_000 });
    const second = await operatorPage(browser, hall, { timeout: 60_000 });
    await login(first, PEOPLE.first.name, PEOPLE.first.pin);
    await login(second, PEOPLE.second.name, PEOPLE.second.pin);
    for (const p of [first, second]) await p.getByRole('button', { name: 'Nhập phiếu' }).click();
    const started = performance.now();
    const wrongFirst =
      mode === 'two keyboard passes' ? planted(deck, 1) : new Map<number, string[]>();
    const wrongSecond = planted(deck, 2);
    let keys = 0;
    let human = 0;
    let confirmKeys: number[] = [];
    if (mode === 'two keyboard passes') {
      const batchId = await openStack(first, service, electionId);
      await second.getByTestId(`read-keyboard-${batchId}`).waitFor();
      const [a, b] = await Promise.all([
        typePass(first, deck, batchId, wrongFirst),
        typePass(second, deck, batchId, wrongSecond),
      ]);
      keys = a + b;
      // The two typists work at once: the slower decides.
      human = Math.max(humanTyping(a, BALLOTS), humanTyping(b, BALLOTS));
    } else {
      await first.getByTestId('mode-scanner').click();
      const batchId = await openStack(first, service, electionId);
      const folder = join(hall.dir, 'may-quet');
      mkdirSync(folder);
      await scanPass(first, deck, batchId, folder);
      const feed = BALLOTS * PACE.feedSeconds;
      if (mode === 'scan + type') {
        await second.getByTestId(`read-keyboard-${batchId}`).waitFor();
        keys = await typePass(second, deck, batchId, wrongSecond);
        human = Math.max(feed, humanTyping(keys, BALLOTS));
      } else {
        await second.getByTestId('mode-confirm').click();
        confirmKeys = await confirmPass(second, service, deck, electionId, batchId, wrongSecond);
        keys = confirmKeys.reduce((a, b) => a + b, 0);
        human = confirming(confirmKeys, PACE.lookSeconds);
      }
      await finishScanPass(first, service, electionId, batchId);
    }
    const ruled = await rule(first, service, deck, electionId);
    const machineSeconds = (performance.now() - started) / 1000;
    const plantedAt = new Set([...wrongFirst.keys(), ...wrongSecond.keys()]);
    const caught = [...plantedAt].filter((i) => ruled.caught.includes(i)).length;
    human += ruled.caught.length * PACE.differenceSeconds + PACE.closingSeconds;
    return {
      mode,
      machineSeconds,
      planted: plantedAt.size,
      caught,
      exact: exact(service, deck, electionId),
      humanSeconds: human,
      keysPerBallot: keys / BALLOTS,
      confirmKeys,
      differences: ruled.caught.length,
      oneReadingKeys:
        deck.files.reduce((n, f) => n + keysFor(deck.shape, { struck: f.truth }).length, 0) /
        BALLOTS,
      differenceMachineMs: ruled.ms.length
        ? ruled.ms.reduce((a, b) => a + b, 0) / ruled.ms.length
        : 0,
    };
  } finally {
    await hall.stop();
  }
}

function say(r: Run): void {
  console.log(
    `  ${r.mode.padEnd(22)} machine ${r.machineSeconds.toFixed(0)} s; planted ${r.planted}, caught ${r.caught}; result ${r.exact ? 'equals' : 'DIFFERS FROM'} the truth; ${r.keysPerBallot.toFixed(1)} keys a ballot over both readings`,
  );
  report(
    `${r.mode}: every planted mistake caught`,
    `${r.caught}/${r.planted}`,
    'all',
    r.caught === r.planted,
  );
  report(`${r.mode}: result equals the truth`, r.exact ? 'yes' : 'no', 'yes', r.exact);
  report(
    `${r.mode}: end to end at a human pace (min)`,
    (r.humanSeconds / 60).toFixed(1),
    r.mode === 'scan + confirm' ? '< 10' : '—',
    r.mode !== 'scan + confirm' || r.humanSeconds < 600,
  );
}

export async function benchDoubleEntry(): Promise<void> {
  console.log(
    `\n## Double entry (${BALLOTS} ballots × ${NAMES} names, 1 % read wrong on purpose, Chromium)`,
  );
  console.log(
    `  human pace assumed: ${PACE.keySeconds} s a key + ${PACE.paperSeconds} s a paper ballot (typing), ${PACE.lookSeconds} s a look + ${PACE.keySeconds} s a key a sheet (confirming), scanner ${60 / PACE.feedSeconds} sheets/min, ${PACE.differenceSeconds} s a difference, ${PACE.closingSeconds} s confirmation and minutes`,
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
    for (const perSheet of [1, 1.5, 2]) {
      const look = perSheet - PACE.keySeconds;
      const total =
        confirming(confirm.confirmKeys, look) +
        confirm.differences * PACE.differenceSeconds +
        PACE.closingSeconds;
      report(
        `scan + confirm at ${perSheet} s a sheet confirmed: end to end (min)`,
        (total / 60).toFixed(1),
        '< 10',
        total < 600,
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
