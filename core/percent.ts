/**
 * Percentages of the base, rounded half-up, computed in integers so that x.xx5 always rounds up
 * (1 of 800 is 0,125 % → 0,13 %; binary floating point would give 0,12 %).
 */

/** votes × 100 / base in units of 10^-decimals, rounded half-up. 0 when the base is 0. */
export function percentUnits(votes: number, base: number, decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new RangeError(`decimals must be an integer 0–12, got ${decimals}`);
  }
  if (base === 0) return 0n;
  const scaled = BigInt(votes) * 100n * 10n ** BigInt(decimals);
  const b = BigInt(base);
  const quotient = scaled / b;
  const remainder = scaled % b;
  return 2n * remainder >= b ? quotient + 1n : quotient;
}

/** The percentage as a number (for JSON): the double nearest the exact decimal, printed exactly. */
export function percentNumber(votes: number, base: number, decimals = 2): number {
  return Number(percentUnits(votes, base, decimals)) / 10 ** decimals;
}

/** The percentage as text with a chosen decimal separator, built from the integer, never a float. */
export function formatPercent(
  votes: number,
  base: number,
  { decimals = 2, separator = ',' }: { decimals?: number; separator?: string } = {},
): string {
  const digits = percentUnits(votes, base, decimals)
    .toString()
    .padStart(decimals + 1, '0');
  if (decimals === 0) return digits;
  return `${digits.slice(0, -decimals)}${separator}${digits.slice(-decimals)}`;
}
