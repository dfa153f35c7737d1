/**
 * `node --import tsx tests/hostile/sheets-measure.ts [reader] [timeout-s] [heap-mb]`: time and
 * peak memory (max RSS, worker threads included) of reading each hostile spreadsheet, each in a
 * fresh process. `reader` is `readPeopleSheetInWorker` (default) or `readPeopleSheet` (the
 * reader on the calling thread, as it was before the limits). Figures for the closing note.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as files from './sheets-files.ts';

const [, , mode = 'readPeopleSheetInWorker', timeoutArg = '60', heapArg = '2048', only] =
  process.argv;

if (mode === 'child') {
  const [, , , reader, path, fileName] = process.argv as string[];
  const sheets = (await import('../../db/people-sheet.ts')) as Record<string, unknown>;
  const read = sheets[reader as string] as (input: {
    bytes: Uint8Array;
    fileName: string;
  }) => Promise<{ ok: boolean; value?: { people: unknown[] }; error?: unknown[] }>;
  const started = performance.now();
  const result = await read({
    bytes: new Uint8Array(readFileSync(path as string)),
    fileName: fileName as string,
  });
  const messages = sheets['problemText'] as (p: unknown, lang: 'en') => string;
  console.log(
    result.ok
      ? `read ${result.value?.people.length} people`
      : `refused: ${(result.error ?? []).map((p) => messages(p, 'en')).join(' | ')}`,
  );
  console.log(`readms ${Math.round(performance.now() - started)}`);
  console.log(`maxrss ${process.resourceUsage().maxRSS}`);
  process.exit(0);
}

const CASES: [string, string, () => Uint8Array | Promise<Uint8Array>][] = [
  ['clean list of 2 (baseline)', 'clean.xlsx', () => files.cleanXlsx()],
  ['far cell XFD1048576', 'far.xlsx', files.farCellXlsx],
  ['mergeCell A3:XFD1048576', 'merge.xlsx', files.hugeMergeXlsx],
  ['zip bomb 4 GiB, honest sizes', 'bomb.xlsx', () => files.zipBombXlsx(4000, 'honest')],
  ['zip bomb 4 GiB, lying sizes', 'bomb-lying.xlsx', () => files.zipBombXlsx(4000, 'lying')],
  ['1,000,000-row sheet', 'million.xlsx', files.millionRowsXlsx],
  ['1,000,000-row CSV', 'million.csv', files.millionRowsCsv],
  ['100,000 identical names CSV', 'same.csv', () => files.identicalNamesCsv()],
  ['unterminated quote + 20M chars', 'quote.csv', () => files.unterminatedQuoteCsv(20_000_000)],
];

/** Runs one read in a fresh process; peak memory is its VmHWM, sampled until it ends or is killed. */
function measure(
  reader: string,
  path: string,
  fileName: string,
  timeoutS: number,
): Promise<{ seconds: number; readSeconds?: number; peakMb: number; outcome: string }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${heapArg}`,
      '--import',
      'tsx',
      'tests/hostile/sheets-measure.ts',
      'child',
      reader,
      path,
      fileName,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let errText = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (errText += d.toString()));
  let peakKb = 0;
  const sample = (): void => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0));
    } catch {
      // ended
    }
  };
  const sampler = setInterval(sample, 50);
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    sample();
    child.kill('SIGKILL');
  }, timeoutS * 1000);
  return new Promise((done) => {
    child.on('exit', (code) => {
      clearInterval(sampler);
      clearTimeout(timer);
      const last = Number(/maxrss (\d+)/u.exec(out)?.[1] ?? 0);
      peakKb = Math.max(peakKb, last);
      const lines = out
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('maxrss') && !l.startsWith('readms'));
      const readMs = /readms (\d+)/u.exec(out)?.[1];
      const outcome = killed
        ? `killed after ${timeoutS} s`
        : code === 0
          ? (lines.pop() ?? '').slice(0, 160)
          : `crashed (exit ${code}): ${errText.split('\n').find((l) => /Error|heap/u.test(l)) ?? ''}`.slice(
              0,
              160,
            );
      done({
        seconds: (Date.now() - started) / 1000,
        readSeconds: readMs === undefined ? undefined : Number(readMs) / 1000,
        peakMb: Math.round(peakKb / 1024),
        outcome,
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sheets-measure-'));
try {
  for (const [label, fileName, make] of CASES) {
    if (only !== undefined && !label.includes(only)) continue;
    const bytes = await make();
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    const { seconds, readSeconds, peakMb, outcome } = await measure(
      mode,
      path,
      fileName,
      Number(timeoutArg),
    );
    const read = readSeconds === undefined ? '      —' : readSeconds.toFixed(2).padStart(7);
    console.log(
      `${label.padEnd(34)} ${(bytes.length / 1024).toFixed(0).padStart(7)} KB ${read} s read ${seconds.toFixed(2).padStart(7)} s process ${String(peakMb).padStart(6)} MB  ${outcome}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
