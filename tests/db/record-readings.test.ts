/**
 * The election record's readings (core/record-readings.ts) exported from a real congress file
 * counted by double entry (db/record-export.ts), read back, and recounted
 * (core/record-recount.ts): the record is the same with or without them (its tally, its
 * fingerprint), nothing in them is timed per ballot, the committee's later changes are accounted
 * for, and each reading's own result is the tally of that reading's ballots.
 */
import { describe, expect, it } from 'vitest';
import type { Ballot, EnteredBallot } from '../../core/ballot.ts';
import { marksOf } from '../../core/ballot.ts';
import { parseRecord, parseRecordWithReadings, type ElectionRecord } from '../../core/record.ts';
import { recountReadings } from '../../core/record-recount.ts';
import { tallyRecord } from '../../core/tally.ts';
import type { Actor } from '../../core/views.ts';
import { makeDocument } from '../../db/documents.ts';
import { recordFingerprint } from '../../db/fingerprint.ts';
import { exportRecord, exportRecordWithReadings, recordReadings } from '../../db/record-export.ts';
import type { Service } from '../../db/service.ts';
import {
  AN,
  BAN,
  BINH,
  CUONG,
  doubleEntry,
  PAPER_1,
  PAPER_2,
  TYPED_1,
} from '../cli/readings-fixture.ts';
import { ADMIN, countedElection, countingElection, newService, value } from './helpers.ts';

/** The exported record with readings, through JSON as a file holds it, parsed back. */
function roundTrip(s: Service, electionId: number) {
  const text = JSON.stringify(exportRecordWithReadings(s.db, electionId));
  return value(parseRecordWithReadings(JSON.parse(text)));
}

const numbered = (ballots: readonly Ballot[]): EnteredBallot[] =>
  ballots.map((b, i) => ({ ...b, n: i + 1 }) as EnteredBallot);

describe('the record carries every reading', () => {
  it('exported, read back and recounted: the readings give the record ballots', () => {
    const s = newService();
    const { id } = doubleEntry(s);
    const { record, readings } = roundTrip(s, id);
    expect(readings).not.toBeNull();
    const recount = recountReadings(record, readings!);
    expect(recount.problems).toEqual([]);
    expect(recount.ok).toBe(true);
    expect(
      recount.stacks.map((x) => [
        x.label,
        x.status,
        x.differences,
        x.ruled,
        x.recounted,
        x.entered,
        x.changed,
      ]),
    ).toEqual([
      ['Tập 1', 'resolved', [2, 4], [2, 4], 5, 5, 0],
      ['Tập 2', 'agreed', [], [], 3, 3, 1],
    ]);
    expect(recount.stacks[1]?.readings.map((r) => [r.number, r.operator, r.state])).toEqual([
      [null, AN.name, 'abandoned'],
      [1, CUONG.name, 'finished'],
      [2, BINH.name, 'finished'],
    ]);
    expect(readings!.stacks[0]?.rulings).toEqual([
      { position: 2, reading: 1, by: BAN.name },
      { position: 4, ballot: PAPER_1[3], by: BAN.name },
    ]);
  });

  it('the record itself is unchanged by its readings: the same ballots, tally and fingerprint', () => {
    const s = newService();
    const { id } = doubleEntry(s);
    const plain = exportRecord(s.db, id);
    const carried = exportRecordWithReadings(s.db, id);
    expect(carried).toHaveProperty('readings');
    const read = value(parseRecord(JSON.parse(JSON.stringify(carried))));
    const readPlain = value(parseRecord(JSON.parse(JSON.stringify(plain))));
    expect(read).toEqual(readPlain);
    expect(read).not.toHaveProperty('readings');
    expect(recordFingerprint(read)).toBe(recordFingerprint(plain));
    expect(tallyRecord(read)).toEqual(tallyRecord(plain));
  });

  it('each reading alone: the tally of that reading of every stack', () => {
    const s = newService();
    const { id } = doubleEntry(s);
    const { record, readings } = roundTrip(s, id);
    const { results } = recountReadings(record, readings!);
    const alone = (ballots: readonly Ballot[]): ReturnType<typeof tallyRecord> =>
      tallyRecord({
        ...record,
        ballots: { issued: record.ballots.issued, entered: numbered(ballots) },
      });
    // Stack 2's first reading that counts is the one after the abandoned one.
    expect(results.readings).toEqual([
      alone([...PAPER_1, ...PAPER_2]),
      alone([...TYPED_1, ...PAPER_2]),
    ]);
    expect(results.record).toEqual(tallyRecord(record));
    expect(results.readings[0]).not.toEqual(results.readings[1]);
  });

  it('times per reading only: no ballot and no ruling carries one', () => {
    const s = newService();
    const { id } = doubleEntry(s);
    const readings = recordReadings(s.db, id)!;
    const text = JSON.stringify(readings);
    const instants = text.match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/gu) ?? [];
    const all = readings.stacks.flatMap((x) => x.readings);
    expect(instants).toHaveLength(all.length * 2);
    for (const r of all) {
      expect(Object.keys(r).sort()).toEqual(
        ['ballots', 'finished', 'kind', 'operator', 'started', 'state', 'station'].sort(),
      );
      for (const b of r.ballots)
        for (const key of Object.keys(b))
          expect(['struck', 'marks', 'invalid', 'ruling', 'note']).toContain(key);
    }
    for (const ruling of readings.stacks.flatMap((x) => x.rulings))
      for (const key of Object.keys(ruling))
        expect(['position', 'reading', 'ballot', 'by']).toContain(key);
  });

  it('an election never read in stacks exports no readings, and reads exactly as before', () => {
    const { s, id } = countedElection({}, [
      ['c1', 'c2'],
      ['c3', 'c4'],
    ]);
    expect(recordReadings(s.db, id)).toBeNull();
    expect(exportRecordWithReadings(s.db, id)).toEqual(exportRecord(s.db, id));
    const read = value(parseRecordWithReadings(JSON.parse(JSON.stringify(exportRecord(s.db, id)))));
    expect(read.readings).toBeNull();
  });

  it("the app's record document carries the readings", async () => {
    const s = newService();
    const { id } = doubleEntry(s);
    const doc = value(await makeDocument(s, 'record', { electionId: id, paper: 'A4' }));
    const json = JSON.parse(Buffer.from(doc.bytes).toString('utf8')) as unknown;
    const read = value(parseRecordWithReadings(json));
    expect(read.readings?.stacks).toHaveLength(2);
    expect(recountReadings(read.record, read.readings!).ok).toBe(true);
  });
});

