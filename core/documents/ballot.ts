/**
 * The paper ballot of an election, as a document definition. It identifies the election and its
 * layout (a QR code with the election id and the layout's fingerprint; registration marks at the
 * corners for scanning) and never anything that could identify one ballot: every copy printed is
 * the same.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { canonicalJson } from '../canonical-json.ts';
import type { ElectionRecord } from '../record.ts';
import { FONT, upper } from './common.ts';

export type Paper = 'A4' | 'A5';

/** The text whose SHA-256 is the layout fingerprint: what a scanner must know to read a ballot. */
export function ballotLayoutText(record: ElectionRecord): string {
  return canonicalJson({
    election: record.election.id,
    round: record.election.round,
    layout: record.election.layout,
    seats: record.election.seats,
    candidates: record.candidates.map((c) => [c.id, c.name]),
  });
}

/** The QR code's content: the election and the layout fingerprint, nothing about the ballot. */
export const ballotCode = (record: ElectionRecord, layoutFingerprint: string): string =>
  `KP1;${record.election.id};${record.election.round};${record.election.layout};${layoutFingerprint.slice(0, 32)}`;

const SIZES: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  A5: { width: 419.53, height: 595.28 },
};

/** Solid squares at the four corners, the same on every ballot, for aligning a scan. */
function registrationMarks(paper: Paper): Content {
  const { width, height } = SIZES[paper];
  const size = 14;
  const inset = 18;
  const at = (x: number, y: number) => ({
    type: 'rect' as const,
    x,
    y,
    w: size,
    h: size,
    color: 'black',
  });
  return {
    canvas: [
      at(inset, inset),
      at(width - inset - size, inset),
      at(inset, height - inset - size),
      at(width - inset - size, height - inset - size),
    ],
    absolutePosition: { x: 0, y: 0 },
  };
}

function strikeList(record: ElectionRecord, paper: Paper): Content {
  const n = record.candidates.length;
  const columns = n <= 20 ? 1 : n <= 60 ? 2 : 3;
  const base = paper === 'A4' ? 16 : 13;
  const fontSize = Math.max(
    8,
    base - (columns - 1) * 3 - Math.max(0, Math.ceil(n / columns) - 20) * 0.25,
  );
  const perColumn = Math.ceil(n / columns);
  const cols: { width: string; stack: Content[] }[] = [];
  for (let c = 0; c < columns; c++) {
    const slice = record.candidates.slice(c * perColumn, (c + 1) * perColumn);
    cols.push({
      width: '*',
      stack: slice.map((cand, i): Content => ({
        text: `${c * perColumn + i + 1}. ${cand.name}`,
        fontSize,
        margin: [0, fontSize * 0.45, 0, fontSize * 0.45] as [number, number, number, number],
      })),
    });
  }
  return { columns: cols, columnGap: 14, margin: [columns === 1 ? 60 : 0, 6, 0, 0] };
}

function approveTable(record: ElectionRecord, paper: Paper): Content {
  const fontSize = paper === 'A4' ? 14 : 12;
  const box = {
    text: '',
    margin: [0, fontSize * 0.9, 0, fontSize * 0.9] as [number, number, number, number],
  };
  return {
    table: {
      headerRows: 1,
      widths: [30, '*', 70, 80],
      body: [
        [
          { text: 'STT', bold: true, alignment: 'center', fontSize },
          { text: 'Họ và tên', bold: true, alignment: 'center', fontSize },
          { text: 'Đồng ý', bold: true, alignment: 'center', fontSize },
          { text: 'Không đồng ý', bold: true, alignment: 'center', fontSize },
        ],
        ...record.candidates.map((c, i) => [
          {
            text: String(i + 1),
            alignment: 'center' as const,
            fontSize,
            margin: [0, fontSize * 0.9, 0, 0] as [number, number, number, number],
          },
          {
            text: c.name,
            fontSize,
            margin: [4, fontSize * 0.9, 0, 0] as [number, number, number, number],
          },
          box,
          box,
        ]),
      ],
    },
    margin: [0, 8, 0, 0],
  };
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
  const instruction =
    record.election.layout === 'strike'
      ? `Bầu ${record.election.seats} người. Gạch ngang họ và tên người không bầu.`
      : 'Đánh dấu X vào một ô "Đồng ý" hoặc "Không đồng ý" ở mỗi dòng.';
  const small = paper === 'A5';
  return {
    pageSize: paper,
    pageMargins: small ? [40, 40, 36, 40] : [60, 48, 48, 48],
    info: {
      title: `Phiếu bầu — ${record.election.title}`,
      creator: 'Kiểm phiếu',
      producer: 'Kiểm phiếu',
    },
    defaultStyle: { font: FONT, fontSize: small ? 12 : 13 },
    background: () => registrationMarks(paper),
    content: [
      {
        columns: [
          {
            width: small ? 150 : 210,
            stack: [
              {
                text: upper(record.congress.organisation),
                alignment: 'center',
                fontSize: small ? 10 : 12,
              },
              {
                // Where the convening committee's seal is stamped (rules.md: upper-left corner).
                canvas: [
                  {
                    type: 'ellipse',
                    x: small ? 75 : 105,
                    y: 34,
                    r1: small ? 46 : 56,
                    r2: 30,
                    dash: { length: 3 },
                    lineColor: '#999999',
                  },
                ],
                margin: [0, 4, 0, 0],
              },
            ],
          },
          {
            width: '*',
            text: 'ĐẢNG CỘNG SẢN VIỆT NAM',
            bold: true,
            alignment: 'center',
            decoration: 'underline',
            fontSize: small ? 9.5 : 13,
          },
          {
            width: small ? 60 : 76,
            qr: ballotCode(record, layoutFingerprint),
            fit: small ? 60 : 76,
            alignment: 'right',
          },
        ],
        columnGap: 8,
      },
      {
        text: 'PHIẾU BẦU CỬ',
        bold: true,
        fontSize: small ? 17 : 20,
        alignment: 'center',
        margin: [0, 6, 0, 2],
      },
      {
        text: upper(record.election.title),
        bold: true,
        fontSize: small ? 12 : 14,
        alignment: 'center',
        margin: [0, 0, 0, 4],
      },
      ...(record.election.round > 1
        ? [{ text: `(Vòng ${record.election.round})`, alignment: 'center' as const, italics: true }]
        : []),
      {
        text: instruction,
        italics: true,
        alignment: 'center',
        margin: [0, 2, 0, 8],
        fontSize: small ? 10 : 12,
      },
      record.election.layout === 'strike' ? strikeList(record, paper) : approveTable(record, paper),
    ],
  };
}
