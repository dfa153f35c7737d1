/**
 * Counting from the scanner in a real Chromium: a folder the "scanner" writes a simulated deck
 * into while the station watches it; the sheets read with certainty become ballots at once, the
 * doubtful ones are decided on the review screen with one key per line, a sheet of another
 * election and a file fed twice are listed with their reason, the stack reconciles, and the
 * election's result equals the truth.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ElectionRecord } from '../../core/record.ts';
import { tallyRecord } from '../../core/tally.ts';
import { SCAN_TEST_BALLOTS } from '../../core/protocol/scan.ts';
import { vi } from '../../core/messages/vi.ts';
import type { Service } from '../../db/service.ts';
import { ADMIN, value } from '../db/helpers.ts';
import { blankPages, geometryOf, halfStrike, markPage, rng, scanPng } from '../scan/deck.ts';
import { makeDeck, type TruthSheet } from '../scan/make-deck.ts';
import { scanTestDeck } from '../scan/scanned-pdf.ts';
import { launch, SCREENS, startHall, type Hall } from './browser.ts';
import { EIGHT_CANDIDATES } from './readings-hall.ts';
import { stepsInOrder } from './steps.ts';

const CANDIDATES = EIGHT_CANDIDATES;

let hall: Hall;
let browser: Browser;
let page: Page;
let service: Service;
let electionId: number;
let record: ElectionRecord;
const truth = new Map<string, readonly string[]>();
let scanner: string;
let later: { name: string; bytes: Buffer }[] = [];
let genuine = 0;

const shot = (name: string) => page.screenshot({ path: join(SCREENS, `${name}.png`) });

beforeAll(async () => {
  hall = await startHall();
  const created = await hall.workspace.create(join(hall.dir, 'quet-phieu.kiemphieu'), {
    name: 'Đại hội đại biểu Đảng bộ xã Thử Nghiệm lần thứ I',
    organisation: 'Đảng bộ xã Thử Nghiệm',
    kind: 'delegates',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  service = hall.workspace.service!;
  value(service.execute('setBase', { convened: 40, exclusions: [] }, ADMIN));
  const make = (title: string) =>
    value(
      service.execute(
        'createElection',
        { title, kind: 'committee', layout: 'strike', seats: 5, candidates: CANDIDATES },
        ADMIN,
      ),
    ).electionId;
  electionId = make('Bầu Ban Chấp hành khóa I');
  const other = make('Bầu đại biểu dự Đại hội cấp trên');
  for (const id of [electionId, other])
    value(service.execute('startCounting', { electionId: id }, ADMIN));
  record = value(service.query('exportRecord', { electionId }));

  // The deck: simulated scans with their truth; one sheet with a note beside the names (review),
  // one ballot of the other election, and one file fed twice under another name.
  const deckDir = join(hall.dir, 'deck');
  const [blank] = await blankPages(record, { dpi: 200 });
  const sheets: TruthSheet[] = await makeDeck({
    record,
    dir: deckDir,
    count: 14,
    seed: 21,
    dpi: 150,
    distractorShare: 0.3,
    blank: blank!,
  });
  for (const s of sheets) truth.set(s.file, s.struck ?? []);
  const r = rng(4);
  const noted = [record.candidates[2]!.id, record.candidates[6]!.id];
  const notePage = markPage(
    blank!,
    geometryOf(record),
    { struck: noted, distractors: ['note'] },
    r,
  );
  writeFileSync(join(deckDir, 'sheet-0015.png'), await scanPng(notePage, 150, r));
  truth.set('sheet-0015.png', noted);
  // One sheet with a name crossed only part way: neither clearly struck nor clearly kept.
  const doubtful = markPage(blank!, geometryOf(record), { struck: [record.candidates[0]!.id] }, r);
  halfStrike(doubtful, geometryOf(record).sides[0]!.lines[4]!.zone);
  writeFileSync(join(deckDir, 'sheet-0018.png'), await scanPng(doubtful, 150, r));
  truth.set('sheet-0018.png', [record.candidates[0]!.id, record.candidates[4]!.id]);
  const otherRecord = value(service.query('exportRecord', { electionId: other }));
  const [otherBlank] = await blankPages(otherRecord, { dpi: 150 });
  writeFileSync(join(deckDir, 'sheet-0016.png'), await scanPng(otherBlank!, 150, r));
  const files = readdirSync(deckDir)
    .filter((f) => f.startsWith('sheet-'))
    .sort();
  copyFileSync(join(deckDir, files[3]!), join(deckDir, `sheet-0017${files[3]!.slice(-4)}`));
  genuine = truth.size;

  // The scanner writes the first half before the station watches, the rest while it watches.
  scanner = join(hall.dir, 'may-quet');
  mkdirSync(scanner);
  const all = readdirSync(deckDir)
    .filter((f) => f.startsWith('sheet-'))
    .sort();
  const stamped = all.map((name) => ({ name, bytes: readFileSync(join(deckDir, name)) }));
  for (const f of stamped.slice(0, 9)) writeFileSync(join(scanner, f.name), f.bytes);
  later = stamped.slice(9);

  browser = await launch();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(hall.url);
}, 180_000);

stepsInOrder(
  () => ({ browser, hall }),
  () => shot('scan-failed'),
);

describe('counting an election from a folder of scans, in Chromium', () => {
  it('opens the scanner mode of Nhập phiếu with a stack of the declared count', async () => {
    await page
      .locator('select.election-picker')
      .selectOption({ label: 'Bầu Ban Chấp hành khóa I — Đang kiểm phiếu' });
    await page.getByRole('button', { name: 'Nhập phiếu' }).click();
    await page.getByTestId('mode-scanner').click();
    await page.getByTestId('scan-idle').waitFor();
    await page.getByLabel('Số phiếu trong tập').fill(String(genuine));
    await page.getByRole('button', { name: 'Bắt đầu tập' }).click();
    await page.getByTestId('stack').getByText(`0 / ${genuine} phiếu`).waitFor();
    await page.getByTestId('scan-folder').fill(scanner);
    await page.getByTestId('scan-watch').click();
    // The rest of the stack arrives while the station watches.
    for (const f of later) writeFileSync(join(scanner, f.name), f.bytes);
  });

  it('reads every sheet; the doubtful ones wait on the review screen, zoomed on the line', async () => {
    await page.getByTestId('scan-review').waitFor({ timeout: 60_000 });
    await page
      .getByTestId('scan-rejected')
      .getByText('sheet-0016.png')
      .waitFor({ timeout: 60_000 });
  }, 120_000);

  it('decides each doubtful sheet from the paper with one key per line, then Enter', async () => {
    const names = new Map(
      value(service.query('election', { electionId })).candidates.map((c, i) => [c.code, i + 1]),
    );
    // Every genuine sheet and the other election's one are recorded; the copy is refused.
    const recorded = () => value(service.query('scans', { electionId }));
    for (let waited = 0; waited < 240; waited++) {
      const pending = recorded()
        .filter((s) => s.status === 'review' && s.decision === null)
        .sort((a, b) => a.seq - b.seq);
      if (pending.length === 0) {
        if (recorded().length >= genuine + 1) break;
        await page.waitForTimeout(250);
        continue;
      }
      const sheet = pending[0]!;
      await page
        .getByRole('heading', {
          name: new RegExp(`Duyệt tờ ${sheet.file.replace('.', '\\.')}`, 'u'),
        })
        .waitFor();
      const struck = truth.get(sheet.file)!;
      const keys = sheet.lines
        .filter((l) => l.struck === null || l.reasons.length > 0 || sheet.review.includes(l.id))
        .map((l) => (struck.includes(l.id) ? '1' : '0'));
      if (sheet.file === 'sheet-0018.png') {
        await page.getByTestId('review-zoom').waitFor();
        await shot('scan-01-review');
      }
      for (const k of keys) await page.keyboard.press(k);
      const shown = await page.getByTestId('review-ballot').innerText();
      const expected = struck.map((id) => names.get(id)!).sort((a, b) => a - b);
      expect(shown).toContain(expected.length ? expected.join(', ') : '—');
      await page.keyboard.press('Enter');
      await page.getByTestId('review-saved').waitFor();
    }
    expect(recorded().length).toBe(genuine + 1);
    await page.getByText('Không có tờ nào chờ duyệt.').waitFor({ timeout: 60_000 });
  }, 120_000);

  it('lists the other election’s sheet and the file fed twice with their reasons', async () => {
    await page.getByTestId('scan-rejected').getByText('phiếu của cuộc bầu khác').waitFor();
    const problems = value(service.query('scans', { electionId })).filter((s) =>
      s.file.startsWith('sheet-0017'),
    );
    expect(problems).toEqual([]);
    await shot('scan-02-done');
  });

  it('the stack reconciles, and every ballot is the truth', async () => {
    const scans = value(service.query('scans', { electionId }));
    const ballots = value(service.query('ballots', { electionId }));
    const read = scans.filter((s) => s.ballotN !== null);
    expect(read.length).toBe(genuine);
    for (const s of read) {
      const b = ballots.find((x) => x.n === s.ballotN)!;
      expect([...(b.body as { struck: string[] }).struck].sort()).toEqual(
        [...truth.get(s.file)!].sort(),
      );
    }
    await page.getByTestId('stack').getByRole('button', { name: 'Đóng tập' }).click();
    await page.getByTestId('stack').getByText('Khớp số phiếu của tập').waitFor();
    // The result is the one the truth's ballots give, counted by the engine from a record.
    const result = value(service.query('results', { electionId }));
    const expected = tallyRecord({
      ...record,
      ballots: {
        issued: genuine,
        entered: [...truth.values()].map((struck, i) => ({ n: i + 1, struck: [...struck] })),
      },
    } as ElectionRecord);
    expect(result.candidates.map((c) => [c.id, c.votes])).toEqual(
      expected.candidates.map((c) => [c.id, c.votes]),
    );
    expect(result.ballots.valid).toBe(expected.ballots.valid);
  });

  it('the pre-congress scanner test, in the app: the test deck scanned and judged ballot by ballot', async () => {
    const testDir = join(hall.dir, 'phieu-thu');
    await scanTestDeck(service, electionId, testDir);
    await page.getByTestId('scanner-test').locator('summary').click();
    await page.getByTestId('test-folder').fill(testDir);
    await page.getByRole('button', { name: 'Đọc và đối chiếu' }).click();
    await page.getByTestId('test-verdict').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('test-verdict').innerText()).toBe(
      vi.scan.testVerdictOk(SCAN_TEST_BALLOTS),
    );
    await page.getByTestId('test-verdict').scrollIntoViewIfNeeded();
    await shot('scan-03-scanner-test');
  }, 120_000);
});
