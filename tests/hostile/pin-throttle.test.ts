/**
 * PIN guessing (issue 10, item 5): after a few wrong PINs, further tries by that name or from that
 * station wait longer and longer, without computing a hash; the hash runs off the event loop; every
 * refusal is an audit event that names the name tried and the station, never the PIN.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, newService, value } from '../db/helpers.ts';

function withOperator(clock: { now: number }) {
  const service = newService({
    backups: false,
    clock: () => new Date(clock.now).toISOString(),
  });
  value(
    service.execute('addOperator', { name: 'Nguyễn Văn Quản', role: 'admin', pin: '2468' }, ADMIN),
  );
  return service;
}

describe('PIN guesses', () => {
  it('slow down per name and per station; another station with another name is not held up', async () => {
    const clock = { now: Date.UTC(2026, 11, 1, 8) };
    const s = withOperator(clock);
    for (const pin of ['0000', '1111', '2222'])
      expect((await s.login('Nguyễn Văn Quản', pin, '10.0.0.66')).ok).toBe(false);
    // The fourth try, even with the right PIN, waits: by name…
    const held = await s.login('Nguyễn Văn Quản', '2468', '10.0.0.7');
    expect(held).toMatchObject({ ok: false, error: [{ code: 'throttled', seconds: 2 }] });
    // …and from the guessing station, whatever name it tries.
    expect(await s.login('Lê Thị Khác', '9999', '10.0.0.66')).toMatchObject({
      error: [{ code: 'throttled' }],
    });
    // Another station, another name: answered at once (a wrong PIN, here).
    expect(await s.login('Lê Thị Khác', '9999', '10.0.0.8')).toMatchObject({
      error: [{ code: 'wrong-pin' }],
    });
    clock.now += 2_001;
    expect(await s.login('Nguyễn Văn Quản', '2468', '10.0.0.7')).toMatchObject({ ok: true });
  });

  it('waits double with each further failure, up to five minutes', async () => {
    const clock = { now: Date.UTC(2026, 11, 1, 8) };
    const s = withOperator(clock);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await s.login('Nguyễn Văn Quản', '0000', 'x');
      if (!r.ok && r.error[0]?.code === 'throttled') {
        const seconds = (r.error[0] as { seconds: number }).seconds;
        waits.push(seconds);
        clock.now += seconds * 1000;
        i--;
        if (waits.length > 12) break;
      }
    }
    expect(waits.slice(0, 6)).toEqual([2, 4, 8, 16, 32, 64]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(300);
  });

  it('logs each refusal as an audit event without the PIN', async () => {
    const clock = { now: Date.UTC(2026, 11, 1, 8) };
    const s = withOperator(clock);
    await s.login('Nguyễn Văn Quản', '97531', '10.0.0.66');
    const rows = s.db
      .prepare("SELECT actor, payload FROM audit WHERE command = 'loginRefused'")
      .all() as {
      payload: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ name: 'Nguyễn Văn Quản', station: '10.0.0.66' });
    expect(JSON.stringify(rows)).not.toContain('97531');
  });

  it('hashes off the event loop: other work runs while a PIN is checked', async () => {
    const clock = { now: Date.UTC(2026, 11, 1, 8) };
    const s = withOperator(clock);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    await s.login('Nguyễn Văn Quản', '2468', 'x');
    const took = performance.now() - started;
    clearInterval(timer);
    // scrypt takes tens of milliseconds; the loop kept turning meanwhile.
    expect(took).toBeGreaterThan(10);
    expect(ticks).toBeGreaterThan(2);
  });
});
