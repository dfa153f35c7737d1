/**
 * The reader's decisions from a line's scores (‰ of a name crossed, or of a box's side): certain
 * only where the ink says so, doubtful between, never a guess.
 */
import { describe, expect, it } from 'vitest';
import { classifyBox, classifyStrike } from '../../core/scan/read-sheet.ts';
import { noInk, type LineScore } from '../../core/scan/score.ts';
import { DEFAULT_THRESHOLDS } from '../../core/scan/settings.ts';

/** A box's decision from its dark and faint extents (‰, over and across), under a streak or not. */
const boxOf = (
  dark: number,
  darkNarrow: number,
  faint: number,
  faintNarrow: number,
  streak = false,
) => classifyBox({ dark, darkNarrow, faint, faintNarrow }, streak, DEFAULT_THRESHOLDS.box);
const line = (over: Partial<LineScore>): LineScore => ({ ...noInk('c1'), ...over });

describe('a box', () => {
  it('is marked when its dark ink spreads across and down', () => {
    expect(boxOf(700, 600, 700, 600)).toBe(true);
  });
  it('is doubtful for a line straight down it, however long (a streak, a rule out of place)', () => {
    expect(boxOf(1000, 50, 1000, 50)).toBeNull();
  });
  it('is marked when a mark dark in places reaches the definite score with its faint ink, both ways', () => {
    expect(boxOf(250, 200, 650, 550)).toBe(true);
  });
  it('is doubtful for faint ink alone, or dark ink below the marginal score, or under a streak', () => {
    expect(boxOf(0, 0, 700, 600)).toBeNull();
    expect(boxOf(100, 80, 700, 600)).toBeNull();
    expect(boxOf(900, 800, 900, 800, true)).toBeNull();
  });
  it('is empty for a dot', () => {
    expect(boxOf(80, 60, 85, 70)).toBe(false);
  });
});

/** A strike's decision from its scores (‰ of the name, mm beside or past it). */
const strikeOf = (
  strike: number,
  faintStrike: number,
  joinedStrike: number,
  more: Partial<LineScore> = {},
) =>
  classifyStrike(
    line({ strike, faintStrike, joinedStrike, lightStrike: faintStrike, ...more }),
    DEFAULT_THRESHOLDS,
  );

describe('a strike', () => {
  it('is certain when dark ink crosses the definite share of the name', () => {
    expect(strikeOf(800, 800, 800)).toBe(true);
  });
  it('is certain for a thin stroke dark over the marginal share whose faint stretches join it', () => {
    expect(strikeOf(300, 750, 700)).toBe(true);
  });
  it('stays doubtful when the faint line runs on beside the name (a fold)', () => {
    expect(strikeOf(300, 750, 700, { faintBesideMm2: 30 })).toBeNull();
  });
  it('stays doubtful for faint ink alone, and for dark ink between the thresholds', () => {
    expect(strikeOf(100, 800, 800)).toBeNull();
    expect(strikeOf(400, 400, 400)).toBeNull();
  });
  it('is kept only when neither dark nor faint ink reaches the marginal share', () => {
    expect(strikeOf(50, 70, 50)).toBe(false);
    expect(strikeOf(50, 90, 50)).toBeNull();
    expect(strikeOf(150, 150, 150)).toBeNull();
  });
  it('is certain for a joined thin stroke only when dark over a quarter of the name', () => {
    expect(strikeOf(200, 750, 700)).toBeNull();
  });
  it('is never kept when ink on the name runs on past its end: a stroke over its last letters', () => {
    expect(strikeOf(100, 100, 100, { runOnMm: 2 })).toBeNull();
    expect(strikeOf(0, 50, 0, { runOnMm: 1.5 })).toBeNull();
    // Along the tops of the last letters: they hide all of it on the name but a sliver or two.
    expect(strikeOf(0, 8, 0, { runOnMm: 1.9 })).toBeNull();
    // A mark after the name that does not touch it, or a letter's edge that stops with it.
    expect(strikeOf(0, 0, 0, { runOnMm: 3 })).toBe(false);
    expect(strikeOf(60, 60, 60, { runOnMm: 0.5 })).toBe(false);
  });
  it('is never kept under a light line across the name (lighter than faint), a fold or not', () => {
    expect(strikeOf(0, 0, 0, { lightStrike: 700 })).toBeNull();
    expect(strikeOf(0, 0, 0, { lightStrike: 70 })).toBe(false);
  });
  it('is never kept with ink clear of the print: a stroke through one letter of a short name', () => {
    expect(strikeOf(60, 60, 60, { clearStrike: 60 })).toBeNull();
    expect(strikeOf(60, 60, 60, { clearStrike: 20 })).toBe(false);
  });
  it("is never certain along the letters' feet: an underline touching them is not a strike", () => {
    expect(strikeOf(1000, 1000, 1000, { lowShare: 900 })).toBeNull();
    expect(strikeOf(300, 750, 700, { lowShare: 950 })).toBeNull();
    // A wavy stroke dips under the baseline in half its columns: a strike, certain.
    expect(strikeOf(1000, 1000, 1000, { lowShare: 500 })).toBe(true);
  });
  it('is never kept when a dark run along a row joins its letters: a stroke laid along them', () => {
    expect(strikeOf(10, 10, 10, { barMm: 3.2 })).toBeNull();
    expect(strikeOf(60, 60, 60, { barMm: 1.0 })).toBeNull();
    // A letter in the scan runs a pixel or two longer than in the blank: 0.35 mm at 144 dpi.
    expect(strikeOf(10, 10, 10, { barMm: 0.35 })).toBe(false);
    // It is doubt, never a strike by itself.
    expect(strikeOf(100, 100, 100, { barMm: 30 })).toBeNull();
  });
});
