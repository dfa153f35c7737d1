/** The browser host: token on every data request, size limits, clear errors, events over WebSocket. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  startHost,
  TOKEN_HEADER,
  SESSION_HEADER,
  MAX_BODY_BYTES,
  type RunningHost,
} from '../../server/http.ts';
import { countingWorkspace, snapshot } from '../db/helpers.ts';
import { refusalText, type Refusal } from '../../core/refusal.ts';

/** A refused reply's refusals, worded in Vietnamese as a station would show them. */
const said = (body: unknown): string[] =>
  ((body as { error?: Refusal[] }).error ?? []).map((r) => refusalText(r, 'vi'));
import type { Service } from '../../db/service.ts';
import type { Workspace } from '../../db/workspace.ts';

const hosts: RunningHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

const workspaces: Workspace[] = [];
afterEach(async () => {
  for (const w of workspaces.splice(0)) await w.close();
});

async function started(): Promise<{
  host: RunningHost;
  service: Service;
  electionId: number;
  dir: string;
  workspace: Workspace;
}> {
  const { dir, workspace, electionId } = await countingWorkspace();
  workspaces.push(workspace);
  const root = join(dir, 'renderer');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kiểm phiếu</title>');
  const host = await startHost({ workspace, staticRoot: root });
  hosts.push(host);
  return { host, service: workspace.service!, electionId, dir, workspace };
}

