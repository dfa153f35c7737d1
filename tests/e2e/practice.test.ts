/**
 * The practice congress (tập huấn) in a real Chromium against the browser host: made from the
 * start screen in one action, labelled TẬP HUẤN on every screen (the projector too), its stack
 * printed beside the file; a few ballots of the stack counted by keyboard and compared ballot by
 * ballot (not yet matching), then the whole stack with one ballot typed wrong (the comparison
 * names it), then corrected: a match.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { practiceBallot, practiceElection } from '../../core/practice.ts';
import type { ElectionView } from '../../core/views.ts';
import type { EditorShape } from '../../renderer/features/entry/editor.ts';
import { launch, startHall, type Hall } from './browser.ts';
import { finalizeAndRevote, operatorPage, shot, stepsInOrder, typeBallot } from './steps.ts';

let hall: Hall;
let browser: Browser;
let page: Page;
let file: string;

function election(code = 'bch'): ElectionView {
  const service = hall.workspace.service!;
  const e = (service.query('elections') as { ok: true; value: ElectionView[] }).value.find(
    (x) => x.code === code,
  )!;
  return e;
}

/** Types the stack's ballot `n` (1-based) of a practice election (default: the committee). */
function typeStackBallot(n: number, e: ElectionView, code = 'bch') {
  const shape: EditorShape = {
    layout: 'strike',
    seats: e.seats,
    codes: e.candidates.map((c) => c.code),
  };
  const ballot = practiceBallot(practiceElection(code)!.ballots[n - 1]!, e.candidates);
  return typeBallot(page, shape, ballot, 80);
}

const verdict = () => page.getByTestId('practice-verdict');

beforeAll(async () => {
  hall = await startHall();
  file = join(hall.dir, 'tap-huan.kiemphieu');
  browser = await launch();
  page = await operatorPage(browser, hall, { timeout: 10_000 });
}, 60_000);

stepsInOrder(() => ({ browser, hall }));

