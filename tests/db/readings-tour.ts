/** Every command of the readings (issue 12) once, on a new election of an open congress file. */
import type { Actor } from '../../core/views.ts';
import type { Service } from '../../db/service.ts';
import { ADMIN, value } from './helpers.ts';

const AN: Actor = { name: 'Lê Thị An', role: 'operator' };
const BINH: Actor = { name: 'Phạm Văn Bình', role: 'operator' };
const BAN: Actor = { name: 'Trần Thị Ban', role: 'committee' };

/**
 * Two keyboard readings of one stack (one abandoned and replaced, one save sent twice), a
 * difference ruled twice, the stack settled, the election closed and confirmed by PIN.
 */
export async function readingsTour(s: Service): Promise<number> {
  const electionId = value(
    s.execute(
      'createElection',
      {
        title: 'Bầu thử hai lần đọc',
        kind: 'other',
        layout: 'strike',
        seats: 1,
        candidates: ['Lê A', 'Trần B'],
      },
      ADMIN,
    ),
  ).electionId;
  value(s.execute('setReadings', { electionId, readings: 2 }, ADMIN));
  value(s.execute('startCounting', { electionId }, ADMIN));
  const { batchId } = value(s.execute('openBatch', { electionId, declared: 2 }, AN));
  const start = (who: Actor) =>
    value(s.execute('startReading', { batchId, kind: 'keyboard', station: 'Máy 1' }, who))
      .readingId;
  const enter = (who: Actor, readingId: number, struck: string[], clientKey?: string) =>
    value(
      s.execute(
        'enterReadingBallot',
        { readingId, ballot: { struck }, ...(clientKey ? { clientKey } : {}) },
        who,
      ),
    );
  const dropped = start(BAN);
  value(s.execute('abandonReading', { readingId: dropped }, BAN));
  const first = start(AN);
  enter(AN, first, ['c1'], 'tour-0000001');
  enter(AN, first, ['c1'], 'tour-0000001');
  enter(AN, first, ['c2']);
  value(s.execute('finishReading', { readingId: first }, AN));
  const second = start(BINH);
  enter(BINH, second, ['c1']);
  enter(BINH, second, ['c1']);
  value(s.execute('finishReading', { readingId: second }, BINH));
  const ruling = { batchId, position: 2 };
  value(s.execute('resolveDifference', { ...ruling, choice: { reading: 2 } }, BAN));
  value(s.execute('resolveDifference', { ...ruling, choice: { ballot: { struck: ['c2'] } } }, BAN));
  value(s.execute('settleStack', { batchId }, BAN));
  value(s.execute('closeBatch', { batchId }, AN));
  value(s.execute('closeElection', { electionId }, AN));
  value(s.execute('addOperator', { name: BAN.name, role: 'committee', pin: '97531' }, ADMIN));
  value(await s.confirmResult({ electionId, name: BAN.name, pin: '97531' }, AN));
  return electionId;
}
