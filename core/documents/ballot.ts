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

interface ListLayout {
  readonly columns: number;
  readonly fontSize: number;
}

// Tinos's line height is 1.149 em; the gap between names leaves room to strike through.
const rowHeight = ({ columns, fontSize }: ListLayout): number =>
  fontSize * 1.149 + fontSize * (columns === 1 ? 0.9 : 0.45);

/** Names per column on the first page (below the heading) and on the pages after it. */
function capacity(layout: ListLayout, paper: Paper, page: 'first' | 'later'): number {
  const height = paper === 'A5' ? 595.28 - 80 : 841.89 - 96;
  const heading = paper === 'A5' ? 180 : 215;
  const usable = page === 'first' ? height - heading : height;
  // 5 % margin: an estimate must never let a column spill onto the next page.
  return Math.max(1, Math.floor((usable / rowHeight(layout)) * 0.95));
}

/** The most readable layout that fits one page, else one that fits one sheet (two pages). */
function chooseLayout(n: number, paper: Paper): ListLayout {
  const options: readonly ListLayout[] =
    paper === 'A4'
      ? [
          { columns: 1, fontSize: 16 },
          { columns: 1, fontSize: 14 },
          { columns: 2, fontSize: 13 },
          { columns: 2, fontSize: 12 },
          { columns: 2, fontSize: 11 },
          { columns: 3, fontSize: 10.5 },
          { columns: 3, fontSize: 10 },
          { columns: 3, fontSize: 9.5 },
          { columns: 3, fontSize: 9 },
          { columns: 3, fontSize: 8.5 },
        ]
      : [
          { columns: 1, fontSize: 13 },
          { columns: 1, fontSize: 12 },
          { columns: 2, fontSize: 10 },
          { columns: 2, fontSize: 9 },
          { columns: 3, fontSize: 8 },
          { columns: 3, fontSize: 7.5 },
        ];
  const onePage = options.find((o) => o.columns * capacity(o, paper, 'first') >= n);
  if (onePage) return onePage;
  const twoPages = options.find(
    (o) => o.columns * (capacity(o, paper, 'first') + capacity(o, paper, 'later')) >= n,
  );
  return twoPages ?? options[options.length - 1]!;
}

/**
 * The names in columns, filled column by column and page by page in ballot order, so that a long
 * list (official delegates of a provincial congress) reads in order on a double-sided sheet.
 */
function strikeList(record: ElectionRecord, paper: Paper): Content {
  const n = record.candidates.length;
  const layout = chooseLayout(n, paper);
  const { columns, fontSize } = layout;
  const gap = rowHeight(layout) - fontSize * 1.149;
  const pages: Content[] = [];
  let start = 0;
  while (start < n) {
    const rows = capacity(layout, paper, pages.length === 0 ? 'first' : 'later');
    const perColumn = Math.min(rows, Math.ceil((n - start) / columns));
    const cols: { width: string; stack: Content[] }[] = [];
    for (let c = 0; c < columns; c++) {
      const from = start + c * perColumn;
      cols.push({
        width: '*',
        stack: record.candidates.slice(from, from + perColumn).map((cand, i): Content => ({
          text: `${from + i + 1}. ${cand.name}`,
          fontSize,
          margin: [0, gap / 2, 0, gap / 2],
        })),
      });
    }
    pages.push({
      columns: cols,
      columnGap: 14,
      margin: [columns === 1 ? 60 : 0, 4, 0, 0],
      ...(pages.length > 0 ? { pageBreak: 'before' as const } : {}),
    });
    start += perColumn * columns;
  }
  return { stack: pages };
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
