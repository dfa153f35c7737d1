/** Who is elected (rules.md, "Who is elected"): rank the qualified, never break a tie. */

export type Decision =
  | { readonly status: 'complete'; readonly elected: readonly number[] }
  | { readonly status: 'unfilled'; readonly elected: readonly number[] }
  | {
      readonly status: 'tie';
      readonly elected: readonly number[];
      /** The tied group in ballot order, none of whom is elected. */
      readonly tied: readonly number[];
      /** Seats left for a re-vote among exactly the tied group. */
      readonly tieSeats: number;
    };

/**
 * `votes[i]` for candidate i in ballot order; `qualified[i]` whether 2 × votes > base.
 * Returns indices; elected most votes first, equal votes in ballot order.
 */
export function decide({
  votes,
  qualified,
  seats,
}: {
  votes: ArrayLike<number>;
  qualified: ArrayLike<boolean>;
  seats: number;
}): Decision {
  const ranked: number[] = [];
  for (let i = 0; i < votes.length; i++) if (qualified[i]) ranked.push(i);
  ranked.sort((a, b) => (votes[b] ?? 0) - (votes[a] ?? 0) || a - b);

  if (ranked.length <= seats) {
    return { status: ranked.length === seats ? 'complete' : 'unfilled', elected: ranked };
  }
  const last = votes[ranked[seats - 1] ?? -1] ?? 0;
  const next = votes[ranked[seats] ?? -1] ?? 0;
  if (last !== next) return { status: 'complete', elected: ranked.slice(0, seats) };

  const elected = ranked.filter((i) => (votes[i] ?? 0) > last);
  const tied = ranked.filter((i) => votes[i] === last).sort((a, b) => a - b);
  return { status: 'tie', elected, tied, tieSeats: seats - elected.length };
}
