/** The base of the threshold for each rule set (rules.md, "The base and the threshold"). */
import type { RuleSet } from './codes.ts';
import { assertNever } from './result.ts';
import type { RecordBase } from './record.ts';

export interface BaseFigures {
  /** The base the rule set gives, before any override. */
  readonly computed: number;
  /** The base used to decide: the override when there is one. */
  readonly base: number;
  readonly excluded: number;
}

export function computeBase(
  rules: RuleSet,
  base: RecordBase,
  ballots: { valid: number; collected: number },
): BaseFigures {
  const excluded = base.exclusions.reduce((sum, x) => sum + x.count, 0);
  let computed: number;
  switch (rules) {
    case 'party':
      computed = base.convened - excluded;
      break;
    case 'valid-ballots':
      computed = ballots.valid;
      break;
    case 'collected-ballots':
      computed = ballots.collected;
      break;
    default:
      return assertNever(rules);
  }
  return { computed, base: base.override?.base ?? computed, excluded };
}

/** The fewest votes that qualify: strictly more than half of the base, in integers. */
export const thresholdOf = (base: number): number => Math.floor(base / 2) + 1;

/** `2 × votes > base` — never a percentage. */
export const qualifies = (votes: number, base: number): boolean => 2 * votes > base;
