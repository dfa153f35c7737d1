/**
 * The reader's decisions from a line's scores (‰ of a name crossed, or of a box's side): certain
 * only where the ink says so, doubtful between, never a guess.
 */
import { describe, expect, it } from 'vitest';
import { classifyBox, classifyStrike } from '../../core/scan/read-sheet.ts';
import type { LineScore } from '../../core/scan/score.ts';
import { DEFAULT_THRESHOLDS } from '../../core/scan/settings.ts';

const box = DEFAULT_THRESHOLDS.box;
const line = (over: Partial<LineScore>): LineScore => ({
  candidateId: 'c1',
  strike: 0,
  agree: 0,
  disagree: 0,
  agreeNarrow: 0,
  disagreeNarrow: 0,
  faintAgreeNarrow: 0,
  faintDisagreeNarrow: 0,
  besideMm2: 0,
  faintStrike: 0,
  joinedStrike: 0,
  faintBesideMm2: 0,
  faintAgree: 0,
  faintDisagree: 0,
  streak: false,
  ...over,
});

describe('a box', () => {
  it('is marked when its dark ink spreads across and down', () => {
    expect(
      classifyBox({ dark: 700, darkNarrow: 600, faint: 700, faintNarrow: 600 }, false, box),
    ).toBe(true);
  });
  it('is doubtful for a line straight down it, however long (a streak, a rule out of place)', () => {
    expect(
      classifyBox({ dark: 1000, darkNarrow: 50, faint: 1000, faintNarrow: 50 }, false, box),
    ).toBeNull();
  });
  it('is marked when a mark dark in places reaches the definite score with its faint ink, both ways', () => {
    expect(
      classifyBox({ dark: 250, darkNarrow: 200, faint: 650, faintNarrow: 550 }, false, box),
    ).toBe(true);
  });
  it('is doubtful for faint ink alone, or dark ink below the marginal score, or under a streak', () => {
    expect(
      classifyBox({ dark: 0, darkNarrow: 0, faint: 700, faintNarrow: 600 }, false, box),
    ).toBeNull();
    expect(
      classifyBox({ dark: 100, darkNarrow: 80, faint: 700, faintNarrow: 600 }, false, box),
    ).toBeNull();
    expect(
      classifyBox({ dark: 900, darkNarrow: 800, faint: 900, faintNarrow: 800 }, true, box),
    ).toBeNull();
  });
  it('is empty for a dot', () => {
    expect(classifyBox({ dark: 80, darkNarrow: 60, faint: 85, faintNarrow: 70 }, false, box)).toBe(
      false,
    );
  });
});

describe('a strike', () => {
  const t = DEFAULT_THRESHOLDS;
  it('is certain when dark ink crosses the definite share of the name', () => {
    expect(classifyStrike(line({ strike: 800, faintStrike: 800, joinedStrike: 800 }), t)).toBe(
      true,
    );
  });
  it('is certain for a thin stroke dark over the marginal share whose faint stretches join it', () => {
    expect(classifyStrike(line({ strike: 300, faintStrike: 750, joinedStrike: 700 }), t)).toBe(
      true,
    );
  });
  it('stays doubtful when the faint line runs on beside the name (a fold)', () => {
    expect(
      classifyStrike(
        line({ strike: 300, faintStrike: 750, joinedStrike: 700, faintBesideMm2: 30 }),
        t,
      ),
    ).toBeNull();
  });
  it('stays doubtful for faint ink alone, and for dark ink between the thresholds', () => {
    expect(
      classifyStrike(line({ strike: 100, faintStrike: 800, joinedStrike: 800 }), t),
    ).toBeNull();
    expect(
      classifyStrike(line({ strike: 400, faintStrike: 400, joinedStrike: 400 }), t),
    ).toBeNull();
  });
  it('is kept only when neither dark nor faint ink reaches the marginal share', () => {
    expect(classifyStrike(line({ strike: 100, faintStrike: 120, joinedStrike: 100 }), t)).toBe(
      false,
    );
    expect(
      classifyStrike(line({ strike: 100, faintStrike: 300, joinedStrike: 100 }), t),
    ).toBeNull();
  });
});
