/**
 * The pre-congress scanner test: a deck of ballots printed already marked, with the reading each
 * one must give. The technical team prints it, feeds it through the real scanner with the real
 * settings, and `kiem-phieu scan-test` compares what was read with what was printed.
 *
 * The marks vary the way a pen does (straight, slanted, wavy, double, thin, thick; black, blue,
 * red) and are chosen by the ballot's number, never at random, so the same deck prints every time.
 * Each test ballot says so in its top margin, and its QR code names a test election, so a test
 * ballot fed into a real count is refused as another election's ballot, never counted.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ElectionRecord } from '../record.ts';
import { ballotCode, sideContent } from './ballot.ts';
import { ballotGeometry, type BallotLine, type Paper } from './ballot-geometry.ts';
import { FONT } from './common.ts';

export type TestMark = 'agree' | 'disagree' | 'both' | 'none';

/** One ballot of the deck and the reading it must give. */
export type TestBallot =
  | { readonly n: number; readonly struck: readonly string[] }
  | { readonly n: number; readonly marks: Readonly<Record<string, TestMark>> };

export interface TestDeck {
  readonly format: 'kiem-phieu/scan-test@1';
  readonly election: string;
  readonly round: number;
  readonly layout: 'strike' | 'approve';
  readonly paper: Paper;
  /** Pages per ballot (2 for a list printed on two sides). */
  readonly sides: number;
  readonly ballots: readonly TestBallot[];
}

/** Appended to the election id in a test ballot's QR code. */
export const TEST_ELECTION_SUFFIX = '~thu-may-quet';

export const testRecord = (record: ElectionRecord): ElectionRecord => ({
  ...record,
  election: { ...record.election, id: `${record.election.id}${TEST_ELECTION_SUFFIX}` },
});

const LABEL = 'PHIẾU THỬ MÁY QUÉT — KHÔNG DÙNG ĐỂ BẦU';
const INKS = ['#1a1a1e', '#1e37be', '#c32323'] as const;
const MARKS: readonly TestMark[] = ['agree', 'disagree', 'both', 'none'];

/** The deck's readings: the first ballot unmarked, the second with every name struck (or every
 * line agreed), then patterns that strike (or mark) each line in turn in several ways. */
export function testBallots(record: ElectionRecord, count: number): TestBallot[] {
  const ids = record.candidates.map((c) => c.id);
  return Array.from({ length: count }, (_, i): TestBallot => {
    const n = i + 1;
    if (record.election.layout === 'approve') {
      const mark = (k: number): TestMark =>
        i === 0 ? 'none' : i === 1 ? 'agree' : MARKS[(i + k) % MARKS.length]!;
      return { n, marks: Object.fromEntries(ids.map((id, k) => [id, mark(k)])) };
    }
    const struck =
      i === 0 ? [] : i === 1 ? ids : ids.filter((_, k) => (k * 7 + i * 3) % 5 < 2 + (i % 2));
    return { n, struck };
  });
}

/** A stroke through a name, its style chosen by the ballot and line numbers. */
function strike(line: BallotLine, variant: number): Content[] {
  const size = line.name.fontSize;
  const y = line.name.baseline - size * 0.33;
  const x0 = line.name.x - size * 0.2;
  const x1 = line.name.x + line.name.width + size * 0.2;
  const colour = INKS[variant % INKS.length]!;
  const width = [1.2, 0.8, 2.8, 1.5][variant % 4]!;
  const style = variant % 5;
  const rise = style === 1 ? size * 0.3 : 0;
  const points: { x: number; y: number }[] = [];
  for (let k = 0; k <= 24; k++) {
    const x = x0 + ((x1 - x0) * k) / 24;
    const wave = style === 2 ? size * 0.12 * Math.sin((k / 24) * Math.PI * 6) : 0;
    points.push({ x, y: y + rise * (k / 24 - 0.5) + wave });
  }
  const lines = [points];
  if (style === 3) lines.push(points.map((p) => ({ x: p.x, y: p.y + size * 0.22 })));
  return lines.map((pts) => ({
    canvas: [{ type: 'polyline' as const, points: pts, lineWidth: width, lineColor: colour }],
    absolutePosition: { x: 0, y: 0 },
  }));
}