describe('what the replay of each stack catches', () => {
  it('a third reading where two were required, a state the readings do not lead to, ballots from no stack', () => {
    const s = newService();
    const { id } = doubleEntry(s);
    const { record, readings } = roundTrip(s, id);
    const [one, two] = readings!.stacks;
    const third = { ...two!.readings[1]!, operator: 'Người thứ ba' };
    const more = recountReadings(record, {
      ...readings!,
      stacks: [one!, { ...two!, readings: [...two!.readings, third] }],
    });
    expect(more.problems).toEqual([
      { problem: 'refused', stack: 'Tập 2', refusal: { code: 'readings-complete', required: 2 } },
    ]);
    const status = recountReadings(record, {
      ...readings!,
      stacks: [{ ...one!, status: 'agreed' }, two!],
    });
    expect(status.problems).toEqual([
      { problem: 'status', stack: 'Tập 1', status: 'agreed', recounted: 'resolved' },
    ]);
    const outside = recountReadings(record, { ...readings!, stacks: [one!] });
    expect(outside.problems).toEqual([{ problem: 'outside', count: 3, n: 6 }]);
  });
});

describe("the committee's changes after counting", () => {
  it('a ballot voided or corrected after its stack counted is listed, and the check accounts for it', () => {
    const s = newService();
    const { id } = doubleEntry(s);
    value(s.execute('voidBallot', { electionId: id, n: 8, reason: 'phiếu thừa' }, ADMIN));
    value(
      s.execute(
        'correctBallot',
        { electionId: id, n: 2, ballot: { struck: ['c2'] }, reason: 'đối chiếu tờ phiếu' },
        ADMIN,
      ),
    );
    const { record, readings } = roundTrip(s, id);
    expect(readings!.changes).toEqual([
      { n: 2, change: 'correct' },
      { n: 7, change: 'rule' },
      { n: 8, change: 'void' },
    ]);
    expect(recountReadings(record, readings!).problems).toEqual([]);

    // Without the list, each change is a mismatch, named by stack, position and ballot.
    const bare = recountReadings(record, { ...readings!, changes: [] });
    expect(bare.ok).toBe(false);
    expect(bare.problems).toEqual([
      expect.objectContaining({
        problem: 'ballot',
        stack: 'Tập 1',
        position: 2,
        n: 2,
        field: 'struck',
      }),
      expect.objectContaining({
        problem: 'ballot',
        stack: 'Tập 2',
        position: 2,
        n: 7,
        field: 'ruling',
      }),
      { problem: 'missing', stack: 'Tập 2', position: 3, n: 8 },
    ]);
    // A ballot listed as voided that the record still counts.
    const voided = recountReadings(
      {
        ...record,
        ballots: {
          ...record.ballots,
          entered: [...record.ballots.entered, { n: 8, struck: ['c2', 'c4'] }],
        },
      },
      readings!,
    );
    expect(voided.problems).toEqual([{ problem: 'voided', stack: 'Tập 2', position: 3, n: 8 }]);
  });
});

