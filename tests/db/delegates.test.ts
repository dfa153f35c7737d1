/**
 * The delegates' list (issue 9 item 10): position and unit kept as imported; a delegate removed
 * while the congress's base is not locked, with its audit row; refused, naming the status, once an
 * election counted against that base is finalized; the log still rebuilds the file.
 */
import { describe, expect, it } from 'vitest';
import { verifyFile } from '../../db/verify.ts';
import { ADMIN, countingElection, newService, refusals, snapshot, value } from './helpers.ts';

const PEOPLE = [
  { name: 'Nguyễn Văn An', unit: 'Chi bộ 1', position: 'Bí thư chi bộ' },
  { name: 'Trần Thị Bình', unit: 'Chi bộ 2', position: 'Phó Bí thư' },
  { name: 'Lê Văn Cường', unit: 'Chi bộ 2' },
];

describe('delegates: position, unit, removal', () => {
  it('keeps the position and the unit of each delegate', () => {
    const service = newService();
    value(service.execute('importDelegates', { people: PEOPLE }, ADMIN));
    expect(
      value(service.query('delegates')).map((d) => [d.name, d.unit, d.position, d.status]),
    ).toEqual([
      ['Nguyễn Văn An', 'Chi bộ 1', 'Bí thư chi bộ', 'official'],
      ['Trần Thị Bình', 'Chi bộ 2', 'Phó Bí thư', 'official'],
      ['Lê Văn Cường', 'Chi bộ 2', null, 'official'],
    ]);
    expect(service.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
  });

  it('removes a delegate while the base is open, with an audit row; the log rebuilds the file', () => {
    const service = newService();
    value(service.execute('importDelegates', { people: PEOPLE }, ADMIN));
    const [, second] = value(service.query('delegates'));
    value(service.execute('removeDelegate', { delegateId: second!.id }, ADMIN));
    expect(value(service.query('delegates')).map((d) => d.name)).toEqual([
      'Nguyễn Văn An',
      'Lê Văn Cường',
    ]);
    const audit = value(service.query('audit', {}));
    expect(audit.filter((a) => a.command === 'removeDelegate')).toHaveLength(1);
    expect(
      refusals(service.execute('removeDelegate', { delegateId: second!.id }, ADMIN)),
    ).toMatchObject([{ code: 'not-found', what: 'delegate', path: 'delegateId' }]);
    const v = verifyFile(service.db);
    expect(v.problems).toEqual([]);
  });

  it('is refused, naming the status, once an election on the congress base is finalized', () => {
    const service = newService();
    value(service.execute('importDelegates', { people: PEOPLE }, ADMIN));
    const electionId = countingElection(service);
    const [first] = value(service.query('delegates'));
    value(service.execute('closeElection', { electionId }, ADMIN));
    // Closed, not yet final: the list may still change.
    value(service.execute('importDelegates', { people: [{ name: 'Phạm Thị Dung' }] }, ADMIN));
    value(service.execute('finalizeElection', { electionId }, ADMIN));
    const before = snapshot(service);
    expect(refusals(service.execute('removeDelegate', { delegateId: first!.id }, ADMIN))).toEqual([
      {
        code: 'wrong-status',
        status: 'finalized',
        allowed: ['draft', 'open', 'counting', 'closed', 'suspended'],
        path: 'delegateId',
      },
    ]);
    expect(snapshot(service)).toBe(before);
  });
});
