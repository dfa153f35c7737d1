/**
 * Two independent keyboard readings of one stack, on two stations in Chromium, with mistakes
 * planted in both (a wrong name struck, a ballot skipped): the comparison catches every one, a
 * committee member resolves each from the paper, the stack counts only then, the result is
 * confirmed with the member's PIN, and it equals the truth.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ballot } from '../../core/ballot.ts';
import type { ElectionRecord } from '../../core/record.ts';
import type { Service } from '../../db/service.ts';
import type { EditorShape } from '../../renderer/features/entry/editor.ts';
import { rng } from '../scan/deck.ts';
import { ADMIN, value } from '../db/helpers.ts';
import { launch, type Hall } from './browser.ts';
import { loginAs, readingsHall, readingsStation, truthTally } from './readings-hall.ts';
import { shot, stepsInOrder, typeBallot } from './steps.ts';

const COUNT = 20;

let hall: Hall;
let browser: Browser;
let service: Service;
let electionId: number;
let shape: EditorShape;
let truth: Ballot[] = [];
/** The mistakes: reading 1 strikes the wrong name on ballot 7; reading 2 skips ballot 12 and
 * strikes a name too many on ballot 16. */
let first: Ballot[] = [];
let second: Ballot[] = [];
const stations: Page[] = [];

const station = () => readingsStation(browser, hall);

async function typeReading(page: Page, ballots: readonly Ballot[]): Promise<void> {
  await page.getByRole('button', { name: 'Nhập phiếu' }).click();
  const read = page.getByTestId('reading-panel').getByRole('button', { name: 'Đọc tập này' });
  if (await page.getByLabel('Số phiếu trong tập').isVisible()) {
    if (!(await read.isVisible())) {
      await page.getByLabel('Số phiếu trong tập').fill(String(COUNT));
      await page.getByRole('button', { name: 'Bắt đầu tập' }).click();
    }
  }
  await read.click();
  await page.getByTestId('reading-now').waitFor();
  for (const b of ballots) await typeBallot(page, shape, b, 30);
  await page.getByTestId('reading-now').getByText(`đã nhập ${ballots.length} phiếu`).waitFor();
  await page.getByRole('button', { name: 'Kết thúc lần đọc' }).click();
  await page.getByTestId('reading-note').waitFor();
}

beforeAll(async () => {
  ({ hall, service, electionId, shape } = await readingsHall({
    file: 'nhap-doc-lap.kiemphieu',
    convened: 25,
    seats: 5,
  }));
  const r = rng(12);
  truth = Array.from({ length: COUNT }, () => ({
    struck: shape.codes.filter(() => r() < 0.35),
  }));
  const other = (b: Ballot, id: string): Ballot => {
    const struck = 'struck' in b ? b.struck : [];
    return { struck: struck.includes(id) ? struck.filter((x) => x !== id) : [...struck, id] };
  };
  first = truth.map((b, i) => (i === 6 ? other(b, shape.codes[2]!) : b));
  second = truth.flatMap((b, i) => (i === 11 ? [] : i === 15 ? [other(b, shape.codes[7]!)] : [b]));
  browser = await launch();
}, 120_000);

stepsInOrder(
  () => ({ browser, hall }),
  async () => {
    for (const [i, p] of stations.entries()) await shot(p, `double-failed-${i}`);
  },
);

describe('double entry: two keyboard readings, planted mistakes, the committee resolves', () => {
  it('two operators on two stations read the same stack independently', async () => {
    stations.push(await station(), await station());
    await loginAs(stations[0]!, 'first');
    await loginAs(stations[1]!, 'second');
    await typeReading(stations[0]!, first);
    await typeReading(stations[1]!, second);
    await stations[1]!.getByTestId('reading-note').getByText('Các lần đọc khác nhau').waitFor();
    // Nothing counts until the readings agree.
    expect(value(service.query('progress', { electionId })).collected).toBe(0);
  }, 240_000);

  it('every planted mistake is a difference, the skipped ballot one gap, not a cascade', () => {
    const stacks = value(service.query('readings', { electionId })).stacks;
    expect(stacks).toHaveLength(1);
    expect(stacks[0]!.status).toBe('differ');
    expect(stacks[0]!.differences.map((d) => d.position)).toEqual([7, 12, 16]);
    expect(stacks[0]!.differences[1]!.cells[1]).toBeNull();
  });

  it('a committee member resolves each difference from the paper; the stack counts only then', async () => {
    const page = stations[0]!;
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await loginAs(page, 'committee');
    await page.getByRole('button', { name: 'Kết quả' }).click();
    await page.getByTestId('differences').waitFor();
    expect(await page.getByTestId('difference-7').innerText()).toMatch(
      /tập 1, phiếu thứ 7: lần 1 .*; lần 2 /u,
    );
    await page.getByTestId('readings').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'double-01-differences');
    // The paper says: reading 2 is right at 7, reading 1 at 12 (the skipped ballot) and at 16.
    for (const [position, reading] of [
      [7, 2],
      [12, 1],
      [16, 1],
    ] as const) {
      await page
        .getByTestId(`difference-${position}`)
        .getByRole('button', { name: `Chọn lần ${reading}` })
        .click();
      await page.getByTestId(`difference-${position}`).getByText('Đã xử lý bởi').waitFor();
    }
    await page.getByRole('button', { name: 'Tính các phiếu của tập' }).click();
    await page.getByText(`Đã tính ${COUNT} phiếu của tập.`).waitFor();
    await page.getByTestId('readings').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'double-02-resolved');
  }, 120_000);

  it('the result is confirmed with the member’s PIN before it is finalized, and equals the truth', async () => {
    const page = stations[0]!;
    const record: ElectionRecord = value(service.query('exportRecord', { electionId }));
    const expected = truthTally(record, truth);
    const result = value(service.query('results', { electionId }));
    expect(result.candidates.map((c) => [c.id, c.votes])).toEqual(
      expected.candidates.map((c) => [c.id, c.votes]),
    );
    expect(result.ballots.collected).toBe(COUNT);
    await page.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    const confirm = page.getByTestId('confirm');
    await confirm.getByLabel('Họ và tên').fill('Nguyễn Văn Trưởng');
    await confirm.getByLabel('Mã PIN').fill('4444');
    await confirm.getByRole('button', { name: 'Xác nhận kết quả' }).click();
    await confirm.getByText('Đã xác nhận bởi Nguyễn Văn Trưởng').waitFor();
    await confirm.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shot(page, 'double-03-confirmed');
    value(service.execute('finalizeElection', { electionId }, ADMIN));
  }, 120_000);
});
