/**
 * Percentages of the base, rounded half-up, computed in integers so that x.xx5 always rounds up
 * (1 of 800 is 0,125 % → 0,13 %; binary floating point can land either side of the half).
 */

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new RangeError(`decimals must be an integer 0–12, got ${decimals}`);
  }
}

/** Exact while votes × 100 × 10^decimals is a safe integer — always, for a real congress. */
function fitsNumber(votes: number, base: number, decimals: number): boolean {
  return Number.isSafeInteger(votes * 100 * 10 ** decimals) && Number.isSafeInteger(2 * base);
}

function unitsNumber(votes: number, base: number, decimals: number): number {
  const scaled = votes * 100 * 10 ** decimals;
  const remainder = scaled % base;
  const quotient = (scaled - remainder) / base;
  return 2 * remainder >= base ? quotient + 1 : quotient;
}

function unitsBig(votes: number, base: number, decimals: number): bigint {
  const scaled = BigInt(votes) * 100n * 10n ** BigInt(decimals);
  const b = BigInt(base);
  const quotient = scaled / b;
  return 2n * (scaled % b) >= b ? quotient + 1n : quotient;
}

/** votes × 100 / base in units of 10^-decimals, rounded half-up. 0 when the base is 0. */
export function percentUnits(votes: number, base: number, decimals: number): bigint {
  checkDecimals(decimals);
  if (base === 0) return 0n;
  return fitsNumber(votes, base, decimals)
    ? BigInt(unitsNumber(votes, base, decimals))
    : unitsBig(votes, base, decimals);
}

/** The percentage as a number (for JSON): the double nearest the exact decimal, printed exactly. */
export function percentNumber(votes: number, base: number, decimals = 2): number {
  checkDecimals(decimals);
  if (base === 0) return 0;
  const units = fitsNumber(votes, base, decimals)
    ? unitsNumber(votes, base, decimals)
    : Number(unitsBig(votes, base, decimals));
  return units / 10 ** decimals;
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
