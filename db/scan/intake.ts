/**
 * Scanned files into an election, as a station asks: files in feed order, or the new files of the
 * folder the scanner writes to. Each readable sheet is recorded through `recordScan` (its image
 * kept beside the congress file first); a file that is not a readable image is reported and
 * changes nothing. One run at a time per file; the station follows it through `progress`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  testBallots,
  testRecord,
  type TestBallot,
  type TestDeck,
} from '../../core/documents/ballot-test-deck.ts';
import {
  SCAN_TEST_BALLOTS,
  type ScanProblem,
  type ScanProgressView,
  type ScanRunView,
  type ScanTestView,
} from '../../core/protocol/scan.ts';
import type { ElectionRecord } from '../../core/record.ts';
import type { Refusal } from '../../core/refusal.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { DECODE_PROBLEMS } from '../../core/scan/reasons.ts';
import type { ScanSheetInput } from '../../core/scan/sheet-record.ts';
import type { Actor } from '../../core/views.ts';
import type { Service } from '../service.ts';
import * as store from '../store.ts';
import { MAX_FILE_BYTES } from './decode.ts';
import { keepImage, sha256Of } from './image-store.ts';
import { scanFiles, type SheetOutcome } from './scan-files.ts';
import { testVerdicts, type TestReading } from './test-verdict.ts';

/** What a scanner writes; anything else in the folder is not looked at. */
const SCAN_FILE = /\.(png|jpe?g|tiff?|pdf)$/iu;
/** A file younger than this may still be being written by the scanner: taken at the next look. */
const SETTLE_MS = 1_500;

const byName = new Intl.Collator('en', { numeric: true }).compare;

/** Where a run's sheets go: the election, and its open stack or the scanner pass under way. */
interface ScanInto {
  readonly electionId: number;
  readonly batchId?: number | undefined;
  readonly readingId?: number | undefined;
}

interface Run {
  electionId: number;
  listed: number;
  done: number;
  started: number;
}

export class ScanIntake {
  private run: Run | null = null;
  /** Files of a watched folder already taken, by path, with the size and time they had then. */
  private readonly looked = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  progress(): ScanProgressView | null {
    const r = this.run;
    return r === null
      ? null
      : {
          electionId: r.electionId,
          listed: r.listed,
          done: r.done,
          milliseconds: this.now() - r.started,
        };
  }

  /**
   * The folder's scan files not taken yet, in name order (the scanner numbers them), up to the
   * first one not settled: it and every file named after it wait for the next look, so sheets are
   * recorded in feed order however a look's timing falls across the files.
   */
  async newFiles(folder: string): Promise<Result<string[], Refusal[]>> {
    const names = await scanFilesOf(folder);
    if (!names.ok) return names;
    // One moment for the whole look. The clock moves on while the files are looked at one by one
    // (a stat each, slow on a loaded host): a cutoff taken per file took sheets 2 to 5 while still
    // passing over sheet 1, written milliseconds before them, and the next look put it after them.
    const now = this.now();
    const fresh: string[] = [];
    for (const name of names.value) {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (info === null || !info.isFile()) continue;
      const seen = `${info.size}\u0000${info.mtimeMs}`;
      if (this.looked.get(path) === seen) continue;
      if (now - info.mtimeMs < SETTLE_MS) break;
      this.looked.set(path, seen);
      fresh.push(path);
    }
    return ok(fresh);
  }

  /**
   * The watched folder's new files, read as one run. A run refused whole (another under way, the
   * election not counting) read none of them: they are taken again at the next look, never lost.
   */
  async scanFolder(
    service: Service,
    actor: Actor,
    request: ScanInto & { folder: string },
  ): Promise<Result<ScanRunView, Refusal[]>> {
    const { folder, ...into } = request;
    return service.whileOpen(async () => {
      const files = await this.newFiles(folder);
      if (!files.ok) return files;
      const forget = () => files.value.forEach((path) => this.looked.delete(path));
      // A run that failed part way (a full disk) is looked at again too: the sheets it recorded
      // come back as duplicates of themselves, the others are read.
      const done = await this.read(service, actor, { ...into, paths: files.value }).catch(
        (e: unknown) => {
          forget();
          throw e;
        },
      );
      if (!done.ok) forget();
      return done;
    });
  }

