/** The save queue of ballot entry: order kept, lost connections retried with the same key, refusals kept. */
import { describe, expect, it } from 'vitest';
import {
  SaveQueue,
  newClientKey,
  type PendingBallot,
  type SaveOutcome,
} from '../../renderer/features/entry/save-queue.ts';
import { ballot, countingSave } from './helpers.ts';

function recorder() {
  const log: string[] = [];
  return {
    log,
    events: {
      saved: (item: PendingBallot, n: number) =>
        log.push(`saved ${n} ${JSON.stringify(item.body)}`),
      failed: (_item: PendingBallot, messages: readonly string[]) =>
        log.push(`failed ${messages.join(' ')}`),
      retrying: () => log.push('retry'),
      changed: () => undefined,
    },
  };
}

describe('the save queue of ballot entry', () => {
  it('saves in typing order, one at a time, against a real congress file', async () => {
    const { save } = countingSave();
    const { log, events } = recorder();
    let inFlight = 0;
    const queue = new SaveQueue(async (item) => {
      inFlight++;
      expect(inFlight).toBe(1);
      await new Promise((r) => setTimeout(r, 2));
      const outcome = save(item);
      inFlight--;
      return outcome;
    }, events);
    for (const struck of [
      ['c1', 'c2'],
      ['c3', 'c4'],
      ['c1', 'c3'],
    ])
      queue.push(ballot(struck));
    await queue.idle();
    expect(log).toEqual([
      'saved 1 {"struck":["c1","c2"]}',
      'saved 2 {"struck":["c3","c4"]}',
      'saved 3 {"struck":["c1","c3"]}',
    ]);
  });

  it('a lost answer is retried with the same key and counted once', async () => {
    const { service, electionId, save } = countingSave();
    const { log, events } = recorder();
    const keys: string[] = [];
    let drop = true;
    const queue = new SaveQueue(
      async (item): Promise<SaveOutcome> => {
        keys.push(item.clientKey);
        const outcome = save(item);
        if (drop) {
          // Saved in the file, but the answer never reached the station.
          drop = false;
          return { kind: 'disconnected', message: 'mất kết nối' };
        }
        return outcome;
      },
      events,
      1,
    );
    queue.push(ballot(['c1', 'c2']));
    await queue.idle();
    expect(keys[0]).toBe(keys[1]);
    expect(log).toEqual(['retry', 'saved 1 {"struck":["c1","c2"]}']);
    const results = service.query('results', { electionId });
    expect(results.ok && results.value.ballots.collected).toBe(1);
  });

  it('a refused ballot is kept with its marks and the next ones still go through', async () => {
    const { log, events } = recorder();
    const queue = new SaveQueue(
      async (item) =>
        JSON.stringify(item.body).includes('c9')
          ? { kind: 'refused', messages: ['ứng cử viên "c9" không có'] }
          : { kind: 'saved', n: 7, status: 'valid' },
      events,
    );
    queue.push(ballot(['c9']));
    queue.push(ballot(['c1']));
    await queue.idle();
    expect(log).toEqual(['failed ứng cử viên "c9" không có', 'saved 7 {"struck":["c1"]}']);
  });

  it('client keys are unique per entry and carry nothing about a voter', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newClientKey()));
    expect(keys.size).toBe(1000);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{8,64}$/u);
  });

  it('survives a send that throws (SQLITE_BUSY, a bug): retries it, then saves everything after it', async () => {
    const { save } = countingSave();
    const { log, events } = recorder();
    let throws = 2;
    const queue = new SaveQueue(
      async (item) => {
        if (throws-- > 0) throw new Error('SQLITE_BUSY: database is locked');
        return save(item);
      },
      events,
      1,
    );
    queue.push(ballot(['c1']));
    queue.push(ballot(['c2']));
    await queue.idle();
    expect(log).toEqual([
      'retry',
      'retry',
      'saved 1 {"struck":["c1"]}',
      'saved 2 {"struck":["c2"]}',
    ]);
    expect(queue.pending).toBe(0);
  });
});
