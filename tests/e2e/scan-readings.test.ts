/**
 * The scanner as one of two readings, in Chromium (issue 12): stack 1 is scanned and confirmed
 * sheet by sheet on another station while the scanner feeds (scan + confirm); stack 2 is scanned
 * and typed independently (scan + type). A mistake is planted in each human reading; the scanner
 * pass's doubtful sheet is decided at the scanner. The comparison catches both mistakes, a
 * committee member rules them from the paper, and the result equals the truth. Stack 3 is scanned
 * whole before anyone confirms it: the confirmer's Enter goes on to it, and the confirmation ends
 * by itself at its last sheet, since the scanner pass is finished and nothing more can come.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ballot } from '../../core/ballot.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { sheetBallot } from '../../core/scan/sheet-record.ts';
import type { Service } from '../../db/service.ts';
import type { EditorShape } from '../../renderer/features/entry/editor.ts';
import { value } from '../db/helpers.ts';
import { blankPages, geometryOf, halfStrike, markPage, rng, scanPng } from '../scan/deck.ts';
import { makeDeck } from '../scan/make-deck.ts';
import { launch, type Hall } from './browser.ts';
import { loginAs, readingsHall, readingsStation, truthTally } from './readings-hall.ts';
import { shot, stepsInOrder, typeBallot } from './steps.ts';

/** Sheets per stack: the last of stack 1 is drawn doubtful (a name crossed part way). */
const STACK = 8;

let hall: Hall;
let browser: Browser;
let service: Service;
let electionId: number;
let shape: EditorShape;
let scanner: string;
/** Each stack's sheets in feed order: file name, bytes and what the paper says. */
const stacks: { name: string; bytes: Buffer; truth: string[] }[][] = [];
let feeder: Page;
let reader: Page;

const toggled = (struck: readonly string[], id: string) =>
  struck.includes(id) ? struck.filter((x) => x !== id) : [...struck, id];

const station = () => readingsStation(browser, hall);

const batches = () => value(service.query('progress', { electionId })).batches;
const pass = (batchId: number) =>
  value(service.query('readings', { electionId }))
    .stacks.find((s) => s.batchId === batchId)!
    .readings.find((r) => r.kind === 'scan')!;
const passSheets = (readingId: number) =>
  value(service.query('scans', { electionId })).filter(
    (s) => s.readingId === readingId && s.status !== 'skipped',
  );

/** The feeder opens a stack of `declared` at the scanner and starts its scanner pass. */
async function startScanPass(declared: number): Promise<number> {
  const panel = feeder.getByTestId('reading-panel');
  await panel.getByLabel('Số phiếu trong tập').fill(String(declared));
  const before = batches().length;
  await panel.getByRole('button', { name: 'Bắt đầu tập' }).click();
  // The click returns before the stack is opened: the new stack, never the one before it.
  await expect.poll(() => batches().length).toBe(before + 1);
  const batchId = batches().at(-1)!.id;
  await feeder.getByTestId(`read-scan-${batchId}`).click();
  await feeder.getByTestId('reading-now').waitFor();
  return batchId;
}

async function waitForSheets(readingId: number, count: number): Promise<void> {
  await expect.poll(() => passSheets(readingId).length, { timeout: 90_000 }).toBe(count);
}

