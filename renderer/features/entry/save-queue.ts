/**
 * The ballots waiting to be saved, in the order they were typed. One save at a time, so ballot
 * numbers follow typing order; a lost connection retries the same save (its client key makes a
 * repeat harmless); a refusal keeps the ballot, marks and all, in `failed` until the operator
 * deals with it. Nothing typed is ever dropped: with a storage, the ballots not yet acknowledged
 * are kept there (the browser's localStorage) and sent again by the next queue that opens it, after
 * a reload, a crash or a restart of the host.
 */
import type { BallotBody } from '../../../core/views.ts';

export interface PendingBallot {
  readonly clientKey: string;
  readonly body: BallotBody;
  readonly batchId: number | null;
  /** Set when the save is a correction of ballot n. */
  readonly correcting: number | null;
  /** Set when the ballot belongs to a reading of a stack (double entry), not yet to the count. */
  readonly readingId?: number | null;
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly n: number; readonly status: string }
  /** The station could not reach the service: try the same save again. */
  | { readonly kind: 'disconnected'; readonly message: string }
  /** The service refused it: keep it for the operator. */
  | { readonly kind: 'refused'; readonly messages: readonly string[] };

export interface SaveQueueEvents {
  saved(item: PendingBallot, n: number, status: string): void;
  failed(item: PendingBallot, messages: readonly string[]): void;
  retrying(message: string): void;
  changed(pending: number): void;
}

/** Where the ballots not yet acknowledged are kept between page loads. */
export interface QueueStorage {
  load(): PendingBallot[];
  save(items: readonly PendingBallot[]): void;
}

export class SaveQueue {
  private readonly items: PendingBallot[];
  private draining = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly send: (item: PendingBallot) => Promise<SaveOutcome>,
    private readonly events: SaveQueueEvents,
    private readonly retryDelayMs = 500,
    private readonly storage?: QueueStorage,
  ) {
    // Ballots typed before a reload or a crash go out first, in the order they were typed.
    this.items = storage?.load() ?? [];
    if (this.items.length > 0) {
      this.events.changed(this.items.length);
      void this.drain();
    }
  }

  get pending(): number {
    return this.items.length;
  }

  /** The ballots not yet acknowledged, oldest first. */
  get waiting(): readonly PendingBallot[] {
    return [...this.items];
  }

  push(item: PendingBallot): void {
    this.items.push(item);
    this.storage?.save(this.items);
    this.events.changed(this.items.length);
    void this.drain();
  }

  /** The screen is gone: stop sending. What is not acknowledged stays in the storage. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once every ballot typed so far has been answered. */
  idle(): Promise<void> {
    if (this.items.length === 0 && !this.draining) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A send that throws (a bug, a closed transport) is retried like a lost connection. */
  private async attempt(item: PendingBallot): Promise<SaveOutcome> {
    try {
      return await this.send(item);
    } catch (e) {
      return { kind: 'disconnected', message: e instanceof Error ? e.message : String(e) };
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    while (this.items.length > 0 && !this.stopped) {
      const item = this.items[0]!;
      const outcome = await this.attempt(item);
      if (this.stopped) break;
      if (outcome.kind === 'disconnected') {
        this.events.retrying(outcome.message);
        await new Promise((r) => setTimeout(r, this.retryDelayMs));
        continue;
      }
      this.items.shift();
      this.storage?.save(this.items);
      this.events.changed(this.items.length);
      if (outcome.kind === 'saved') this.events.saved(item, outcome.n, outcome.status);
      else this.events.failed(item, outcome.messages);
    }
    this.draining = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

let sequence = 0;
const station = Array.from({ length: 2 }, () =>
  Math.floor(Math.random() * 36 ** 6).toString(36),
).join('');

/** A key unique to this station and entry (never anything about the voter). */
export const newClientKey = (): string => `s${station}-${(++sequence).toString(36)}`.slice(0, 64);

/** A ballot typed in a reading of a stack (double entry): the reading's, not yet the count's. */
export const readingBallot = (readingId: number, body: BallotBody): PendingBallot => ({
  clientKey: newClientKey(),
  body,
  batchId: null,
  correcting: null,
  readingId,
});
