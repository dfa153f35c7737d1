/**
 * Ink anywhere on the sheet inside the registration marks, not only among the lines: a signature in
 * the heading, a note in the bottom margin or down the side, a stamp out of its place sends the
 * sheet to review naming where; the committee's stamp in the seal's place, the printed heading and
 * a scanner's faults (a streak, a fold, JPEG, colour) do not.
 * Real scans through the real decoder (scanFiles), drawn from the real PDF.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { scanFiles, type SheetOutcome } from '../../db/scan/scan-files.ts';
import { ROOT } from '../cli/run-cli.ts';
import {
  blankPages,
  geometryOf,
  markPage,
  randomScanner,
  rng,
  scanPage,
  SHEET_DISTRACTORS,
  stampSeal,
  type Distractor,
  type ScannerSpec,
  type SheetSpec,
} from './deck.ts';

const RECORD = join(ROOT, 'tests/decks/medium-delegates-congress/record.json');

interface Case {
  readonly name: string;
  readonly spec: SheetSpec;
  readonly scanner?: Partial<ScannerSpec>;
}

describe('ink outside the list area', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-outside-'));
  let record: ElectionRecord;
  const cases: Case[] = [];
  const outcome = new Map<string, SheetOutcome>();

  beforeAll(async () => {
    const parsed = parseRecord(JSON.parse(readFileSync(RECORD, 'utf8')));
    if (!parsed.ok) throw new Error('record refused');
    record = parsed.value;
    const struck = [record.candidates[2]!.id, record.candidates[5]!.id];
    const sheet = (d: Distractor): SheetSpec => ({ struck, distractors: [d], seal: 'red' });
    // Each distractor elsewhere on the sheet, in black and in blue, upright and upside down.
    for (const d of SHEET_DISTRACTORS) {
      cases.push({ name: `${d}-black`, spec: { ...sheet(d), ink: 'black' } });
      cases.push({
        name: `${d}-blue-upside-down`,
        spec: { ...sheet(d), ink: 'blue' },
        scanner: { upsideDown: true },
      });
    }
    // Stamped only, red and grey, with the scanner's faults (a streak, a fold): read with certainty.
    for (const [i, seal] of (['red', 'grey', 'red', 'grey'] as const).entries()) {
      cases.push({
        name: `seal-${seal}-${i}`,
        spec: { struck, seal },
        scanner: { streaks: 1, fold: i % 2 === 0, colour: i >= 2, jpegQuality: 60 },
      });
    }
    // The same stamp anywhere else (right of the seal's place, under the Party's name) is ink.
    cases.push({ name: 'stamp-elsewhere', spec: { struck } });
    const [blank] = await blankPages(record, { dpi: 200 });
    const r = rng(41);
    const geometry = geometryOf(record);
    const seal = geometry.sides[0]!.seal!;
    const moved = {
      ...geometry,
      sides: [{ ...geometry.sides[0]!, seal: { ...seal, x: seal.x + 250 } }],
    };
    for (const c of cases) {
      const page = markPage(blank!, geometry, c.spec, r);
      if (c.name === 'stamp-elsewhere') stampSeal(page, moved, 'red', r);
      writeFileSync(
        join(dir, `${c.name}.png`),
        await scanPage(page, randomScanner(r, 150, { jpegQuality: null, ...c.scanner }), r),
      );
    }
    const sheets = await scanFiles({
      record,
      files: cases.map((c) => join(dir, `${c.name}.png`)),
      threads: 1,
    });
    sheets.forEach((s, i) => outcome.set(cases[i]!.name, s));
  }, 120_000);

  it('sends a signature in the heading, a note in the bottom margin or the side to review, naming where', () => {
    const sheets = cases.filter((c) => (c.spec.distractors ?? []).length > 0);
    expect(sheets).toHaveLength(2 * SHEET_DISTRACTORS.length);
    for (const c of sheets) {
      const s = outcome.get(c.name)!;
      expect(s.status, c.name).toBe('review');
      expect(s.reasons, c.name).toContain('ink-outside-list');
      // Not a doubtful line: every name is still read as drawn.
      const struck = s.lines!.filter((l) => l.struck === 'struck').map((l) => l.id);
      expect(struck.sort(), c.name).toEqual([...c.spec.struck!].sort());
      expect(s.outsideMm2!, c.name).toBeGreaterThanOrEqual(10);
    }
  });

  it('sees the same stamp anywhere but the seal place', () => {
    const s = outcome.get('stamp-elsewhere')!;
    expect(s.status).toBe('review');
    expect(s.reasons).toEqual(['ink-outside-list']);
  });

  it('reads a sheet with only the seal stamped as certain, whatever its colour', () => {
    for (const c of cases.filter((x) => x.name.startsWith('seal-'))) {
      const s = outcome.get(c.name)!;
      expect(s.status, c.name).toBe('read');
      expect(s.reasons, c.name).toEqual([]);
      expect(s.outsideMm2!, c.name).toBeLessThan(1);
    }
  });
});
