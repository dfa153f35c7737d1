/**
 * A congress file written only by the app, touching every kind of row: details, operators with
 * PINs, delegates and attendance, the base with an exclusion, the committee, an election with its
 * list, ballots issued, a stack, retried saves, a correction, a void, a ruling, close and finalize;
 * then a conference election with its own base and a follow-up. Built once; tests tamper copies.
 */
import Database from 'better-sqlite3';
import { copyFileSync, cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH } from '../../core/audit-chain.ts';
import { canonicalJson } from '../../core/canonical-json.ts';
import { rowHash } from '../../db/audit.ts';
import { Service } from '../../db/service.ts';
import { ADMIN, OPERATOR, tempDir, value } from '../db/helpers.ts';

export const CANDIDATES = [
  'Trần Văn Bình',
  'Lê Thị An',
  'Nguyễn Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
];

export interface CongressFile {
  readonly file: string;
  readonly electionId: number;
  readonly conferenceId: number;
}

/** Writes the congress; `backups` keeps the app's automatic backups beside the file. */
export async function writeCongress(dir: string, { backups = false } = {}): Promise<CongressFile> {
  const file = join(dir, 'dai-hoi.kiemphieu');
  const s = Service.open(file, { create: true, backups });
  const run = value;
  run(
    s.execute(
      'updateCongress',
      {
        name: 'Đại hội đại biểu Đảng bộ xã Thử Nghiệm lần thứ I',
        organisation: 'Đảng bộ xã Thử Nghiệm',
        kind: 'delegates',
        term: '2025–2030',
        place: 'Thử Nghiệm',
        dateStart: '2025-10-14',
      },
      ADMIN,
    ),
  );
  run(s.execute('addOperator', { name: ADMIN.name, role: 'admin', pin: '246810' }, ADMIN));
  run(s.execute('addOperator', { name: OPERATOR.name, role: 'operator', pin: '1357' }, ADMIN));
  run(
    s.execute(
      'importDelegates',
      {
        people: Array.from({ length: 6 }, (_, i) => ({
          name: `Đại biểu ${i + 1}`,
          unit: `Chi bộ ${(i % 3) + 1}`,
        })),
      },
      ADMIN,
    ),
  );
  run(s.execute('setAttendance', { delegateId: 1, attendance: 'present' }, ADMIN));
  run(s.execute('setAttendance', { delegateId: 2, attendance: 'absent' }, ADMIN));
  run(
    s.execute(
      'setBase',
      { convened: 21, present: 20, exclusions: [{ category: 'committee-absent', count: 1 }] },
      ADMIN,
    ),
  );
  run(
    s.execute(
      'setCommittee',
      {
        members: [
          { name: 'Vũ Thị Trưởng', role: 'head' },
          { name: 'Đỗ Văn Một', role: 'member' },
          { name: 'Bùi Thị Hai', role: 'member' },
        ],
      },
      ADMIN,
    ),
  );
  const { electionId } = run(
    s.execute(
      'createElection',
      {
        title: 'Bầu Ban Chấp hành khóa I',
        kind: 'committee',
        layout: 'strike',
        seats: 3,
        candidates: CANDIDATES,
      },
      ADMIN,
    ),
  );
  run(s.execute('setIssued', { electionId, issued: 20 }, ADMIN));
  run(s.execute('startCounting', { electionId }, ADMIN));
  run(s.execute('setDisplay', { electionId, showFigures: true }, ADMIN));
  const { batchId } = run(s.execute('openBatch', { electionId, declared: 6 }, OPERATOR));
  const marks = [
    ['c1', 'c2'],
    ['c3', 'c4'],
    ['c2', 'c5'],
    ['c1', 'c5'],
    ['c4', 'c5'],
    ['c1', 'c3'],
  ];
  marks.forEach((struck, i) => {
    run(
      s.execute(
        'enterBallot',
        { electionId, batchId, clientKey: `sabcdef-${i + 1}`, ballot: { struck } },
        OPERATOR,
      ),
    );
  });
  // A save sent again after a lost answer: recognised, not counted twice.
  run(
    s.execute(
      'enterBallot',
      { electionId, batchId, clientKey: 'sabcdef-3', ballot: { struck: ['c2', 'c5'] } },
      OPERATOR,
    ),
  );
  run(s.execute('closeBatch', { batchId }, OPERATOR));
  for (let i = 0; i < 12; i++) {
    run(
      s.execute(
        'enterBallot',
        { electionId, ballot: { struck: i % 2 ? ['c1', 'c4'] : ['c2', 'c3'] } },
        OPERATOR,
      ),
    );
  }
  run(
    s.execute(
      'correctBallot',
      { electionId, n: 2, ballot: { struck: ['c3', 'c5'] }, reason: 'đọc nhầm' },
      OPERATOR,
    ),
  );
  run(s.execute('voidBallot', { electionId, n: 4, reason: 'nhập hai lần' }, ADMIN));
  run(
    s.execute(
      'ruleBallot',
      { electionId, n: 5, ruling: { invalid: 'marked', note: 'có ký hiệu lạ' } },
      ADMIN,
    ),
  );
  run(s.execute('closeElection', { electionId }, ADMIN));
  run(s.execute('finalizeElection', { electionId }, ADMIN));

  // The new committee's first conference: its own base, an approve election, then a follow-up.
  const conference = run(
    s.execute(
      'createElection',
      {
        title: 'Bầu Bí thư',
        kind: 'secretary',
        layout: 'approve',
        seats: 1,
        candidates: ['Trần Văn Bình'],
      },
      ADMIN,
    ),
  );
  const conferenceId = conference.electionId;
  run(s.execute('setBase', { electionId: conferenceId, convened: 3, exclusions: [] }, ADMIN));
  run(s.execute('suspendElection', { electionId: conferenceId, note: 'chờ danh sách' }, ADMIN));
  run(s.execute('resumeElection', { electionId: conferenceId }, ADMIN));
  run(s.execute('startCounting', { electionId: conferenceId }, ADMIN));
  run(
    s.execute(
      'enterBallot',
      { electionId: conferenceId, ballot: { marks: { c1: 'disagree' } } },
      ADMIN,
    ),
  );
  run(
    s.execute(
      'enterBallot',
      { electionId: conferenceId, ballot: { marks: { c1: 'disagree' } } },
      ADMIN,
    ),
  );
  run(
    s.execute(
      'enterBallot',
      { electionId: conferenceId, ballot: { marks: { c1: 'agree' } } },
      ADMIN,
    ),
  );
  run(s.execute('closeElection', { electionId: conferenceId }, ADMIN));
  run(
    s.execute(
      'createFollowUp',
      { electionId: conferenceId, kind: 'round', addCandidates: ['Lê Thị An'] },
      ADMIN,
    ),
  );
  await s.close();
  return { file, electionId, conferenceId };
}

