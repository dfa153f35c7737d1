/**
 * The paper ballot of an election, as a document definition drawn from its geometry
 * (ballot-geometry.ts) with absolute positions only, so that the scan reader and the PDF agree to
 * the point. It identifies the election and its layout (a QR code; registration marks at the
 * corners) and never anything that could identify one ballot: every copy printed is the same.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { canonicalJson } from '../canonical-json.ts';
import type { ElectionRecord } from '../record.ts';
import { formatBallotCode } from './ballot-code.ts';
import {
  ballotGeometry,
  type BallotGeometry,
  type Paper,
  type TextItem,
} from './ballot-geometry.ts';
import { FONT } from './common.ts';

export type { Paper } from './ballot-geometry.ts';

/** The text whose SHA-256 is the layout fingerprint: what a scanner must know to read a ballot. */
export function ballotLayoutText(record: ElectionRecord): string {
  return canonicalJson({
    congress: record.congress.name,
    election: record.election.id,
    round: record.election.round,
    layout: record.election.layout,
    seats: record.election.seats,
    candidates: record.candidates.map((c) => [c.id, c.name]),
  });
}

/** The QR code's content on one side: the election and the layout fingerprint, nothing about the ballot. */
export const ballotCode = (
  record: ElectionRecord,
  layoutFingerprint: string,
  { paper = 'A4', side = 1, sides = 1 }: { paper?: Paper; side?: number; sides?: number } = {},
): string =>
  formatBallotCode({
    election: record.election.id,
    round: record.election.round,
    layout: record.election.layout,
    paper,
    side,
    sides,
    fingerprint: layoutFingerprint,
  });

const text = (item: TextItem): Content => ({
  text: item.text,
  fontSize: item.fontSize,
  bold: item.bold,
  italics: item.italics,
  // One line exactly where the geometry put it: never wrapped, never stretched.
  noWrap: true,
  absolutePosition: { x: item.x, y: item.y },
});

/** The content of one side of a ballot (a page break before it unless `first`). */
export function sideContent(
  geometry: BallotGeometry,
  index: number,
  code: string,
  first = index === 0,
): Content[] {
  const side = geometry.sides[index]!;
  const shapes = [
    ...side.marks.map((m) => ({ ...m, color: 'black' })),
    ...side.rules.map((r) => ({ ...r, color: 'black' })),
  ].map(({ x, y, w, h, color }) => ({ type: 'rect' as const, x, y, w, h, color }));
  const seal = side.seal;
  return [
    ...(first ? [] : [{ text: '', pageBreak: 'before' as const }]),
    { canvas: shapes, absolutePosition: { x: 0, y: 0 } },
    ...(seal === null
      ? []
      : [
          {
            // Where the convening committee's seal is stamped (rules.md: upper-left corner).
            canvas: [
              {
                type: 'ellipse' as const,
                x: seal.x + seal.w / 2,
                y: seal.y + seal.h / 2,
                r1: seal.w / 2,
                r2: seal.h / 2,
                dash: { length: 3 },
                lineColor: '#999999',
              },
            ],
            absolutePosition: { x: 0, y: 0 },
          },
        ]),
    { qr: code, fit: side.qr.w, absolutePosition: { x: side.qr.x, y: side.qr.y } },
    ...side.header.map(text),
    ...side.listText.map(text),
    ...side.lines.flatMap((line) => [text(line.number), text(line.name)]),
  ];
}

export function ballotDocument({
  record,
  paper = 'A4',
  layoutFingerprint,
}: {
  record: ElectionRecord;
  paper?: Paper;
  layoutFingerprint: string;
}): TDocumentDefinitions {
  const geometry = ballotGeometry(record, paper);
  const sides = geometry.sides.length;
  return {
    pageSize: paper,
    pageMargins: [0, 0, 0, 0],
    info: {
      title: `Phiếu bầu — ${record.election.title}`,
      creator: 'Kiểm phiếu',
      producer: 'Kiểm phiếu',
    },
    defaultStyle: { font: FONT, fontSize: 12 },
    content: geometry.sides.flatMap((_, i) =>
      sideContent(
        geometry,
        i,
        ballotCode(record, layoutFingerprint, { paper, side: i + 1, sides }),
      ),
    ),
  };
}
