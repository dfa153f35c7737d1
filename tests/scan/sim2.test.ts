/**
 * Issue 11's "decks it has never seen, made by another simulator": ballots printed by the real CLI,
 * found on the page by poppler (pdftotext word boxes, pdftoppm pixels) and not by the project's
 * geometry, marked by the second simulator's own pen, scanned by its own scanner (skew, upside
 * down, scale, offset, blur, noise, JPEG, grey and colour, streaks, folds; PNG, JPEG, a duplex PDF
 * with blank backs, a multi-page TIFF), then read by the real `kiem-phieu scan`. Sheet by sheet:
 * none rejected, no line read wrong (also the lines a reviewed sheet calls certain), ink outside
 * the lines always reviewed, blank backs skipped; reviews without cause a small share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as issue from './issue-marks.ts';
import { describeProblems, isClean } from './sim2/compare.ts';
import { runSim2, type Sim2Run } from './sim2/run.ts';

const DPIS = [150, 150, 200, 200, 300];

describe('kiem-phieu scan on decks from the second simulator', () => {
  // KP_SIM2_KEEP=1 keeps the decks (and the reader's debug drawings) to look at.
  const keep = process.env.KP_SIM2_KEEP === '1';
  const root = mkdtempSync(join(tmpdir(), 'kp-sim2-'));
  const runs: Record<string, Sim2Run> = {};

  beforeAll(async () => {
    // One after the other: each run reads its deck on the machine's two cores.
    runs.strike = await runSim2({
      via: 'process',
      dir: join(root, 'strike'),
      debug: keep,
      layout: 'strike',
      names: 12,
      count: 16,
      seed: 41,
      dpis: DPIS,
      inPdf: 3,
      inTiff: 3,
      upsideDown: [1, 7],
      lineDistractors: 0.35,
      outsideInk: 0.15,
    });
    runs.long = await runSim2({
      dir: join(root, 'long'),
      debug: keep,
      layout: 'strike',
      names: 45,
      count: 4,
      seed: 42,
      dpis: [200],
      upsideDown: [2],
      lineDistractors: 0.5,
    });
    runs.approve = await runSim2({
      dir: join(root, 'approve'),
      debug: keep,
      layout: 'approve',
      names: 5,
      count: 10,
      seed: 43,
      dpis: DPIS,
      inPdf: 2,
      upsideDown: [3],
      lineDistractors: 0.3,
      outsideInk: 0.15,
    });
    runs.twoSided = await runSim2({
      dir: join(root, 'two-sided'),
      debug: keep,
      layout: 'approve',
      names: 40,
      count: 3,
      seed: 44,
      dpis: [150, 200],
      inTiff: 2,
      upsideDown: [2],
    });
  }, 600_000);

  afterAll(() => {
    if (keep) console.log(`sim2 decks kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  });

  for (const name of ['strike', 'long', 'approve', 'twoSided']) {
    it(`${name}: every sheet as a careful human reads it, or in review; none rejected`, () => {
      const run = runs[name]!;
      const c = run.comparison;
      const report = describeProblems(c);
      expect(report, report.join('\n')).toEqual([]);
      expect(run.out.format).toBe('kiem-phieu/scan@1');
      // One sheet out per ballot (a two-sided ballot's back joined to its front), none more.
      expect(run.out.sheets).toHaveLength(run.deck.ballots.length);
      expect(c.extra).toBe(0);
      expect(c.backsNotSkipped).toBe(0);
      expect(run.out.skipped).toHaveLength(run.deck.backs.length);
      expect(run.code, run.stderr).toBe(0);
      // Ink outside the lines is for the committee to see.
      for (const v of c.verdicts.filter((x) => x.ballot.mustReview)) {
        expect(v.status, `${v.ballot.file} p${v.ballot.page}`).toBe('review');
      }
      // "At most a few percent" to review without a cause: over this small deck, at most one sheet.
      const cleanInReview = c.verdicts
        .filter((v) => v.status === 'review' && isClean(v.ballot))
        .map((v) => `${v.ballot.file.split('/').pop()} p${v.ballot.page}: ${v.reasons.join(', ')}`);
      expect(
        cleanInReview.length,
        `of ${c.clean}:\n${cleanInReview.join('\n')}`,
      ).toBeLessThanOrEqual(1);
    });
  }

  it('the decks hold what the issue names: both layouts, upside down, multi-page PDF and TIFF, distractors, outside ink', () => {
    const all = Object.values(runs);
    const ballots = all.flatMap((r) => r.deck.ballots);
    expect(ballots.length).toBeGreaterThanOrEqual(30);
    const scans = ballots.flatMap((b) => b.scans).join('\n');
    expect(scans).toContain('upside-down');
    expect(scans).toMatch(/150dpi/u);
    expect(scans).toMatch(/300dpi/u);
    expect(scans).toMatch(/grey/u);
    expect(scans).toMatch(/colour/u);
    expect(scans).toMatch(/jpeg q/u);
    expect(ballots.some((b) => b.file.endsWith('.pdf') && b.page > 1)).toBe(true);
    expect(ballots.some((b) => b.file.endsWith('.tif') && b.page > 1)).toBe(true);
    expect(all.flatMap((r) => r.deck.backs).length).toBeGreaterThan(0);
    const distractors = new Set(ballots.flatMap((b) => b.distractors.map((d) => d.kind)));
    for (const d of issue.NOT_STRIKES) expect(distractors).toContain(d);
    expect(ballots.some((b) => b.mustReview)).toBe(true);
    const strokes = new Set(ballots.flatMap((b) => b.drawn.map((d) => d.kind)));
    for (const s of issue.STRIKES) expect(strokes).toContain(s);
    expect(ballots.some((b) => Object.values(b.marks ?? {}).includes('both'))).toBe(true);
    expect(new Set(ballots.map((b) => b.ink)).size).toBeGreaterThanOrEqual(3);
    const total = all.reduce((n, r) => n + r.comparison.review, 0);
    console.log(
      `sim2 decks: ${ballots.length} ballots, ${total} in review (${((100 * total) / ballots.length).toFixed(1)} %), make ${all.reduce((n, r) => n + r.makeSeconds, 0).toFixed(1)} s (${all.reduce((n, r) => n + r.makeCpu, 0).toFixed(1)} s CPU), scan ${all.reduce((n, r) => n + r.scanSeconds, 0).toFixed(1)} s (${all.reduce((n, r) => n + r.scanCpu, 0).toFixed(1)} s CPU)`,
    );
  });
});
