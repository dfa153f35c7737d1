/**
 * A hall for double entry: a new congress file whose strike election needs two readings a stack,
 * with an administrator, two operators and a committee member who can log in (PINs 1111, 2222,
 * 3333, 4444), counting. The walk-throughs and the benchmark start from it. Free of the test
 * runner, like station.ts.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Ballot } from '../../core/ballot.ts';
import type { ElectionRecord } from '../../core/record.ts';
import type { Result } from '../../core/result.ts';
import { tallyRecord } from '../../core/tally.ts';
import type { Actor } from '../../core/views.ts';
import type { Service } from '../../db/service.ts';
import type { EditorShape } from '../../renderer/features/entry/editor.ts';
import { startHall, type Hall } from './browser.ts';
import { login, operatorPage } from './station.ts';

/** The eight candidates of the small walk-throughs' elections. */
export const EIGHT_CANDIDATES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Quốc Cường',
  'Phạm Minh Dũng',
  'Hoàng Thị Giang',
  'Vũ Văn Hải',
  'Đặng Thị Hương',
  'Bùi Văn Khánh',
];

export const PEOPLE = {
  admin: { name: 'Quản Trị Viên', pin: '1111' },
  first: { name: 'Lê Thị Nhập', pin: '2222' },
  second: { name: 'Trần Văn Đọc', pin: '3333' },
  committee: { name: 'Nguyễn Văn Trưởng', pin: '4444' },
} as const;

/** Logs a station in as one of the hall's people, by name and PIN. */
export const loginAs = (page: Page, who: keyof typeof PEOPLE): Promise<void> =>
  login(page, PEOPLE[who].name, PEOPLE[who].pin);

const ADMIN: Actor = { name: PEOPLE.admin.name, role: 'admin' };

export const done = <T>(r: Result<T, unknown>): T => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.value;
};

export interface ReadingsHall {
  readonly hall: Hall;
  readonly service: Service;
  readonly electionId: number;
  readonly record: ElectionRecord;
  readonly shape: EditorShape;
}

export async function readingsHall({
  file,
  convened,
  seats,
  candidates = EIGHT_CANDIDATES,
}: {
  file: string;
  convened: number;
  seats: number;
  /** The election's candidates: the walk-throughs' eight unless a bench needs others. */
  candidates?: readonly string[];
}): Promise<ReadingsHall> {
  const hall = await startHall();
  const created = await hall.workspace.create(join(hall.dir, file), {
    name: 'Đại hội đại biểu Đảng bộ xã Thử Nghiệm lần thứ I',
    organisation: 'Đảng bộ xã Thử Nghiệm',
    kind: 'delegates',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const service = hall.workspace.service!;
  done(service.execute('setBase', { convened, exclusions: [] }, ADMIN));
  done(
    service.execute(
      'setCommittee',
      { members: [{ name: PEOPLE.committee.name, role: 'head' }] },
      ADMIN,
    ),
  );
  const { electionId } = done(
    service.execute(
      'createElection',
      {
        title: 'Bầu Ban Chấp hành khóa I',
        kind: 'committee',
        layout: 'strike',
        seats,
        candidates: [...candidates],
      },
      ADMIN,
    ),
  );
  done(service.execute('setReadings', { electionId, readings: 2 }, ADMIN));
  for (const [who, role] of [
    ['admin', 'admin'],
    ['first', 'operator'],
    ['second', 'operator'],
    ['committee', 'committee'],
  ] as const)
    done(service.execute('addOperator', { ...PEOPLE[who], role }, ADMIN));
  done(service.execute('startCounting', { electionId }, ADMIN));
  const record: ElectionRecord = done(service.query('exportRecord', { electionId }));
  return {
    hall,
    service,
    electionId,
    record,
    shape: { layout: 'strike', seats, codes: record.candidates.map((c) => c.id) },
  };
}

/** A walk-through's station at the hall: two readers and a scanner share the machine, so it waits
 * longer (20 s); an error thrown in the page fails the step. */
export const readingsStation = (browser: Browser, hall: Hall): Promise<Page> =>
  operatorPage(browser, hall, { timeout: 20_000, throwPageErrors: true });

/** The result the paper gives: the election's tally of `truth`, in order, every ballot issued. */
export const truthTally = (record: ElectionRecord, truth: readonly Ballot[]) =>
  tallyRecord({
    ...record,
    ballots: { issued: truth.length, entered: truth.map((b, i) => ({ ...b, n: i + 1 })) },
  } as ElectionRecord);
