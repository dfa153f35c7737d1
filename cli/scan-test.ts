/**
 * `kiem-phieu scan-test`: the pre-congress scanner test.
 *   scan-test RECORD.json --pdf DECK.pdf --out EXPECTED.json [--count N] [--paper A4|A5]
 *     prints a deck of pre-marked ballots and the reading each must give;
 *   scan-test RECORD.json --expected EXPECTED.json FILE...
 *     reads the scans of that deck and gives a verdict ballot by ballot: khớp (match) or not.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Paper } from '../core/documents/ballot-geometry.ts';
import {
  scanTestDeck,
  testRecord,
  type TestBallot,
  type TestDeck,
} from '../core/documents/ballot-test-deck.ts';
import type { ElectionRecord } from '../core/record.ts';
import { refusalText, type Lang } from '../core/refusal.ts';
import { layoutFingerprint } from '../db/fingerprint.ts';
import { renderPdf } from '../db/pdf/render.ts';
import { scanFiles, type SheetOutcome } from '../db/scan/scan-files.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';
import { messages } from '../core/messages/index.ts';
import type { Mark } from '../core/codes.ts';
import { reasonText } from './scan.ts';

const deckSchema = z.object({
  format: z.literal('kiem-phieu/scan-test@1'),
  election: z.string(),
  round: z.int(),
  layout: z.enum(['strike', 'approve']),
  paper: z.enum(['A4', 'A5']),
  sides: z.int().min(1).max(2),
  ballots: z
    .array(
      z.union([
        z.object({ n: z.int(), struck: z.array(z.string()) }),
        z.object({
          n: z.int(),
          marks: z.record(z.string(), z.enum(['agree', 'disagree', 'both', 'none'])),
        }),
      ]),
    )
    .min(1)
    .max(10_000),
});

function describeBallot(
  reading: { struck?: readonly string[]; marks?: Readonly<Record<string, string>> },
  names: Map<string, string>,
  lang: Lang,
): string {
  if (reading.struck !== undefined) {
    return reading.struck.length === 0
      ? messages(lang).scan.nothingStruck
      : `${messages(lang).scan.struck}: ${reading.struck.map((id) => names.get(id) ?? id).join(', ')}`;
  }
  return Object.entries(reading.marks ?? {})
    .map(([id, m]) => `${names.get(id) ?? id}: ${messages(lang).scan.mark[m as Mark] ?? m}`)
    .join('; ');
}

const namesOf = (record: ElectionRecord) => new Map(record.candidates.map((c) => [c.id, c.name]));

export async function scanTestPrint(
  o: { record: string; pdf: string; out: string; count: number; paper: Paper },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  const record = await readRecord(o.record);
  if (!record.ok) return refused(io, lang, o.record, record.error);
  const { document, deck } = scanTestDeck({
    record: record.value,
    paper: o.paper,
    count: o.count,
    layoutFingerprint: layoutFingerprint(testRecord(record.value)),
  });
  await writeFile(o.pdf, await renderPdf(document));
  await writeFile(o.out, `${JSON.stringify(deck, null, 2)}\n`);
  const names = namesOf(record.value);
  io.out(
    `${deck.ballots.map((b) => `${messages(lang).scan.testBallot} ${b.n}: ${describeBallot(b, names, lang)}`).join('\n')}\n${messages(lang).scan.testWritten(o.pdf, o.out, deck.ballots.length)}\n`,
  );
  return EXIT.done;
}

function refused(
  io: CliIo,
  lang: Lang,
  file: string,
  errors: readonly Parameters<typeof refusalText>[0][],
): ExitCode {
  io.err(
    `${messages(lang).cli.recordRefused(file)}\n${errors.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
  );
  return EXIT.refused;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** The reading of one sheet as a deck entry, or why it has none. */
function readingOf(s: SheetOutcome, layout: 'strike' | 'approve') {
  const lines = s.lines ?? [];
  return layout === 'strike'
    ? { struck: lines.filter((l) => l.struck === 'struck').map((l) => l.id) }
    : { marks: Object.fromEntries(lines.map((l) => [l.id, l.mark ?? '?'])) };
}

function matches(s: SheetOutcome, expected: TestBallot, layout: 'strike' | 'approve'): boolean {
  if (s.status !== 'read') return false;
  const got = readingOf(s, layout);
  if ('struck' in expected) return got.struck !== undefined && sameSet(got.struck, expected.struck);
  const marks = got.marks ?? {};
  const ids = new Set([...Object.keys(marks), ...Object.keys(expected.marks)]);
  return [...ids].every((id) => marks[id] === (expected.marks[id] ?? 'none'));
}

export async function scanTestCheck(
  o: { record: string; expected: string; files: readonly string[]; paper?: Paper },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  const record = await readRecord(o.record);
  if (!record.ok) return refused(io, lang, o.record, record.error);
  let deck: TestDeck;
  try {
    const parsed = deckSchema.safeParse(JSON.parse(await readFile(o.expected, 'utf8')));
    if (!parsed.success) throw new Error('shape');
    deck = parsed.data;
  } catch {
    io.err(`${messages(lang).scan.testBadExpected(o.expected)}\n`);
    return EXIT.refused;
  }
  if (deck.election !== record.value.election.id || deck.round !== record.value.election.round) {
    io.err(`${messages(lang).scan.testOtherElection(o.expected)}\n`);
    return EXIT.refused;
  }
  const sheets = (
    await scanFiles({ record: testRecord(record.value), files: o.files, paper: deck.paper })
  ).filter((s) => s.status !== 'skipped');
  const names = namesOf(record.value);
  const layout = deck.layout;
  const out: string[] = [];
  let bad = 0;
  deck.ballots.forEach((expected, i) => {
    const s = sheets[i];
    const head = `${messages(lang).scan.testBallot} ${expected.n}`;
    if (s === undefined) {
      bad++;
      out.push(`${head}: ${messages(lang).scan.testMismatch} — ${messages(lang).scan.testMissing}`);
      return;
    }
    const where = `${s.file}${s.pages > 1 ? ` (${messages(lang).scan.page} ${s.page})` : ''}`;
    if (matches(s, expected, layout)) {
      out.push(`${head} (${where}): ${messages(lang).scan.testMatch}`);
      return;
    }
    bad++;
    const why =
      s.status === 'rejected'
        ? `${messages(lang).scan.status.rejected}: ${reasonText(s.reason, lang)}`
        : s.status === 'review'
          ? `${messages(lang).scan.testReview} (${(s.reasons ?? []).map((r) => reasonText(r, lang)).join(', ')}); ${messages(lang).scan.status.read}: ${describeBallot(readingOf(s, layout), names, lang)}`
          : `${messages(lang).scan.status.read}: ${describeBallot(readingOf(s, layout), names, lang)}`;
    out.push(
      `${head} (${where}): ${messages(lang).scan.testMismatch} — ${why}; ${messages(lang).scan.testExpected}: ${describeBallot(expected, names, lang)}`,
    );
  });
  for (const s of sheets.slice(deck.ballots.length)) {
    bad++;
    out.push(`${messages(lang).scan.testExtra}: ${s.file}${s.pages > 1 ? ` (${s.page})` : ''}`);
  }
  out.push(
    bad === 0
      ? messages(lang).scan.testVerdictOk(deck.ballots.length)
      : messages(lang).scan.testVerdictBad(bad, deck.ballots.length),
  );
  io.out(`${out.join('\n')}\n`);
  return bad === 0 ? EXIT.done : EXIT.refused;
}
