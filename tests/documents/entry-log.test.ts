/**
 * The entry log (nhật ký nhập phiếu) rendered to a real PDF by the real renderer and read back by
 * pdftotext: the stacks, their readings with operator, station and times (per reading, never per
 * ballot), each difference in words with its ruling, the counts by reason, the totals, the audit
 * chain's head and the signature block. Pages as PNG in tests/artifacts/pdf/ for a look.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ballot, EnteredBallot } from '../../core/ballot.ts';
import { entryLogDocument } from '../../core/documents/entry-log.ts';
import { compareReadings } from '../../core/readings/compare.ts';
import {
  entryLogStack,
  type EntryLogModel,
  type EntryLogReading,
  type EntryLogRuling,
  type EntryLogStack,
} from '../../core/readings/entry-log-model.ts';
import {
  applyStackCommands,
  newStack,
  type StackCommand,
  type StackFacts,
} from '../../core/readings/stack.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { Tally } from '../../core/tally.ts';
import { record } from '../helpers/record.ts';
import { layoutLines, plainText, renderAndLook } from './read-pdf.ts';

const COMMITTEE = [
  { name: 'Hoàng Văn Trưởng', role: 'head' as const },
  { name: 'Vũ Thị Thành Viên', role: 'member' as const },
  { name: 'Đặng Quốc Ủy', role: 'member' as const },
];

const base = record({ candidates: 25, seats: 23 });
const RECORD: ElectionRecord = {
  ...base,
  congress: {
    ...base.congress,
    name: 'Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XXI',
    organisation: 'Đảng bộ tỉnh Thái Nguyên',
    date: '2025-10-14',
  },
  election: { ...base.election, title: 'Bầu Ban Chấp hành Đảng bộ tỉnh khóa XXI' },
  committee: COMMITTEE,
};

const s = (...numbers: number[]): Ballot => ({ struck: numbers.map((k) => `c${k}`) });

/** A stack of n ballots: most strike two names (valid), every 7th one name (over-vote). */
const paperStack = (n: number, seed: number): Ballot[] =>
  Array.from({ length: n }, (_, k) => {
    const a = ((k * 3 + seed) % 25) + 1;
    const b = ((k * 7 + seed + 5) % 25) + 1;
    return k % 7 === 6 || a === b ? s(a) : s(a, b);
  });

const { ballots: _ballots, ...setup } = RECORD;
const tally = new Tally({ ...setup, issued: 0 });
const classify = (b: Ballot) => tally.classify(tally.fromEntered({ ...b, n: 1 } as EnteredBallot));

