/**
 * `readPeopleSheetInWorker`: the spreadsheet read on a worker thread with a heap cap and a time
 * limit, killed when it passes either, so a hostile file never stalls or kills the process that
 * answers the stations (the server, or Electron's main process). Both hosts reach it through
 * db/api.ts's sheet preview.
 *
 * The worker's entry is found beside this module, whatever runs it:
 * - a bundle (esbuild) ships it as `people-sheet-worker.cjs` (or `.js`) next to the bundle, built
 *   from db/people-sheet/worker.ts; `import.meta.dirname` is then the bundle's folder;
 * - from the sources (tsx, vitest, `npm start`) it is `worker.ts` here, started through tsx's
 *   loader, registered inside the worker, since a worker does not share its parent's loaders.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { err, type Result } from '../../core/result.ts';
import { SHEET_LIMITS } from './limits.ts';
import type { PeopleSheet, ReadPeopleSheetInput, SheetProblem } from './types.ts';

export const BUNDLED_WORKER_NAMES = ['people-sheet-worker.cjs', 'people-sheet-worker.js'] as const;

type Start = (options: WorkerOptions) => Worker;

function workerStarter(): Start {
  const here = import.meta.dirname;
  // Inside a CommonJS bundle (the desktop app), the worker's own bundle sits beside it.
  const bundleDir = typeof __dirname === 'string' ? __dirname : undefined;
  for (const dir of [bundleDir, here]) {
    for (const name of dir === undefined ? [] : BUNDLED_WORKER_NAMES) {
      const bundled = join(dir!, name);
      if (existsSync(bundled)) return (options) => new Worker(bundled, options);
    }
  }
  const source = join(here, 'worker.ts');
  if (!existsSync(source)) {
    throw new Error(
      `people-sheet worker not found beside ${here}: bundle db/people-sheet/worker.ts as ${BUNDLED_WORKER_NAMES[0]}`,
    );
  }
  const boot =
    `import(${JSON.stringify(tsxEsmApi(source))})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); });`;
  return (options) => new Worker(boot, { ...options, eval: true });
}

/** tsx's ESM API (its CommonJS build cannot register from an eval'd worker), per its exports. */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const exports = (
    JSON.parse(readFileSync(manifest, 'utf8')) as {
      exports: Record<string, { import: { default: string } }>;
    }
  ).exports;
  const entry = exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error('tsx has no ./esm/api export');
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

let start: Start | undefined;

export interface WorkerLimits {
  readonly seconds: number;
  readonly heapMb: number;
}

type Reply = Result<PeopleSheet, SheetProblem[]>;

/** A reader thread, kept warm between files (starting one costs a second), reading one at a time. */
interface Reader {
  readonly worker: Worker;
  readonly heapMb: number;
  /** The read in progress, settled by the worker's answer or by its end. */
  pending?: (reply: { id: number; result: Reply } | { failure: Error & { code?: string } }) => void;
  /** Ends the thread when no file came for a while: its heap goes back to the host. */
  idleTimer?: ReturnType<typeof setTimeout>;
}

const IDLE_MS = 60_000;

/** At most this many files are read at once; the others wait their turn. */
const PARALLEL = 2;
const idle: Reader[] = [];
let running = 0;
const waiting: (() => void)[] = [];
let nextId = 1;

function newReader(heapMb: number): Reader {
  start ??= workerStarter();
  const worker = start({
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: 32,
      stackSizeMb: 8,
    },
  });
  const reader: Reader = { worker, heapMb };
  worker.on('message', (reply: { id: number; result: Reply }) => reader.pending?.(reply));
  worker.on('error', (failure: Error) => reader.pending?.({ failure }));
  worker.on('exit', (code) => {
    const at = idle.indexOf(reader);
    if (at >= 0) idle.splice(at, 1);
    reader.pending?.({ failure: new Error(`the reader stopped (exit ${code})`) });
  });
  return reader;
}

async function acquire(heapMb: number): Promise<Reader> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  const warm = idle.findIndex((r) => r.heapMb === heapMb);
  const reader = warm >= 0 ? idle.splice(warm, 1)[0]! : newReader(heapMb);
  clearTimeout(reader.idleTimer);
  reader.worker.ref();
  return reader;
}

function release(reader: Reader, healthy: boolean): void {
  running--;
  if (healthy) {
    // An idle reader never keeps the process alive, and ends after a while.
    reader.worker.unref();
    reader.idleTimer = setTimeout(() => void reader.worker.terminate(), IDLE_MS);
    reader.idleTimer.unref();
    idle.push(reader);
    if (idle.length > PARALLEL) void idle.shift()?.worker.terminate();
  } else {
    void reader.worker.terminate();
  }
  waiting.shift()?.();
}

/** readPeopleSheet, on a worker thread that is killed past `limits`. */
export async function readPeopleSheetInWorker(
  input: ReadPeopleSheetInput,
  limits: WorkerLimits = SHEET_LIMITS,
): Promise<Reply> {
  const { fileName } = input;
  const reader = await acquire(limits.heapMb);
  const id = nextId++;
  let healthy = false;
  try {
    return await new Promise<Reply>((resolve) => {
      const timer = setTimeout(() => {
        reader.pending = undefined;
        resolve(err([{ code: 'over-limit', fileName, limit: 'time', max: limits.seconds }]));
      }, limits.seconds * 1000);
      reader.pending = (reply) => {
        reader.pending = undefined;
        clearTimeout(timer);
        if ('result' in reply) {
          healthy = reply.id === id;
          resolve(reply.result);
          return;
        }
        const { failure } = reply;
        resolve(
          err([
            failure.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? { code: 'over-limit', fileName, limit: 'memory', max: limits.heapMb }
              : { code: 'unreadable', fileName, reason: failure.message },
          ]),
        );
      };
      reader.worker.postMessage({ id, input });
    });
  } finally {
    release(reader, healthy);
  }
}
