/**
 * A whole congress in a real Chromium, against the browser host: create the file, import the
 * delegates from Excel, set the base and the committee, create an election, count 50 ballots by
 * keyboard at 10 keys a second (invalid ballots, a correction, a void), watch the projector follow,
 * meet a tie, create the re-vote, finalize and find the election locked.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditorShape } from '../../renderer/features/entry/editor.ts';
import type { BallotBody } from '../../core/views.ts';
import {
  finalizeAndRevote,
  openEntry,
  operatorPage,
  shot,
  stepsInOrder,
  typeBallot,
} from './steps.ts';
import { launch, SCREENS, startHall, type Hall } from './browser.ts';
import { makeP12 } from '../documents/p12.ts';
import { delegateRows, delegatesXlsx } from '../helpers/delegates.ts';
import { vi } from '../../core/messages/vi.ts';

const CANDIDATES = [
  'Phạm Thị Em',
  'Nguyễn Văn An',
  'Đỗ Minh Dũng',
  'Trần Thị Bình',
  'Lê Quốc Cường',
];
// In ballot order (by given name): An, Bình, Cường, Dũng, Em → numbers 1–5.
const shape: EditorShape = { layout: 'strike', seats: 3, codes: ['c1', 'c2', 'c3', 'c4', 'c5'] };
const keep = (...numbers: number[]): BallotBody => ({
  struck: shape.codes.filter((_, i) => !numbers.includes(i + 1)),
});

/** 44 valid ballots giving An 36, Bình 34, Cường 28, Dũng 28, Em 2 — a tie for the third seat — and 6 invalid. */
function deck(): BallotBody[] {
  const ballots: BallotBody[] = [];
  const add = (count: number, body: BallotBody) => {
    for (let i = 0; i < count; i++) ballots.push(body);
  };
  add(14, keep(1, 2, 3));
  add(14, keep(1, 2, 4));
  add(8, keep(1, 3, 4));
  add(6, keep(2, 3, 4));
  add(2, keep(5));
  add(2, keep(1, 2, 3, 4)); // over-vote
  add(1, keep()); // all-struck
  add(1, { invalid: 'not-issued' });
  add(1, { invalid: 'added-name' });
  add(1, { invalid: 'marked' });
  // Shuffle deterministically: a real stack is in no order.
  return ballots
    .map((b, i) => ({ b, k: (i * 37) % 50 }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.b);
}

let hall: Hall;
let browser: Browser;
let page: Page;
let projector: Page;

/** 52 delegates, all official, under a merged title. */
const delegatesWorkbook = (path: string) =>
  delegatesXlsx(
    path,
    ['STT', 'Họ và tên', 'Đơn vị', 'Chính thức / Dự khuyết'],
    delegateRows(52, { names: 13, step: 5 }, (i) => [`Chi bộ ${1 + (i % 6)}`, 'Chính thức']),
    { mergeTitle: true },
  );

beforeAll(async () => {
  hall = await startHall();
  browser = await launch();
  page = await operatorPage(browser, hall, { throwPageErrors: true });
}, 60_000);

stepsInOrder(() => ({ browser, hall }));

describe('a whole congress, end to end, in Chromium', () => {
  it('creates the congress file from the Start screen', async () => {
    await page.getByRole('heading', { name: 'Tệp đại hội', exact: true }).waitFor();
    await shot(page, '01-start');
    await page
      .getByLabel('Đường dẫn tệp', { exact: true })
      .fill(join(hall.dir, 'dai-hoi-xa-thu-nghiem'));
    await page
      .getByLabel('Tên đại hội', { exact: true })
      .fill('Đại hội đại biểu Đảng bộ xã Thử Nghiệm lần thứ I, nhiệm kỳ 2025–2030');
    await page.getByLabel('Tổ chức đảng', { exact: true }).fill('Đảng bộ xã Thử Nghiệm');
    await page.getByLabel('Nhiệm kỳ', { exact: true }).fill('2025–2030');
    await page.getByLabel('Ngày khai mạc', { exact: true }).fill('14/10/2025');
    await page.getByRole('button', { name: 'Tạo tệp đại hội mới' }).click();
    await page.getByRole('heading', { name: 'Chuẩn bị đại hội' }).waitFor();
  });

  it('imports the delegates from Excel, with a preview, and takes attendance', async () => {
    const xlsx = join(hall.dir, 'dai-bieu.xlsx');
    await delegatesWorkbook(xlsx);
    await page.getByLabel('Nhập từ Excel/CSV', { exact: true }).setInputFiles(xlsx);
    await page.getByText('Xem trước: 52 dòng').waitFor();
    await shot(page, '02-setup-import-preview');
    await page.getByRole('button', { name: 'Nhập 52 người' }).click();
    await page.getByText('52 đại biểu').waitFor();
    await page.getByRole('button', { name: 'Chưa điểm danh' }).first().click();
    await page.getByText('Có mặt 1 ·').waitFor();
    await shot(page, '03-setup-delegates');
  });

  it('sets the base with an exclusion, and the counting committee', async () => {
    await page.getByRole('tab', { name: 'Cơ sở tính' }).click();
    await page.getByLabel('Số được triệu tập', { exact: true }).fill('52');
    await page.getByLabel('Số có mặt khi phát phiếu', { exact: true }).fill('50');
    await page
      .getByLabel(vi.exclusionLabels['delegate-absent-no-alternate'], { exact: true })
      .fill('2');
    await page.getByText('Cơ sở tính tỷ lệ: 50').waitFor();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu').waitFor();
    await shot(page, '04-setup-base');
    await page.getByRole('tab', { name: 'Ban kiểm phiếu' }).click();
    await page.getByLabel('Họ tên 1', { exact: true }).fill('Hoàng Văn Trưởng');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await page.getByLabel('Họ tên 2', { exact: true }).fill('Vũ Thị Thành Viên');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu').waitFor();
  });

  it('creates the election; the list is put in ballot order', async () => {
    await page.getByRole('tab', { name: 'Cuộc bầu' }).click();
    await page
      .getByLabel('Tên cuộc bầu', { exact: true })
      .fill('Bầu Ban Chấp hành Đảng bộ xã khóa I');
    await page.getByLabel('Số lượng cần bầu', { exact: true }).fill('3');
    await page
      .getByLabel('Danh sách bầu cử (mỗi dòng một người)', { exact: true })
      .fill(CANDIDATES.join('\n'));
    await page.getByRole('button', { name: 'Tạo cuộc bầu' }).click();
    await page.getByRole('heading', { name: /Bầu Ban Chấp hành Đảng bộ xã khóa I/u }).waitFor();
    const names = await page.locator('ol.candidates li > span:first-child').allTextContents();
    expect(names).toEqual([
      '1. Nguyễn Văn An',
      '2. Trần Thị Bình',
      '3. Lê Quốc Cường',
      '4. Đỗ Minh Dũng',
      '5. Phạm Thị Em',
    ]);
    await page.getByText('Số dư 2 (5 người cho 3 chỗ) vượt mức tối đa 1 của Quy chế').waitFor();
    await shot(page, '05-setup-election');
    await page.getByRole('button', { name: 'Bắt đầu kiểm phiếu' }).click();
    await page.getByRole('heading', { name: 'Phiếu số 1' }).waitFor();
  });

  it('the projector shows the election, figures released by the committee', async () => {
    await page.getByRole('button', { name: 'Kết quả' }).click();
    await page.getByRole('button', { name: 'Chiếu kết quả này' }).click();
    await page.getByRole('button', { name: 'Hiện số liệu trên màn chiếu' }).waitFor();
    projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    projector.setDefaultTimeout(8_000);
    await projector.goto(hall.url.replace('#token', '#/projector?token'));
    await projector.getByText('Số liệu sẽ được công bố').waitFor();
    await shot(projector, '06-projector-hidden');
    await page.getByRole('button', { name: 'Hiện số liệu trên màn chiếu' }).click();
    await projector.getByTestId('votes-c1').waitFor();
    await page.getByRole('button', { name: 'Nhập phiếu' }).click();
    await page.getByRole('heading', { name: 'Phiếu số 1' }).waitFor();
  });

  it('counts 50 ballots by keyboard at 10 keys a second, with a correction and a void', async () => {
    const ballots = deck();
    let typed = 0;
    // The first ballot is typed wrong (Dũng struck instead of Cường), then corrected from the list.
    const first = ballots[0]!;
    const wrong: BallotBody =
      'struck' in first
        ? { struck: first.struck.length === 2 ? ['c4', 'c5'] : first.struck }
        : first;
    for (const [i, body] of [wrong, ...ballots.slice(1, 25)].entries()) {
      await typeBallot(page, shape, body);
      typed++;
      if (i === 0) await page.getByTestId('notice').waitFor();
    }
    await projector.getByTestId('projector-counted').getByText('Đã kiểm 25 phiếu').waitFor();
    await shot(page, '07-count-entry');
    await shot(projector, '08-projector-live');
    // A ballot entered twice by mistake: void it with a reason.
    await page.keyboard.type('45\n', { delay: 100 });
    await page.getByText('Đã lưu phiếu số 26').waitFor();
    await page
      .locator('.ballots tr[data-n="26"]')
      .getByRole('button', { name: 'Hủy phiếu' })
      .click();
    await page
      .getByLabel('Lý do hủy phiếu (bắt buộc)', { exact: true })
      .fill('Nhập trùng tờ phiếu số 25');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy phiếu' }).click();
    await page.locator('.ballots tr.voided', { hasText: 'Nhập trùng' }).waitFor();
    // The correction of ballot 1.
    await page.getByLabel('Tìm theo số phiếu, tên, lý do…', { exact: true }).fill('1');
    await page.locator('.ballots tr[data-n="2"]').waitFor({ state: 'detached' });
    await page.locator('.ballots tr[data-n="1"]').getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('heading', { name: 'Đang sửa phiếu số 1' }).waitFor();
    await page.keyboard.press('Escape');
    await typeBallot(page, shape, first);
    await page.getByText('Đã lưu phiếu số 1').waitFor();
    await page.getByLabel('Tìm theo số phiếu, tên, lý do…', { exact: true }).fill('');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    for (const body of ballots.slice(25)) {
      await typeBallot(page, shape, body);
      typed++;
    }
    await page.getByText('Đã lưu phiếu số 51').waitFor();
    expect(typed).toBe(50);
    const counts = await page.getByTestId('counts').innerText();
    expect(counts.replace(/\s+/gu, ' ')).toContain('Đã nhập 50 Hợp lệ 44 Không hợp lệ 6 Đã hủy 1');
  });

  it('the projector followed every ballot', async () => {
    await projector.getByText('Đã kiểm 50 phiếu').waitFor();
    const votes = await Promise.all(
      ['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => projector.getByTestId(`votes-${c}`).innerText()),
    );
    expect(votes.map((v) => Number(v.split(/\s/u)[0]))).toEqual([36, 34, 28, 28, 2]);
    await shot(projector, '09-projector-final');
  });

  it('results: nothing said of the outcome while counting; closed, the elected in vote order, the tie explained; re-vote and finalize', async () => {
    await page.getByRole('button', { name: 'Kết quả' }).click();
    const table = page.getByTestId('results-table');
    await table.waitFor();
    // While counting: the figures, and no word of the outcome (issue 9, item 15).
    await page.getByTestId('provisional').waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual([
      'STT',
      'Họ và tên',
      'Số phiếu',
      'Tỷ lệ',
    ]);
    expect(await page.getByText('Bằng phiếu ở chỗ cuối').count()).toBe(0);
    expect(await page.locator('tr.elected').count()).toBe(0);
    await page.getByLabel('Số phiếu phát ra', { exact: true }).fill('50');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('button', { name: 'Chốt kết quả (khóa)' }).waitFor();
    await table.locator('thead th', { hasText: 'Kết quả' }).waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['1', 'Nguyễn Văn An', '36', '72,00%', 'Trúng cử (1)'],
      ['2', 'Trần Thị Bình', '34', '68,00%', 'Trúng cử (2)'],
      ['3', 'Lê Quốc Cường', '28', '56,00%', 'Bằng phiếu'],
      ['4', 'Đỗ Minh Dũng', '28', '56,00%', 'Bằng phiếu'],
      ['5', 'Phạm Thị Em', '2', '4,00%', 'Không đủ'],
    ]);
    await page
      .getByText(
        'Bằng phiếu ở chỗ cuối: Lê Quốc Cường, Đỗ Minh Dũng cùng được 28 phiếu, tranh 1 chỗ',
      )
      .waitFor();
    await shot(page, '10-results-tie');
    await finalizeAndRevote(page);
    const revote = await page
      .locator('.election', { hasText: 'bầu lại (vòng 2)' })
      .locator('ol.candidates li > span:first-child')
      .allTextContents();
    expect(revote).toEqual(['1. Lê Quốc Cường', '2. Đỗ Minh Dũng']);
    await shot(page, '11-setup-revote');
  });

  it('the finalized election is locked: the entry screen refuses and so does the service', async () => {
    await openEntry(page, { label: 'Bầu Ban Chấp hành Đảng bộ xã khóa I — Đã chốt (khóa)' });
    await page.getByText('Cuộc bầu chưa ở trạng thái kiểm phiếu.').waitFor();
    // The same request the page would send, with the station's token: the service refuses it.
    const refused = (await page.evaluate(`(async () => {
      const r = await fetch('/api/command/enterBallot', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiem-phieu-token': sessionStorage.getItem('kp-token') },
        body: JSON.stringify({ electionId: 1, ballot: { struck: ['c4', 'c5'] } }),
      });
      return { status: r.status, body: await r.json() };
    })()`)) as { status: number; body: { error: unknown[] } };
    expect(refused.status).toBe(422);
    expect(refused.body.error[0]).toMatchObject({ code: 'wrong-status', status: 'finalized' });
  });

  it('the finalized election’s documents are one action each: minutes, signed minutes, Excel', async () => {
    await page.getByRole('button', { name: 'Kết quả' }).click();
    const docs = page.getByTestId('documents');
    await docs.waitFor();
    // Preview (and print) the minutes.
    await docs.getByRole('button', { name: 'Xem trước / In' }).first().click();
    await page.locator('iframe#pdf-preview').waitFor();
    await shot(page, '13-results-minutes-preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
    // Save the minutes.
    const [minutes] = await Promise.all([
      page.waitForEvent('download'),
      docs.getByRole('button', { name: 'Lưu PDF' }).click(),
    ]);
    const minutesPath = join(hall.dir, 'bien-ban.pdf');
    await minutes.saveAs(minutesPath);
    expect(
      execFileSync('pdftotext', ['-enc', 'UTF-8', minutesPath, '-'], { encoding: 'utf8' }).replace(
        /\s+/gu,
        ' ',
      ),
    ).toContain('BIÊN BẢN Kiểm phiếu bầu');
    // Sign it with the head's certificate; the password is asked in the app.
    const p12 = join(hall.dir, 'truong-ban.p12');
    writeFileSync(p12, makeP12({ name: 'Hoàng Văn Trưởng', passphrase: 'bí-mật' }));
    await docs.getByLabel('Chứng thư số (.p12)', { exact: true }).setInputFiles(p12);
    await docs.getByLabel('Mật khẩu chứng thư số', { exact: true }).fill('bí-mật');
    const [signed] = await Promise.all([
      page.waitForEvent('download'),
      docs.getByRole('button', { name: 'Ký và lưu biên bản' }).click(),
    ]);
    const signedPath = join(hall.dir, 'bien-ban-da-ky.pdf');
    await signed.saveAs(signedPath);
    const sig = execFileSync('pdfsig', [signedPath], { encoding: 'utf8' });
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Hoàng Văn Trưởng');
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
    await docs.getByText(/Đã lưu một bản bên cạnh tệp đại hội/u).waitFor();
    await docs.scrollIntoViewIfNeeded();
    await shot(page, '14-results-documents');
    // The results workbook reads back with the same figures.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      docs.getByRole('button', { name: 'Excel kết quả' }).click(),
    ]);
    const xlsxPath = join(hall.dir, 'ket-qua.xlsx');
    await xlsx.saveAs(xlsxPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const values = wb.worksheets[0]!.getSheetValues()
      .flat()
      .map((v) => (typeof v === 'object' && v !== null ? '' : String(v)));
    for (const name of [
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Quốc Cường',
      'Đỗ Minh Dũng',
      'Phạm Thị Em',
    ])
      expect(values).toContain(name);
  });

  it('the audit log verifies and lists every command', async () => {
    await page.getByRole('button', { name: 'Nhật ký' }).click();
    await page
      .getByTestId('chain')
      .getByText(/Chuỗi băm hợp lệ: \d+ dòng/u)
      .waitFor();
    await shot(page, '12-audit');
    // English is one click away, everywhere.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByText(/Hash chain verifies: \d+ rows/u).waitFor();
    await page.getByRole('button', { name: 'Results' }).click();
    await page.getByRole('button', { name: 'Sign and save the minutes' }).waitFor();
    await shot(page, '15-results-english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('Sao lưu ra USB: a verified copy of the live file in the folder typed', async () => {
    const usb = join(hall.dir, 'usb');
    mkdirSync(usb);
    await page.getByRole('button', { name: 'Tệp đại hội' }).click();
    const panel = page.getByTestId('usb-backup');
    await panel.getByLabel('Thư mục đích (ví dụ ổ USB)').fill(usb);
    await panel.getByRole('button', { name: 'Sao lưu', exact: true }).click();
    await panel.getByText(/Đã sao lưu và kiểm tra bản sao/u).waitFor({ timeout: 30_000 });
    expect(readdirSync(usb).filter((f) => f.endsWith('.kiemphieu'))).toHaveLength(1);
    await shot(page, '16-usb-backup');
    writeFileSync(
      join(SCREENS, 'README.txt'),
      'Screenshots of the end-to-end congress (1366×768 operator, 1920×1080 projector).\n',
    );
  });
});
