/** A second station of the LAN pairs in Chromium with the code shown on the main screen. */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, SCREENS, startHall, type Hall } from './browser.ts';

let hall: Hall;
let browser: Browser;

beforeAll(async () => {
  hall = await startHall({ lan: true });
  await hall.workspace.create(join(hall.dir, 'lan'), {
    name: 'Đại hội đảng viên Chi bộ Thôn 3',
    organisation: 'Chi bộ Thôn 3',
    kind: 'members',
  });
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hall?.stop();
});

describe('LAN mode in the browser', () => {
  it('the main screen shows the code; another station types it and is in', async () => {
    const main = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    main.setDefaultTimeout(8_000);
    await main.goto(hall.url);
    await main.getByRole('button', { name: 'Tệp đại hội', exact: true }).click();
    const panel = main.getByTestId('pairing-code');
    await panel.waitFor();
    const code = /Mã ghép nối: (\d{6})/u.exec(await panel.innerText())?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/u);
    await main.screenshot({ path: join(SCREENS, '16-lan-main') + '.png' });

    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    other.setDefaultTimeout(8_000);
    await other.goto(hall.host.url); // no token in the address
    await other.getByRole('heading', { name: 'Ghép nối máy trạm' }).waitFor();
    await other.getByLabel('Mã ghép nối', { exact: true }).fill('000000');
    await other.getByRole('button', { name: 'Ghép nối' }).click();
    await other.getByText('mã ghép nối không đúng').waitFor();
    await other.getByLabel('Mã ghép nối', { exact: true }).fill(code);
    await other.getByRole('button', { name: 'Ghép nối' }).click();
    await other.getByText('Đại hội đảng viên Chi bộ Thôn 3').first().waitFor();
    await other.screenshot({ path: join(SCREENS, '17-lan-paired') + '.png' });
  });
});