const post = (
  host: RunningHost,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(new URL(path, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('server/: the service over HTTP', () => {
  it('binds 127.0.0.1 by default and serves the UI without the token, with a CSP', async () => {
    const { host } = await started();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kiểm phiếu');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses data requests without the token, or with a wrong one, and changes nothing', async () => {
    const { host, service, electionId } = await started();
    const before = snapshot(service);
    for (const headers of [{ [TOKEN_HEADER]: '' }, { [TOKEN_HEADER]: 'x'.repeat(32) }]) {
      const r = await post(
        host,
        '/api/command/enterBallot',
        { electionId, ballot: { struck: ['c1', 'c2'] } },
        headers,
      );
      expect(r.status).toBe(401);
      const body = said(await r.json());
      expect(body[0]).toContain('mã phiên');
    }
    expect(
      (await post(host, '/api/query/results', { electionId }, { [TOKEN_HEADER]: 'nope' })).status,
    ).toBe(401);
    expect(snapshot(service)).toBe(before);
  });

  it('runs commands and queries; refusals come back in Vietnamese naming the field', async () => {
    const { host, electionId } = await started();
    const entered = await post(host, '/api/command/enterBallot', {
      electionId,
      ballot: { struck: ['c1', 'c2'] },
    });
    expect(await entered.json()).toEqual({
      ok: true,
      value: { n: 1, version: 1, status: 'valid' },
    });
    const results = (await (await post(host, '/api/query/results', { electionId })).json()) as {
      value: { ballots: { valid: number } };
    };
    expect(results.value.ballots.valid).toBe(1);
    const refused = await post(host, '/api/command/enterBallot', {
      electionId,
      ballot: { struck: ['c9'] },
    });
    expect(refused.status).toBe(422);
    const body = said(await refused.json());
    expect(body[0]).toBe(
      'Phiếu số 2 — ballot.struck[0]: ứng cử viên "c9" không có trong danh sách bầu cử',
    );
  });

  it('malformed JSON, unknown names and oversize bodies get clear errors and touch nothing', async () => {
    const { host, service } = await started();
    const before = snapshot(service);
    const bad = await post(host, '/api/command/enterBallot', '{"electionId": 1, ');
    expect(bad.status).toBe(400);
    expect(said(await bad.json())[0]).toContain('không đọc được JSON');
    expect((await post(host, '/api/command/dropTables', {})).status).toBe(404);
    const huge = await post(host, '/api/command/importElection', {
      record: 'x'.repeat(MAX_BODY_BYTES + 10),
    });
    expect(huge.status).toBe(413);
    expect(snapshot(service)).toBe(before);
  });

  it('refuses a request whose Host header is not its own (DNS rebinding)', async () => {
    const { host } = await started();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/query/elections',
          method: 'POST',
          headers: { host: 'evil.example:80', [TOKEN_HEADER]: host.token },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('once operators exist, commands need a login; queries do not', async () => {
    const { host, electionId } = await started();
    await post(host, '/api/command/addOperator', {
      name: 'Nguyễn Quản Trị',
      role: 'admin',
      pin: '2468',
    });
    const anonymous = await post(host, '/api/command/enterBallot', {
      electionId,
      ballot: { struck: ['c1', 'c2'] },
    });
    expect(anonymous.status).toBe(401);
    expect((await post(host, '/api/login', { name: 'Nguyễn Quản Trị', pin: '0000' })).status).toBe(
      401,
    );
    const login = (await (
      await post(host, '/api/login', { name: 'Nguyễn Quản Trị', pin: '2468' })
    ).json()) as { value: { session: string } };
    const ok = await post(
      host,
      '/api/command/enterBallot',
      { electionId, ballot: { struck: ['c1', 'c2'] } },
      { [SESSION_HEADER]: login.value.session },
    );
    expect(ok.status).toBe(200);
    expect((await post(host, '/api/query/progress', { electionId })).status).toBe(200);
  });
});

describe('server/: WebSocket', () => {
  it('refuses a socket without the token', async () => {
    const { host } = await started();
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}api/ws`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('carries commands, queries and the change events of every station', async () => {
    const { host, electionId } = await started();
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}api/ws?token=${host.token}`);
    const messages: { type?: string; id?: number; ok?: boolean; event?: { command: string } }[] =
      [];
    ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.on('open', r));
    await post(host, '/api/command/enterBallot', { electionId, ballot: { struck: ['c1', 'c2'] } });
    ws.send(
      JSON.stringify({
        id: 7,
        kind: 'command',
        name: 'enterBallot',
        input: { electionId, ballot: { struck: ['c3', 'c4'] } },
      }),
    );
    ws.send(JSON.stringify({ id: 8, kind: 'query', name: 'progress', input: { electionId } }));
    ws.send('not json');
    await new Promise((r) => setTimeout(r, 200));
    ws.close();
    const events = messages.filter((m) => m.type === 'event').map((m) => m.event?.command);
    expect(events).toEqual(['enterBallot', 'enterBallot']);
    expect(messages.find((m) => m.id === 7)).toMatchObject({ ok: true, value: { n: 2 } });
    expect(messages.find((m) => m.id === 8)).toMatchObject({ ok: true, value: { collected: 2 } });
    expect(messages.find((m) => m.id === null)).toMatchObject({ ok: false });
  });
});

describe('server/: spreadsheet preview', () => {
  it('reads a CSV of delegates and reports problems with row numbers, storing nothing', async () => {
    const { host, service } = await started();
    const before = snapshot(service);
    const csv =
      '\uFEFFSTT;Họ và tên;Đơn vị\n1;Nguyễn Văn An;Chi bộ 1\n2;;Chi bộ 2\n3;Trần Thị Bình;Chi bộ 3\n';
    const r = await post(host, '/api/sheet', {
      fileName: 'dai-bieu.csv',
      base64: Buffer.from(csv).toString('base64'),
    });
    expect(r.status).toBe(200);
    const sheet = (await r.json()) as {
      value: { people: { name: string; row: number }[]; problems: unknown[] };
    };
    expect(sheet.value.people.map((p) => [p.row, p.name])).toEqual([
      [2, 'Nguyễn Văn An'],
      [4, 'Trần Thị Bình'],
    ]);
    expect(sheet.value.problems).toHaveLength(1);
    const bad = await post(host, '/api/sheet', { fileName: 'x.xls', base64: 'AAAA' });
    expect(bad.status).toBe(422);
    expect(said(await bad.json())[0]).toMatch(/xlsx/u);
    expect(snapshot(service)).toBe(before);
  });
});

describe('server/: files', () => {
  it('creates, opens and remembers congress files; without one, data calls say so', async () => {
    const { host, dir } = await started();
    expect((await (await post(host, '/api/file/close', {})).json()) as object).toEqual({
      ok: true,
      value: null,
    });
    const none = await post(host, '/api/query/elections', {});
    expect(none.status).toBe(409);
    expect(said(await none.json())[0]).toBe('chưa mở tệp đại hội nào');
    const congress = {
      name: 'Đại hội đại biểu Đảng bộ phường Bến Thành lần thứ XIII',
      organisation: 'Đảng bộ phường Bến Thành',
      kind: 'delegates',
    };
    const created = await post(host, '/api/file/create', {
      path: join(dir, 'ben-thanh'),
      congress,
    });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { value: { path: string } }).value.path).toBe(
      join(dir, 'ben-thanh.kiemphieu'),
    );
    const again = await post(host, '/api/file/create', { path: join(dir, 'ben-thanh'), congress });
    expect(said(await again.json())[0]).toContain('đã có tệp');
    const recent = (await (await post(host, '/api/file/recent', {})).json()) as {
      value: { path: string; name: string }[];
    };
    expect(recent.value[0]).toMatchObject({
      path: join(dir, 'ben-thanh.kiemphieu'),
      name: congress.name,
    });
    expect(recent.value[1]?.path).toBe(join(dir, 'dai-hoi.kiemphieu'));
    const opened = await post(host, '/api/file/open', { path: join(dir, 'dai-hoi.kiemphieu') });
    expect(opened.status).toBe(200);
    expect((await post(host, '/api/file/open', { path: join(dir, 'khong-co') })).status).toBe(422);
  });
});
