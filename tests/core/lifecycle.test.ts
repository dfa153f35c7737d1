/**
 * The election lifecycle (core/lifecycle/election.ts): every command that acts on an election,
 * tried through the real Service on an election in every status. Allowed where the table says so
 * (the status check passes, and a transition lands where the table says), refused everywhere else
 * with a refusal naming the status and the statuses the command needs.
 */
import { describe, expect, it } from 'vitest';
import {
  ELECTION_RULES,
  ELECTION_STATUSES,
  allowedCommands,
  allows,
  isCountClosed,
  nextStatus,
  type ElectionCommand,
  type ElectionStatus,
} from '../../core/lifecycle/election.ts';
import type { Service } from '../../db/service.ts';
import { ADMIN, newService, value } from '../db/helpers.ts';

/** A fresh congress with one election brought to `status` by the Service's own commands. */
function electionIn(status: ElectionStatus): { service: Service; electionId: number } {
  const service = newService({ backups: false });
  value(
    service.execute(
      'updateCongress',
      { name: 'Đại hội Đảng bộ xã Thử Nghiệm', organisation: 'Đảng bộ xã', kind: 'delegates' },
      ADMIN,
    ),
  );
  value(service.execute('setBase', { convened: 10, exclusions: [] }, ADMIN));
  const { electionId } = value(
    service.execute(
      'createElection',
      {
        title: 'Bầu Ban Chấp hành',
        kind: 'committee',
        layout: 'strike',
        seats: 2,
        candidates: ['Trần Văn Bình', 'Lê Thị An', 'Nguyễn Văn Cường'],
      },
      ADMIN,
    ),
  );
  const run = (name: 'openElection' | 'startCounting' | 'closeElection' | 'finalizeElection') =>
    value(service.execute(name, { electionId }, ADMIN));
  if (status === 'open') run('openElection');
  if (['counting', 'closed', 'finalized', 'suspended'].includes(status)) {
    run('startCounting');
    value(service.execute('enterBallot', { electionId, ballot: { struck: ['c1'] } }, ADMIN));
    // A stack left open, for closeBatch to find in every later status.
    value(service.execute('openBatch', { electionId, declared: 1 }, ADMIN));
    // A second stack read once (one reading required): its reading exists in every later status.
    const { batchId } = value(service.execute('openBatch', { electionId, declared: 1 }, ADMIN));
    const start = { batchId, kind: 'keyboard', station: 'Máy 1' } as const;
    const { readingId } = value(service.execute('startReading', start, ADMIN));
    value(service.execute('enterReadingBallot', { readingId, ballot: { struck: ['c2'] } }, ADMIN));
    value(service.execute('finishReading', { readingId }, ADMIN));
  }
  if (status === 'closed' || status === 'finalized') run('closeElection');
  if (status === 'finalized') run('finalizeElection');
  if (status === 'suspended')
    value(service.execute('suspendElection', { electionId, note: 'Chờ ý kiến' }, ADMIN));
  return { service, electionId };
}

/** A scanned sheet read with certainty: the first name struck. */
const SHEET = {
  file: 'scan-0001.png',
  page: 1,
  pages: 1,
  sha256: 'b'.repeat(64),
  fileSha256: 'b'.repeat(64),
  status: 'read',
  lines: ['c1', 'c2', 'c3'].map((id, i) => ({
    id,
    strike: i === 0 ? 900 : 0,
    agree: 0,
    disagree: 0,
    struck: i === 0 ? 'struck' : 'kept',
    mark: null,
    reasons: [],
  })),
};