  /** The pre-congress test: every scan file of the folder, in name order, against the test deck. */
  async test(
    service: Service,
    request: { electionId: number; folder: string },
  ): Promise<Result<ScanTestView, Refusal[]>> {
    return service.whileOpen(() => this.readTest(service, request));
  }

  /** Files in feed order into the election, read and recorded while the file stays open. */
  async scan(
    service: Service,
    actor: Actor,
    request: ScanInto & { paths: readonly string[] },
  ): Promise<Result<ScanRunView, Refusal[]>> {
    return service.whileOpen(() => this.read(service, actor, request));
  }

  private async readTest(
    service: Service,
    request: { electionId: number; folder: string },
  ): Promise<Result<ScanTestView, Refusal[]>> {
    const record = this.recordWhenIdle(service, request.electionId);
    if (!record.ok) return record;
    const names = await scanFilesOf(request.folder);
    if (!names.ok) return names;
    const test = testRecord(record.value);
    const deck: TestDeck = {
      format: 'kiem-phieu/scan-test@1',
      election: test.election.id,
      round: test.election.round,
      layout: test.election.layout,
      paper: 'A4',
      sides: 1,
      ballots: testBallots(test, SCAN_TEST_BALLOTS),
    };
    return this.asRun(request.electionId, names.value.length, async (onSheet) => {
      const sheets = await scanFiles({
        record: test,
        files: names.value.map((n) => join(request.folder, n)),
        onSheet,
      });
      const verdicts = testVerdicts(deck, sheets);
      const asIds = (r: TestReading | TestBallot) => ('struck' in r ? r.struck : r.marks);
      return ok({
        ballots: verdicts.map((v) => ({
          n: v.n,
          outcome: v.outcome,
          ...('sheet' in v
            ? {
                file: basename(v.sheet.file),
                page: v.sheet.page,
                status: v.sheet.status,
                ...(v.sheet.reason === undefined ? {} : { reason: v.sheet.reason }),
              }
            : {}),
          ...('got' in v ? { got: asIds(v.got) } : {}),
          ...('expected' in v ? { expected: asIds(v.expected) } : {}),
        })),
        matched: verdicts.filter((v) => v.outcome === 'match').length,
        total: deck.ballots.length,
      });
    });
  }

  private async read(
    service: Service,
    actor: Actor,
    request: ScanInto & { paths: readonly string[] },
  ): Promise<Result<ScanRunView, Refusal[]>> {
    const record = this.recordWhenIdle(service, request.electionId);
    if (!record.ok) return record;
    return this.asRun(request.electionId, request.paths.length, async (onSheet, started) => {
      const known = store.scannedFiles(service.db, request.electionId);
      const problems: ScanProblem[] = [];
      const fileSha = new Map<string, string>();
      const toRead: string[] = [];
      for (const path of request.paths) {
        const info = await stat(path).catch(() => null);
        // Too large or unreadable: the reader says why, with the same words as for any file.
        if (info === null || !info.isFile() || info.size > MAX_FILE_BYTES) {
          toRead.push(path);
          continue;
        }
        const sha = sha256Of(await readFile(path));
        if (known.has(sha)) {
          problems.push({
            file: basename(path),
            page: 1,
            refusals: [{ code: 'duplicate-scan', file: basename(path), page: 1, path: 'file' }],
          });
          continue;
        }
        fileSha.set(path, sha);
        toRead.push(path);
      }
      const sheets = await scanFiles({
        record: record.value,
        files: toRead,
        onSheet,
      });
      const tally = { counted: 0, review: 0, rejected: 0, skipped: 0 };
      // A file's image is kept once, before the first of its sheets is recorded.
      const kept = new Set<string>();
      for (const sheet of sheets) {
        const file = basename(sheet.file);
        const sha = fileSha.get(sheet.file);
        if (sheet.sha256 === null || sha === undefined || isDecodeFailure(sheet)) {
          problems.push({
            file,
            page: sheet.page,
            ...(sheet.reason ? { reason: sheet.reason } : {}),
            ...(sheet.detail ? { detail: sheet.detail } : {}),
          });
          continue;
        }
        if (!kept.has(sha)) {
          await keepImage(service.path, await readFile(sheet.file), sha, file);
          kept.add(sha);
        }
        const done = service.execute(
          'recordScan',
          {
            electionId: request.electionId,
            ...(request.batchId === undefined ? {} : { batchId: request.batchId }),
            ...(request.readingId === undefined ? {} : { readingId: request.readingId }),
            sheet: sheetInput(sheet, file, sha),
          },
          actor,
        );
        if (!done.ok) {
          problems.push({ file, page: sheet.page, refusals: done.error });
          continue;
        }
        if (sheet.status === 'read') tally.counted++;
        else tally[sheet.status]++;
      }
      return ok({
        files: toRead.length,
        sheets: sheets.length,
        ...tally,
        problems,
        milliseconds: this.now() - started,
      });
    });
  }

