/**
 * Reading scanned files for an election: pages listed in order (file, page), decoded and read on
 * worker threads, then a two-sided ballot's sides joined. One outcome per sheet, in feed order.
 */
import type { ScanReason } from '../../core/scan/reasons.ts';
import type { ReviewReason } from '../../core/scan/read-sheet.ts';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Paper } from '../../core/documents/ballot-geometry.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { DEFAULT_THRESHOLDS, type ScanThresholds } from '../../core/scan/settings.ts';
import { pagesOf, type DecodeFailure, type PageEntry, type PageJob } from './decode.ts';
import { readPage, type LineOutcome, type PageOutcome } from './read-page.ts';
import { scanTarget } from './target.ts';

export interface SheetOutcome {
  readonly file: string;
  readonly page: number;
  readonly pages: number;
  readonly sha256: string | null;
  readonly status: 'read' | 'review' | 'rejected' | 'skipped';
  /** Why a sheet was rejected or skipped. */
  readonly reason?: ScanReason;
  readonly detail?: string;
  readonly lines?: readonly LineOutcome[];
  readonly review?: readonly string[];
  readonly reasons?: readonly ReviewReason[];
  readonly outsideMm2?: number;
  /** Per side read: ballot points to image pixels. */
  readonly transforms?: readonly (readonly number[])[];
}

interface Reader {
  read(job: PageJob, debug?: { dir: string; name: string }): Promise<PageOutcome>;
  close(): Promise<void>;
}

function inProcess(record: ElectionRecord, paper: Paper, thresholds: ScanThresholds): Reader {
  const target = scanTarget(record, paper);
  return {
    read: (job, debug) => readPage({ job, target, thresholds, ...(debug ? { debug } : {}) }),
    close: async () => {},
  };
}

/**
 * The worker's entry beside this module (TypeScript through tsx: the CLI and the browser host). A
 * bundle that carries no worker entry (the desktop app's main process) reads on its own thread.
 */
