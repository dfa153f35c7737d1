/**
 * Issue 10, item 15 (last bullet): once the file has operators, a station token without a login
 * cannot close the file and create a new one (where its holder would become the first admin).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../../db/api.ts';
import { Workspace } from '../../db/workspace.ts';
import { Service } from '../../db/service.ts';
import { ADMIN, countingElection, value } from '../db/helpers.ts';

let dir: string;
let workspace: Workspace;
let api: Api;
const file = () => join(dir, 'dai-hoi.kiemphieu');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kp-file-calls-'));
  const setup = Service.open(file(), { create: true, backups: false });
  countingElection(setup);
  value(
    setup.execute('addOperator', { name: 'Nguyễn Văn Quản', role: 'admin', pin: '2468' }, ADMIN),
  );
  value(
    setup.execute('addOperator', { name: 'Lê Thị Nhập', role: 'operator', pin: '1357' }, ADMIN),
  );
  await setup.close();
  workspace = new Workspace({ home: dir, options: { backups: false } });
  await workspace.open(file());
  api = new Api(workspace);
});
afterAll(async () => {
  await workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

const congress = { name: 'Đại hội giả', organisation: 'Chi bộ giả', kind: 'members' };

describe('leaving a file that has operators', () => {
  it('without a login: close, open and create are refused, and the file stays open', async () => {
    for (const [name, input] of [
      ['close', {}],
      ['create', { path: join(dir, 'moi'), congress }],
      ['open', { path: file() }],
      ['backupTo', { folder: dir }],
    ] as const) {
      const r = await api.handle({ kind: 'file', name, input });
      expect(r, name).toMatchObject({ ok: false, error: [{ code: 'login-required' }] });
    }
    expect(workspace.info()?.path).toBe(file());
  });

  it('an operator who is not an admin may copy it, not leave it', async () => {
    const login = await api.handle({ kind: 'login', input: { name: 'Lê Thị Nhập', pin: '1357' } });
    const session = (login as { value: { session: string } }).value.session;
    const create = await api.handle({
      kind: 'file',
      name: 'create',
      input: { path: join(dir, 'moi'), congress },
      session,
    });
    expect(create).toMatchObject({ ok: false, error: [{ code: 'forbidden', needed: ['admin'] }] });
    const copy = await api.handle({
      kind: 'file',
      name: 'backupTo',
      input: { folder: dir },
      session,
    });
    expect(copy.ok, JSON.stringify(copy)).toBe(true);
  });

  it('an admin may', async () => {
    const login = await api.handle({
      kind: 'login',
      input: { name: 'Nguyễn Văn Quản', pin: '2468' },
    });
    const session = (login as { value: { session: string } }).value.session;
    const r = await api.handle({ kind: 'file', name: 'open', input: { path: file() }, session });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });
});