/** An X (or a tick) in a box. */
function cross(box: { x: number; y: number; w: number; h: number }, variant: number): Content {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const h = box.h * 0.3;
  const colour = INKS[variant % INKS.length]!;
  const canvas =
    variant % 3 === 2
      ? [
          {
            type: 'polyline' as const,
            points: [
              { x: cx - h, y: cy },
              { x: cx - h * 0.3, y: cy + h },
              { x: cx + h, y: cy - h },
            ],
            lineWidth: 1.4,
            lineColor: colour,
          },
        ]
      : [
          { type: 'line' as const, x1: cx - h, y1: cy - h, x2: cx + h, y2: cy + h },
          { type: 'line' as const, x1: cx + h, y1: cy - h, x2: cx - h, y2: cy + h },
        ].map((l) => ({ ...l, lineWidth: 1.4, lineColor: colour }));
  return { canvas, absolutePosition: { x: 0, y: 0 } };
}

/** The test deck's PDF: every ballot printed with its marks, and the expected readings. */
export function scanTestDeck({
  record,
  paper = 'A4',
  count,
  layoutFingerprint,
  practice,
}: {
  record: ElectionRecord;
  paper?: Paper;
  count: number;
  /** The fingerprint of the TEST record (testRecord), as the reader will expect it. */
  layoutFingerprint: string;
  /**
   * A practice congress's stack (core/practice.ts): its own ballots and label, and the QR code of
   * the practice election itself (its record's fingerprint), so its scans count in that file.
   */
  practice?: { readonly label: string; readonly ballots: readonly TestBallot[] };
}): { document: TDocumentDefinitions; deck: TestDeck } {
  const test = practice === undefined ? testRecord(record) : record;
  const geometry = ballotGeometry(test, paper);
  const sides = geometry.sides.length;
  const ballots = practice?.ballots ?? testBallots(test, count);
  const content = ballots.flatMap((ballot, b) =>
    geometry.sides.flatMap((side, s) => {
      const code = ballotCode(test, layoutFingerprint, { paper, side: s + 1, sides });
      const marks = side.lines.flatMap((line, k): Content[] => {
        const variant = b * 7 + line.index + k;
        if ('struck' in ballot) {
          return ballot.struck.includes(line.candidateId) ? strike(line, variant) : [];
        }
        const mark = ballot.marks[line.candidateId] ?? 'none';
        const boxes = line.boxes!;
        return [
          ...(mark === 'agree' || mark === 'both' ? [cross(boxes.agree, variant)] : []),
          ...(mark === 'disagree' || mark === 'both' ? [cross(boxes.disagree, variant + 1)] : []),
        ];
      });
      return [
        ...sideContent(geometry, s, code, b === 0 && s === 0),
        {
          text: `${practice?.label ?? LABEL} — ${ballot.n}/${ballots.length}${sides > 1 ? ` — mặt ${s + 1}` : ''}`,
          fontSize: 8,
          bold: true,
          noWrap: true,
          absolutePosition: { x: geometry.page.width / 2 - 110, y: 10 },
        },
        ...marks,
      ];
    }),
  );
  return {
    document: {
      pageSize: paper,
      pageMargins: [0, 0, 0, 0],
      info: {
        title: `Phiếu thử máy quét — ${record.election.title}`,
        creator: 'Kiểm phiếu',
        producer: 'Kiểm phiếu',
      },
      defaultStyle: { font: FONT, fontSize: 12 },
      content,
    },
    deck: {
      format: 'kiem-phieu/scan-test@1',
      election: record.election.id,
      round: record.election.round,
      layout: record.election.layout,
      paper,
      sides,
      ballots,
    },
  };
}