describe('a practice congress in the browser', () => {
  it('is made from the start screen in one action, and every screen says TẬP HUẤN', async () => {
    await page.getByRole('heading', { name: 'Tập huấn tổ kỹ thuật' }).waitFor();
    expect(await page.getByTestId('practice-bar').count()).toBe(0);
    await page.getByLabel('Đường dẫn tệp tập huấn', { exact: true }).fill(file);
    await page.getByRole('button', { name: 'Tạo đại hội tập huấn' }).scrollIntoViewIfNeeded();
    await shot(page, '80-practice-start');
    // Enter in the path field submits the card's form (the keyboard way).
    await page.getByLabel('Đường dẫn tệp tập huấn', { exact: true }).press('Enter');
    const bar = page.getByTestId('practice-bar');
    await bar.waitFor({ timeout: 60_000 });
    expect(await bar.innerText()).toContain('TẬP HUẤN');
    expect(await page.locator('.filebar').innerText()).toContain('(TẬP HUẤN)');
    const deckMessage = page.getByText('Đã tạo tệp tập huấn. Bộ phiếu in sẵn (PDF):');
    await deckMessage.waitFor();
    expect(await deckMessage.innerText()).toContain('tap-huan-bo-phieu-tap-huan.pdf');
    await shot(page, '80-practice-created');
    await page.getByRole('navigation').getByRole('button', { name: 'Chuẩn bị' }).click();
    // The stack, beside the file: 3 answer pages and 36 pre-marked ballots.
    const deck = join(hall.dir, 'tap-huan-bo-phieu-tap-huan.pdf');
    expect(existsSync(deck)).toBe(true);
    expect(execFileSync('pdfinfo', [deck], { encoding: 'utf8' })).toMatch(/Pages:\s+39\n/u);
    await page.getByText('13 đại biểu').waitFor();
    await shot(page, '81-practice-setup');
    for (const screen of ['Tệp đại hội', 'Kết quả', 'Nhật ký', 'Chuẩn bị']) {
      await page.getByRole('navigation').getByRole('button', { name: screen }).click();
      await bar.waitFor();
    }
    const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await projector.goto(hall.url.replace('#token', '#/projector?token'));
    await projector.getByTestId('practice-bar').getByText('TẬP HUẤN').waitFor();
    await shot(projector, '82-practice-projector');
    await projector.close();
  });

  it('counts a few ballots of the stack by keyboard: the comparison says what is missing', async () => {
    const e = election();
    await page.getByLabel('Chọn cuộc bầu').selectOption(String(e.id));
    await page.getByRole('tab', { name: 'Cuộc bầu', exact: true }).click();
    await page
      .locator('.card.election', {
        has: page.getByRole('heading', { name: /^Bầu Ban Chấp hành/u }),
      })
      .getByRole('button', { name: 'Bắt đầu kiểm phiếu' })
      .click();
    await page.getByRole('heading', { name: 'Phiếu số 1' }).waitFor();
    for (let n = 1; n <= 4; n++) await typeStackBallot(n, e);
    await page.getByText('Đã lưu phiếu số 4').waitFor();
    await page.getByTestId('practice-bar').getByText('TẬP HUẤN', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Đối chiếu với bộ phiếu mẫu' }).click();
    await verdict().waitFor();
    expect(await verdict().innerText()).toBe(
      'CHƯA KHỚP: 4/12 phiếu khớp; 0 phiếu sai; 8 phiếu chưa nhập.',
    );
    const rows = page.getByTestId('practice-rows').locator('tbody tr');
    expect(await rows.count()).toBe(12);
    expect((await rows.nth(2).innerText()).split('\t').map((c) => c.trim())).toEqual([
      '3',
      'gạch: Phạm Thị Hoa',
      'gạch: Phạm Thị Hoa',
      '✓ Khớp',
    ]);
    expect(await rows.nth(4).innerText()).toContain('Chưa nhập');
    // The printed ballot 6 is invalid, and the comparison says why.
    expect(await rows.nth(5).innerText()).toContain('không gạch tên nào — Bầu quá số lượng');
    await shot(page, '83-practice-compare-partial');
    await page.getByRole('button', { name: 'Đóng' }).click();
  });

  it('the whole stack with ballot 7 typed wrong: named; corrected: a match', async () => {
    const e = election();
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    for (let n = 5; n <= 12; n++) {
      // Ballot 7 strikes Hoàng Văn Nam (5); the operator strikes Trần Thị Mai (4) instead.
      await (n === 7 ? page.keyboard.type('4\n', { delay: 80 }) : typeStackBallot(n, e));
    }
    await page.getByText('Đã lưu phiếu số 12').waitFor();
    await page.getByRole('button', { name: 'Đối chiếu với bộ phiếu mẫu' }).click();
    expect(await verdict().innerText()).toBe(
      'CHƯA KHỚP: 11/12 phiếu khớp; 1 phiếu sai; 0 phiếu chưa nhập.',
    );
    const rows = page.getByTestId('practice-rows').locator('tbody tr');
    expect((await rows.nth(6).innerText()).split('\t').map((c) => c.trim())).toEqual([
      '7',
      'gạch: Hoàng Văn Nam',
      'gạch: Trần Thị Mai',
      '✗ Sai',
    ]);
    await shot(page, '84-practice-compare-wrong');
    await page.getByRole('button', { name: 'Đóng' }).click();
    // The correction, as on the day: from the ballot list.
    await page.locator('.ballots tr[data-n="7"]').getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('heading', { name: 'Đang sửa phiếu số 7' }).waitFor();
    await page.keyboard.press('Escape');
    await typeStackBallot(7, e);
    await page.getByText('Đã lưu phiếu số 7').waitFor();
    await page.getByRole('button', { name: 'Đối chiếu với bộ phiếu mẫu' }).click();
    await verdict().getByText('KHỚP: cả 12 phiếu đã nhập đúng như phiếu in.').waitFor();
    expect(await page.getByText('✓ Khớp').count()).toBe(12);
    await shot(page, '85-practice-compare-match');
    await page.getByRole('button', { name: 'Đóng' }).click();
    // And the engine agrees with the answer sheet: four elected and the tie.
    const result = hall.workspace.service!.query('results', { electionId: e.id });
    expect(result.ok && result.value.status).toBe('tie');
  });

  it('ends in the printed tie; the re-vote is made from the result and its stack compared too', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Kết quả' }).click();
    await page.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page
      .getByText('Bằng phiếu ở chỗ cuối: Vũ Thị Lan, Hoàng Văn Nam cùng được 8 phiếu, tranh 1 chỗ')
      .waitFor();
    await shot(page, '86-practice-results-tie');
    await finalizeAndRevote(page);
    await page
      .locator('.card.election', { hasText: 'bầu lại (vòng 2)' })
      .getByRole('button', { name: 'Bắt đầu kiểm phiếu' })
      .click();
    await page.getByRole('heading', { name: 'Phiếu số 1' }).waitFor();
    const revote = election('bch-v2');
    expect(revote.candidates.map((c) => c.name)).toEqual(['Vũ Thị Lan', 'Hoàng Văn Nam']);
    for (let n = 1; n <= 3; n++) await typeStackBallot(n, revote, 'bch-v2');
    await page.getByText('Đã lưu phiếu số 3').waitFor();
    await page.getByRole('button', { name: 'Đối chiếu với bộ phiếu mẫu' }).click();
    expect(await verdict().innerText()).toBe(
      'CHƯA KHỚP: 3/12 phiếu khớp; 0 phiếu sai; 9 phiếu chưa nhập.',
    );
    await page.getByRole('button', { name: 'Đóng' }).click();
  });
});
