/** The service over a real congress file: lifecycle, versions, locks, follow-ups, events. */
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../core/record.ts';
import { Tally } from '../../core/tally.ts';
import {
  ADMIN,
  auditCount,
  countedElection,
  countingElection,
  enter,
  newService,
  OPERATOR,
  refusals,
  value,
} from './helpers.ts';

describe('the congress file schema', () => {
  it('is migrated, STRICT, with foreign keys on and WAL + synchronous=FULL', () => {
    const s = newService();
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const strict = s.db
      .prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    expect(strict).toEqual([]);
    expect(() =>
      s.db
        .prepare("INSERT INTO delegate (name, status, ord) VALUES ('A', 'official', 'one')")
        .run(),
    ).toThrow();
    expect(() =>
      s.db
        .prepare("INSERT INTO candidate (election_id, code, name, ord) VALUES (99, 'c1', 'A', 1)")
        .run(),
    ).toThrow(/FOREIGN KEY/u);
  });

  it('the audit log and ballot versions refuse UPDATE and DELETE', () => {
    const s = newService();
    const id = countingElection(s);
    value(enter(s, id, { struck: ['c1', 'c2'] }));
    expect(() => s.db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/u);
    expect(() => s.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/u);
    expect(() => s.db.prepare('UPDATE ballot SET body = \'{"struck":[]}\'').run()).toThrow(
      /immutable/u,
    );
    expect(() => s.db.prepare('DELETE FROM ballot').run()).toThrow(/never deleted/u);
  });
});