let built: Promise<{ dir: string; congress: CongressFile }> | null = null;

/** A fresh copy of the congress file (and its backups) in a folder of its own. */
export async function congressCopy(): Promise<CongressFile> {
  built ??= (async () => {
    // Outlives each test's temporary folder (helpers.ts removes those after each test).
    const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-fixture-'));
    return { dir, congress: await writeCongress(dir, { backups: true }) };
  })();
  const { congress } = await built;
  const file = join(tempDir(), 'dai-hoi.kiemphieu');
  copyFileSync(congress.file, file);
  if (existsSync(`${congress.file}.backups`))
    cpSync(`${congress.file}.backups`, `${file}.backups`, { recursive: true });
  return { ...congress, file };
}

/**
 * A careful tamperer with sqlite3 in hand: drops the app's guards, edits, puts the guards back so
 * that the schema looks untouched.
 */
export function tamper(file: string, sql: string): void {
  const db = new Database(file);
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  db.exec(sql);
  for (const t of triggers) db.exec(t.sql);
  db.close();
}

/**
 * Recomputes every hash of the chain from the first row, as a tamperer who read the source would
 * after editing payloads: the chain verifies again; only a backup or paper can tell.
 */
export function rehash(file: string): void {
  const db = new Database(file);
  const guard = db
    .prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_append_only_update'")
    .pluck()
    .get() as string;
  db.exec('DROP TRIGGER audit_append_only_update');
  const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all() as {
    seq: number;
    at: string;
    actor: string;
    command: string;
    payload: string;
  }[];
  let prev = GENESIS_HASH;
  const update = db.prepare('UPDATE audit SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const payload = JSON.parse(r.payload) as unknown;
    const hash = rowHash(prev, { ...r, payload });
    update.run(canonicalJson(payload), prev, hash, r.seq);
    prev = hash;
  }
  db.exec(guard);
  db.close();
}