describe('other elections', () => {
  const HOA: Actor = { name: 'Nguyễn Thị Hòa', role: 'operator' };

  function read(s: Service, who: Actor, batchId: number, ballots: readonly Ballot[]): void {
    const { readingId } = value(
      s.execute('startReading', { batchId, kind: 'keyboard', station: 'Máy 1' }, who),
    );
    for (const ballot of ballots)
      value(s.execute('enterReadingBallot', { readingId, ballot }, who));
    value(s.execute('finishReading', { readingId }, who));
  }

  it('approve ballots, three readings: one odd mark ruled; a tampered mark is named by its field', () => {
    const s = newService();
    const id = countingElection(s, { layout: 'approve', seats: 4 });
    value(s.execute('setReadings', { electionId: id, readings: 3 }, ADMIN));
    const { batchId } = value(s.execute('openBatch', { electionId: id, declared: 2 }, AN));
    const yes = marksOf([
      ['c1', 'agree'],
      ['c2', 'agree'],
      ['c3', 'disagree'],
      ['c4', 'agree'],
    ]);
    const odd = marksOf([
      ['c1', 'agree'],
      ['c2', 'disagree'],
      ['c3', 'disagree'],
      ['c4', 'agree'],
    ]);
    const paper: Ballot[] = [{ marks: yes }, { marks: odd }];
    read(s, AN, batchId, paper);
    read(s, BINH, batchId, [{ marks: yes }, { marks: yes }]);
    read(s, HOA, batchId, paper);
    value(s.execute('resolveDifference', { batchId, position: 2, choice: { reading: 1 } }, BAN));
    value(s.execute('settleStack', { batchId }, BAN));
    const { record, readings } = roundTrip(s, id);
    const recount = recountReadings(record, readings!);
    expect(recount.problems).toEqual([]);
    expect(recount.stacks[0]?.differences).toEqual([2]);
    expect(recount.results.readings).toHaveLength(3);

    const entered = record.ballots.entered.map((b) =>
      b.n === 1
        ? {
            n: 1,
            marks: marksOf([
              ['c1', 'agree'],
              ['c2', 'agree'],
              ['c3', 'agree'],
              ['c4', 'agree'],
            ]),
          }
        : b,
    ) as EnteredBallot[];
    const tampered: ElectionRecord = { ...record, ballots: { ...record.ballots, entered } };
    expect(recountReadings(tampered, readings!).problems).toEqual([
      expect.objectContaining({
        problem: 'ballot',
        stack: 'Tập 1',
        position: 1,
        n: 1,
        field: 'marks',
      }),
    ]);
  });

  it('a stack still being read counts nothing; the check says which stack gave ballots too early', () => {
    const s = newService();
    const id = countingElection(s);
    value(s.execute('setReadings', { electionId: id, readings: 2 }, ADMIN));
    const { batchId } = value(s.execute('openBatch', { electionId: id, declared: 2 }, AN));
    read(s, AN, batchId, [{ struck: ['c1', 'c2'] }]);
    const { record, readings } = roundTrip(s, id);
    const recount = recountReadings(record, readings!);
    expect(recount.ok).toBe(true);
    expect(recount.stacks[0]).toMatchObject({ status: 'reading', recounted: null, entered: 0 });
    const early = recountReadings(record, {
      ...readings!,
      stacks: readings!.stacks.map((x) => ({ ...x, entered: [1] })),
    });
    expect(early.problems).toEqual([{ problem: 'unsettled', stack: 'Tập 1', entered: 1 }]);
  });
});
