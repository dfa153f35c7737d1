/** A command refused: thrown inside the transaction so nothing it did is kept. */
import type { Refusal, RefusalDetail } from '../core/refusal.ts';

export class Refused extends Error {
  readonly refusals: readonly Refusal[];
  constructor(refusals: readonly Refusal[]) {
    super(refusals.map((r) => `${r.path}: ${r.code}`).join('; '));
    this.refusals = refusals;
  }
}

export function refuse(detail: RefusalDetail, path = '', ballot?: number): never {
  throw new Refused([{ ...detail, path, ...(ballot === undefined ? {} : { ballot }) }]);
}
