/**
 * A real congress file counted by double entry through the service: two stacks, each read by two
 * operators. Stack 1's readings differ at two ballots (a name struck wrong; a ballot read as
 * invalid by one reading), which a committee member rules: the first by choosing reading 1, the
 * second by entering the ballot from the paper. Stack 2 has a reading abandoned half-way, then two
 * readings that agree. After counting, the committee rules one ballot invalid from the paper.
 */
import type { Ballot } from '../../core/ballot.ts';
import type { Actor } from '../../core/views.ts';
import type { Service } from '../../db/service.ts';
import { ADMIN, countingElection, value } from '../db/helpers.ts';

export const AN: Actor = { name: 'Vũ Thị Hoa', role: 'operator' };
export const BINH: Actor = { name: 'Hà Văn Minh', role: 'operator' };
export const CUONG: Actor = { name: 'Đỗ Văn Sơn', role: 'operator' };
export const BAN: Actor = { name: 'Trần Thị Ban', role: 'committee' };

/** What the paper says, stack by stack. */
export const PAPER_1: Ballot[] = [
  { struck: ['c1', 'c2'] },
  { struck: ['c2', 'c3'] },
  { struck: ['c3', 'c4'] },
  { struck: ['c1', 'c4'] },
  { struck: ['c1', 'c2', 'c3'] },
];
export const PAPER_2: Ballot[] = [
  { struck: ['c3', 'c4'] },
  { struck: ['c1', 'c4'] },
  { struck: ['c2', 'c4'] },
];

/** Reading 2 of stack 1: ballot 2 struck wrong, ballot 4 taken for a marked (invalid) ballot. */
export const TYPED_1: Ballot[] = [
  PAPER_1[0]!,
  { struck: ['c2', 'c4'] },
  PAPER_1[2]!,
  { invalid: 'marked' },
  PAPER_1[4]!,
];

function read(
  s: Service,
  who: Actor,
  batchId: number,
  ballots: readonly Ballot[],
  station: string,
): void {
  const { readingId } = value(
    s.execute('startReading', { batchId, kind: 'keyboard', station }, who),
  );
  for (const ballot of ballots) value(s.execute('enterReadingBallot', { readingId, ballot }, who));
  value(s.execute('finishReading', { readingId }, who));
}

export interface DoubleEntry {
  readonly id: number;
  readonly code: string;
  readonly stacks: readonly number[];
}

/** The congress as above in `s`; the file stays open. `ruleAfter`: the later ruling of ballot 7. */
export function doubleEntry(s: Service, { ruleAfter = true } = {}): DoubleEntry {
  const id = countingElection(s);
  value(s.execute('setReadings', { electionId: id, readings: 2 }, ADMIN));
  const one = value(s.execute('openBatch', { electionId: id, declared: 5 }, AN)).batchId;
  const two = value(s.execute('openBatch', { electionId: id, declared: 3 }, AN)).batchId;

  read(s, AN, one, PAPER_1, 'Máy 1');
  read(s, BINH, one, TYPED_1, 'Máy 2');
  value(s.execute('resolveDifference', { batchId: one, position: 2, choice: { reading: 1 } }, BAN));
  value(
    s.execute(
      'resolveDifference',
      { batchId: one, position: 4, choice: { ballot: PAPER_1[3]! } },
      BAN,
    ),
  );
  value(s.execute('settleStack', { batchId: one }, BAN));

  const { readingId } = value(
    s.execute('startReading', { batchId: two, kind: 'keyboard', station: 'Máy 1' }, AN),
  );
  value(s.execute('enterReadingBallot', { readingId, ballot: PAPER_2[0]! }, AN));
  value(s.execute('abandonReading', { readingId }, AN));
  read(s, CUONG, two, PAPER_2, 'Máy 3');
  read(s, BINH, two, PAPER_2, 'Máy 2');

  if (ruleAfter)
    value(
      s.execute(
        'ruleBallot',
        { electionId: id, n: 7, ruling: { invalid: 'marked', note: 'ký tên ở mặt sau' } },
        BAN,
      ),
    );
  const code = value(s.query('elections')).find((e) => e.id === id)!.code;
  return { id, code, stacks: [one, two] };
}