/** A well-formed input for each command, so only the status can refuse it. */
function inputFor(command: ElectionCommand, electionId: number, service: Service): unknown {
  const batchId = () =>
    (
      service.db.prepare('SELECT id FROM batch WHERE election_id = ?').get(electionId) as
        { id: number } | undefined
    )?.id ?? 1;
  switch (command) {
    case 'setCandidates':
      return { electionId, candidates: ['Trần Văn Bình', 'Lê Thị An', 'Phạm Thị Dung'] };
    case 'reorderCandidates':
      return { electionId, order: ['c3', 'c2', 'c1'] };
    case 'setIssued':
      return { electionId, issued: 3 };
    case 'setBase':
      return { electionId, convened: 9, exclusions: [] };
    case 'setCommittee':
      return { electionId, members: [{ name: 'Hoàng Văn Trưởng', role: 'head' }] };
    case 'openBatch':
      return { electionId, declared: 5 };
    case 'closeBatch':
      return { batchId: batchId() };
    case 'enterBallot':
      return { electionId, ballot: { struck: ['c2'] } };
    case 'correctBallot':
      return { electionId, n: 1, ballot: { struck: ['c3'] } };
    case 'voidBallot':
      return { electionId, n: 1, reason: 'Nhập nhầm' };
    case 'ruleBallot':
      return { electionId, n: 1, ruling: { invalid: 'marked' } };
    case 'reopenElection':
      return { electionId, reason: 'Kiểm tra lại' };
    case 'suspendElection':
      return { electionId, note: 'Chờ ý kiến cấp trên' };
    case 'createFollowUp':
      return { electionId, kind: 'round' };
    case 'setReadings':
      return { electionId, readings: 2 };
    case 'startReading':
      return { batchId: batchId(), kind: 'keyboard', station: 'Máy 2' };
    case 'enterReadingBallot':
      return { readingId: 1, ballot: { struck: ['c3'] } };
    case 'finishReading':
    case 'abandonReading':
      return { readingId: 1 };
    case 'resolveDifference':
      return { batchId: batchId(), position: 1, choice: { reading: 1 } };
    case 'settleStack':
      return { batchId: batchId() };
    case 'confirmResult':
      return { electionId, name: ADMIN.name, pin: '1357' };
    case 'recordScan':
      return { electionId, sheet: SHEET };
    case 'decideScan':
      // No sheet awaits: allowed by status, then refused as not found.
      return { electionId, scanId: 99, ballot: { struck: ['c1'] } };
    case 'setCandidateDetails':
      return { electionId, details: [{ name: 'Lê Thị An', birthYear: 1975 }] };
    case 'setCandidatePhoto':
      return { electionId, name: 'Lê Thị An', jpeg: null };
    default:
      return { electionId };
  }
}

/** Commands naming a stack or a reading, not the election. */
const STACK_INPUT = {
  startReading: true,
  enterReadingBallot: true,
  finishReading: true,
  abandonReading: true,
  resolveDifference: true,
  settleStack: true,
};

const CASES = (Object.keys(ELECTION_RULES) as ElectionCommand[]).flatMap((command) =>
  ELECTION_STATUSES.map((status) => ({ command, status, allowed: allows(command, status) })),
);

describe('the election lifecycle, one table', () => {
  it('covers every command acting on an election, in every status', () => {
    expect(CASES).toHaveLength(Object.keys(ELECTION_RULES).length * ELECTION_STATUSES.length);
    expect(allowedCommands('counting')).toEqual(
      expect.arrayContaining(['enterBallot', 'closeElection', 'openBatch']),
    );
    expect(allowedCommands('finalized')).toEqual(['reopenElection', 'createFollowUp']);
    expect(ELECTION_STATUSES.filter(isCountClosed)).toEqual(['closed', 'finalized']);
  });

  it.each(CASES)(
    '$command on a $status election: allowed $allowed',
    ({ command, status, allowed }) => {
      const { service, electionId } = electionIn(status);
      const before = (
        service.db.prepare('SELECT status FROM election WHERE id = ?').get(electionId) as {
          status: ElectionStatus;
        }
      ).status;
      const result = service.execute(
        command,
        inputFor(command, electionId, service) as never,
        ADMIN,
      );
      const wrongStatus = result.ok
        ? undefined
        : result.error.find((r) => r.code === 'wrong-status');
      if (allowed) {
        expect(wrongStatus, JSON.stringify(result)).toBeUndefined();
        const after = (
          service.db.prepare('SELECT status FROM election WHERE id = ?').get(electionId) as {
            status: ElectionStatus;
          }
        ).status;
        if (result.ok) expect(after).toBe(nextStatus(command, before, 'counting'));
      } else if (
        (command === 'closeBatch' || command in STACK_INPUT) &&
        (status === 'draft' || status === 'open')
      ) {
        // No stack (or reading) can exist before counting starts: the one named is not found.
        expect(result.ok ? null : result.error[0]?.code).toBe('not-found');
      } else {
        expect(wrongStatus).toMatchObject({
          code: 'wrong-status',
          status,
          allowed: ELECTION_RULES[command].from,
          path: 'electionId',
        });
      }
    },
  );
});
