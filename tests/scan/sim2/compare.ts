/**
 * The reader's output (`kiem-phieu scan --json`) against the second simulator's truth, sheet by
 * sheet: a wrong reading (on a sheet read, or on a line a reviewed sheet calls certain), a genuine
 * sheet rejected, ink outside the lines not sent to review, a blank back not skipped.
 */
import type { Mark, Sim2Deck, TruthBallot } from './deck.ts';

export interface ScanJsonSheet {
  readonly file: string;
  readonly page?: number;
  readonly status: 'read' | 'review' | 'rejected';
  readonly struck?: readonly string[];
  readonly marks?: Readonly<Record<string, Mark>>;
  readonly review?: readonly string[];
  readonly reasons?: readonly string[];
  readonly reason?: string;
}

export interface ScanJson {
  readonly format: string;
  readonly sheets: readonly ScanJsonSheet[];
  readonly skipped: readonly { file: string; page?: number; reason: string }[];
}

export type Problem =
  | { kind: 'missing' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'wrong'; lines: readonly { id: string; truth: string; read: string }[] }
  | { kind: 'outside-ink-not-reviewed' };

export interface Verdict {
  readonly ballot: TruthBallot;
  readonly index: number;
  readonly status: 'read' | 'review' | 'rejected' | 'missing';
  readonly reasons: readonly string[];
  readonly problems: readonly Problem[];
}

export interface Comparison {
  readonly verdicts: readonly Verdict[];
  readonly wrong: number;
  readonly rejected: number;
  readonly review: number;
  /**
   * Sheets in review with nothing on them but votes: no distractor, no outside ink, and no
   * scanner streak (a line down the whole sheet, which a person should look at).
   */
  readonly reviewClean: number;
  readonly clean: number;
  readonly outsideMissed: number;
  /** Blank backs not skipped, and sheets the reader gave that are no ballot of the truth. */
  readonly backsNotSkipped: number;
  readonly extra: number;
}

const key = (file: string, page: number | undefined): string => `${file}#${page ?? 1}`;

/** Nothing on the sheet but votes: no distractor, no outside ink, no scanner streak. */
export const isClean = (b: TruthBallot): boolean =>
  b.distractors.length === 0 && !b.scans.some((s) => s.includes('streak'));

export function compare(deck: Sim2Deck, out: ScanJson, layout: 'strike' | 'approve'): Comparison {
  const byKey = new Map(out.sheets.map((s) => [key(s.file, s.page), s]));
  const expected = new Set(deck.ballots.map((b) => key(b.file, b.page)));
  const verdicts = deck.ballots.map((ballot, index): Verdict => {
    const sheet = byKey.get(key(ballot.file, ballot.page));
    if (sheet === undefined)
      return { ballot, index, status: 'missing', reasons: [], problems: [{ kind: 'missing' }] };
    const problems: Problem[] = [];
    if (sheet.status === 'rejected')
      problems.push({ kind: 'rejected', reason: sheet.reason ?? '?' });
    else {
      const doubtful = new Set(sheet.review ?? []);
      const lines: { id: string; truth: string; read: string }[] = [];
      const ids = layout === 'strike' ? (ballot.struck ?? []) : Object.keys(ballot.marks ?? {});
      const all = new Set([
        ...ids,
        ...(sheet.struck ?? []),
        ...Object.keys(sheet.marks ?? {}),
        ...Object.keys(ballot.marks ?? {}),
      ]);
      if (layout === 'strike') {
        const truth = new Set(ballot.struck ?? []);
        const read = new Set(sheet.struck ?? []);
        for (const id of all) {
          if (doubtful.has(id)) continue;
          if (truth.has(id) !== read.has(id)) {
            lines.push({
              id,
              truth: truth.has(id) ? 'struck' : 'kept',
              read: read.has(id) ? 'struck' : 'kept',
            });
          }
        }
        // A line kept in the truth and absent from both lists is read kept: nothing to compare.
      } else {
        for (const id of all) {
          if (doubtful.has(id)) continue;
          const truth = ballot.marks?.[id] ?? 'none';
          const read = sheet.marks?.[id];
          if (read !== truth) lines.push({ id, truth, read: read ?? '(no reading)' });
        }
      }
      if (lines.length > 0) problems.push({ kind: 'wrong', lines });
      if (ballot.mustReview && sheet.status === 'read')
        problems.push({ kind: 'outside-ink-not-reviewed' });
    }
    return {
      ballot,
      index,
      status: sheet.status,
      reasons: sheet.reasons ?? (sheet.reason ? [sheet.reason] : []),
      problems,
    };
  });
  const skipped = new Set(out.skipped.map((s) => key(s.file, s.page)));
  const has = (v: Verdict, k: Problem['kind']) => v.problems.some((p) => p.kind === k);
  const clean = verdicts.filter((v) => isClean(v.ballot));
  return {
    verdicts,
    wrong: verdicts.filter((v) => has(v, 'wrong')).length,
    rejected: verdicts.filter((v) => has(v, 'rejected') || has(v, 'missing')).length,
    review: verdicts.filter((v) => v.status === 'review').length,
    reviewClean: clean.filter((v) => v.status === 'review').length,
    clean: clean.length,
    outsideMissed: verdicts.filter((v) => has(v, 'outside-ink-not-reviewed')).length,
    backsNotSkipped: deck.backs.filter((b) => !skipped.has(key(b.file, b.page))).length,
    extra: out.sheets.filter((s) => !expected.has(key(s.file, s.page))).length,
  };
}

/** One line per sheet with a problem: where, what the truth was, what was read, how it was drawn. */
export function describeProblems(c: Comparison): string[] {
  return c.verdicts
    .filter((v) => v.problems.length > 0)
    .map((v) => {
      const where = `${v.ballot.file.split('/').pop()} p${v.ballot.page}`;
      const what = v.problems
        .map((p) =>
          p.kind === 'wrong'
            ? `wrong ${p.lines
                .map(
                  (l) =>
                    `${l.id}: truth ${l.truth}, read ${l.read} (${v.ballot.drawn.find((d) => d.candidateId === l.id)?.kind ?? 'nothing drawn'}${v.ballot.distractors
                      .filter((d) => d.candidateId === l.id)
                      .map((d) => ` + ${d.kind}`)
                      .join('')})`,
                )
                .join('; ')}`
            : p.kind === 'rejected'
              ? `rejected (${p.reason})`
              : p.kind,
        )
        .join(', ');
      return `${where}: ${what} — ${v.ballot.ink} ink; ${v.ballot.scans.join(' | ')}`;
    });
}
