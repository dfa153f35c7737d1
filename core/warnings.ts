/**
 * Warnings: facts the committee must see and explain, never a reason to stop counting
 * (rules.md, "Ballot counts that must reconcile" and "Surplus check"). Order is fixed.
 */
import { SURPLUS_CHECKED_KINDS, type ElectionKind, type Layout } from './codes.ts';

export type Warning =
  | {
      readonly code: 'base-override';
      readonly computed: number;
      readonly base: number;
      readonly note: string;
    }
  | ({
      readonly code: 'surplus-over-limit';
      readonly surplus: number;
      readonly limit: number;
    } & ListSize)
  | ({ readonly code: 'no-surplus' } & ListSize)
  | ({ readonly code: 'approve-with-surplus' } & ListSize)
  | { readonly code: 'issued-exceeds-present'; readonly issued: number; readonly present: number }
  | {
      readonly code: 'collected-exceeds-issued';
      readonly collected: number;
      readonly issued: number;
    };

/** The list's length against the seats, which the surplus warnings are about. */
interface ListSize {
  readonly candidates: number;
  readonly seats: number;
}

/** The largest surplus the regulation allows: 1 for bodies of 3–5, else 30 % of the seats. */
export const surplusLimit = (seats: number): number =>
  seats >= 3 && seats <= 5 ? 1 : Math.floor((3 * seats) / 10);

export interface WarningFacts {
  readonly kind: ElectionKind;
  readonly layout: Layout;
  readonly round: number;
  readonly parent: string | null | undefined;
  readonly seats: number;
  readonly candidates: number;
  readonly override: { readonly base: number; readonly note: string } | null;
  readonly computedBase: number;
  readonly present: number | null | undefined;
  readonly issued: number;
  readonly collected: number;
}

/** Warnings about the list alone (surplus, layout); the setup screen shows them before counting. */
export function listWarnings(
  f: Pick<WarningFacts, 'kind' | 'layout' | 'round' | 'parent' | 'seats' | 'candidates'>,
): Warning[] {
  const out: Warning[] = [];
  const { candidates, seats } = f;
  const surplus = candidates - seats;
  const firstRound = f.round === 1 && (f.parent === null || f.parent === undefined);
  if (firstRound && SURPLUS_CHECKED_KINDS.includes(f.kind) && surplus > surplusLimit(seats)) {
    out.push({
      code: 'surplus-over-limit',
      candidates,
      seats,
      surplus,
      limit: surplusLimit(seats),
    });
  }
  if (f.layout === 'strike' && candidates <= seats)
    out.push({ code: 'no-surplus', candidates, seats });
  if (f.layout === 'approve' && candidates > seats) {
    out.push({ code: 'approve-with-surplus', candidates, seats });
  }
  return out;
}

export function warningsFor(f: WarningFacts): Warning[] {
  const out: Warning[] = [];
  if (f.override !== null) {
    out.push({
      code: 'base-override',
      computed: f.computedBase,
      base: f.override.base,
      note: f.override.note,
    });
  }
  out.push(...listWarnings(f));
  if (f.present !== null && f.present !== undefined && f.issued > f.present) {
    out.push({ code: 'issued-exceeds-present', issued: f.issued, present: f.present });
  }
  if (f.collected > f.issued)
    out.push({ code: 'collected-exceeds-issued', collected: f.collected, issued: f.issued });
  return out;
}
