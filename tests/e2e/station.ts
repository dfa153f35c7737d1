/**
 * A station as a person works it: its screen open at the hall, a login, a ballot typed. Free of
 * the test runner, so the benchmarks drive stations the same way the walk-throughs do.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Ballot } from '../../core/ballot.ts';
import { keysFor, type EditorShape } from '../../renderer/features/entry/editor.ts';
import type { Hall } from './browser.ts';

/**
 * An operator's screen (1366×768, Vietnamese) open at the hall, waiting `timeout` ms at most for
 * anything; `throwPageErrors`: an error thrown in the page fails the test that is running.
 */
export async function operatorPage(
  browser: Browser,
  hall: Hall,
  {
    timeout = 8_000,
    throwPageErrors = false,
    ...options
  }: BrowserContextOptions & { timeout?: number; throwPageErrors?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  if (throwPageErrors)
    page.on('pageerror', (e) => {
      throw e;
    });
  await page.goto(hall.url);
  return page;
}

/** Logs `name` in on the station with the PIN, and waits for the top bar to say who it is. */
export async function login(page: Page, name: string, pin: string): Promise<void> {
  await page.getByLabel('Họ tên', { exact: true }).fill(name);
  await page.getByLabel('Mã PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText(`Người dùng: ${name}`).waitFor();
}

/** A ballot's keys, typed at `delay` ms a key (Enter as a new line). */
export const typeBallot = (page: Page, shape: EditorShape, ballot: Ballot, delay = 100) =>
  page.keyboard.type(
    keysFor(shape, ballot)
      .map((k) => (k === 'Enter' ? '\n' : k))
      .join(''),
    { delay },
  );
