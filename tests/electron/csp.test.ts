/**
 * The content security policy has no 'unsafe-inline' for styles (nor for anything): the built
 * renderer sets its styles through its stylesheet and React's style props (CSSOM, which the policy
 * allows), never through inline style attributes or <style> elements. Checked in the built files
 * and in Chromium, where the policy is shown to be in force and the screens to raise no violation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy.ts';
import { launch, RENDERER, ROOT, startHall, type Hall } from '../e2e/browser.ts';

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/u))
      .filter((d) => d[0] !== '')
      .map(([name, ...values]) => [name!, values]),
  );

describe('the content security policy', () => {
  it('allows no inline style or script, nor eval, in either host', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(
      readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8'),
    )?.[1];
    expect(meta).toBeDefined();
    for (const policy of [CONTENT_SECURITY_POLICY, meta!]) {
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/u);
      expect(directives(policy).get('style-src')).toEqual(["'self'"]);
      expect(directives(policy).get('script-src')).toEqual(["'self'"]);
    }
  });

  it('the built renderer holds no inline style attribute nor <style> element', () => {
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    expect(html).not.toMatch(/\sstyle=|<style/iu);
    const scripts = readdirSync(join(RENDERER, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readFileSync(join(RENDERER, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/setAttribute\(\s*["']style["']|style=\\?["']|<style[\s>]/u);
    }
  });
});

/** A page that records every policy violation, from the DOM event and from the console. */
async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage({ viewport });
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/u.test(m.text()))
      violations.push(m.text());
  });
  return { page, violations };
}

describe('the built renderer in Chromium under the policy', () => {
  let hall: Hall;
  let browser: Browser;

  beforeAll(async () => {
    hall = await startHall();
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('the policy is in force: an inline style attribute is refused', async () => {
    const { page, violations } = await watchedPage(browser, { width: 1366, height: 860 });
    await page.goto(hall.url);
    await page.waitForSelector('#root > *');
    const color = await page.evaluate(() => {
      const span = document.createElement('span');
      span.innerHTML = '<b style="color: rgb(255, 0, 0)">x</b>';
      document.body.append(span);
      const c = getComputedStyle(span.firstElementChild!).color;
      span.remove();
      return c;
    });
    expect(color).not.toBe('rgb(255, 0, 0)');
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(/style-src/u);
    await page.close();
  });

  it('the start screen, with a congress open, and the projector raise no violation', async () => {
    const created = await hall.workspace.create(join(hall.dir, 'an-binh.kiemphieu'), {
      name: 'Đại hội Đảng bộ xã An Bình',
      organisation: 'Đảng bộ xã',
      kind: 'delegates',
    });
    expect(created.ok).toBe(true);
    const { page, violations } = await watchedPage(browser, { width: 1366, height: 860 });
    await page.goto(hall.url);
    await page.waitForSelector('#root > *');
    // A React style prop is applied through CSSOM, which the policy allows.
    const styled = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.setProperty('color', 'rgb(1, 2, 3)');
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(styled).toBe('rgb(1, 2, 3)');
    const projector = await watchedPage(browser, { width: 1920, height: 1080 });
    await projector.page.goto(hall.url.replace('#token=', '#/projector?token='));
    await projector.page.waitForSelector('#root > *');
    await projector.page.waitForTimeout(500);
    // zod probes whether eval is allowed (`Function("")` in a try) and falls back when it is not:
    // the policy refusing it is the policy working, not a screen that breaks.
    const probe = (v: string) => /^script-src eval\b|'unsafe-eval'/u.test(v);
    expect(violations.filter((v) => !probe(v))).toEqual([]);
    expect(projector.violations.filter((v) => !probe(v))).toEqual([]);
    await projector.page.close();
    await page.close();
  });
});