beforeAll(async () => {
  let record: ElectionRecord;
  ({ hall, service, electionId, shape, record } = await readingsHall({
    file: 'quet-va-doc.kiemphieu',
    convened: 3 * STACK,
    seats: 5,
  }));

  const [blank] = await blankPages(record, { dpi: 200 });
  for (const [i, seed] of [31, 32, 33].entries()) {
    const dir = join(hall.dir, `deck-${i + 1}`);
    const count = i === 0 ? STACK - 1 : STACK;
    const sheets = await makeDeck({
      record,
      dir,
      count,
      seed,
      dpi: 200,
      distractorShare: 0,
      blank: blank!,
    });
    stacks.push(
      sheets.map((s) => ({
        name: `tap${i + 1}-${s.file}`,
        bytes: readFileSync(join(dir, s.file)),
        truth: [...(s.struck ?? [])],
      })),
    );
  }
  // The doubtful sheet: one name struck, another crossed only 40 % of the way.
  const geometry = geometryOf(record);
  const r = rng(5);
  const doubtful = markPage(blank!, geometry, { struck: [shape.codes[0]!] }, r);
  halfStrike(doubtful, geometry.sides[0]!.lines[4]!.zone);
  stacks[0]!.push({
    name: 'tap1-sheet-0099.png',
    bytes: Buffer.from(await scanPng(doubtful, 200, r)),
    truth: [shape.codes[0]!, shape.codes[4]!],
  });
  scanner = join(hall.dir, 'may-quet');
  mkdirSync(scanner);
  browser = await launch();
}, 180_000);

stepsInOrder(
  () => ({ browser, hall }),
  async () => {
    if (feeder) await shot(feeder, 'scan-readings-failed-feeder');
    if (reader) await shot(reader, 'scan-readings-failed-reader');
  },
);

