/** Real congress files in a temporary folder, for db tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CommandInput } from '../../core/api.ts';
import type { Refusal } from '../../core/refusal.ts';
import type { Result } from '../../core/result.ts';
import type { Actor } from '../../core/views.ts';
import { Service, type ServiceOptions } from '../../db/service.ts';
import { Workspace } from '../../db/workspace.ts';

const dirs: string[] = [];
const services: Service[] = [];

afterEach(async () => {
  for (const s of services.splice(0)) if (s.db.open) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-'));
  dirs.push(dir);
  return dir;
}

export function newService(options: ServiceOptions = {}, file?: string): Service {
  const path = file ?? join(tempDir(), 'dai-hoi.kiemphieu');
  const service = Service.open(path, { create: true, backups: false, ...options });
  services.push(service);
  return service;
}

export const ADMIN: Actor = { name: 'Nguyễn Văn Quản', role: 'admin' };
export const OPERATOR: Actor = { name: 'Lê Thị Nhập', role: 'operator' };

export function value<T>(result: Result<T, Refusal[]>): T {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function refusals<T>(result: Result<T, Refusal[]>): Refusal[] {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The congress's details, written by the admin: a congress of delegates unless told. */
export function setCongress(
  service: Service,
  details: Omit<CommandInput<'updateCongress'>, 'kind'> & {
    kind?: CommandInput<'updateCongress'>['kind'];
  },
): void {
  value(service.execute('updateCongress', { kind: 'delegates', ...details }, ADMIN));
}

/** A congress with its base and committee, and one strike election counting. */
export function countingElection(
  service: Service,
  {
    seats = 2,
    candidates = ['Trần Văn Bình', 'Lê Thị An', 'Nguyễn Văn Cường', 'Phạm Thị Dung'],
    layout = 'strike' as 'strike' | 'approve',
    convened = 10,
  } = {},
): number {
  setCongress(service, {
    name: 'Đại hội đại biểu Đảng bộ xã Thử Nghiệm lần thứ I',
    organisation: 'Đảng bộ xã Thử Nghiệm',
  });
  value(service.execute('setBase', { convened, exclusions: [] }, ADMIN));
  const { electionId } = value(
    service.execute(
      'createElection',
      { title: 'Bầu Ban Chấp hành khóa I', kind: 'committee', layout, seats, candidates },
      ADMIN,
    ),
  );
  value(service.execute('startCounting', { electionId }, ADMIN));
  return electionId;
}

/** A ballot entered by the operator; `more`: the station's client key, the batch. */
export const enter = (
  service: Service,
  electionId: number,
  ballot: unknown,
  more: { clientKey?: string; batchId?: number } = {},
) => service.execute('enterBallot', { electionId, ballot, ...more }, OPERATOR);

/** Strike ballots entered in order by the operator, one a list of the ids struck. */
export function enterStruck(
  service: Service,
  electionId: number,
  ballots: readonly (readonly string[])[],
): void {
  for (const struck of ballots) value(enter(service, electionId, { struck: [...struck] }));
}

/** A new service with one election counting (`countingElection`) and these strike ballots in it. */
export function countedElection(
  options: Parameters<typeof countingElection>[1],
  ballots: readonly (readonly string[])[],
): { s: Service; id: number } {
  const s = newService();
  const id = countingElection(s, options);
  enterStruck(s, id, ballots);
  return { s, id };
}

/**
 * A congress file in its own folder with one election counting (`countingElection`) and
 * `ballots` ballots entered, each striking `struck`; its service is left open for the test.
 */
export function countingFile({
  ballots = 0,
  struck = ['c1'],
}: { ballots?: number; struck?: readonly string[] } = {}): {
  dir: string;
  file: string;
  s: Service;
  id: number;
} {
  const dir = tempDir();
  const file = join(dir, 'dai-hoi.kiemphieu');
  const s = Service.open(file, { create: true, backups: false });
  const id = countingElection(s);
  enterStruck(
    s,
    id,
    Array.from({ length: ballots }, () => struck),
  );
  return { dir, file, s, id };
}

/** That file, written and closed, then opened in a workspace as a host opens it. */
export async function countingWorkspace(): Promise<{
  dir: string;
  file: string;
  workspace: Workspace;
  electionId: number;
}> {
  const { dir, file, s, id } = countingFile();
  await s.close();
  const workspace = new Workspace({ home: dir, options: { backups: false } });
  await workspace.open(file);
  return { dir, file, workspace, electionId: id };
}

export const auditCount = (service: Service): number =>
  (service.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;

/** Every row of every table, to show a refused command changed nothing. */
export function snapshot(service: Service): string {
  const tables = service.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map((t) => service.db.prepare(`SELECT * FROM "${t.name}"`).all()));
}
