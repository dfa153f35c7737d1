/**
 * Helpers of the renderer's tests: ballots for the save queue, a send into a real congress file,
 * a storage like the browser's.
 */
import type { KeyValueStorage } from '../../renderer/features/entry/queue-storage.ts';
import {
  newClientKey,
  type PendingBallot,
  type SaveOutcome,
} from '../../renderer/features/entry/save-queue.ts';
import type { Service } from '../../db/service.ts';
import { ADMIN, countingElection, newService } from '../db/helpers.ts';

/** A strike ballot waiting in the queue, with a fresh client key. */
export const ballot = (struck: string[]): PendingBallot => ({
  clientKey: newClientKey(),
  body: { struck },
  batchId: null,
  correcting: null,
});

/**
 * A congress file with one election counting, and a send that saves each queued ballot into it as
 * the host does.
 */
export function countingSave(): {
  service: Service;
  electionId: number;
  save: (item: PendingBallot) => SaveOutcome;
} {
  const service = newService();
  const electionId = countingElection(service);
  const save = (item: PendingBallot): SaveOutcome => {
    const r = service.execute(
      'enterBallot',
      { electionId, ballot: item.body, clientKey: item.clientKey },
      ADMIN,
    );
    return r.ok
      ? { kind: 'saved', n: r.value.n, status: r.value.status }
      : { kind: 'refused', messages: r.error.map((e) => e.code) };
  };
  return { service, electionId, save };
}

/** The Web Storage API over a Map, as localStorage behaves in a browser (strings in, strings out). */
export class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}