describe('the scanner as one of two readings: scan + confirm, scan + type', () => {
  let first = 0;
  let second = 0;

  it('stack 1: the feeder starts a scanner pass and the scanner feeds half the stack', async () => {
    feeder = await station();
    reader = await station();
    await loginAs(feeder, 'first');
    await loginAs(reader, 'second');
    await feeder.getByRole('button', { name: 'Nhập phiếu' }).click();
    await feeder.getByTestId('mode-scanner').click();
    first = await startScanPass(STACK);
    await feeder.getByTestId('scan-folder').fill(scanner);
    await feeder.getByTestId('scan-watch').click();
    for (const f of stacks[0]!.slice(0, 4)) writeFileSync(join(scanner, f.name), f.bytes);
    await waitForSheets(pass(first).id, 4);
  }, 120_000);

  it('another station confirms sheet by sheet while the scanner feeds; one confirmation is wrong on purpose', async () => {
    await reader.getByRole('button', { name: 'Nhập phiếu' }).click();
    await reader.getByTestId('mode-confirm').click();
    await reader.getByTestId('confirm-honest').waitFor();
    await reader.getByTestId(`read-confirm-${first}`).click();
    const readingId = pass(first).id;
    for (let k = 1; k <= STACK; k++) {
      if (k === 5) {
        // The confirmer has caught up with the scanner: it waits, and says so.
        await reader.getByText('Đang chờ máy quét đọc tờ thứ 5').first().waitFor();
        if (k === 5) await shot(reader, 'scan-readings-01-waiting');
        for (const f of stacks[0]!.slice(4)) writeFileSync(join(scanner, f.name), f.bytes);
        await waitForSheets(readingId, STACK);
      }
      if (k === STACK) {
        // The doubtful sheet is decided at the scanner first, by the feeder, from the paper.
        await feeder.getByTestId('scan-review').waitFor();
        const sheet = passSheets(readingId).at(-1)!;
        for (const l of sheet.lines.filter((x) => x.struck === null || x.reasons.length > 0))
          await feeder.keyboard.press(stacks[0]![k - 1]!.truth.includes(l.id) ? '1' : '0');
        await feeder.keyboard.press('Enter');
        await feeder.getByTestId('review-saved').waitFor();
      }
      await reader.getByRole('heading', { name: new RegExp(`^Tờ thứ ${k} —`, 'u') }).waitFor();
      await reader.getByTestId('confirm-image').locator('img').first().waitFor();
      if (k === 3) await shot(reader, 'scan-readings-02-confirm');
      const sheet = passSheets(readingId)[k - 1]!;
      const proposed = sheetBallot('strike', sheet) as { struck: string[] };
      // The screen shows the scanner's reading (with the feeder's decision) before a key is pressed.
      const numbers = proposed.struck
        .map((id) => shape.codes.indexOf(id) + 1)
        .sort((a, b) => a - b);
      await expect
        .poll(() =>
          reader
            .getByTestId('ballot')
            .locator('li.struck .no')
            .allInnerTexts()
            .then((t) => t.map(Number)),
        )
        .toEqual(numbers);
      const paper = stacks[0]![k - 1]!.truth;
      // Sheet 3: the confirmer strikes a name the paper does not (a slip of the finger).
      const typed = k === 3 ? toggled(paper, shape.codes[6]!) : paper;
      const fix = shape.codes.filter((c) => proposed.struck.includes(c) !== typed.includes(c));
      await typeBallot(reader, shape, { struck: fix }, 20);
    }
    await reader.getByTestId('reading-now').getByText(`đã nhập ${STACK} phiếu`).waitFor();
    // Neither reading is finished, and the committee can already look for sheet 3 in the paper.
    const soFar = () =>
      value(service.query('readings', { electionId })).stacks[0]!.differencesSoFar.map(
        (d) => d.position,
      );
    expect(soFar()).toEqual([3]);
    const committee = await station();
    await loginAs(committee, 'committee');
    await committee.getByRole('button', { name: 'Kết quả' }).click();
    const seen = committee.getByTestId('difference-so-far-3');
    await expect.poll(() => seen.innerText()).toMatch(/^tập 1, phiếu thứ 3: lần 1 .*; lần 2 /u);
    await seen.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shot(committee, 'scan-readings-05-differences-so-far');
    await committee.close();
    await reader.getByRole('button', { name: 'Kết thúc lần đọc' }).click();
    await reader.getByTestId('reading-note').waitFor();
    await feeder.getByRole('button', { name: 'Kết thúc lượt quét tập này' }).click();
    await expect
      .poll(() => value(service.query('readings', { electionId })).stacks[0]!.status)
      .toBe('differ');
    expect(soFar()).toEqual([]);
  }, 180_000);

  it('stack 2: scanned by the feeder and typed independently on the other station', async () => {
    second = await startScanPass(STACK);
    for (const f of stacks[1]!) writeFileSync(join(scanner, f.name), f.bytes);
    await waitForSheets(pass(second).id, STACK);
    await reader.getByTestId('mode-keyboard').click();
    await reader.getByTestId(`read-keyboard-${second}`).click();
    await reader.getByTestId('reading-now').waitFor();
    for (const [i, f] of stacks[1]!.entries())
      await typeBallot(
        reader,
        shape,
        { struck: i === 1 ? toggled(f.truth, shape.codes[1]!) : f.truth },
        20,
      );
    await reader.getByTestId('reading-now').getByText(`đã nhập ${STACK} phiếu`).waitFor();
    await reader.getByRole('button', { name: 'Kết thúc lần đọc' }).click();
    await feeder.getByRole('button', { name: 'Kết thúc lượt quét tập này' }).click();
    await expect
      .poll(() => value(service.query('readings', { electionId })).stacks[1]!.status)
      .toBe('differ');
  }, 180_000);

  it('each planted mistake is one difference; nothing counts yet', () => {
    const view = value(service.query('readings', { electionId }));
    // Should a difference appear that was not planted, the failure says which reading holds what.
    const seen = JSON.stringify({
      readings: view.stacks.map((s) => s.readings.map((r) => [r.kind, r.ballots, r.state])),
      differences: view.stacks.map((s) => s.differences.map((d) => [d.position, d.cells])),
      sheets: value(service.query('scans', { electionId })).map((s) => [
        s.file,
        s.readingId,
        s.status,
        s.reason,
      ]),
    });
    expect(
      view.stacks.map((s) => s.differences.map((d) => d.position)),
      seen,
    ).toEqual([[3], [2]]);
    expect(view.stacks.map((s) => s.readings.map((r) => r.kind))).toEqual([
      ['scan', 'confirm'],
      ['scan', 'keyboard'],
    ]);
    expect(value(service.query('progress', { electionId })).collected).toBe(0);
  });

  it('a committee member rules both from the paper; the result equals the truth', async () => {
    await feeder.getByRole('button', { name: 'Đăng xuất' }).click();
    await loginAs(feeder, 'committee');
    await feeder.getByRole('button', { name: 'Kết quả' }).click();
    await feeder.getByTestId('differences').first().waitFor();
    await feeder.getByTestId('readings').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(feeder, 'scan-readings-03-differences');
    // The scanner's sheet at the difference, to look at before the paper.
    const scanned = feeder.getByTestId('difference-scan-3');
    await scanned.locator('summary').click();
    await scanned.locator('img').waitFor();
    await scanned.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(feeder, 'scan-readings-04-difference-image');
    for (const position of [3, 2]) {
      await feeder
        .getByTestId(`difference-${position}`)
        .getByRole('button', { name: 'Chọn lần 1' })
        .click();
      await feeder.getByTestId(`difference-${position}`).getByText('Đã xử lý bởi').waitFor();
    }
    const settle = feeder.getByRole('button', { name: 'Tính các phiếu của tập' });
    for (const left of [1, 0]) {
      await settle.first().click();
      await expect.poll(() => settle.count()).toBe(left);
    }
    await expect
      .poll(() => value(service.query('progress', { electionId })).collected)
      .toBe(2 * STACK);
    const record: ElectionRecord = value(service.query('exportRecord', { electionId }));
    const truth = stacks
      .slice(0, 2)
      .flat()
      .map((f): Ballot => ({ struck: f.truth }));
    const expected = truthTally(record, truth);
    const result = value(service.query('results', { electionId }));
    expect(result.candidates.map((c) => [c.id, c.votes])).toEqual(
      expected.candidates.map((c) => [c.id, c.votes]),
    );
    expect(readdirSync(scanner)).toHaveLength(2 * STACK);
  }, 120_000);

  it('stack 3, scanned whole first: Enter goes on to it, and the confirmation ends by itself', async () => {
    await feeder.getByRole('button', { name: 'Đăng xuất' }).click();
    await loginAs(feeder, 'first');
    await feeder.getByRole('button', { name: 'Nhập phiếu' }).click();
    await feeder.getByTestId('mode-scanner').click();
    const third = await startScanPass(STACK);
    // A new login starts with the watch off; the folder is remembered.
    await feeder.getByTestId('scan-watch').click();
    for (const f of stacks[2]!) writeFileSync(join(scanner, f.name), f.bytes);
    await waitForSheets(pass(third).id, STACK);
    await feeder.getByRole('button', { name: 'Kết thúc lượt quét tập này' }).click();
    await expect.poll(() => pass(third).state).toBe('finished');

    await reader.getByTestId('mode-confirm').click();
    await reader.getByRole('heading', { name: /đã quét: Enter để xác nhận tập này/u }).waitFor();
    await reader.keyboard.press('Enter');
    for (const [k, sheet] of passSheets(pass(third).id).entries()) {
      await reader.getByRole('heading', { name: new RegExp(`^Tờ thứ ${k + 1} —`, 'u') }).waitFor();
      await reader.locator(`.confirm-main[data-ready="${sheet.id}"]`).waitFor();
      await reader.keyboard.press('Enter');
    }
    // No button: the last Enter ended the reading, and the stack agrees.
    await reader
      .getByTestId('reading-note')
      .getByText('Tập phiếu: Các lần đọc khớp nhau')
      .waitFor();
    const stack = value(service.query('readings', { electionId })).stacks[2]!;
    expect(stack.status).toBe('agreed');
    expect(stack.readings.map((r) => [r.kind, r.state])).toEqual([
      ['scan', 'finished'],
      ['confirm', 'finished'],
    ]);
    await expect
      .poll(() => value(service.query('progress', { electionId })).collected)
      .toBe(3 * STACK);
  }, 180_000);
});
