/** `kiem-phieu scan RECORD.json FILE... [--json] [--debug DIR] [--scores] [--expect N]`. */
import { mkdir } from 'node:fs/promises';
import type { Paper } from '../core/documents/ballot-geometry.ts';
import { refusalText, type Lang } from '../core/refusal.ts';
import { scanFiles, type SheetOutcome } from '../db/scan/scan-files.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';
import { messages } from '../core/messages/index.ts';
import type { ScanReason } from '../core/scan/reasons.ts';

export interface ScanOptions {
  readonly record: string;
  readonly files: readonly string[];
  readonly json: boolean;
  readonly debug?: string;
  readonly scores: boolean;
  readonly expect?: number;
  readonly paper: Paper;
}

/** The sheet as election-record.md's `kiem-phieu/scan@1` says, with "page" for multi-page files. */
function jsonSheet(s: SheetOutcome, layout: 'strike' | 'approve', withScores: boolean): object {
  const base = { file: s.file, ...(s.pages > 1 ? { page: s.page } : {}), status: s.status };
  if (s.lines === undefined) {
    return { ...base, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}) };
  }
  const reading =
    layout === 'strike'
      ? { struck: s.lines.filter((l) => l.struck === 'struck').map((l) => l.id) }
      : {
          marks: Object.fromEntries(
            s.lines.filter((l) => l.mark !== null).map((l) => [l.id, l.mark]),
          ),
        };
  return {
    ...base,
    ...reading,
    review: s.review ?? [],
    ...(s.status === 'review' ? { reasons: s.reasons } : {}),
    sha256: s.sha256,
    ...(withScores
      ? {
          scores: Object.fromEntries(
            s.lines.map((l) => [l.id, layout === 'strike' ? l.strike : [l.agree, l.disagree]]),
          ),
        }
      : {}),
  };
}

function histogram(values: readonly number[]): string {
  const bins = new Array<number>(21).fill(0);
  for (const v of values) bins[Math.min(20, Math.floor(v / 50))]!++;
  const most = Math.max(1, ...bins);
  return bins
    .map((n, i) => {
      const label =
        i === 20 ? '1000' : `${String(i * 50).padStart(3)}–${String(i * 50 + 49).padStart(3)}`;
      return `  ${label.padEnd(9)} ${String(n).padStart(6)} ${'█'.repeat(Math.ceil((40 * n) / most))}`;
    })
    .join('\n');
}

export function scoreReport(
  sheets: readonly SheetOutcome[],
  layout: 'strike' | 'approve',
  lang: Lang,
): string {
  const lines = sheets.flatMap((s) => s.lines ?? []);
  const scores = lines.flatMap((l) => (layout === 'strike' ? [l.strike] : [l.agree, l.disagree]));
  // Each box with the reader's call on it: marked, unmarked, or null where it doubted the line.
  const calls = lines.flatMap((l) =>
    layout === 'strike'
      ? [{ score: l.strike, marked: l.struck === null ? null : l.struck === 'struck' }]
      : [
          {
            score: l.agree,
            marked: l.mark === null ? null : l.mark === 'agree' || l.mark === 'both',
          },
          {
            score: l.disagree,
            marked: l.mark === null ? null : l.mark === 'disagree' || l.mark === 'both',
          },
        ],
  );
  const marked = calls.filter((c) => c.marked === true).map((c) => c.score);
  const unmarked = calls.filter((c) => c.marked === false).map((c) => c.score);
  const lo = marked.length ? String(Math.min(...marked)) : '—';
  const hi = unmarked.length ? String(Math.max(...unmarked)) : '—';
  return `${messages(lang).scan.scores}\n${histogram(scores)}\n${messages(lang).scan.margin(lo, hi)}\n`;
}

/** Why a sheet was refused, skipped or doubted, in words. */
export const reasonText = (reason: ScanReason | undefined, lang: Lang): string =>
  reason === undefined ? '' : messages(lang).scan.reason[reason];

function humanSheet(
  s: SheetOutcome,
  i: number,
  layout: 'strike' | 'approve',
  lang: Lang,
  names: Map<string, string>,
): string {
  const where = `${messages(lang).scan.sheet} ${i + 1}: ${s.file}${s.pages > 1 ? ` (${messages(lang).scan.page} ${s.page})` : ''}`;
  if (s.lines === undefined) {
    return `${where} — ${messages(lang).scan.status[s.status]}: ${reasonText(s.reason, lang)}${s.detail ? ` (${s.detail})` : ''}`;
  }
  const reading =
    layout === 'strike'
      ? (() => {
          const struck = s.lines
            .filter((l) => l.struck === 'struck')
            .map((l) => names.get(l.id) ?? l.id);
          return struck.length
            ? `${messages(lang).scan.struck}: ${struck.join(', ')}`
            : messages(lang).scan.nothingStruck;
        })()
      : s.lines.map((l) => `${names.get(l.id) ?? l.id}: ${l.mark ?? '?'}`).join('; ');
  const doubt =
    s.status === 'review'
      ? ` — ${messages(lang).scan.uncertain}: ${[
          ...(s.review ?? []).map((id) => names.get(id) ?? id),
          ...(s.reasons ?? []).map((r) => reasonText(r, lang)),
        ].join('; ')}`
      : '';
  return `${where} — ${messages(lang).scan.status[s.status]}: ${reading}${doubt}`;
}

export async function scanCommand(o: ScanOptions, lang: Lang, io: CliIo): Promise<ExitCode> {
  const record = await readRecord(o.record);
  if (!record.ok) {
    io.err(
      `${messages(lang).cli.recordRefused(o.record)}\n${record.error.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
    );
    return EXIT.refused;
  }
  if (o.debug !== undefined) await mkdir(o.debug, { recursive: true });
  const sheets = await scanFiles({
    record: record.value,
    files: o.files,
    paper: o.paper,
    ...(o.debug === undefined ? {} : { debugDir: o.debug }),
  });
  const layout = record.value.election.layout;
  const ballots = sheets.filter((s) => s.status !== 'skipped');
  const count = (st: SheetOutcome['status']) => sheets.filter((s) => s.status === st).length;
  const counted = count('read') + count('review');
  const mismatch = o.expect !== undefined && o.expect !== counted;
  if (o.json) {
    io.out(
      `${JSON.stringify(
        {
          format: 'kiem-phieu/scan@1',
          sheets: ballots.map((s) => jsonSheet(s, layout, o.scores)),
          skipped: sheets
            .filter((s) => s.status === 'skipped')
            .map((s) => ({
              file: s.file,
              ...(s.pages > 1 ? { page: s.page } : {}),
              reason: s.reason,
            })),
          ...(o.expect === undefined ? {} : { declared: o.expect, counted }),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const names = new Map(record.value.candidates.map((c) => [c.id, c.name]));
    io.out(`${ballots.map((s, i) => humanSheet(s, i, layout, lang, names)).join('\n')}\n`);
    io.out(
      `${messages(lang).scan.summary(ballots.length, count('read'), count('review'), count('rejected'), count('skipped'))}\n`,
    );
    if (o.scores) io.out(scoreReport(sheets, layout, lang));
  }
  if (mismatch) io.err(`${messages(lang).scan.countMismatch(counted, o.expect!)}\n`);
  for (const s of sheets.filter((x) => x.status === 'rejected')) {
    io.err(
      `${s.file}${s.pages > 1 ? ` (${messages(lang).scan.page} ${s.page})` : ''}: ${reasonText(s.reason, lang)}${s.detail ? ` (${s.detail})` : ''}\n`,
    );
  }
  return count('rejected') > 0 || mismatch ? EXIT.refused : EXIT.done;
}