/** 14 October 2025 in Vietnam (UTC+7): the times are given in UTC, as a host stores them. */
const at = (hhmm: string): string => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return `2025-10-14T${String(h - 7).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;
};

interface Read {
  readonly reading: Omit<EntryLogReading, 'ballots'>;
  readonly ballots: Ballot[];
}

function run(stack: StackFacts, commands: StackCommand[]): StackFacts {
  const next = applyStackCommands(stack, commands);
  if (!next.ok) throw new Error(JSON.stringify(next.error));
  return next.value;
}

/** A stack read, compared, ruled and closed through the machine, as a host would. */
function stackOf(
  label: string,
  declared: number,
  reads: Read[],
  rulings: Map<number, EntryLogRuling>,
): EntryLogStack {
  const live = reads.filter((r) => !r.reading.abandoned);
  // Each reading starts in turn (an abandoned one is given up before the next starts).
  let facts = run(
    newStack(2),
    reads.flatMap((r, i): StackCommand[] => [
      { type: 'startReading', operator: r.reading.operator, kind: r.reading.kind },
      ...(r.reading.abandoned ? [{ type: 'abandonReading' as const, reading: i + 1 }] : []),
    ]),
  );
  facts = run(
    facts,
    reads.flatMap((r, i): StackCommand[] =>
      r.reading.abandoned ? [] : [{ type: 'finishReading', reading: i + 1 }],
    ),
  );
  const compared = compareReadings(live.map((r) => r.ballots));
  if (!compared.ok) throw new Error('compare');
  const positions = compared.value.differences.map((d) => d.position);
  facts = run(facts, [{ type: 'compare', differences: positions }]);
  for (const p of rulings.keys()) facts = run(facts, [{ type: 'resolve', position: p }]);
  if (facts.status === 'differ') facts = run(facts, [{ type: 'close' }]);
  const stack = entryLogStack({
    label,
    declared,
    status: facts.status,
    readings: reads.map((r) => ({ ...r.reading, ballots: r.ballots })),
    rulings,
    classify,
  });
  if (!stack.ok) throw new Error(JSON.stringify(stack.error));
  return stack.value;
}

const keyboard = (operator: string, station: string, from: string, to: string) => ({
  kind: 'keyboard' as const,
  operator,
  station,
  startedAt: at(from),
  finishedAt: at(to),
  abandoned: false,
});

function model(): EntryLogModel {
  const one = paperStack(30, 0);
  const stack1 = stackOf(
    '1',
    30,
    [
      { reading: keyboard('Lê Thị Nhập', 'Máy 1', '08:15', '08:32'), ballots: one },
      { reading: keyboard('Trần Văn Đọc', 'Máy 2', '08:16', '08:35'), ballots: one },
    ],
    new Map(),
  );

  // Scan + confirm: the operator corrected sheet 5 (4, 12 → 4, 21), and the feeder took sheet 18
  // twice, which the confirmation pass did not.
  const paper2 = [...paperStack(25, 3)];
  paper2[4] = s(4, 21);
  const scanned = [...paper2];
  scanned[4] = s(4, 12);
  scanned.splice(17, 0, paper2[17] as Ballot);
  const stack2 = stackOf(
    'Tập 2',
    25,
    [
      {
        reading: { ...keyboard('Lê Thị Nhập', 'Máy quét A', '09:02', '09:03'), kind: 'scan' },
        ballots: scanned,
      },
      {
        reading: { ...keyboard('Lê Thị Nhập', 'Máy 1', '09:02', '09:11'), kind: 'confirm' },
        ballots: paper2,
      },
    ],
    new Map<number, EntryLogRuling>([
      [5, { by: 'Hoàng Văn Trưởng', reading: 2 }],
      [19, { by: 'Vũ Thị Thành Viên', reading: 2 }],
    ]),
  );

  // Two keyboard passes, one of them abandoned and taken over; one ballot ruled invalid on paper
  // by one reading only, which the committee entered anew from the sheet.
  const paper3 = paperStack(20, 9);
  const other3 = [...paper3];
  other3[9] = { invalid: 'marked' };
  const stack3 = stackOf(
    '3',
    21,
    [
      {
        reading: { ...keyboard('Phạm Thị Bỏ', 'Máy 3', '09:40', '09:44'), abandoned: true },
        ballots: paper3.slice(0, 6),
      },
      { reading: keyboard('Trần Văn Đọc', 'Máy 2', '09:41', '10:01'), ballots: paper3 },
      { reading: keyboard('Lê Thị Nhập', 'Máy 1', '09:45', '10:05'), ballots: other3 },
    ],
    new Map<number, EntryLogRuling>([[10, { by: 'Đặng Quốc Ủy', ballot: s(2, 3) }]]),
  );

  const stack4: EntryLogStack = {
    label: '4',
    declared: 18,
    status: 'reading',
    readings: [
      {
        ...keyboard('Trần Văn Đọc', 'Máy 2', '10:20', '10:20'),
        finishedAt: null,
        ballots: 7,
      },
    ],
    differences: [],
    counts: null,
  };
  return {
    record: RECORD,
    required: 2,
    stacks: [stack1, stack2, stack3, stack4],
    chainHead: '3f9a 0c12 7be4 d05e',
    number: 'Số 07-NK/ĐH',
  };
}

describe('entry log (nhật ký nhập phiếu) as a PDF', () => {
  let text = '';
  let lines: string[] = [];
  const m = model();

  beforeAll(async () => {
    const pdf = await renderAndLook(entryLogDocument(m), 'entry-log');
    text = plainText(pdf);
    lines = layoutLines(pdf);
  });

  it('the stacks come out of the machine as the issue says', () => {
    expect(m.stacks.map((s) => s.status)).toEqual(['agreed', 'resolved', 'resolved', 'reading']);
    expect(m.stacks[1]?.differences.map((d) => d.column.position)).toEqual([5, 19]);
  });

  it('has the Party header, the title and the place and date line', () => {
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('BAN KIỂM PHIẾU');
    expect(text).toContain('Số 07-NK/ĐH');
    expect(text).toContain('Thái Nguyên, ngày 14 tháng 10 năm 2025');
    expect(text).toContain('NHẬT KÝ NHẬP PHIẾU');
    expect(text).toContain('Kiểm phiếu bầu Ban Chấp hành Đảng bộ tỉnh khóa XXI');
  });

  it('lists each stack with its declared count and each reading with operator, station, start and end', () => {
    expect(text).toContain('Tập 1: 30 phiếu (số đếm khi lập tập)');
    expect(text).toContain('Tập 2: 25 phiếu');
    // One table row per reading, each on one line of the page: times in Vietnam (UTC+7).
    const row = (needles: string[]) =>
      expect(
        lines.filter((l) => needles.every((n) => l.includes(n))),
        needles.join(' '),
      ).toHaveLength(1);
    row(['1', 'Nhập bàn phím', 'Lê Thị Nhập', 'Máy 1', '08:15 – 08:32', '30']);
    row(['2', 'Nhập bàn phím', 'Trần Văn Đọc', 'Máy 2', '08:16 – 08:35', '30']);
    row(['1', 'Máy quét', 'Lê Thị Nhập', 'Máy quét A', '09:02 – 09:03', '26']);
    row(['2', 'Xác nhận ảnh quét', 'Lê Thị Nhập', 'Máy 1', '09:02 – 09:11', '25']);
    row(['Phạm Thị Bỏ', 'Máy 3', '09:40 – 09:44', '6']);
    row(['Trần Văn Đọc', 'Máy 2', '10:20 – —', '7']);
    expect(text).toContain('Nhập bàn phím (bỏ dở, không tính)');
  });

  it('words each difference and how it was ruled', () => {
    expect(text).toContain(
      'Tập 2, phiếu thứ 5: lần 1 gạch 4, 12; lần 2 gạch 4, 21. Xử lý: đồng chí Hoàng Văn Trưởng chọn lần 2.',
    );
    expect(text).toMatch(
      /Tập 2, phiếu thứ 19: lần 1 gạch [\d, ]+; lần 2 thiếu phiếu\. Xử lý: đồng chí Vũ Thị Thành Viên chọn lần 2 \(không có phiếu ở chỗ này\)\./u,
    );
    expect(text).toMatch(
      /Tập 3, phiếu thứ 10: lần 1 gạch [\d, ]+; lần 2 không hợp lệ: có ký tên hoặc dấu hiệu riêng\. Xử lý: đồng chí Đặng Quốc Ủy nhập lại theo tờ phiếu: gạch 2, 3\./u,
    );
    expect(text).toContain('Các lần đọc khớp nhau từng phiếu.');
    expect(text).toContain('Chưa đọc xong, chưa so sánh; tập này chưa được tính.');
  });

  it('gives the counts by reason per stack, reconciled with the declared count, and the totals', () => {
    // Stack 1: a ballot striking one name of 25 keeps 24 for 23 seats: an over-vote.
    const over = paperStack(30, 0).filter((b) => 'struck' in b && b.struck.length === 1).length;
    expect(over).toBeGreaterThan(0);
    expect(text).toContain(
      `Số phiếu được tính: 30 (khớp với số phiếu của tập); hợp lệ ${30 - over}; không hợp lệ ${over} (Bầu quá số lượng cần bầu: ${over}).`,
    );
    expect(text).toContain('Số phiếu được tính: 25 (khớp với số phiếu của tập)');
    expect(text).toContain('Số phiếu được tính: 20 (thiếu 1 so với số phiếu của tập)');
    expect(text).toContain('3/4 tập được tính');
    // Declared 30 + 25 + 21 + 18 = 94; counted 30 + 25 + 20 = 75 from the three that count.
    const valid = m.stacks.slice(0, 3).reduce((n, st) => n + (st.counts?.valid ?? 0), 0);
    const total = lines.find((l) => l.includes('Cộng'));
    expect(total?.replace(/\s+/gu, ' ')).toContain(`Cộng 94 75 ${valid} ${75 - valid}`);
    expect(text).toContain(
      `Phiếu không hợp lệ của các tập được tính, theo lý do: + Bầu quá số lượng cần bầu: ${75 - valid}.`,
    );
  });

  it('prints times per reading only, never per ballot', () => {
    const times = text.match(/\d{2}:\d{2}/gu) ?? [];
    const expected = m.stacks.flatMap((s) => s.readings).length * 2 - 1; // stack 4 has no end yet
    expect(times).toHaveLength(expected);
  });

  it('ends with the audit chain head, the date and the signature block', () => {
    expect(text).toContain(
      'Mã kiểm tra nhật ký của tệp đại hội khi lập nhật ký này: 3f9a 0c12 7be4 d05e.',
    );
    expect(text).toContain('Nhật ký lập ngày 14/10/2025.');
    expect(text).toContain('T/M BAN KIỂM PHIẾU');
    expect(text).toContain('TRƯỞNG BAN');
    for (const member of COMMITTEE) expect(text).toContain(member.name);
  });
});

/** Every text of a document definition, in order, as one line (no rendering). */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  if (node === null || typeof node !== 'object') return '';
  const n = node as Record<string, unknown>;
  return ['text', 'stack', 'columns', 'table', 'body', 'ol', 'content']
    .filter((k) => k in n)
    .map((k) => textOf(n[k]))
    .join(' ');
}

describe('entry log for one and three readings, and before any stack', () => {
  const three: EntryLogStack = {
    label: '5',
    declared: 2,
    status: 'differ',
    readings: ['Máy 1', 'Máy 2', 'Máy 3'].map((station, i) => ({
      ...keyboard(`Người ${i + 1}`, station, '11:00', '11:05'),
      ballots: 2,
    })),
    differences: (() => {
      const c = compareReadings([
        [s(1), s(2)],
        [s(1), s(2)],
        [s(1), s(3)],
      ]);
      if (!c.ok) throw new Error('compare');
      return c.value.differences.map((column) => ({ column, ruling: null }));
    })(),
    counts: null,
  };

  it('three readings: each difference names all three, unruled ones say so, and nothing counts yet', () => {
    const text = textOf(entryLogDocument({ ...model(), required: 3, stacks: [three] }).content);
    expect(text).toContain('Mỗi tập phiếu được đọc ba lần độc lập');
    expect(text).toContain(
      'Tập 5, phiếu thứ 2: lần 1 gạch 2; lần 2 gạch 2; lần 3 gạch 3. Chưa xử lý.',
    );
    expect(text).toContain('0/1 tập được tính');
    expect(text).toContain('Các tập được tính không có phiếu không hợp lệ.');
  });

  it('one reading: said plainly', () => {
    const text = textOf(entryLogDocument({ ...model(), required: 1 }).content);
    expect(text).toContain('Mỗi tập phiếu được đọc một lần.');
    expect(text).not.toContain('độc lập');
  });

  it('no stack yet: still a document with its header, totals and signatures', () => {
    const text = textOf(entryLogDocument({ ...model(), stacks: [] }).content);
    expect(text).toContain('Chưa có tập phiếu nào.');
    expect(text).toContain('0/0 tập được tính');
    expect(text).toContain('T/M BAN KIỂM PHIẾU');
  });

  it('a time on another day than the log carries its date; times are Vietnam time', () => {
    const late: EntryLogStack = {
      ...three,
      readings: [
        {
          ...keyboard('Người 1', 'Máy 1', '11:00', '11:05'),
          startedAt: '2025-10-14T16:50:00.000Z',
          finishedAt: '2025-10-14T17:10:00.000Z',
          ballots: 2,
        },
      ],
    };
    const text = textOf(entryLogDocument({ ...model(), stacks: [late] }).content);
    expect(text).toContain('23:50 – 00:10 15/10/2025');
  });
});
