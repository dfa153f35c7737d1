/**
 * The practice congress (tập huấn) made real: a congress file built from core/practice.ts through
 * the Service's own commands (so its audit log replays and `verify` holds), and the printable stack
 * of pre-marked ballots with the result counting it must give, computed by the engine itself.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CongressDetails } from '../core/api.ts';
import type { Ballot } from '../core/ballot.ts';
import { scanTestDeck, type TestBallot } from '../core/documents/ballot-test-deck.ts';
import { FONT, PARTY_FORMAT } from '../core/documents/common.ts';
import {
  PRACTICE_ABSENT,
  PRACTICE_COMMITTEE,
  PRACTICE_CONGRESS,
  PRACTICE_DELEGATES,
  PRACTICE_ELECTIONS,
  PRACTICE_FOLLOW_UP,
  PRACTICE_ISSUED,
  PRACTICE_LABEL,
  PRACTICE_NOTICE,
  practiceBallot,
  type PracticeElection,
} from '../core/practice.ts';
import type { ElectionRecord } from '../core/record.ts';
import type { Refusal } from '../core/refusal.ts';
import { err, ok, type Result } from '../core/result.ts';
import { Tally, type ElectionResult } from '../core/tally.ts';
import type { Actor } from '../core/views.ts';
import { FILE_EXTENSION } from './connection.ts';
import { layoutFingerprint } from './fingerprint.ts';
import { renderPdf } from './pdf/render.ts';
import { Service } from './service.ts';
import type { FileInfo, Workspace } from './workspace.ts';

/** Who builds the practice file: the technical team, as for any new file. */
const BUILDER: Actor = { name: 'Tổ kỹ thuật', role: 'admin' };

/** The congress details of a practice file made on `today` (YYYY-MM-DD). */
export const practiceDetails = (today: string): CongressDetails => ({
  ...PRACTICE_CONGRESS,
  dateStart: today,
});

/** Where the stack is printed to: beside the file, named after it. */
export const deckPathOf = (file: string): string =>
  `${file.endsWith(FILE_EXTENSION) ? file.slice(0, -FILE_EXTENSION.length) : file}-bo-phieu-tap-huan.pdf`;

