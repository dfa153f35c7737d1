/**
 * The entry queue kept in the browser's storage, per station, congress file and election, until
 * the service acknowledges each ballot; refused ballots too, until the operator deals with them.
 * A station is one tab: its id lives in the tab's sessionStorage (a reload keeps it), and it
 * beats a heartbeat in localStorage. The queue of a station that stopped beating (a closed tab, a
 * crashed browser) is adopted by the next station that opens the same election; the client keys
 * make a ballot sent twice harmless.
 */
import type { PendingBallot, QueueStorage } from './save-queue.ts';

/** The part of the Web Storage API used here (localStorage, sessionStorage satisfy it). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface FailedBallot extends PendingBallot {
  readonly messages: readonly string[];
}

interface Stored {
  readonly pending: readonly PendingBallot[];
  readonly failed: readonly FailedBallot[];
}

const PREFIX = 'kp-queue|';
const ALIVE = 'kp-alive|';
/** A station silent this long is gone (its browser crashed); longer than a hidden tab's throttled timers. */
export const STALE_MS = 90_000;

const keyOf = (station: string, file: string, electionId: number): string =>
  `${PREFIX}${station}|${electionId}|${file}`;

function read(storage: KeyValueStorage, key: string): Stored {
  try {
    const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<Stored> | null;
    return {
      pending: Array.isArray(value?.pending) ? value.pending : [],
      failed: Array.isArray(value?.failed) ? value.failed : [],
    };
  } catch {
    return { pending: [], failed: [] };
  }
}

function write(storage: KeyValueStorage, key: string, value: Stored): void {
  if (value.pending.length === 0 && value.failed.length === 0) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify(value));
}

export class StoredQueue implements QueueStorage {
  private readonly key: string;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly station: string,
    private readonly file: string,
    private readonly electionId: number,
  ) {
    this.key = keyOf(station, file, electionId);
  }

  load(): PendingBallot[] {
    return [...read(this.storage, this.key).pending];
  }

  save(items: readonly PendingBallot[]): void {
    write(this.storage, this.key, { ...read(this.storage, this.key), pending: items });
  }

  failed(): FailedBallot[] {
    return [...read(this.storage, this.key).failed];
  }

  saveFailed(failed: readonly FailedBallot[]): void {
    write(this.storage, this.key, { ...read(this.storage, this.key), failed });
  }

  /**
   * Takes the queues of gone stations for the same file and election out of the storage: their
   * ballots, to be sent by this station (oldest station first, each in its typing order).
   */
  takeOrphans(now: number): Stored {
    const suffix = `|${this.electionId}|${this.file}`;
    const mine = read(this.storage, this.key);
    const known = new Set([...mine.pending, ...mine.failed].map((b) => b.clientKey));
    const pending: PendingBallot[] = [];
    const failed: FailedBallot[] = [];
    const keys = Array.from({ length: this.storage.length }, (_, i) => this.storage.key(i) ?? '');
    for (const key of keys) {
      if (!key.startsWith(PREFIX) || !key.endsWith(suffix) || key === this.key) continue;
      const station = key.slice(PREFIX.length, key.length - suffix.length);
      const beat = Number(this.storage.getItem(`${ALIVE}${station}`) ?? 0);
      if (now - beat < STALE_MS) continue;
      const theirs = read(this.storage, key);
      pending.push(...theirs.pending.filter((b) => !known.has(b.clientKey)));
      failed.push(...theirs.failed.filter((b) => !known.has(b.clientKey)));
      this.storage.removeItem(key);
    }
    return { pending, failed };
  }

  /** Before this station's queue starts: the orphans' ballots go first, then its own. */
  adoptOrphans(now: number): number {
    const { pending, failed } = this.takeOrphans(now);
    const mine = read(this.storage, this.key);
    write(this.storage, this.key, {
      pending: [...pending, ...mine.pending],
      failed: [...mine.failed, ...failed],
    });
    return pending.length + failed.length;
  }

  /** Anything not yet acknowledged or dealt with. */
  get unsaved(): number {
    const { pending, failed } = read(this.storage, this.key);
    return pending.length + failed.length;
  }

  get stationId(): string {
    return this.station;
  }
}

/** This tab's station id: kept across reloads of the tab, new in a new tab. */
export function stationId(session: KeyValueStorage): string {
  const known = session.getItem('kp-station');
  if (known !== null) return known;
  const id = Array.from({ length: 2 }, () => Math.floor(Math.random() * 36 ** 6).toString(36)).join(
    '',
  );
  session.setItem('kp-station', id);
  return id;
}

/** Says this station is alive; a tab leaving says at once that it is gone. */
export function heartbeat(storage: KeyValueStorage, station: string, now: number): void {
  storage.setItem(`${ALIVE}${station}`, String(now));
}

export function leave(storage: KeyValueStorage, station: string): void {
  storage.removeItem(`${ALIVE}${station}`);
}
