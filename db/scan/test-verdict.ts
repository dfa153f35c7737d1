/**
 * The pre-congress scanner test's verdict, ballot by ballot: each sheet of the printed deck read
 * as the deck says it must be, or not and why. The CLI (`scan-test`) and the app word it.
 */
import type { TestBallot, TestDeck } from '../../core/documents/ballot-test-deck.ts';
import type { SheetOutcome } from './scan-files.ts';

export type TestReading =
  { readonly struck: readonly string[] } | { readonly marks: Readonly<Record<string, string>> };

export type TestVerdict =
  | { readonly n: number; readonly outcome: 'match'; readonly sheet: SheetOutcome }
  | {
      readonly n: number;
      readonly outcome: 'mismatch';
      readonly sheet: SheetOutcome;
      readonly expected: TestBallot;
      readonly got: TestReading;
    }
  | { readonly n: number; readonly outcome: 'missing'; readonly expected: TestBallot }
  | { readonly n: null; readonly outcome: 'extra'; readonly sheet: SheetOutcome };

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** The reading of one sheet in the deck's terms (an unread line is '?'). */
export function readingOf(s: SheetOutcome, layout: 'strike' | 'approve'): TestReading {
  const lines = s.lines ?? [];
  return layout === 'strike'
    ? { struck: lines.filter((l) => l.struck === 'struck').map((l) => l.id) }
    : { marks: Object.fromEntries(lines.map((l) => [l.id, l.mark ?? '?'])) };
}

function matches(s: SheetOutcome, expected: TestBallot, layout: 'strike' | 'approve'): boolean {
  if (s.status !== 'read') return false;
  const got = readingOf(s, layout);
  if ('struck' in expected) return 'struck' in got && sameSet(got.struck, expected.struck);
  const marks = 'marks' in got ? got.marks : {};
  const ids = new Set([...Object.keys(marks), ...Object.keys(expected.marks)]);
  return [...ids].every((id) => marks[id] === (expected.marks[id] ?? 'none'));
}

/** Sheets in feed order against the deck in print order; blank back sides are not sheets. */
export function testVerdicts(deck: TestDeck, read: readonly SheetOutcome[]): TestVerdict[] {
  const sheets = read.filter((s) => s.status !== 'skipped');
  const verdicts: TestVerdict[] = deck.ballots.map((expected, i): TestVerdict => {
    const sheet = sheets[i];
    if (sheet === undefined) return { n: expected.n, outcome: 'missing', expected };
    return matches(sheet, expected, deck.layout)
      ? { n: expected.n, outcome: 'match', sheet }
      : {
          n: expected.n,
          outcome: 'mismatch',
          sheet,
          expected,
          got: readingOf(sheet, deck.layout),
        };
  });
  for (const sheet of sheets.slice(deck.ballots.length))
    verdicts.push({ n: null, outcome: 'extra', sheet });
  return verdicts;
}