function must<T>(r: Result<T, Refusal[]>, what: string): T {
  // The practice data is ours: a refusal here is a bug in core/practice.ts, not an input error.
  if (!r.ok) throw new Error(`practice congress: ${what} refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

/**
 * Everything after the congress's details: delegates and attendance, the base, the counting
 * committee, and the elections held at the congress, each with its ballots issued and voting open,
 * ready for the team to start counting. The re-vote is left for the team to create.
 */
export function fillPractice(service: Service): void {
  if (must(service.query('congress'), 'congress')?.practice !== true)
    throw new Error('practice congress: the file is not a practice file');
  must(
    service.execute(
      'importDelegates',
      { people: PRACTICE_DELEGATES.map((d) => ({ ...d, status: 'official' })) },
      BUILDER,
    ),
    'importDelegates',
  );
  must(service.execute('setAttendanceAll', { attendance: 'present' }, BUILDER), 'attendance');
  const delegates = must(service.query('delegates'), 'delegates');
  for (const name of PRACTICE_ABSENT) {
    const d = delegates.find((x) => x.name === name);
    if (d === undefined) throw new Error(`practice congress: no delegate ${name}`);
    must(
      service.execute('setAttendance', { delegateId: d.id, attendance: 'absent' }, BUILDER),
      'absent',
    );
  }
  must(
    service.execute(
      'setBase',
      {
        convened: PRACTICE_DELEGATES.length,
        present: PRACTICE_DELEGATES.length - PRACTICE_ABSENT.length,
        exclusions: [{ category: 'delegate-absent-no-alternate', count: PRACTICE_ABSENT.length }],
      },
      BUILDER,
    ),
    'setBase',
  );
  must(service.execute('setCommittee', { members: PRACTICE_COMMITTEE }, BUILDER), 'committee');
  for (const e of PRACTICE_ELECTIONS) {
    if (PRACTICE_FOLLOW_UP[e.code] !== undefined) continue;
    const { electionId } = must(
      service.execute(
        'createElection',
        {
          code: e.code,
          title: e.title,
          kind: e.kind,
          layout: e.layout,
          seats: e.seats,
          candidates: e.candidates,
        },
        BUILDER,
      ),
      `election ${e.code}`,
    );
    must(service.execute('setIssued', { electionId, issued: PRACTICE_ISSUED }, BUILDER), 'issued');
    must(service.execute('openElection', { electionId }, BUILDER), 'open');
  }
}

/** A new practice file at `path` (the CLI's way: no workspace, no recent list). */
export async function createPracticeFile(
  path: string,
  today: string,
): Promise<Result<{ path: string; deck: string }, Refusal[]>> {
  const full = path.endsWith(FILE_EXTENSION) ? path : `${path}${FILE_EXTENSION}`;
  if (existsSync(full)) return err([{ code: 'file-exists', path: full }]);
  if (!existsSync(dirname(full)))
    return err([{ code: 'file', reason: `không có thư mục ${dirname(full)}`, path: 'path' }]);
  const service = Service.open(full, { create: true });
  try {
    must(service.execute('updateCongress', practiceDetails(today), BUILDER), 'congress');
    fillPractice(service);
    const deck = deckPathOf(full);
    writeFileSync(deck, await practiceDeckPdf(service));
    return ok({ path: full, deck });
  } finally {
    await service.close();
  }
}

/** A new practice file opened in the host's workspace, its stack printed beside it. */
export async function createPractice(
  workspace: Workspace,
  path: string,
  today: string,
): Promise<Result<{ file: FileInfo; deck: string }, Refusal[]>> {
  const made = await workspace.create(path, practiceDetails(today));
  if (!made.ok) return made;
  const service = workspace.service;
  if (service === null) throw new Error('practice congress: the new file is not open');
  fillPractice(service);
  const deck = deckPathOf(service.path);
  writeFileSync(deck, await practiceDeckPdf(service));
  return ok({ file: workspace.info() ?? made.value, deck });
}

/**
 * The record of a practice election as this file holds it, or for the re-vote the team has not
 * created yet, as the file will hold it once created: the tied pair in ballot order, one seat.
 */
function recordOf(service: Service, e: PracticeElection): ElectionRecord {
  const elections = must(service.query('elections'), 'elections');
  const own = elections.find((x) => x.code === e.code);
  if (own !== undefined)
    return must(service.query('exportRecord', { electionId: own.id }), 'record');
  const parentCode = PRACTICE_FOLLOW_UP[e.code];
  const parent = elections.find((x) => x.code === parentCode);
  if (parent === undefined) throw new Error(`practice congress: no election ${parentCode}`);
  const base = must(service.query('exportRecord', { electionId: parent.id }), 'record');
  const order = base.candidates.map((c) => c.name).filter((n) => e.candidates.includes(n));
  return {
    ...base,
    election: {
      ...base.election,
      id: e.code,
      title: e.title,
      seats: e.seats,
      round: base.election.round + 1,
      parent: base.election.id,
    },
    candidates: order.map((name, i) => ({ id: `c${i + 1}`, name })),
    ballots: { issued: 0, entered: [] },
  };
}

/** The stack's ballots in the engine's shape, and the result counting them must give. */
export function expectedOf(
  record: ElectionRecord,
  e: PracticeElection,
): { ballots: Ballot[]; result: ElectionResult } {
  const candidates = record.candidates.map((c) => ({ code: c.id, name: c.name }));
  const ballots = e.ballots.map((b) => practiceBallot(b, candidates));
  const result = Tally.ofRecord({
    ...record,
    ballots: {
      issued: PRACTICE_ISSUED,
      entered: ballots.map((b, i) => ({ n: i + 1, ...b })) as ElectionRecord['ballots']['entered'],
    },
  }).result();
  return { ballots, result };
}

const pct = (p: number): string => `${p.toFixed(2).replace('.', ',')}%`;

function describe(ballot: Ballot, record: ElectionRecord): string {
  const name = (id: string) => record.candidates.find((c) => c.id === id)?.name ?? id;
  if ('struck' in ballot)
    return ballot.struck.length === 0
      ? 'không gạch tên nào'
      : `gạch: ${ballot.struck.map(name).join(', ')}`;
  if ('marks' in ballot) {
    const word = {
      agree: 'đồng ý',
      disagree: 'không đồng ý',
      both: 'đánh cả hai ô',
      none: 'không đánh dấu',
    };
    return Object.entries(ballot.marks)
      .map(([id, m]) => `${name(id)}: ${word[m]}`)
      .join('; ');
  }
  return ballot.invalid;
}

const INVALID_VI: Readonly<Record<string, string>> = {
  'over-vote': 'bầu thừa',
  'all-struck': 'gạch hết tên',
  'no-choice': 'không đánh dấu',
};

/** The answer sheet of one election: what each ballot says, and what the count must give. */
function answerSheet(e: PracticeElection, record: ElectionRecord, first: boolean): Content[] {
  const { ballots, result } = expectedOf(record, e);
  const cell = (text: string, extra: object = {}) => ({ text, fontSize: 11, ...extra });
  const invalid = Object.entries(result.ballots.invalidByReason)
    .map(([code, n]) => `${n} (${INVALID_VI[code] ?? code})`)
    .join(', ');
  const tie =
    result.tie === null
      ? ''
      : ` Ngang phiếu ở chỗ cuối: ${result.tie.candidates
          .map((id) => record.candidates.find((c) => c.id === id)?.name ?? id)
          .join(', ')} cho ${result.tie.seats} chỗ — phải bầu lại.`;
  const elected = result.elected
    .map((id) => record.candidates.find((c) => c.id === id)?.name ?? id)
    .join(', ');
  return [
    {
      text: e.title,
      bold: true,
      fontSize: 13,
      margin: [0, 6, 0, 4],
      ...(first ? {} : { pageBreak: 'before' as const }),
    },
    { text: e.lesson, fontSize: 11, italics: true, margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: [50, '*'],
        body: [
          [cell('Phiếu số', { bold: true }), cell('Đúng phải nhập', { bold: true })],
          ...ballots.map((b, i) => [
            cell(String(i + 1), { alignment: 'right' }),
            cell(describe(b, record)),
          ]),
        ],
      },
      margin: [0, 0, 0, 8],
    },
    {
      text: `Kết quả đúng: cơ sở tính ${result.base}; phiếu phát ra ${result.ballots.issued}, thu vào ${result.ballots.collected}, hợp lệ ${result.ballots.valid}, không hợp lệ ${result.ballots.invalid}${invalid === '' ? '' : `: ${invalid}`}.`,
      fontSize: 11,
      margin: [0, 0, 0, 4],
    },
    {
      table: {
        headerRows: 1,
        widths: ['*', 60, 70, 90],
        body: [
          ['Họ và tên', 'Số phiếu', 'Tỷ lệ', 'Kết quả'].map((t) => cell(t, { bold: true })),
          ...result.candidates.map((c) => [
            cell(c.name),
            cell(String(c.votes), { alignment: 'right' }),
            cell(pct(c.percent), { alignment: 'right' }),
            cell(
              c.elected
                ? 'trúng cử'
                : result.tie?.candidates.includes(c.id) === true
                  ? 'ngang phiếu: bầu lại'
                  : c.qualified
                    ? 'quá nửa'
                    : 'không quá nửa',
            ),
          ]),
        ],
      },
      margin: [0, 0, 0, 4],
    },
    {
      text: `Trúng cử: ${elected === '' ? 'chưa ai' : elected}.${tie}`,
      fontSize: 11,
      bold: true,
    },
  ];
}

/** The cover and answer sheets: how to use the stack, and each election's right result. */
function answerDocument(service: Service): TDocumentDefinitions {
  const congress = must(service.query('congress'), 'congress');
  return {
    pageSize: 'A4',
    pageMargins: [...PARTY_FORMAT.margins] as [number, number, number, number],
    info: {
      title: `Bộ phiếu ${PRACTICE_LABEL.toLowerCase()}`,
      creator: 'Kiểm phiếu',
      producer: 'Kiểm phiếu',
    },
    defaultStyle: { font: FONT, fontSize: 12 },
    background: () => ({
      text: PRACTICE_NOTICE,
      color: '#c00000',
      bold: true,
      fontSize: 10,
      alignment: 'center',
      margin: [0, 16, 0, 0],
    }),
    content: [
      {
        text: `BỘ PHIẾU ${PRACTICE_LABEL} ĐÃ ĐÁNH DẤU SẴN VÀ KẾT QUẢ ĐÚNG`,
        bold: true,
        fontSize: 15,
        alignment: 'center',
        margin: [0, 0, 0, 4],
      },
      { text: congress?.name ?? '', alignment: 'center', fontSize: 12, margin: [0, 0, 0, 8] },
      {
        text:
          'In bộ phiếu này, chia theo từng cuộc bầu, giữ đúng thứ tự các tờ. Tổ kỹ thuật nhập (hoặc quét) từng tập trong tệp tập huấn như ở đại hội thật. ' +
          'Nhập xong, bấm «Đối chiếu với bộ phiếu mẫu» trên thanh TẬP HUẤN: màn hình so từng phiếu đã nhập với phiếu in ở đây và báo khớp hay không. ' +
          'Phiếu bầu lại chỉ dùng sau khi chốt kết quả bầu Ban Chấp hành và tạo cuộc bầu lại.',
        fontSize: 11,
        alignment: 'justify',
        margin: [0, 0, 0, 6],
      },
      ...PRACTICE_ELECTIONS.flatMap((e, i) => answerSheet(e, recordOf(service, e), i === 0)),
    ],
  };
}

/**
 * The printable stack: the answer sheets, then every election's pre-marked ballots, each marked
 * TẬP HUẤN in its top margin, its QR code that of the practice election (so the scanner reads it
 * into this file and no other).
 */
export async function practiceDeckPdf(service: Service): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const parts = [await renderPdf(answerDocument(service))];
  for (const e of PRACTICE_ELECTIONS) {
    const record = recordOf(service, e);
    const { ballots } = expectedOf(record, e);
    const { document } = scanTestDeck({
      record,
      count: ballots.length,
      layoutFingerprint: layoutFingerprint(record),
      practice: {
        label: `PHIẾU ${PRACTICE_LABEL} — KHÔNG DÙNG ĐỂ BẦU — ${e.code.toUpperCase()}`,
        ballots: ballots.map((b, i) => ({ n: i + 1, ...b }) as TestBallot),
      },
    });
    parts.push(await renderPdf(document));
  }
  for (const bytes of parts) {
    const part = await PDFDocument.load(bytes);
    for (const page of await out.copyPages(part, part.getPageIndices())) out.addPage(page);
  }
  out.setTitle(`Bộ phiếu tập huấn — ${PRACTICE_CONGRESS.name}`);
  out.setCreator('Kiểm phiếu');
  out.setProducer('Kiểm phiếu');
  return out.save();
}