  /** The election's record, unless a run is under way: one at a time per file. */
  private recordWhenIdle(service: Service, electionId: number): Result<ElectionRecord, Refusal[]> {
    if (this.run !== null)
      return err([
        { code: 'scan-busy', done: this.run.done, listed: this.run.listed, path: 'electionId' },
      ]);
    return service.query('exportRecord', { electionId });
  }

  /** `work` as this file's run, which `progress` follows through the `onSheet` it is given. */
  private async asRun<T>(
    electionId: number,
    listed: number,
    work: (onSheet: (done: number, listed: number) => void, started: number) => Promise<T>,
  ): Promise<T> {
    const started = this.now();
    this.run = { electionId, listed, done: 0, started };
    try {
      return await work((done, listed) => {
        if (this.run) Object.assign(this.run, { done, listed });
      }, started);
    } finally {
      this.run = null;
    }
  }
}

/** The scan files of a folder, in name order (the scanner numbers them). */
async function scanFilesOf(folder: string): Promise<Result<string[], Refusal[]>> {
  try {
    return ok((await readdir(folder)).filter((n) => SCAN_FILE.test(n)).sort(byName));
  } catch (e) {
    return err([
      { code: 'file', reason: (e as NodeJS.ErrnoException).code ?? String(e), path: 'folder' },
    ]);
  }
}

/** A page the reader could not even decode: nothing of it is a sheet to keep. */
const isDecodeFailure = (s: SheetOutcome): boolean =>
  s.status === 'rejected' &&
  s.lines === undefined &&
  s.reason !== undefined &&
  DECODE_FAILURES.has(s.reason);

const DECODE_FAILURES: ReadonlySet<string> = new Set(DECODE_PROBLEMS);

const perMille = (v: number): number => Math.max(0, Math.min(1000, Math.round(v)));

function sheetInput(s: SheetOutcome, file: string, fileSha256: string): ScanSheetInput {
  return {
    file,
    page: s.page,
    pages: s.pages,
    sha256: s.sha256!,
    fileSha256,
    status: s.status,
    ...(s.reason === undefined ? {} : { reason: s.reason }),
    ...(s.detail === undefined ? {} : { detail: s.detail }),
    ...(s.lines === undefined
      ? {}
      : {
          lines: s.lines.map((l) => ({
            id: l.id,
            strike: perMille(l.strike),
            agree: perMille(l.agree),
            disagree: perMille(l.disagree),
            struck: l.struck,
            mark: l.mark,
            reasons: [...l.reasons],
          })),
        }),
    review: [...(s.review ?? [])],
    reasons: [...(s.reasons ?? [])],
    outsideMm2: s.outsideMm2 ?? 0,
    transforms: (s.transforms ?? []).map((t) => [...t]),
  };
}
