/**
 * The projector's bars on one scale, the base: a bar is as long as the percentage printed beside
 * it (votes ÷ base), and the threshold line sits at threshold ÷ base, so a bar crosses the line
 * exactly when the candidate has enough votes. A bar never runs out of its track.
 */
export interface Scale {
  /** Per cent of the track for a number of votes. */
  readonly bar: (votes: number) => number;
  /** Per cent of the track where the threshold line stands. */
  readonly threshold: number;
}

const clamp = (p: number): number => Math.min(100, Math.max(0, p));

export function scaleOf(result: { readonly base: number; readonly threshold: number }): Scale {
  const base = Math.max(result.base, 1);
  return {
    bar: (votes) => clamp((votes / base) * 100),
    threshold: clamp((result.threshold / base) * 100),
  };
}
