/**
 * A restart of the browser host strands no station: the token is kept beside the congress file
 * and the last file is reopened, so the address every station holds keeps working.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Service } from '../../db/service.ts';
import { serve } from '../../server/main.ts';
import { TOKEN_HEADER } from '../../server/http.ts';
import { tokenFileOf } from '../../server/token.ts';
import { countingElection, tempDir } from '../db/helpers.ts';

const savedHome = process.env.KIEM_PHIEU_HOME;
const running: Awaited<ReturnType<typeof serve>>[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.running.close();
    await r.workspace.close();
  }
  process.env.KIEM_PHIEU_HOME = savedHome;
});

const whoami = async (url: string, token: string) => {
  const r = await fetch(`${url}api/whoami`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: '{}',
  });
  return { status: r.status, body: (await r.json()) as { value?: { file: { path: string } } } };
};

describe('server/main.ts across a restart', () => {
  it('reopens the last file with the same station token, kept beside it for this user only', async () => {
    const dir = tempDir();
    process.env.KIEM_PHIEU_HOME = join(dir, 'home');
    const file = join(dir, 'dai-hoi.kiemphieu');
    const setup = Service.open(file, { create: true, backups: false });
    countingElection(setup);
    await setup.close();

    const first = await serve([file, '--port', '0']);
    running.push(first);
    const token = first.running.token;
    expect((await whoami(first.running.url, token)).body.value?.file.path).toBe(file);
    expect(statSync(tokenFileOf(file)).mode & 0o777).toBe(0o600);
    await first.running.close();
    await first.workspace.close();
    running.pop();

    // Started again with no file named, as `npm start` is after a power cut.
    const second = await serve(['--port', '0']);
    running.push(second);
    expect(second.running.token).toBe(token);
    const again = await whoami(second.running.url, token);
    expect(again.status).toBe(200);
    expect(again.body.value?.file.path).toBe(file);
    expect((await whoami(second.running.url, 'x'.repeat(32))).status).toBe(401);
  });

  it('a file without a kept token gets a new one, then keeps it', async () => {
    const dir = tempDir();
    process.env.KIEM_PHIEU_HOME = join(dir, 'home');
    const file = join(dir, 'moi.kiemphieu');
    await Service.open(file, { create: true, backups: false }).close();
    const first = await serve([file, '--port', '0']);
    running.push(first);
    const second = await serve([file, '--port', '0']);
    running.push(second);
    expect(second.running.token).toBe(first.running.token);
  });
});
