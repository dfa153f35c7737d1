/** LAN mode: other stations pair with the code shown on the main screen; nothing else gets in. */
import { refusalText, type Refusal } from '../../core/refusal.ts';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../db/workspace.ts';
import { Pairing, FREE_FAILURES } from '../../server/pairing.ts';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../server/http.ts';
import { countingWorkspace } from '../db/helpers.ts';

const open: { host: RunningHost; workspace: Workspace }[] = [];
afterEach(async () => {
  for (const { host, workspace } of open.splice(0)) {
    await host.close();
    await workspace.close();
  }
});

async function lanHost(lan: boolean): Promise<RunningHost> {
  const { workspace } = await countingWorkspace();
  // Bound to loopback only: the test reaches it as another station would, by IP address.
  const host = await startHost({ workspace, lan, host: '127.0.0.1' });
  open.push({ host, workspace });
  return host;
}

/** A request as another station sends it: to an IP address, with that address as its Host. */
function station(
  host: RunningHost,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  hostHeader = `127.0.0.1:${host.port}`,
) {
  return new Promise<{
    status: number;
    body: { ok: boolean; value?: { token?: string; code?: string }; error?: Refusal[] };
  }>((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'POST',
        headers: { host: hostHeader, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.end(JSON.stringify(body));
  });
}

describe('LAN mode: pairing other stations', () => {
  it('the main screen reads the code; a station that types it gets the token, once', async () => {
    const host = await lanHost(true);
    const info = await station(host, '/api/pairing', {}, { [TOKEN_HEADER]: host.token });
    const code = info.body.value?.code ?? '';
    expect(code).toMatch(/^\d{6}$/u);
    const paired = await station(host, '/api/pair', { code }, {}, `127.0.0.2:${host.port}`);
    expect(paired.status).toBe(200);
    const token = paired.body.value?.token ?? '';
    expect(token).toBe(host.token);
    const data = await station(
      host,
      '/api/query/elections',
      {},
      { [TOKEN_HEADER]: token },
      `127.0.0.2:${host.port}`,
    );
    expect(data.status).toBe(200);
    // The code is used up: the same code again is refused, and a new one is shown.
    const again = await station(host, '/api/pair', { code }, {});
    expect(again.status).toBe(401);
    expect(refusalText(again.body.error![0]!, 'vi')).toContain('mã ghép nối không đúng');
    const next = await station(host, '/api/pairing', {}, { [TOKEN_HEADER]: host.token });
    expect(next.body.value?.code).not.toBe(code);
  });

  it('the code needs the token to read; wrong codes are limited', async () => {
    const host = await lanHost(true);
    expect((await station(host, '/api/pairing', {})).status).toBe(401);
    for (let i = 0; i < FREE_FAILURES; i++)
      expect((await station(host, '/api/pair', { code: '000000x' })).status).toBe(401);
    const locked = await station(host, '/api/pair', { code: '123456' });
    expect(locked.status).toBe(429);
  });

  it('a Host that is a name, not an IP address, is refused (DNS rebinding)', async () => {
    const host = await lanHost(true);
    const r = await station(host, '/api/pair', { code: '1' }, {}, `evil.example:${host.port}`);
    expect(r.status).toBe(421);
  });

  it('without LAN mode there is no pairing, and other addresses are refused', async () => {
    const host = await lanHost(false);
    expect((await station(host, '/api/pair', { code: '123456' })).status).toBe(404);
    expect(
      (
        await station(
          host,
          '/api/query/elections',
          {},
          { [TOKEN_HEADER]: host.token },
          `127.0.0.2:${host.port}`,
        )
      ).status,
    ).toBe(421);
  });

  it('a code expires after ten minutes', () => {
    let now = 0;
    const pairing = new Pairing('tok', () => now);
    const { code } = pairing.current();
    now += 10 * 60 * 1000 + 1;
    expect(pairing.pair(code)).toEqual({ refused: 'wrong-code' });
    expect(pairing.pair(pairing.current().code)).toEqual({ token: 'tok' });
  });

  it('a guesser slows down only itself: the right code from another station still pairs', () => {
    let now = 0;
    const pairing = new Pairing('tok', () => now);
    for (let i = 0; i < FREE_FAILURES; i++)
      expect(pairing.pair('000000', '10.0.0.66')).toEqual({ refused: 'wrong-code' });
    // The guesser must now wait, even with the right code…
    expect(pairing.pair(pairing.current().code, '10.0.0.66')).toEqual({ refused: 'too-many' });
    // …while the projector's PC pairs at once.
    expect(pairing.pair(pairing.current().code, '10.0.0.7')).toEqual({ token: 'tok' });
    // The guesser's waits double: 2 s, then 4 s after the next wrong code.
    now += 2_001;
    expect(pairing.pair('000001', '10.0.0.66')).toEqual({ refused: 'wrong-code' });
    now += 2_001;
    expect(pairing.pair('000002', '10.0.0.66')).toEqual({ refused: 'too-many' });
    now += 2_000;
    expect(pairing.pair('000002', '10.0.0.66')).toEqual({ refused: 'wrong-code' });
  });
});
