/**
 * Writes a deck of simulated scans with its truth: `npx tsx tests/scan/make-deck.ts RECORD.json
 * OUT_DIR COUNT [SEED] [DPI]`. Sheets with a distractor outside the lines are marked so.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import {
  blankPages,
  geometryOf,
  LINE_DISTRACTORS,
  markPage,
  OUTSIDE_DISTRACTORS,
  pick,
  randomScanner,
  randomVote,
  rng,
  scanPage,
  stampSeal,
  type Distractor,
  type Page,
} from './deck.ts';

export interface TruthSheet {
  readonly file: string;
  readonly struck?: readonly string[];
  readonly marks?: Readonly<Record<string, string>>;
  /** Distractors drawn; an outside one allows (and requires) review. */
  readonly distractors: readonly Distractor[];
}

export async function makeDeck({
  record,
  dir,
  count,
  seed = 1,
  dpi = 200,
  distractorShare = 0.2,
  colourShare,
  sealShare = 0,
  blank: given,
}: {
  record: ElectionRecord;
  dir: string;
  count: number;
  seed?: number;
  dpi?: number;
  distractorShare?: number;
  colourShare?: number;
  /** Sheets stamped with the committee's seal (drawn from their own seed: the rest is unchanged). */
  sealShare?: number;
  /** The blank ballot already rendered (at 200 dpi or more), to render it once for several decks. */
  blank?: Page;
}): Promise<TruthSheet[]> {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const geometry = geometryOf(record);
  const blank = given ?? (await blankPages(record, { dpi: Math.max(dpi, 200) }))[0];
  const truth: TruthSheet[] = [];
  const sealing = rng(seed ^ 0x5ea1);
  for (let i = 0; i < count; i++) {
    const vote = randomVote(record, r);
    const distractors: Distractor[] = [];
    if (r() < distractorShare) {
      distractors.push(pick(r, r() < 0.6 ? LINE_DISTRACTORS : OUTSIDE_DISTRACTORS));
    }
    const ink = pick(r, ['black', 'black', 'blue', 'red'] as const);
    const page = markPage(blank!, geometry, { ...vote, distractors, ink }, r);
    if (sealing() < sealShare) {
      stampSeal(page, geometry, sealing() < 0.7 ? 'red' : 'grey', sealing);
    }
    const scanner = randomScanner(
      r,
      dpi,
      colourShare === undefined ? {} : { colour: r() < colourShare },
    );
    const bytes = await scanPage(page, scanner, r);
    const file = `sheet-${String(i + 1).padStart(4, '0')}.${scanner.jpegQuality === null ? 'png' : 'jpg'}`;
    writeFileSync(join(dir, file), bytes);
    truth.push({ file, ...vote, distractors });
  }
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 1));
  return truth;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [recordFile, dir, count, seed, dpi] = process.argv.slice(2);
  const parsed = parseRecord(JSON.parse(readFileSync(recordFile!, 'utf8')));
  if (!parsed.ok) throw new Error('record refused');
  await makeDeck({
    record: parsed.value,
    dir: dir!,
    count: Number(count ?? 20),
    seed: Number(seed ?? 1),
    dpi: Number(dpi ?? 200),
  });
}
