/**
 * Scanned sheets into the congress file: a simulated deck fed through the host's intake becomes
 * ballots equal to the truth, a doubtful sheet waits for a person whose decision is kept beside the
 * reading, the same image fed twice is refused, the images are kept under their hashes beside the
 * file, and a sheet can be shown straightened with its lines.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ElectionRecord } from '../../core/record.ts';
import { ScanIntake } from '../../db/scan/intake.ts';
import { scansDir } from '../../db/scan/image-store.ts';
import { sheetImage } from '../../db/scan/sheet-image.ts';
import { verifyFile } from '../../db/verify.ts';
import { backupTo } from '../../db/backup.ts';
import { SCAN_TEST_BALLOTS } from '../../core/protocol/scan.ts';
import { runCli } from '../cli/run-cli.ts';
import { Service } from '../../db/service.ts';
import { countingElection, OPERATOR, refusals, value } from '../db/helpers.ts';
import { blankPages, geometryOf, markPage, rng, scanPng } from './deck.ts';
import { makeDeck, type TruthSheet } from './make-deck.ts';
import { scanTestDeck } from './scanned-pdf.ts';

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('scanning into the congress file', () => {
  // Not the helpers' per-test folders: every test here reads the one file the deck was fed into.
  const dir = mkdtempSync(join(tmpdir(), 'kp-intake-'));
  const deck = join(dir, 'deck');
  let service: Service;
  let electionId: number;
  let batchId: number;
  let record: ElectionRecord;
  let truth: TruthSheet[];
  let noteTruth: readonly string[];
  const intake = new ScanIntake(() => Date.now() + 60_000);
  let run: Awaited<ReturnType<ScanIntake['scan']>>;

  beforeAll(async () => {
    service = Service.open(join(dir, 'dai-hoi.kiemphieu'), { create: true, backups: false });
    electionId = countingElection(service, { seats: 2 });
    batchId = value(service.execute('openBatch', { electionId, declared: 8 }, OPERATOR)).batchId;
    record = value(service.query('exportRecord', { electionId }));
    const [blank] = await blankPages(record, { dpi: 200 });
    truth = await makeDeck({
      record,
      dir: deck,
      count: 7,
      seed: 5,
      dpi: 150,
      distractorShare: 0,
      blank: blank!,
    });
    // One sheet with a note written outside the lines: read, but sent to a person.
    const r = rng(9);
    noteTruth = [record.candidates[1]!.id];
    const page = markPage(
      blank!,
      geometryOf(record),
      { struck: noteTruth, distractors: ['note'] },
      r,
    );
    writeFileSync(join(deck, 'sheet-0008.png'), await scanPng(page, 150, r));
    const files = readdirSync(deck)
      .filter((f) => f.startsWith('sheet-'))
      .sort();
    run = await intake.scan(service, OPERATOR, {
      electionId,
      batchId,
      paths: files.map((f) => join(deck, f)),
    });
  }, 120_000);

  it('reads every sheet: the certain ones are ballots at once, the one with a note waits', () => {
    const summary = value(run);
    expect(summary).toMatchObject({ files: 8, sheets: 8, rejected: 0, skipped: 0, problems: [] });
    expect(summary.counted + summary.review).toBe(8);
    const scans = value(service.query('scans', { electionId }));
    const note = scans.find((s) => s.file === 'sheet-0008.png')!;
    expect(note.status).toBe('review');
    expect(note.reasons).toContain('ink-outside-lines');
    expect(note.ballotN).toBeNull();
    // Every certain sheet is the ballot the truth says, numbered in feed order.
    const ballots = value(service.query('ballots', { electionId }));
    for (const s of scans.filter((x) => x.status === 'read')) {
      const t = truth.find((x) => x.file === s.file)!;
      const b = ballots.find((x) => x.n === s.ballotN)!;
      expect(sorted((b.body as { struck: string[] }).struck)).toEqual(sorted(t.struck ?? []));
    }
    const ns = scans.filter((s) => s.ballotN !== null).map((s) => s.ballotN);
    expect(ns).toEqual([...ns].sort((a, b) => a! - b!));
  });

  it('a stack with a sheet in review cannot be closed, nor the election', () => {
    expect(refusals(service.execute('closeBatch', { batchId }, OPERATOR))[0]).toMatchObject({
      code: 'scans-undecided',
      count: value(run).review,
    });
    expect(refusals(service.execute('closeElection', { electionId }, OPERATOR))[0]?.code).toBe(
      'scans-undecided',
    );
  });

  it('the person decides from the paper: the decision is the ballot, beside the reading, with who', () => {
    for (const s of value(service.query('scans', { electionId })).filter(
      (x) => x.status === 'review',
    )) {
      const t =
        s.file === 'sheet-0008.png'
          ? noteTruth
          : (truth.find((x) => x.file === s.file)!.struck ?? []);
      value(
        service.execute(
          'decideScan',
          { electionId, scanId: s.id, ballot: { struck: [...t] } },
          OPERATOR,
        ),
      );
    }
    const scans = value(service.query('scans', { electionId }));
    const note = scans.find((s) => s.file === 'sheet-0008.png')!;
    expect(note.status).toBe('review');
    expect(note.lines.length).toBe(4);
    expect(note.decision).toMatchObject({ ballot: { struck: noteTruth }, by: OPERATOR.name });
    expect(note.ballotN).not.toBeNull();
    // Deciding twice is refused, naming why.
    expect(
      refusals(
        service.execute(
          'decideScan',
          { electionId, scanId: note.id, ballot: { struck: [] } },
          OPERATOR,
        ),
      )[0],
    ).toMatchObject({ code: 'scan-not-open', status: 'decided' });
    // The stack now reconciles exactly like a keyboard stack.
    expect(value(service.execute('closeBatch', { batchId }, OPERATOR))).toEqual({
      declared: 8,
      entered: 8,
      difference: 0,
    });
  });

  it('keeps every image under its SHA-256 beside the congress file', () => {
    const kept = readdirSync(scansDir(join(dir, 'dai-hoi.kiemphieu')));
    expect(kept).toHaveLength(8);
    for (const name of kept) {
      const bytes = readFileSync(join(scansDir(join(dir, 'dai-hoi.kiemphieu')), name));
      expect(name.startsWith(createHash('sha256').update(bytes).digest('hex'))).toBe(true);
    }
  });

  it('the same image fed again is refused as a duplicate, and nothing changes', async () => {
    const before = value(service.query('progress', { electionId }));
    const third = readdirSync(deck).find((f) => f.startsWith('sheet-0003'))!;
    const again = value(
      await intake.scan(service, OPERATOR, { electionId, paths: [join(deck, third)] }),
    );
    expect(again.problems[0]?.refusals?.[0]).toMatchObject({
      code: 'duplicate-scan',
      file: expect.stringMatching(/^sheet-0003/u),
    });
    expect(again.counted + again.review).toBe(0);
    expect(value(service.query('progress', { electionId }))).toEqual(before);
  });

  it('a watched folder gives each new settled file once, in name order', async () => {
    const watched = join(dir, 'watched');
    mkdirSync(watched);
    writeFileSync(join(watched, 'scan-10.png'), 'x');
    writeFileSync(join(watched, 'scan-9.png'), 'x');
    writeFileSync(join(watched, 'notes.txt'), 'x');
    const fresh = new ScanIntake(() => Date.now());
    // Just written: the scanner may still be writing them.
    expect(value(await fresh.newFiles(watched))).toEqual([]);
    const later = new ScanIntake(() => Date.now() + 5_000);
    expect(value(await later.newFiles(watched))).toEqual([
      join(watched, 'scan-9.png'),
      join(watched, 'scan-10.png'),
    ]);
    expect(value(await later.newFiles(watched))).toEqual([]);
    const t = new Date(Date.now() - 10_000);
    writeFileSync(join(watched, 'scan-9.png'), 'xy');
    utimesSync(join(watched, 'scan-9.png'), t, t);
    expect(value(await later.newFiles(watched))).toEqual([join(watched, 'scan-9.png')]);
    expect(refusals(await later.newFiles(join(dir, 'no-such-folder')))[0]).toMatchObject({
      code: 'file',
      path: 'folder',
    });
  });

  it('a look the settle time passes during still gives the files in name order', async () => {
    const watched = join(dir, 'crossing');
    mkdirSync(watched);
    const written = Date.now() - 60_000;
    const names = ['scan-1.png', 'scan-2.png', 'scan-3.png'];
    for (const [i, name] of names.entries()) {
      writeFileSync(join(watched, name), 'x');
      // Written a few milliseconds apart, as a scanner (or a test) writes a stack.
      const t = new Date(written + 2 * i);
      utimesSync(join(watched, name), t, t);
    }
    // A loaded host: the clock moves on 10 ms for every file looked at, and the first look falls
    // just before the first file settles.
    let reads = 0;
    const looking = new ScanIntake(() => written + 1_495 + 10 * reads++);
    const looks = [value(await looking.newFiles(watched)), value(await looking.newFiles(watched))];
    expect(looks.flat()).toEqual(names.map((n) => join(watched, n)));
    // A file still being written holds back the files named after it, even one written before it.
    writeFileSync(join(watched, 'scan-4.png'), 'x');
    writeFileSync(join(watched, 'scan-5.png'), 'x');
    const old = new Date(written);
    utimesSync(join(watched, 'scan-5.png'), old, old);
    let clock = Date.now();
    const later = new ScanIntake(() => clock);
    expect(value(await later.newFiles(watched))).toEqual(looks.flat());
    clock += 5_000;
    expect(value(await later.newFiles(watched))).toEqual(
      ['scan-4.png', 'scan-5.png'].map((n) => join(watched, n)),
    );
  });

  /** A congress file of its own with an election counting, and the folder its scanner writes to. */
  function hallWithFolder(name: string) {
    const path = join(dir, `${name}.kiemphieu`);
    const service = Service.open(path, { create: true, backups: false });
    const electionId = countingElection(service, { seats: 2 });
    const folder = join(dir, `watched-${name}`);
    mkdirSync(folder);
    /** The deck's sheet `i` written as the scanner names it: scan-(i+1), its own extension. */
    const feed = (i: number): string => {
      const file = truth[i]!.file;
      const fed = `scan-${i + 1}${file.slice(file.lastIndexOf('.'))}`;
      writeFileSync(join(folder, fed), readFileSync(join(deck, file)));
      return fed;
    };
    return { path, service, electionId, folder, feed };
  }

  it('a look at the folder refused whole (another run under way) takes nothing: the next look reads the file', async () => {
    const { service: busy, electionId, folder, feed } = hallWithFolder('busy');
    const stack = value(busy.execute('openBatch', { electionId, declared: 2 }, OPERATOR)).batchId;
    const fed = feed(0);
    const second = truth[1]!.file;
    const looking = new ScanIntake(() => Date.now() + 60_000);
    const into = { electionId, batchId: stack };
    const other = looking.scan(busy, OPERATOR, { ...into, paths: [join(deck, second)] });
    expect(
      refusals(await looking.scanFolder(busy, OPERATOR, { ...into, folder }))[0],
    ).toMatchObject({ code: 'scan-busy' });
    expect(value(await other)).toMatchObject({ sheets: 1, counted: 1 });
    expect(value(await looking.scanFolder(busy, OPERATOR, { ...into, folder }))).toMatchObject({
      files: 1,
      sheets: 1,
      counted: 1,
      problems: [],
    });
    expect(value(busy.query('scans', { electionId })).map((s) => s.file)).toEqual([second, fed]);
    await busy.close();
  });

  it('the congress file closing during a run waits for it: every sheet read is recorded, and a look after takes nothing', async () => {
    const { path, service: closing, electionId, folder, feed } = hallWithFolder('closing');
    const stack = value(
      closing.execute('openBatch', { electionId, declared: 3 }, OPERATOR),
    ).batchId;
    const fed = [0, 1, 2].map(feed);
    const looking = new ScanIntake(() => Date.now() + 60_000);
    const into = { electionId, batchId: stack, folder };
    const run = looking.scanFolder(closing, OPERATOR, into);
    // The hall closes its file while the sheets are still being read.
    const closed = closing.close();
    expect(value(await run)).toMatchObject({ files: 3, sheets: 3, problems: [] });
    await closed;
    // A look that began as the file closed is refused whole, and leaves the folder's files untaken.
    const fourth = feed(3);
    expect(refusals(await looking.scanFolder(closing, OPERATOR, into))[0]).toMatchObject({
      code: 'no-file',
    });
    const reopened = Service.open(path, { backups: false });
    const scanned = () => value(reopened.query('scans', { electionId })).map((s) => s.file);
    expect(scanned()).toEqual(fed);
    expect(value(await looking.scanFolder(reopened, OPERATOR, into)).problems).toEqual([]);
    expect(scanned()).toEqual([...fed, fourth]);
    await reopened.close();
  });

  it('a look whose run fails part way (images cannot be kept) leaves its files for the next look', async () => {
    const { path, service: failing, electionId, folder, feed } = hallWithFolder('full-disk');
    const fed = feed(0);
    // Where the images go is taken by a file: keeping one fails, as on a full or read-only disk.
    writeFileSync(scansDir(path), 'not a folder');
    const looking = new ScanIntake(() => Date.now() + 60_000);
    const into = { electionId, folder };
    await expect(looking.scanFolder(failing, OPERATOR, into)).rejects.toThrow();
    expect(value(failing.query('scans', { electionId }))).toEqual([]);
    rmSync(scansDir(path));
    expect(value(await looking.scanFolder(failing, OPERATOR, into))).toMatchObject({
      files: 1,
      sheets: 1,
      problems: [],
    });
    expect(value(failing.query('scans', { electionId })).map((s) => s.file)).toEqual([fed]);
    await failing.close();
  });

  it('a file that is not a readable image is reported by name and recorded nowhere', async () => {
    const junk = join(dir, 'junk');
    mkdirSync(junk);
    writeFileSync(join(junk, 'scan-1.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]));
    writeFileSync(join(junk, 'scan-2.png'), 'not an image');
    const before = value(service.query('scans', { electionId })).length;
    const other = countingElection(service, { seats: 1 });
    const result = value(
      await intake.scan(service, OPERATOR, {
        electionId: other,
        paths: [join(junk, 'scan-1.jpg'), join(junk, 'scan-2.png')],
      }),
    );
    expect(result.problems.map((p) => [p.file, p.reason])).toEqual([
      ['scan-1.jpg', 'corrupt'],
      ['scan-2.png', 'not-an-image'],
    ]);
    expect(value(service.query('scans', { electionId: other }))).toEqual([]);
    expect(value(service.query('scans', { electionId })).length).toBe(before);
  });

  it('shows a sheet straightened, upright, with its lines where the ballot has them', async () => {
    const s = value(service.query('scans', { electionId }))[0]!;
    const view = value(await sheetImage(join(dir, 'dai-hoi.kiemphieu'), record, s, 1));
    expect(view.scale).toBe(2);
    expect(view.lines.map((l) => l.number)).toEqual([1, 2, 3, 4]);
    const png = sharp(Buffer.from(view.base64, 'base64'));
    const meta = await png.metadata();
    expect([meta.width, meta.height]).toEqual([view.width, view.height]);
    expect(Math.abs(view.width - 1191)).toBeLessThanOrEqual(1);
    // The registration mark at the top left is where the geometry puts it: ink, upright.
    const geometry = geometryOf(record);
    const mark = geometry.sides[0]!.marks[0];
    const { data, info } = await png.raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) =>
      data[(Math.round(y * 2) * info.width + Math.round(x * 2)) * info.channels]!;
    expect(at(mark.x + mark.w / 2, mark.y + mark.h / 2)).toBeLessThan(100);
    expect(at(geometry.page.width / 2, geometry.page.height - 5)).toBeGreaterThan(180);
  });

  it('verify checks every kept image against its recorded SHA-256, and names a changed or missing one', async () => {
    const file = join(dir, 'dai-hoi.kiemphieu');
    const folder = scansDir(file);
    const good = verifyFile(service.db, { scans: folder });
    expect(good.problems).toEqual([]);
    expect(good.scansChecked).toBe(8);
    // A copy to a USB drive carries the images with it, checked.
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    const copy = value(await backupTo(service.db, file, usb, '2026-12-01T10:00:00.000Z'));
    expect(copy.verification.scansChecked).toBe(8);
    expect(readdirSync(scansDir(copy.path)).sort()).toEqual(readdirSync(folder).sort());
    const cli = await runCli(['verify', file, '--lang', 'en']);
    expect(cli.stdout).toMatch(
      /✓ Scanned images beside the file \(each with its recorded SHA-256\): 8/u,
    );
    const [first, second] = readdirSync(folder).sort();
    const firstSheet = value(service.query('scans', { electionId })).find((x) =>
      first!.startsWith(x.fileSha256),
    )!;
    writeFileSync(join(folder, first!), 'changed');
    rmSync(join(folder, second!));
    const bad = verifyFile(service.db, { scans: folder });
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.kind).sort()).toEqual(['scan-altered', 'scan-missing']);
    expect(bad.problems).toContainEqual({
      kind: 'scan-altered',
      file: firstSheet.file,
      sha256: firstSheet.fileSha256,
    });
    const after = await runCli(['verify', file]);
    expect(after.code).not.toBe(0);
    expect(after.stdout).toMatch(/✗ Ảnh quét bên cạnh tệp/u);
  });

  it('the pre-congress test: the printed test deck, scanned, is judged ballot by ballot', async () => {
    const testDir = join(dir, 'test-deck');
    await scanTestDeck(service, electionId, testDir);
    const pages = readdirSync(testDir).sort();
    expect(pages).toHaveLength(SCAN_TEST_BALLOTS);
    const all = value(await intake.test(service, { electionId, folder: testDir }));
    expect(all.matched).toBe(SCAN_TEST_BALLOTS);
    expect(all.ballots.every((b) => b.outcome === 'match')).toBe(true);
    // A sheet lost in the feeder: every later one is judged against the wrong ballot, and the
    // last is missing; the verdict is not a match.
    rmSync(join(testDir, pages[4]!));
    const short = value(await intake.test(service, { electionId, folder: testDir }));
    expect(short.matched).toBeLessThan(SCAN_TEST_BALLOTS);
    expect(short.ballots.at(-1)).toMatchObject({ n: SCAN_TEST_BALLOTS, outcome: 'missing' });
    // A test ballot is never a ballot of the election.
    const before = value(service.query('scans', { electionId })).length;
    const fed = value(
      await intake.scan(service, OPERATOR, { electionId, paths: [join(testDir, pages[0]!)] }),
    );
    expect(fed.rejected).toBe(1);
    expect(value(service.query('scans', { electionId })).at(-1)).toMatchObject({
      status: 'rejected',
      reason: 'other-election',
    });
    expect(value(service.query('scans', { electionId })).length).toBe(before + 1);
  }, 120_000);
});
