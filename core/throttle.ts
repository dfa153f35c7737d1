/**
 * Slowing down guessers: after a few failures by one key (an operator's name, a station), each
 * further attempt must wait, twice as long each time, up to a ceiling. Keys are independent, so a
 * guesser at one station never locks out another. Pure: the caller passes the time.
 */
export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  readonly free: number;
  readonly firstWaitMs: number;
  readonly maxWaitMs: number;
  /** A key unused this long is forgotten. */
  readonly forgetAfterMs: number;
  /** At most this many keys are remembered (the oldest forgotten first), so memory stays bounded. */
  readonly maxKeys: number;
}

interface Failures {
  count: number;
  last: number;
}

export class Throttle {
  private readonly keys = new Map<string, Failures>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** How long `key` must still wait before its next attempt (0: it may try now). */
  waitMs(key: string, now: number): number {
    const f = this.current(key, now);
    if (f === undefined || f.count < this.policy.free) return 0;
    const wait = Math.min(
      this.policy.maxWaitMs,
      this.policy.firstWaitMs * 2 ** Math.min(30, f.count - this.policy.free),
    );
    return Math.max(0, f.last + wait - now);
  }

  failed(key: string, now: number): void {
    const f = this.current(key, now) ?? { count: 0, last: now };
    this.keys.delete(key);
    this.keys.set(key, { count: f.count + 1, last: now });
    if (this.keys.size > this.policy.maxKeys) {
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
  }

  succeeded(key: string): void {
    this.keys.delete(key);
  }

  private current(key: string, now: number): Failures | undefined {
    const f = this.keys.get(key);
    if (f !== undefined && now - f.last > this.policy.forgetAfterMs) {
      this.keys.delete(key);
      return undefined;
    }
    return f;
  }
}