describe('counting through the service', () => {
  it('enters ballots in order, classifies them, and results match a recount of the export', () => {
    const s = newService();
    const id = countingElection(s);
    const e = value(s.query('election', { electionId: id }));
    // Ballot order: An, Bình, Cường, Dung.
    expect(e.candidates.map((c) => c.name)).toEqual([
      'Lê Thị An',
      'Trần Văn Bình',
      'Nguyễn Văn Cường',
      'Phạm Thị Dung',
    ]);
    const entries = [
      { struck: ['c3', 'c4'] },
      { struck: ['c3', 'c4'] },
      { struck: ['c2', 'c4'] },
      { struck: ['c1'] }, // over-vote: 3 left for 2 seats
      { struck: ['c1', 'c2', 'c3', 'c4'] }, // all-struck
      { invalid: 'not-issued' },
      { struck: ['c4', 'c2'], ruling: { invalid: 'marked', note: 'có chữ ký' } },
    ];
    const statuses = entries.map((ballot) => value(enter(s, id, ballot)));
    expect(statuses.map((x) => x.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(statuses.map((x) => x.status)).toEqual([
      'valid',
      'valid',
      'valid',
      'over-vote',
      'all-struck',
      'not-issued',
      'marked',
    ]);
    const result = value(s.query('results', { electionId: id }));
    expect(result.ballots).toEqual({
      issued: 7,
      collected: 7,
      valid: 3,
      invalid: 4,
      invalidByReason: { 'over-vote': 1, 'all-struck': 1, 'not-issued': 1, marked: 1 },
    });
    const record = value(s.query('exportRecord', { electionId: id }));
    const reparsed = parseRecord(JSON.parse(JSON.stringify(record)));
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok) expect(Tally.ofRecord(reparsed.value).result()).toEqual(result);
  });

  it('a correction keeps the earlier version; a void needs a reason and keeps the ballot', () => {
    const s = newService();
    const id = countingElection(s);
    value(enter(s, id, { struck: ['c1'] }));
    expect(
      value(
        s.execute(
          'correctBallot',
          { electionId: id, n: 1, ballot: { struck: ['c1', 'c2'] }, reason: 'nhập nhầm' },
          OPERATOR,
        ),
      ),
    ).toEqual({
      n: 1,
      version: 2,
      status: 'valid',
    });
    const history = value(s.query('ballotHistory', { electionId: id, n: 1 }));
    expect(history.map((h) => [h.version, h.change, h.status])).toEqual([
      [1, 'enter', 'over-vote'],
      [2, 'correct', 'valid'],
    ]);
    expect(history[0]?.body).toEqual({ struck: ['c1'] });
    expect(
      refusals(s.execute('voidBallot', { electionId: id, n: 1, reason: '  ' }, OPERATOR))[0],
    ).toMatchObject({
      code: 'empty-text',
      path: 'reason',
    });
    value(
      s.execute('voidBallot', { electionId: id, n: 1, reason: 'phiếu nhập hai lần' }, OPERATOR),
    );
    expect(value(s.query('results', { electionId: id })).ballots.collected).toBe(0);
    expect(value(s.query('ballots', { electionId: id }))[0]).toMatchObject({
      n: 1,
      voided: true,
      voidReason: 'phiếu nhập hai lần',
    });
    expect(
      refusals(s.execute('voidBallot', { electionId: id, n: 1, reason: 'lần nữa' }, OPERATOR))[0],
    ).toMatchObject({ code: 'already-voided' });
  });

  it('a ruling sits beside the marks; clearing it returns to the engine reading', () => {
    const s = newService();
    const id = countingElection(s);
    value(enter(s, id, { struck: ['c1', 'c2'] }));
    expect(
      value(
        s.execute('ruleBallot', { electionId: id, n: 1, ruling: { invalid: 'added-name' } }, ADMIN),
      ).status,
    ).toBe('added-name');
    const [ruled] = value(s.query('ballots', { electionId: id }));
    expect(ruled).toMatchObject({
      body: { struck: ['c1', 'c2'] },
      ruling: { invalid: 'added-name' },
    });
    expect(
      value(s.execute('ruleBallot', { electionId: id, n: 1, ruling: null }, ADMIN)).status,
    ).toBe('valid');
    expect(
      refusals(
        s.execute('ruleBallot', { electionId: id, n: 1, ruling: { invalid: 'other' } }, ADMIN),
      )[0],
    ).toMatchObject({
      code: 'note-required',
    });
  });

  it('approve layout ballots', () => {
    const s = newService();
    const id = countingElection(s, { seats: 1, candidates: ['Hoàng Văn Em'], layout: 'approve' });
    for (const mark of ['agree', 'agree', 'disagree', 'both', 'none'] as const) {
      value(enter(s, id, { marks: { c1: mark } }));
    }
    const r = value(s.query('results', { electionId: id }));
    expect(r.ballots).toMatchObject({ valid: 3, invalid: 2, invalidByReason: { 'no-choice': 2 } });
    expect(r.candidates[0]?.votes).toBe(2);
  });

  it('a save sent twice with the same client key is counted once (a retry after a lost answer)', () => {
    const s = newService();
    const id = countingElection(s);
    const first = value(enter(s, id, { struck: ['c1', 'c2'] }, { clientKey: 'tram1-000001' }));
    const again = value(enter(s, id, { struck: ['c1', 'c2'] }, { clientKey: 'tram1-000001' }));
    expect(again).toEqual(first);
    expect(value(s.query('results', { electionId: id })).ballots.collected).toBe(1);
    value(enter(s, id, { struck: ['c1', 'c2'] }, { clientKey: 'tram1-000002' }));
    expect(value(s.query('results', { electionId: id })).ballots.collected).toBe(2);
  });

  it('batches reconcile their declared count', () => {
    const s = newService();
    const id = countingElection(s);
    const { batchId } = value(s.execute('openBatch', { electionId: id, declared: 3 }, OPERATOR));
    for (let i = 0; i < 2; i++) value(enter(s, id, { struck: ['c1', 'c2'] }, { batchId }));
    expect(value(s.query('progress', { electionId: id })).batches).toEqual([
      { id: batchId, label: 'Tập 1', declared: 3, entered: 2, closed: false, difference: -1 },
    ]);
    expect(value(s.execute('closeBatch', { batchId }, OPERATOR))).toEqual({
      declared: 3,
      entered: 2,
      difference: -1,
    });
    expect(refusals(enter(s, id, { struck: [] }, { batchId }))[0]).toMatchObject({
      code: 'not-found',
      what: 'batch',
    });
  });
});

describe('lifecycle and the finalize lock', () => {
  it('draft → counting → closed → finalized; nothing changes a finalized election', () => {
    const s = newService();
    const id = countingElection(s);
    value(enter(s, id, { struck: ['c1', 'c2'] }));
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    expect(refusals(enter(s, id, { struck: [] }))[0]).toMatchObject({
      code: 'wrong-status',
      status: 'closed',
    });
    value(s.execute('finalizeElection', { electionId: id }, ADMIN));
    const before = auditCount(s);
    for (const [name, input] of [
      ['enterBallot', { electionId: id, ballot: { struck: [] } }],
      ['correctBallot', { electionId: id, n: 1, ballot: { struck: [] } }],
      ['voidBallot', { electionId: id, n: 1, reason: 'x' }],
      ['ruleBallot', { electionId: id, n: 1, ruling: { invalid: 'marked' } }],
      ['setIssued', { electionId: id, issued: 5 }],
      ['setBase', { convened: 12 }],
      ['setCandidates', { electionId: id, candidates: ['A B'] }],
    ] as const) {
      expect(refusals(s.execute(name, input, ADMIN))[0]?.code).toBe('wrong-status');
    }
    // The file's own trigger holds even if the service were bypassed.
    expect(() =>
      s.db
        .prepare(
          "INSERT INTO ballot (election_id, n, version, current, body, change, entered_by, entered_at) VALUES (?, 99, 1, 1, '{}', 'enter', 'x', 'x')",
        )
        .run(id),
    ).toThrow(/does not accept ballots/u);
    expect(auditCount(s)).toBe(before);
  });

  it('reopening a finalized election needs an admin and a reason, and is logged', () => {
    const s = newService();
    const id = countingElection(s);
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    value(s.execute('finalizeElection', { electionId: id }, ADMIN));
    expect(
      refusals(s.execute('reopenElection', { electionId: id, reason: 'khiếu nại' }, OPERATOR))[0],
    ).toMatchObject({
      code: 'forbidden',
      role: 'operator',
    });
    expect(refusals(s.execute('reopenElection', { electionId: id }, ADMIN))[0]).toMatchObject({
      code: 'required',
      path: 'reason',
    });
    value(
      s.execute('reopenElection', { electionId: id, reason: 'Đoàn Chủ tịch cho kiểm lại' }, ADMIN),
    );
    const [last] = value(s.query('audit', { limit: 1 }));
    expect(last).toMatchObject({
      command: 'reopenElection',
      actor: 'Nguyễn Văn Quản (admin)',
      payload: { electionId: id, reason: 'Đoàn Chủ tịch cho kiểm lại', from: 'finalized' },
    });
    expect(value(s.query('election', { electionId: id })).status).toBe('counting');
  });

  it('suspend keeps the status to resume to, with the note', () => {
    const s = newService();
    const id = countingElection(s);
    value(s.execute('suspendElection', { electionId: id, note: 'chờ ý kiến Tỉnh ủy' }, ADMIN));
    expect(value(s.query('election', { electionId: id }))).toMatchObject({
      status: 'suspended',
      suspendedNote: 'chờ ý kiến Tỉnh ủy',
    });
    expect(refusals(enter(s, id, { struck: [] }))[0]?.code).toBe('wrong-status');
    value(s.execute('resumeElection', { electionId: id }, ADMIN));
    expect(value(s.query('election', { electionId: id })).status).toBe('counting');
  });
});

describe('follow-ups from a result (rules.md, "Who is elected" 3 and 4)', () => {
  it('a tie re-vote lists exactly the tied candidates for exactly the tied seats', () => {
    // c1 4; c2 3; c3 3; c4 0 → tie c2/c3 for 1 seat.
    const { s, id } = countedElection({ seats: 2, convened: 4 }, [
      ['c3', 'c4'],
      ['c2', 'c4'],
      ['c3', 'c4'],
      ['c2', 'c4'],
      ['c1', 'c4'],
    ]);
    expect(value(s.query('results', { electionId: id })).tie).toEqual({
      candidates: ['c2', 'c3'],
      seats: 1,
    });
    expect(
      refusals(s.execute('createFollowUp', { electionId: id, kind: 'revote' }, ADMIN))[0]?.code,
    ).toBe('wrong-status');
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    expect(
      refusals(s.execute('createFollowUp', { electionId: id, kind: 'round' }, ADMIN))[0]?.code,
    ).toBe('no-follow-up');
    const follow = value(s.execute('createFollowUp', { electionId: id, kind: 'revote' }, ADMIN));
    expect(follow).toMatchObject({ seats: 1, candidates: ['Trần Văn Bình', 'Nguyễn Văn Cường'] });
    const e = value(s.query('election', { electionId: follow.electionId }));
    expect(e).toMatchObject({
      round: 2,
      parentCode: 'bch',
      seats: 1,
      layout: 'strike',
      status: 'draft',
    });
    expect(e.title).toContain('bầu lại (vòng 2)');
  });

  it('a further round lists those not elected (plus added names) for the open seats', () => {
    const { s, id } = countedElection({ seats: 2, convened: 4 }, [
      ['c2', 'c3'],
      ['c2', 'c4'],
      ['c3', 'c4'],
    ]);
    // c1 3 (elected), c2 1, c3 1, c4 1 → 1 open seat.
    value(s.execute('closeElection', { electionId: id }, ADMIN));
    const follow = value(
      s.execute(
        'createFollowUp',
        { electionId: id, kind: 'round', addCandidates: ['Đỗ Văn Giang'] },
        ADMIN,
      ),
    );
    expect(follow.seats).toBe(1);
    const e = value(s.query('election', { electionId: follow.electionId }));
    // Those not elected and the added name, in ballot order (Bình, Cường, Dung, Giang).
    expect(e.candidates.map((c) => c.name)).toEqual([
      'Trần Văn Bình',
      'Nguyễn Văn Cường',
      'Phạm Thị Dung',
      'Đỗ Văn Giang',
    ]);
    expect(e.candidates.some((c) => c.name === 'Lê Thị An')).toBe(false);
  });
});

describe('operators and change events', () => {
  it('the first operator is an admin; PINs are kept only as a slow hash and never logged', async () => {
    const s = newService();
    expect(
      refusals(
        s.execute('addOperator', { name: 'Lê Nhập', role: 'operator', pin: '1234' }, ADMIN),
      )[0]?.code,
    ).toBe('forbidden');
    value(
      s.execute('addOperator', { name: 'Nguyễn Quản Trị', role: 'admin', pin: '246810' }, ADMIN),
    );
    value(s.execute('addOperator', { name: 'Lê Nhập', role: 'operator', pin: '1357' }, ADMIN));
    expect(
      refusals(
        s.execute('addOperator', { name: 'Khác', role: 'operator', pin: '1111' }, OPERATOR),
      )[0]?.code,
    ).toBe('forbidden');
    const stored = s.db.prepare('SELECT pin_hash FROM operator').all() as { pin_hash: string }[];
    expect(
      stored.every((r) => r.pin_hash.startsWith('scrypt$') && !r.pin_hash.includes('1357')),
    ).toBe(true);
    const log = JSON.stringify(s.db.prepare('SELECT payload FROM audit').all());
    expect(log).not.toContain('1357');
    expect(log).not.toContain('246810');
    expect(value(await s.login('Lê Nhập', '1357'))).toEqual({ name: 'Lê Nhập', role: 'operator' });
    expect(refusals(await s.login('Lê Nhập', '0000'))[0]?.code).toBe('wrong-pin');
  });

  it('publishes one change event per committed command, none for a refusal', () => {
    const s = newService();
    const id = countingElection(s);
    const events: unknown[] = [];
    s.subscribe((e) => events.push(e));
    value(enter(s, id, { struck: ['c1', 'c2'] }));
    refusals(enter(s, id, { struck: ['nope'] }));
    expect(events).toEqual([expect.objectContaining({ command: 'enterBallot', electionId: id })]);
  });
});
