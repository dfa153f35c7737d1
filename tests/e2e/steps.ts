/**
 * What every browser walk-through shares: its steps run in order, each building on the one
 * before, so after a failure the rest are skipped rather than timed out; the browser and the hall
 * stop at the end. The stations themselves are in station.ts.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Service } from '../../db/service.ts';
import { SCREENS, type Hall } from './browser.ts';

export { login, operatorPage, typeBallot } from './station.ts';

/**
 * `started` names what beforeAll started (either may be unset when it failed early); `onFail`
 * runs after a failed step (a screenshot of where it stopped).
 */
export function stepsInOrder(
  started: () => { browser?: Browser; hall?: Hall },
  onFail?: () => Promise<unknown>,
): void {
  afterAll(async () => {
    const { browser, hall } = started();
    await browser?.close();
    await hall?.stop();
  });
  let failed = false;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    failed = true;
    await onFail?.().catch(() => undefined);
  });
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
}

/** What the page shows now (its window, not the whole page), saved under tests/artifacts/screens. */
export const shot = (p: Page, name: string) =>
  p.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false });

/** The service of the hall's open congress file; a step that needs it before a file is open is a bug. */
export function serviceOf(hall: Hall): Service {
  const s = hall.workspace.service;
  if (s === null) throw new Error('no file open');
  return s;
}

/** On the results screen of an election ending in a tie: finalize it and make the re-vote. */
export async function finalizeAndRevote(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Chốt kết quả (khóa)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await page.locator('.badge.finalized').first().waitFor();
  await page.getByRole('button', { name: 'Tạo cuộc bầu lại' }).click();
  await page.getByRole('heading', { name: /bầu lại \(vòng 2\)/u }).waitFor();
}

/** The entry screen (Nhập phiếu) of the election chosen in the top bar's picker (by id or label). */
export async function openEntry(page: Page, election: string | { label: string }): Promise<void> {
  await page.locator('select.election-picker').selectOption(election);
  await page.getByRole('button', { name: 'Nhập phiếu' }).click();
}
