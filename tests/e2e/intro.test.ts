/**
 * Candidate introductions (issue 13, item 3) in Chromium against the browser host: the candidates'
 * spreadsheet with their details and a folder of photos imported on the operator's screen (a file
 * that is no picture refused by name), the slides opened in their own window at 1920×1080 and
 * paced from the keyboard (arrows, Home/End, a number and Enter), checked for text that fits and
 * type that reads from the back of a hall, and the handout printed and rendered to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/views.ts';
import { value } from '../db/helpers.ts';
import {
  CANDIDATES,
  CANDIDATES_CONGRESS,
  CANDIDATES_ELECTION,
  candidatesXlsx,
  photoFolder,
} from '../helpers/candidates.ts';
import { launch, ROOT, SCREENS, startHall, type Hall } from './browser.ts';
import { operatorPage, serviceOf, shot, stepsInOrder } from './steps.ts';

const ADMIN: Actor = { name: 'Tổ kỹ thuật', role: 'admin' };
const DOCS = join(ROOT, 'docs/images');

let hall: Hall;
let browser: Browser;
let page: Page;
let slides: Page;
let electionId: number;

/** What the slide shows, measured in the page: overflow, clipped names, type sizes in pixels. */
async function measure(p: Page) {
  return p.evaluate(() => {
    const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
    const text = document.querySelector('.intro-text');
    const name = document.querySelector('.intro-name');
    const img = document.querySelector<HTMLImageElement>('.intro-photo img');
    const list = document.querySelector('.intro-list');
    return {
      slide: Number(document.querySelector('[data-testid="intro"]')?.getAttribute('data-slide')),
      textOverflows: text ? text.scrollHeight > text.clientHeight + 1 : false,
      nameClipped: name ? name.scrollWidth > name.clientWidth + 1 : false,
      listOverflows: list
        ? list.scrollHeight > list.clientHeight + 1 || list.scrollWidth > list.clientWidth + 1
        : false,
      namePx: px(name),
      valuePx: px(document.querySelector('.intro-row dd')),
      bioPx: px(document.querySelector('.intro-bio p')),
      listPx: px(document.querySelector('.intro-list .name')),
      listNamesClipped: [...document.querySelectorAll('.intro-list li')].filter(
        (li) => li.scrollWidth > li.clientWidth + 1,
      ).length,
      photo: img ? [img.naturalWidth, img.naturalHeight, img.complete] : null,
    };
  });
}

const nameShown = (p: Page) => p.getByTestId('intro-name').innerText();

beforeAll(async () => {
  hall = await startHall();
  const file = join(hall.dir, 'dai-hoi-gioi-thieu.kiemphieu');
  value(await hall.workspace.create(file, { ...CANDIDATES_CONGRESS, term: '2025–2030' }));
  electionId = value(
    serviceOf(hall).execute('createElection', CANDIDATES_ELECTION, ADMIN),
  ).electionId;
  browser = await launch();
  page = await operatorPage(browser, hall, { timeout: 10_000, acceptDownloads: true });
}, 60_000);

stepsInOrder(() => ({ browser, hall }));

