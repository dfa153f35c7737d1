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
import { scanTestDeck, testRecord, type TestDeck } from '../core/documents/ballot-test-deck.ts';
import type { ElectionRecord } from '../core/record.ts';
import { refusalText, type Lang } from '../core/refusal.ts';
import { layoutFingerprint } from '../db/fingerprint.ts';
import { renderPdf } from '../db/pdf/render.ts';
import { scanFiles, type SheetOutcome } from '../db/scan/scan-files.ts';
import { testVerdicts } from '../db/scan/test-verdict.ts';
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
  const sheets = await scanFiles({
    record: testRecord(record.value),
    files: o.files,
    paper: deck.paper,
  });
  const names = namesOf(record.value);
  const m = messages(lang);
  const out: string[] = [];
  const at = (s: SheetOutcome) => `${s.file}${s.pages > 1 ? ` (${m.scan.page} ${s.page})` : ''}`;
  const verdicts = testVerdicts(deck, sheets);
  for (const v of verdicts) {
    const head = `${m.scan.testBallot} ${v.n}`;
    switch (v.outcome) {
      case 'match':
        out.push(`${head} (${at(v.sheet)}): ${m.scan.testMatch}`);
        break;
      case 'missing':
        out.push(`${head}: ${m.scan.testMismatch} — ${m.scan.testMissing}`);
        break;
      case 'extra':
        out.push(
          `${m.scan.testExtra}: ${v.sheet.file}${v.sheet.pages > 1 ? ` (${v.sheet.page})` : ''}`,
        );
        break;
      case 'mismatch': {
        const s = v.sheet;
        const why =
          s.status === 'rejected'
            ? `${m.scan.status.rejected}: ${reasonText(s.reason, lang)}`
            : s.status === 'review'
              ? `${m.scan.testReview} (${(s.reasons ?? []).map((r) => reasonText(r, lang)).join(', ')}); ${m.scan.status.read}: ${describeBallot(v.got, names, lang)}`
              : `${m.scan.status.read}: ${describeBallot(v.got, names, lang)}`;
        out.push(
          `${head} (${at(s)}): ${m.scan.testMismatch} — ${why}; ${m.scan.testExpected}: ${describeBallot(v.expected, names, lang)}`,
        );
        break;
      }
    }
  }
  const bad = verdicts.filter((v) => v.outcome !== 'match').length;
  out.push(
    bad === 0
      ? messages(lang).scan.testVerdictOk(deck.ballots.length)
      : messages(lang).scan.testVerdictBad(bad, deck.ballots.length),
  );
  io.out(`${out.join('\n')}\n`);
  return bad === 0 ? EXIT.done : EXIT.refused;
}
