/**
 * Hostile ballots sent to the service over a real congress file (issue 10, items 7 and 10; issue
 * 9, item 2; issue 8, item 6): a client key reused with other marks, candidate ids named like
 * built-in members, malformed ballots refused at the command's boundary. A refusal changes
 * nothing in the file.
 */
import { describe, expect, it } from 'vitest';
import { refusalText } from '../../core/refusal.ts';
import { rawRecord } from '../helpers/record.ts';
import {
  ADMIN,
  countingElection,
  enter,
  newService,
  refusals,
  snapshot,
  value,
} from '../db/helpers.ts';
import { BUILT_IN_NAMES } from './built-in-names.ts';

const KEY = 'station-1-000001';

describe('a save repeated with the same client key (issue 10, item 10)', () => {
  it('with the same marks is the same ballot; with other marks it is refused as a conflict', () => {
    const s = newService();
    const id = countingElection(s);
    const first = value(enter(s, id, { struck: ['c1', 'c2'] }, { clientKey: KEY }));
    expect(first.n).toBe(1);
    // The station lost the answer and sends the same save again: the same ballot, nothing new.
    const again = value(enter(s, id, { struck: ['c1', 'c2'] }, { clientKey: KEY }));
    expect(again).toEqual(first);
    const before = snapshot(s);
    for (const ballot of [
      { struck: ['c1'] },
      { struck: ['c1', 'c2'], ruling: { invalid: 'marked' } },
      { invalid: 'not-issued' },
    ]) {
      const [r] = refusals(enter(s, id, ballot, { clientKey: KEY }));
      expect(r).toMatchObject({ code: 'client-key-conflict', n: 1, path: 'clientKey' });
      expect(refusalText(r!, 'vi')).toContain('phiếu số 1');
      expect(refusalText(r!, 'en')).toContain('ballot 1');
    }
    expect(snapshot(s)).toBe(before);
    expect(value(s.query('results', { electionId: id })).ballots.collected).toBe(1);
  });

  it('approve marks in another key order are the same ballot, not a conflict', () => {
    const s = newService();
    const id = countingElection(s, {
      seats: 2,
      layout: 'approve',
      candidates: ['Lê An', 'Hồ Bình'],
    });
    const save = (marks: Record<string, string>) => enter(s, id, { marks }, { clientKey: KEY });
    const first = value(save({ c1: 'agree', c2: 'none' }));
    expect(value(save({ c2: 'none', c1: 'agree' }))).toEqual(first);
    expect(refusals(save({ c1: 'agree', c2: 'disagree' }))[0]?.code).toBe('client-key-conflict');
  });
});

describe('one ballot schema at the command boundary (issue 8, item 6)', () => {
  it('malformed ballots are refused before the handler, changing nothing', () => {
    const s = newService();
    const id = countingElection(s);
    const before = snapshot(s);
    const cases: [unknown, string, string][] = [
      [{ struck: 'c1' }, 'type', 'ballot.struck'],
      [{ struck: [1] }, 'type', 'ballot.struck[0]'],
      [{ struck: [], extra: 1 }, 'unknown-field', 'ballot'],
      [{ struck: [], ruling: { invalid: 'over-vote' } }, 'enum', 'ballot.ruling.invalid'],
      [{ struck: [], ruling: { invalid: 'other' } }, 'note-required', 'ballot.ruling.note'],
      [{ invalid: 'other', note: 'a\u001B[2Jb' }, 'unsafe-character', 'ballot.note'],
      [{ struck: ['c1\u202E'] }, 'unsafe-character', 'ballot.struck[0]'],
      [{ struck: Array.from({ length: 10_001 }, () => 'c1') }, 'too-big', 'ballot.struck'],
      [[], 'ballot-shape', 'ballot'],
      [null, 'ballot-shape', 'ballot'],
    ];
    for (const [ballot, code, path] of cases) {
      expect(refusals(enter(s, id, ballot))[0], JSON.stringify(ballot)?.slice(0, 80)).toMatchObject(
        { code, path },
      );
    }
    expect(snapshot(s)).toBe(before);
  });

  it('marks kept beside a ruling are stored, shown and counted under the ruling (issue 9, item 2)', () => {
    const s = newService();
    const id = countingElection(s);
    const saved = value(
      enter(s, id, { struck: ['c1', 'c3'], ruling: { invalid: 'marked', note: 'chữ ký' } }),
    );
    expect(saved.status).toBe('marked');
    const [ballot] = value(s.query('ballots', { electionId: id }));
    expect(ballot).toMatchObject({
      body: { struck: ['c1', 'c3'] },
      ruling: { invalid: 'marked', note: 'chữ ký' },
    });
    const exported = value(s.query('exportRecord', { electionId: id })) as unknown as {
      ballots: { entered: unknown[] };
    };
    expect(exported.ballots.entered).toEqual([
      { n: 1, struck: ['c1', 'c3'], ruling: { invalid: 'marked', note: 'chữ ký' } },
    ]);
    expect(value(s.query('results', { electionId: id })).ballots.invalidByReason).toEqual({
      marked: 1,
    });
  });
});

describe('candidate ids named like built-in members, in the file (issue 10, item 7)', () => {
  it('an imported approve election counts them exactly, and refuses a missing or extra mark', () => {
    const s = newService();
    const ids = BUILT_IN_NAMES.slice(0, 30);
    const raw = rawRecord({
      candidates: ids.length,
      seats: ids.length,
      layout: 'approve',
      kind: 'secretary',
      convened: 10,
    });
    (raw.candidates as { id: string }[]).forEach((c, i) => (c.id = ids[i]!));
    const record = JSON.parse(JSON.stringify(raw)) as unknown;
    value(s.execute('importElection', { record }, ADMIN));
    const electionId = value(s.query('elections', {}))[0]!.id;
    value(s.execute('reopenElection', { electionId, reason: 'nhập thêm phiếu' }, ADMIN));
    // Every candidate agreed on 7 ballots, over the wire as JSON text.
    const all = JSON.parse(
      JSON.stringify({ marks: Object.fromEntries(ids.map((id) => [id, 'agree'])) }),
    ) as unknown;
    for (let i = 0; i < 7; i++) value(enter(s, electionId, all));
    const result = value(s.query('results', { electionId }));
    expect(result.candidates.map((c) => [c.id, c.votes])).toEqual(ids.map((id) => [id, 7]));

    const before = snapshot(s);
    for (const id of ids) {
      const missing = JSON.parse(
        JSON.stringify({
          marks: Object.fromEntries(ids.filter((x) => x !== id).map((x) => [x, 'agree'])),
        }),
      ) as unknown;
      expect(refusals(enter(s, electionId, missing))[0]).toMatchObject({
        code: 'missing-mark',
        id,
      });
    }
    for (const extra of BUILT_IN_NAMES.slice(30)) {
      const more = JSON.parse(
        JSON.stringify({
          marks: Object.fromEntries([...ids.map((x) => [x, 'agree']), [extra, 'agree']]),
        }),
      ) as unknown;
      expect(refusals(enter(s, electionId, more))[0]).toMatchObject({
        code: 'unknown-candidate',
        id: extra,
      });
    }
    expect(snapshot(s)).toBe(before);
    // Reopened from the file, the tally is rebuilt from the stored bodies: the same count.
    const path = s.path;
    return s.close().then(() => {
      const reopened = newService({}, path);
      const again = value(reopened.query('results', { electionId }));
      expect(again.candidates.map((c) => c.votes)).toEqual(ids.map(() => 7));
    });
  });
});