describe('candidate introductions in the browser', () => {
  it('imports the details from the candidates sheet and the photos from a folder', async () => {
    await page.getByRole('button', { name: 'Giới thiệu', exact: true }).click();
    await page.getByRole('heading', { name: 'Giới thiệu ứng cử viên' }).waitFor();
    const xlsx = join(hall.dir, 'ung-cu-vien.xlsx');
    writeFileSync(xlsx, await candidatesXlsx());
    await page.getByTestId('intro-sheet').setInputFiles(xlsx);
    await page.getByText('Đọc được thông tin của 5/5 ứng cử viên.').waitFor();
    await page.getByRole('button', { name: 'Lưu thông tin 5 ứng cử viên' }).click();
    await page.getByText('Đã lưu thông tin 5 ứng cử viên.').waitFor();

    // The folder as the office hands it over: four photos, a note, and a "photo" that is text.
    const folder = join(hall.dir, 'anh-ung-cu-vien');
    mkdirSync(folder);
    const files = await photoFolder();
    for (const f of files) writeFileSync(join(folder, f.name), f.bytes);
    writeFileSync(join(folder, 'ghi chú.txt'), 'ảnh chụp tháng 9');
    writeFileSync(join(folder, 'Võ Đức Thắng.jpg'), 'không phải ảnh');
    await page
      .getByTestId('intro-photos')
      .setInputFiles(
        [...files.map((f) => f.name), 'ghi chú.txt', 'Võ Đức Thắng.jpg'].map((n) =>
          join(folder, n),
        ),
      );
    await page.getByText('Đã lưu 4 ảnh.').waitFor({ timeout: 30_000 });
    await page
      .getByText(
        'Tệp “Võ Đức Thắng.jpg” không phải ảnh (JPEG, PNG, WebP, TIFF, GIF hoặc HEIF) hoặc bị hỏng',
      )
      .waitFor();
    const rows = page.getByTestId('intro-table').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    await expect.poll(() => page.locator('img.intro-thumb').count()).toBe(4);
    expect((await rows.nth(2).innerText()).replace(/\s+/gu, ' ')).toContain(
      'Trần Thị Bích Ngọc 1980 phường Bắc Hà, thành phố Hà Tĩnh Trưởng ban Tuyên giáo, Đảng ủy Khối các cơ quan tỉnh Tiến sĩ Ngữ văn',
    );
    await page.screenshot({ path: join(SCREENS, '40-intro-setup.png'), fullPage: true });
  });

  it('opens the slides in their own window and pages through them from the keyboard', async () => {
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByTestId('intro-present').click(),
    ]);
    slides = popup;
    slides.setDefaultTimeout(10_000);
    await slides.setViewportSize({ width: 1920, height: 1080 });
    await slides.getByTestId('intro-list').waitFor();
    await slides.evaluate(() => document.fonts.ready);
    const list = await measure(slides);
    expect(list.slide).toBe(0);
    expect(list.listOverflows).toBe(false);
    expect(list.listNamesClipped).toBe(0);
    expect(list.listPx).toBeGreaterThanOrEqual(40);
    expect(await slides.getByTestId('intro-list').locator('li').allInnerTexts()).toHaveLength(5);
    await shot(slides, '41-intro-list');

    await slides.keyboard.press('ArrowRight');
    expect(await nameShown(slides)).toMatch(/^1\s*Nguyễn Văn An$/u);
    await slides.keyboard.press('End');
    expect(await nameShown(slides)).toMatch(/^5\s*Võ Đức Thắng$/u);
    await slides.getByText('Chưa có ảnh').waitFor();
    await slides.keyboard.press('Home');
    await slides.getByTestId('intro-list').waitFor();
    await slides.keyboard.press('3');
    await slides.getByTestId('intro-typed').getByText('Đến số 3…').waitFor();
    await slides.keyboard.press('Enter');
    expect(await nameShown(slides)).toMatch(/^3\s*Trần Thị Bích Ngọc$/u);
    await slides.keyboard.press('ArrowLeft');
    expect(await nameShown(slides)).toMatch(/^2\s*Lê Quang Huy$/u);
    await slides.keyboard.press('PageDown');
    expect(await nameShown(slides)).toMatch(/^3\s*Trần Thị Bích Ngọc$/u);
    await slides.waitForFunction(
      () => document.querySelector<HTMLImageElement>('.intro-photo img')?.complete,
    );
    const m = await measure(slides);
    expect(m).toMatchObject({ slide: 3, textOverflows: false, nameClipped: false });
    expect(m.photo).toEqual([450, 600, true]);
    // From the back of a hall: the name over 70 px, the details over 36 px on a 1080-line screen.
    expect(m.namePx).toBeGreaterThanOrEqual(70);
    expect(m.valuePx).toBeGreaterThanOrEqual(36);
    await shot(slides, '42-intro-candidate');
  });

  it('prints the handout with the photos', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tài liệu giới thiệu (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gioi-thieu-ung-cu-vien-.*\.pdf$/u);
    const pdf = join(hall.dir, download.suggestedFilename());
    await download.saveAs(pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '2',
      pdf,
      join(SCREENS, '45-intro-handout'),
    ]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/gu, ' ');
    expect(text).toContain('DANH SÁCH TRÍCH NGANG');
    expect(text).toContain('TRẦN THỊ BÍCH NGỌC');
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2);
    expect(images.filter((l) => l.trim() !== '')).toHaveLength(4);
  });

  it('the longest biography and long details still fit, the type shrunk no further than it must', async () => {
    const long =
      'Tốt nghiệp Đại học Bách khoa Hà Nội, kỹ sư điện; công tác tại Công ty Điện lực Hà Tĩnh. ';
    value(
      serviceOf(hall).execute(
        'setCandidateDetails',
        {
          electionId,
          details: [
            ...CANDIDATES.slice(0, 4).map((c) => ({ name: c.name, hometown: c.hometown })),
            {
              name: 'Võ Đức Thắng',
              birthYear: 1968,
              hometown:
                'xã Sơn Kim 1, huyện Hương Sơn, tỉnh Hà Tĩnh (nay là xã Sơn Kim, tỉnh Hà Tĩnh)',
              position:
                'Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh',
              unit: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
              education:
                'Tiến sĩ Kinh tế nông nghiệp; Cao cấp lý luận chính trị; Quản lý nhà nước ngạch chuyên viên cao cấp',
              biography: long.repeat(7).slice(0, 600).trim(),
            },
          ],
        },
        ADMIN,
      ),
    );
    await slides.keyboard.press('End');
    await slides.getByText('Ủy ban nhân dân tỉnh Hà Tĩnh', { exact: true }).waitFor();
    const m = await measure(slides);
    expect(m).toMatchObject({ slide: 5, textOverflows: false, nameClipped: false });
    expect(m.bioPx).toBeGreaterThanOrEqual(26);
    await shot(slides, '43-intro-candidate-long');
    // The others lost their details but a hometown: the slide says only what is known.
    await slides.keyboard.press('1');
    await slides.keyboard.press('Enter');
    expect(await nameShown(slides)).toMatch(/^1\s*Nguyễn Văn An$/u);
    expect(await slides.locator('.intro-row').count()).toBe(1);
  });

  it('a list of 48 candidates fits one slide in columns; a long name wraps, never clipped', async () => {
    const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ'];
    const given = ['An', 'Bảo', 'Cường', 'Dũng', 'Giang', 'Hạnh'];
    const names = families.flatMap((f, i) =>
      given.map(
        (g, j) => `${f} ${j % 2 ? 'Thị' : 'Văn'} ${['Minh', 'Ngọc', 'Quốc'][(i + j) % 3]} ${g}`,
      ),
    );
    const big = value(
      serviceOf(hall).execute(
        'createElection',
        {
          title: 'Bầu đại biểu đi dự Đại hội đại biểu toàn quốc',
          kind: 'official-delegates',
          layout: 'strike',
          seats: 30,
          // Six syllables, a royal-family name: the longest a slide must show.
          candidates: [...names.slice(0, 47), 'Công Tôn Nữ Thị Hoàng Phương Thảo'],
        },
        ADMIN,
      ),
    ).electionId;
    await slides.goto(slides.url().replace(/show=\d+/u, `show=${big}`));
    await slides.getByTestId('intro-list').waitFor();
    await slides.evaluate(() => document.fonts.ready);
    const m = await measure(slides);
    expect(m.listOverflows).toBe(false);
    expect(m.listPx).toBeGreaterThanOrEqual(20);
    expect(m.listNamesClipped).toBe(0);
    expect(await slides.getByTestId('intro-list').locator('li').count()).toBe(48);
    await shot(slides, '44-intro-list-48');
    const long = value(serviceOf(hall).query('candidateDetails', { electionId: big })).find(
      (c) => c.name === 'Công Tôn Nữ Thị Hoàng Phương Thảo',
    )!;
    await slides.keyboard.type(String(long.no));
    await slides.keyboard.press('Enter');
    await slides.getByText('Công Tôn Nữ Thị Hoàng Phương Thảo', { exact: true }).waitFor();
    const n = await measure(slides);
    expect(n).toMatchObject({ slide: long.no, textOverflows: false, nameClipped: false });
    expect(n.namePx).toBeGreaterThanOrEqual(70);
    await shot(slides, '46-intro-long-name');
  });

  it('keeps the screenshots looked at for the guide', () => {
    mkdirSync(DOCS, { recursive: true });
    for (const name of [
      '40-intro-setup',
      '41-intro-list',
      '42-intro-candidate',
      '44-intro-list-48',
      '45-intro-handout-1',
    ]) {
      copyFileSync(join(SCREENS, `${name}.png`), join(DOCS, `${name}.png`));
    }
  });
});
