/**
 * A difference between readings in words, as the committee reads it beside the paper:
 * "tập 3, phiếu thứ 17: lần 1 gạch 4, 12; lần 2 gạch 4, 21". Candidates are named by their number
 * on the ballot (ballot order, from 1), as the operators typed them.
 */
import { MARKS, type Mark } from '../codes.ts';
import type { Ballot } from '../ballot.ts';
import { messages, type Lang } from '../messages/index.ts';
import { visible } from '../names.ts';
import type { Cell, Column } from './compare.ts';

/** Parts of one reading's words ("gạch 4, 12", "Ban kiểm phiếu: …") are set apart by this. */
const PARTS = ' – ';

const lowerFirst = (text: string, lang: Lang): string =>
  text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);

/** Candidate numbers on the ballot, ascending; ids not on the list (never expected) quoted after. */
function numbers(ids: readonly string[], order: readonly string[]): string[] {
  const known: number[] = [];
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const at = order.indexOf(id);
    if (at >= 0) known.push(at + 1);
    else unknown.push(`“${visible(id, 40)}”`);
  }
  return [...known.sort((a, b) => a - b).map(String), ...unknown];
}

/** One ballot in words: what it strikes or marks, and the committee's ruling beside it. */
export function ballotText(ballot: Ballot, candidateOrder: readonly string[], lang: Lang): string {
  const m = messages(lang).readings;
  if ('invalid' in ballot) return m.paper(lowerFirst(messages(lang).invalid[ballot.invalid], lang));
  const parts: string[] = [];
  if ('struck' in ballot) parts.push(m.struck(numbers(ballot.struck, candidateOrder)));
  else {
    const groups = new Map<Mark, string[]>(MARKS.map((mark) => [mark, []]));
    for (const [i, id] of candidateOrder.entries()) {
      const mark = Object.hasOwn(ballot.marks, id) ? (ballot.marks[id] ?? 'none') : 'none';
      groups.get(mark)?.push(String(i + 1));
    }
    const said = MARKS.filter((mark) => (groups.get(mark)?.length ?? 0) > 0).map((mark) =>
      m.markGroup(m.mark[mark], groups.get(mark) ?? []),
    );
    parts.push(said.join(PARTS));
  }
  if (ballot.ruling !== undefined)
    parts.push(m.ruling(lowerFirst(messages(lang).invalid[ballot.ruling.invalid], lang)));
  return parts.join(PARTS);
}

/** One reading's ballot at a position, or the gap where it has none. */
export const cellText = (
  cell: Cell | null,
  candidateOrder: readonly string[],
  lang: Lang,
): string =>
  cell === null ? messages(lang).readings.gap : ballotText(cell.ballot, candidateOrder, lang);

/** A stack's label without a leading "tập"/"stack", which the sentence says itself. */
export const bareLabel = (stack: string): string =>
  stack.replace(/^\s*(?:tập|stack)\s+/iu, '').trim();

/**
 * "tập 3, phiếu thứ 17: lần 1 gạch 4, 12; lần 2 gạch 4, 21". Past a gap, a reading's own count
 * differs from the position: it is said beside that reading, so the sheet can be found either way.
 */
export function differenceText({
  stack,
  column,
  candidateOrder,
  lang,
}: {
  /** The stack's label ("3", or "Tập 3"). */
  readonly stack: string;
  readonly column: Column;
  readonly candidateOrder: readonly string[];
  readonly lang: Lang;
}): string {
  const m = messages(lang).readings;
  const readings = column.cells.map((cell, i) => {
    const text = cellText(cell, candidateOrder, lang);
    return cell === null || cell.at === column.position
      ? m.reading(i + 1, text)
      : m.readingAt(i + 1, cell.at, text);
  });
  return m.difference(bareLabel(stack), column.position, readings);
}
