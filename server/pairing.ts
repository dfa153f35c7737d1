/**
 * Pairing other stations of a closed LAN (the projector's PC, extra entry stations): the main
 * screen shows a six-digit code; a station that types it receives the station token. A code works
 * once and for ten minutes. Wrong codes slow down the address that sent them, and only that one,
 * so a guesser can neither find the code nor keep the other stations from pairing.
 */
import { randomInt } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { Throttle } from '../core/throttle.ts';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;
/** Wrong codes an address may send before it must wait: 2 s, then 4 s, … up to 10 minutes. */
export const FREE_FAILURES = 5;

export class Pairing {
  private code = '';
  private expires = 0;
  private readonly failures = new Throttle({
    free: FREE_FAILURES,
    firstWaitMs: 2_000,
    maxWaitMs: CODE_LIFETIME_MS,
    forgetAfterMs: 60 * 60_000,
    maxKeys: 10_000,
  });

  constructor(
    private readonly token: string,
    private readonly now: () => number = Date.now,
  ) {
    this.rotate();
  }

  /** The code to show on the main screen (a new one once used or expired). */
  current(): { code: string; expiresAt: string } {
    if (this.now() >= this.expires) this.rotate();
    return { code: this.code, expiresAt: new Date(this.expires).toISOString() };
  }

  /** The station token for the right code from `source` (its address); refused otherwise. */
  pair(
    code: string,
    source = 'unknown',
  ): { token: string } | { refused: 'wrong-code' | 'too-many' } {
    const t = this.now();
    if (this.failures.waitMs(source, t) > 0) return { refused: 'too-many' };
    if (t >= this.expires || code !== this.code) {
      this.failures.failed(source, t);
      return { refused: 'wrong-code' };
    }
    this.failures.succeeded(source);
    this.rotate();
    return { token: this.token };
  }

  private rotate(): void {
    this.code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.expires = this.now() + CODE_LIFETIME_MS;
  }
}

/** The machine's IPv4 addresses on its networks, to show the other stations where to go. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

/** In LAN mode a Host must be an IP address (a DNS name could be a rebinding page's). */
export const isIpHost = (host: string): boolean =>
  /^(\d{1,3}\.){3}\d{1,3}:\d+$/u.test(host) || /^\[[0-9a-f:]+\]:\d+$/iu.test(host);
