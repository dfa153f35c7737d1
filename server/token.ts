/** The station token: printed at start, carried by every data request, compared in constant time. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

export const newToken = (): string => randomBytes(24).toString('base64url');

export function sameToken(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Where a congress file's station token is kept, so stations survive a restart of the host. */
export const tokenFileOf = (congressFile: string): string => `${congressFile}.token`;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,64}$/u;

/** The token kept beside `congressFile`, or null when there is none (or it is not one of ours). */
export function tokenBeside(congressFile: string): string | null {
  try {
    const token = readFileSync(tokenFileOf(congressFile), 'utf8').trim();
    return TOKEN_SHAPE.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** Keeps `token` beside `congressFile`, readable by this user only. */
export function keepTokenBeside(congressFile: string, token: string): void {
  if (tokenBeside(congressFile) === token) return;
  try {
    writeFileSync(tokenFileOf(congressFile), `${token}\n`, { mode: 0o600 });
    chmodSync(tokenFileOf(congressFile), 0o600);
  } catch {
    // A read-only folder: the stations will need the new address after a restart, nothing worse.
  }
}