function workerEntry(): URL | null {
  try {
    const url = new URL('./worker-entry.mjs', import.meta.url);
    return existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/** Workers lost to crashes before the pool gives up (a worker that cannot even start). */
const RESTARTS = 8;

function pool(
  record: ElectionRecord,
  paper: Paper,
  thresholds: ScanThresholds,
  size: number,
  // The worker is TypeScript: its entry registers the same tsx loader as this process.
  url: URL,
): Reader {
  const waiting = new Map<number, (o: PageOutcome) => void>();
  // The job each worker is reading, so that a worker that dies fails that page alone.
  const busy = new Map<Worker, number>();
  const idle: Worker[] = [];
  const queue: (() => void)[] = [];
  const all = new Set<Worker>();
  let restarts = 0;
  let nextId = 0;
  let closing = false;
  const lost: PageOutcome = {
    status: 'failed',
    failure: { problem: 'reader-crashed' },
  };
  const finish = (id: number, outcome: PageOutcome) => {
    waiting.get(id)?.(outcome);
    waiting.delete(id);
  };
  const start = (): void => {
    const w = new Worker(url, {
      workerData: { record, paper, thresholds },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    all.add(w);
    w.on('message', (m: { id: number; outcome: PageOutcome }) => {
      busy.delete(w);
      finish(m.id, m.outcome);
      idle.push(w);
      queue.shift()?.();
    });
    const died = () => {
      if (!all.delete(w) || closing) return;
      const id = busy.get(w);
      busy.delete(w);
      const at = idle.indexOf(w);
      if (at >= 0) idle.splice(at, 1);
      if (id !== undefined) finish(id, lost);
      if (restarts++ < RESTARTS) {
        start();
        queue.shift()?.();
      } else if (all.size === 0) {
        // No reader left: every page still waiting is failed, never left hanging.
        for (const go of queue.splice(0)) go();
      }
    };
    w.on('error', died);
    w.on('exit', died);
    idle.push(w);
  };
  for (let i = 0; i < size; i++) start();
  return {
    read: (job, debug) =>
      new Promise<PageOutcome>((resolve) => {
        const go = () => {
          const w = idle.pop();
          const id = nextId++;
          waiting.set(id, resolve);
          if (w === undefined) {
            finish(id, lost);
            return;
          }
          busy.set(w, id);
          w.postMessage({ id, job, ...(debug ? { debug } : {}) });
        };
        if (idle.length > 0 || all.size === 0) go();
        else queue.push(go);
      }),
    close: async () => {
      closing = true;
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}

const failureReason = (f: DecodeFailure): { reason: ScanReason; detail?: string } => ({
  reason: f.problem,
  ...(f.detail === undefined ? {} : { detail: f.detail }),
});

function sheetName(entry: PageEntry): string {
  const base = entry.file.split(/[\\/]/u).pop() ?? 'sheet';
  return entry.pages > 1 ? `${base}-p${entry.page}` : base;
}

export async function scanFiles({
  record,
  files,
  paper = 'A4',
  thresholds = DEFAULT_THRESHOLDS,
  threads = Math.min(2, availableParallelism()),
  debugDir,
  onSheet,
  workerUrl,
}: {
  record: ElectionRecord;
  files: readonly string[];
  paper?: Paper;
  thresholds?: ScanThresholds;
  threads?: number;
  debugDir?: string;
  onSheet?: (done: number, listed: number) => void;
  /** Another worker entry (tests: one that crashes on a page). */
  workerUrl?: URL;
}): Promise<SheetOutcome[]> {
  const entries: PageEntry[] = [];
  const outcomes: Promise<PageOutcome>[] = [];
  let reader: Reader | null = null;
  let done = 0;
  let inFlight = 0;
  // Few jobs queued ahead of the readers: a long PDF's page images are not all held at once.
  const ahead = Math.max(4, 4 * threads);
  let wake: (() => void) | null = null;
  const workerAt = workerUrl ?? workerEntry();
  try {
    for await (const pages of pagesOf(files)) {
      for (const entry of pages) {
        entries.push(entry);
        if (entry.job === null) {
          outcomes.push(Promise.resolve({ status: 'failed', failure: entry.failure! }));
          onSheet?.(++done, entries.length);
          continue;
        }
        // Threads pay off from a few pages on (each one builds its blank ballot first).
        reader ??=
          threads > 1 && workerAt !== null && (files.length >= 4 || pages.length >= 4)
            ? pool(record, paper, thresholds, threads, workerAt)
            : inProcess(record, paper, thresholds);
        while (inFlight >= ahead) await new Promise<void>((resolve) => (wake = resolve));
        inFlight++;
        outcomes.push(
          reader
            .read(entry.job, debugDir ? { dir: debugDir, name: sheetName(entry) } : undefined)
            .then((outcome) => {
              inFlight--;
              wake?.();
              wake = null;
              onSheet?.(++done, entries.length);
              return outcome;
            }),
        );
      }
    }
    return joinSides(entries, await Promise.all(outcomes));
  } finally {
    await reader?.close();
  }
}

/** One sheet per page; a side 2 is joined to the side 1 just before it, or rejected alone. */
function joinSides(
  entries: readonly PageEntry[],
  outcomes: readonly PageOutcome[],
): SheetOutcome[] {
  const out: SheetOutcome[] = [];
  // For each sheet out: the sides read so far and the sides its code announces.
  const sides: { seen: number; of: number }[] = [];
  const push = (s: SheetOutcome, seen = 0, of = 0) => {
    out.push(s);
    sides.push({ seen, of });
  };
  entries.forEach((entry, i) => {
    const o = outcomes[i]!;
    const base = { file: entry.file, page: entry.page, pages: entry.pages, sha256: entry.sha256 };
    if (o.status === 'failed') {
      push({ ...base, status: 'rejected', ...failureReason(o.failure) });
      return;
    }
    if (o.status === 'rejected') {
      push({
        ...base,
        status: o.reason === 'blank' ? 'skipped' : 'rejected',
        reason: o.reason,
      });
      return;
    }
    if (o.code.side > 1) {
      const previous = out[out.length - 1];
      const prevOutcome = outcomes[i - 1];
      if (
        previous === undefined ||
        prevOutcome === undefined ||
        (prevOutcome.status !== 'read' && prevOutcome.status !== 'review') ||
        prevOutcome.code.side !== o.code.side - 1 ||
        previous.lines === undefined
      ) {
        push({ ...base, status: 'rejected', reason: 'missing-side' });
        return;
      }
      const reasons = [...new Set([...(previous.reasons ?? []), ...o.reasons])];
      out[out.length - 1] = {
        ...previous,
        status: reasons.length > 0 ? 'review' : 'read',
        lines: [...previous.lines, ...o.lines],
        review: [...(previous.review ?? []), ...o.review],
        reasons,
        outsideMm2: (previous.outsideMm2 ?? 0) + o.outsideMm2,
        transforms: [...(previous.transforms ?? []), o.transform],
      };
      sides[sides.length - 1]!.seen++;
      return;
    }
    push(
      {
        ...base,
        status: o.status,
        lines: o.lines,
        review: o.review,
        reasons: o.reasons,
        outsideMm2: o.outsideMm2,
        transforms: [o.transform],
      },
      1,
      o.code.sides,
    );
  });
  // A ballot whose later side never came is incomplete: nothing is counted from half a ballot.
  return out.map((s, i) => {
    const { seen, of } = sides[i]!;
    if (s.lines === undefined || seen === of) return s;
    const { file, page, pages, sha256 } = s;
    return { file, page, pages, sha256, status: 'rejected', reason: 'missing-side' };
  });
}
