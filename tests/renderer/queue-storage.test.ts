/**
 * The entry queue kept in the browser's storage (issue 9, item 8): nothing unacknowledged is lost
 * when the page goes (reload, crash, host restart), the next queue sends it again with the same
 * client keys, and a closed station's queue is taken over by the next station; against a real
 * congress file.
 */
import { describe, expect, it } from 'vitest';
import {
  heartbeat,
  leave,
  stationId,
  StoredQueue,
  STALE_MS,
} from '../../renderer/features/entry/queue-storage.ts';
import {
  SaveQueue,
  type PendingBallot,
  type SaveOutcome,
} from '../../renderer/features/entry/save-queue.ts';
import { ballot, MemoryStorage, countingSave } from './helpers.ts';

const quiet = {
  saved: () => undefined,
  failed: () => undefined,
  retrying: () => undefined,
  changed: () => undefined,
};

describe('the entry queue in the browser’s storage', () => {
  it('keeps every ballot until the service acknowledges it; the next queue resends them, none twice', async () => {
    const { service, electionId, save } = countingSave();
    const local = new MemoryStorage();
    const store = new StoredQueue(local, 'tab1', '/congress.kiemphieu', electionId);
    // The host is down: every send fails, as a closed socket does.
    let up = false;
    const send = async (item: PendingBallot): Promise<SaveOutcome> => {
      if (!up) return { kind: 'disconnected', message: 'down' };
      return save(item);
    };
    const first = new SaveQueue(send, quiet, 5, store);
    first.push(ballot(['c1', 'c2']));
    first.push(ballot(['c3', 'c4']));
    expect(store.load().map((b) => b.body)).toEqual([
      { struck: ['c1', 'c2'] },
      { struck: ['c3', 'c4'] },
    ]);
    expect(store.unsaved).toBe(2);
    // The page is reloaded: the first queue is gone, its ballots are not.
    first.stop();
    await new Promise((r) => setTimeout(r, 20));
    up = true;
    const stored = store.load();
    const second = new SaveQueue(
      send,
      quiet,
      5,
      new StoredQueue(local, 'tab1', '/congress.kiemphieu', electionId),
    );
    expect(second.pending).toBe(2);
    await second.idle();
    expect(store.unsaved).toBe(0);
    const saved = service.query('ballots', { electionId });
    expect(saved.ok && saved.value.map((b) => b.body)).toEqual([
      { struck: ['c1', 'c2'] },
      { struck: ['c3', 'c4'] },
    ]);
    // The same ballots sent again (a copy of an old storage): the client keys make it harmless.
    const again = new SaveQueue(send, quiet, 5, { load: () => stored, save: () => undefined });
    await again.idle();
    const progress = service.query('progress', { electionId });
    expect(progress.ok && progress.value.collected).toBe(2);
  });

  it('a ballot sent twice with its key (lost acknowledgement) is counted once', async () => {
    const { service, electionId, save } = countingSave();
    const local = new MemoryStorage();
    const store = new StoredQueue(local, 'tab1', 'f', electionId);
    const item = ballot(['c2']);
    let acks = 0;
    const send = async (b: PendingBallot): Promise<SaveOutcome> => {
      const outcome = save(b);
      if (outcome.kind !== 'saved') return outcome;
      // The first acknowledgement is lost on the way back: the station retries.
      return acks++ === 0 ? { kind: 'disconnected', message: 'lost' } : outcome;
    };
    const queue = new SaveQueue(send, quiet, 1, store);
    queue.push(item);
    await queue.idle();
    const progress = service.query('progress', { electionId });
    expect(progress.ok && progress.value.collected).toBe(1);
    expect(store.unsaved).toBe(0);
  });

  it('refused ballots stay stored until the operator deals with them', () => {
    const local = new MemoryStorage();
    const store = new StoredQueue(local, 'tab1', 'f', 3);
    const item = ballot(['c1']);
    store.saveFailed([{ ...item, messages: ['refused'] }]);
    expect(new StoredQueue(local, 'tab1', 'f', 3).failed()).toEqual([
      { ...item, messages: ['refused'] },
    ]);
    expect(store.unsaved).toBe(1);
    store.saveFailed([]);
    expect(local.length).toBe(0);
  });

  it('a station that left (or stopped beating) has its queue taken over; a live one keeps its own', () => {
    const local = new MemoryStorage();
    const now = 1_000_000;
    const gone = new StoredQueue(local, 'gone', 'f', 1);
    const alive = new StoredQueue(local, 'alive', 'f', 1);
    const otherElection = new StoredQueue(local, 'gone', 'f', 2);
    const a = ballot(['c1']);
    const b = ballot(['c2']);
    gone.save([a]);
    gone.saveFailed([{ ...b, messages: ['x'] }]);
    alive.save([ballot(['c3'])]);
    otherElection.save([ballot(['c4'])]);
    heartbeat(local, 'gone', now);
    heartbeat(local, 'alive', now);
    leave(local, 'gone');
    const mine = new StoredQueue(local, 'new', 'f', 1);
    mine.save([ballot(['c5'])]);
    expect(mine.adoptOrphans(now + 1)).toBe(2);
    expect(mine.load().map((x) => x.body)).toEqual([{ struck: ['c1'] }, { struck: ['c5'] }]);
    expect(mine.failed().map((x) => x.clientKey)).toEqual([b.clientKey]);
    expect(gone.unsaved).toBe(0);
    expect(alive.unsaved).toBe(1);
    expect(otherElection.unsaved).toBe(1);
    // Taken while this station runs: handed over, not written under its key.
    const late = new StoredQueue(local, 'late', 'f', 1);
    late.save([ballot(['c6'])]);
    const taken = mine.takeOrphans(now + 1);
    expect(taken.pending.map((x) => x.body)).toEqual([{ struck: ['c6'] }]);
    expect(late.unsaved).toBe(0);
    expect(mine.load()).toHaveLength(2);
    // A station silent past the limit is gone too.
    expect(mine.adoptOrphans(now + STALE_MS + 1)).toBe(1);
    expect(alive.unsaved).toBe(0);
  });

  it('a tab keeps its station id across reloads; a new tab gets another', () => {
    const tab = new MemoryStorage();
    const id = stationId(tab);
    expect(stationId(tab)).toBe(id);
    expect(stationId(new MemoryStorage())).not.toBe(id);
  });

  it('storage that is not a queue (edited by hand) is read as empty, never thrown on', () => {
    const local = new MemoryStorage();
    local.setItem('kp-queue|t|1|f', '{not json');
    expect(new StoredQueue(local, 't', 'f', 1).load()).toEqual([]);
  });
});
