/**
 * What every Party document shares (documents.md): the page, the header, the place and date line,
 * the title block, unbreakable numbers and dates, the signature block. Every value of the format
 * is in `PARTY_FORMAT`, so that a change in the rules is one edit.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { baseSummary, isConference } from '../labels.ts';
import type { ElectionRecord } from '../record.ts';
import type { ElectionResult } from '../tally.ts';

export const FONT = 'Tinos';

const MM = 72 / 25.4;

/** Hướng dẫn 36-HD/VPTW as documents.md gives it; (s) values come from secondary summaries. */
export const PARTY_FORMAT = {
  /** Top 20, bottom 20, left 30, right 15 mm (s), in pdfmake's order: left, top, right, bottom. */
  margins: [30 * MM, 20 * MM, 15 * MM, 20 * MM] as [number, number, number, number],
  pageWidth: 595.28,
  partyTitleSize: 15,
  headerSize: 14,
  titleSize: 16,
  summarySize: 14,
  bodySize: 14,
  tableSize: 13,
  pageNumberSize: 14,
  /** Page numbers about 10 mm from the top edge (s). */
  pageNumberTop: 10 * MM,
  /** 14 pt Tinos is about 16 pt a line; × 1.2 gives 19–20 pt, inside 18–22 pt (s). */
  lineHeight: 1.2,
  /** First-line indent about 10 mm (s). */
  indent: 10 * MM,
  /** At least 6 pt between paragraphs (s). */
  paragraphGap: 6,
  /** At least 25 mm for the signature and the seal. */
  signatureRoom: 28 * MM,
  /** Width of "ĐẢNG CỘNG SẢN VIỆT NAM" in Tinos Bold 15 pt, for the rule drawn beneath it. */
  partyTitleWidth: 196,
  /** The header's left column (superior body, issuing body, number); the right one takes the rest. */
  headerLeftWidth: 215,
  headerGap: 8,
} as const;

/** The width the content of a page has between the margins. */
export const CONTENT_WIDTH =
  PARTY_FORMAT.pageWidth - PARTY_FORMAT.margins[0] - PARTY_FORMAT.margins[2];

/** Kept for callers of the older name. */
export const A4_MARGINS = PARTY_FORMAT.margins;

export const PARTY_TITLE = 'ĐẢNG CỘNG SẢN VIỆT NAM';

const NBSP = '\u00a0';
const two = (n: number): string => String(n).padStart(2, '0');

/** "2025-10-14" → "14/10/2025". */
export function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * "2025-02-05" → "ngày 05 tháng 02 năm 2025": days below 10 and months below 3 take a leading
 * zero; the words are joined by no-break spaces, so the date never wraps.
 */
export function longDate(iso: string | undefined): string {
  if (iso === undefined) return ['ngày', '.....', 'tháng', '.....', 'năm', '........'].join(NBSP);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = m < 3 ? two(m) : String(m);
  return ['ngày', two(d), 'tháng', month, 'năm', String(y)].join(NBSP);
}

export const upper = (text: string): string => text.toLocaleUpperCase('vi-VN').normalize('NFC');

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** A piece of text that must never be broken or stretched across a line. */
export const keep = (text: string): Content => ({ text, noWrap: true }) as Content;

/**
 * Document numbers ("190-QĐ/TW"), dates ("10/10/2024", "ngày 14 tháng 10 năm 2025") and terms
 * ("2025–2030"): units the layout must neither break nor stretch when it justifies a line.
 */
const UNBREAKABLE =
  /\d+-[\p{Lu}Đ]+(?:\/[\p{Lu}Đ]+)+|\d{1,2}\/\d{1,2}\/\d{4}|(?:nhiệm kỳ[\s\u00a0]+)?\d{4}\s?[–-]\s?\d{4}|ngày[\s\u00a0]+\d{1,2}[\s\u00a0]+tháng[\s\u00a0]+\d{1,2}[\s\u00a0]+năm[\s\u00a0]+\d{4}/gu;

/** A text as inline pieces, its numbers, dates and terms each kept whole. */
export function flow(text: string): Content[] {
  const pieces: Content[] = [];
  let at = 0;
  for (const m of text.matchAll(UNBREAKABLE)) {
    const start = m.index;
    if (start > at) pieces.push({ text: text.slice(at, start) } as Content);
    pieces.push(keep(m[0]));
    at = start + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) } as Content);
  return pieces;
}

const ADMINISTRATIVE_UNIT =
  /^(?:đảng bộ|chi bộ)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(.+)$/iu;

/**
 * The place name (địa danh) of the place and date line: the administrative unit of the
 * organisation ("Đảng bộ tỉnh Thái Nguyên" → "Thái Nguyên"), never the venue. When the
 * organisation names no unit, the last part of the congress's place ("Hội trường A, Thái
 * Nguyên" → "Thái Nguyên").
 */
export function placeName(congress: ElectionRecord['congress']): string | undefined {
  const unit = ADMINISTRATIVE_UNIT.exec(congress.organisation.trim());
  if (unit?.[1] !== undefined) return unit[1].trim();
  const parts =
    congress.place
      ?.split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '') ?? [];
  return parts[parts.length - 1];
}

/** "khóa XXI" of the new committee, from the election's title or the congress's number. */
function termOfOffice(record: Pick<ElectionRecord, 'election' | 'congress'>): string | undefined {
  const fromTitle = /khóa\s+([IVXLCDM]+|\d+)\b/iu.exec(record.election.title)?.[1];
  if (fromTitle !== undefined) return fromTitle;
  return /lần thứ\s+([IVXLCDM]+|\d+)\b/iu.exec(record.congress.name)?.[1];
}

/**
 * Who holds the election: the congress, or for the new committee's own elections its first
 * conference ("Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ xã Kỳ Anh khóa I").
 */
export function assembly(record: Pick<ElectionRecord, 'election' | 'congress'>): {
  readonly conference: boolean;
  /** "Đại hội" or "Hội nghị", as the body of the documents says it. */
  readonly word: string;
  readonly name: string;
} {
  if (!isConference(record))
    return { conference: false, word: 'Đại hội', name: record.congress.name };
  const term = termOfOffice(record);
  const body = `Ban Chấp hành ${lowerFirst(record.congress.organisation)}`.replace(
    /Ban Chấp hành đảng bộ/u,
    'Ban Chấp hành Đảng bộ',
  );
  return {
    conference: true,
    word: 'Hội nghị',
    name: `Hội nghị lần thứ nhất ${body} khóa ${term ?? 'mới'}`,
  };
}

/** A header line in capitals whose names and numbers do not break ("THÁI NGUYÊN", "LẦN THỨ XXI"). */
function headerLine(text: string, place: string | undefined): Content[] {
  const caps = upper(text);
  const units = [place === undefined ? null : upper(place)].filter((u): u is string => !!u);
  const pattern = new RegExp(
    [
      ...units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')),
      'LẦN THỨ [IVXLCDM\\d]+',
      'KHÓA [IVXLCDM\\d]+',
    ].join('|'),
    'gu',
  );
  const pieces: Content[] = [];
  let at = 0;
  for (const m of caps.matchAll(pattern)) {
    if (m.index > at) pieces.push({ text: caps.slice(at, m.index) } as Content);
    pieces.push(keep(m[0]));
    at = m.index + m[0].length;
  }
  if (at < caps.length) pieces.push({ text: caps.slice(at) } as Content);
  return pieces;
}

export interface HeaderInput {
  /** The body the issuer belongs to: the congress, or the conference. */
  readonly superior: string;
  /** The issuing body, e.g. "Ban kiểm phiếu". */
  readonly body: string;
  /** "Số 05-BB/ĐH", when the secretariat gives one. */
  readonly number?: string | undefined;
  readonly place?: string | undefined;
  readonly date?: string | undefined;
}

/**
 * The header of the first page: superior and issuing body at the left with the `*` and the
 * number; the Party's title at the right with a drawn rule beneath, then the place and date.
 */
export function partyHeader({ superior, body, number, place, date }: HeaderInput): Content {
  const f = PARTY_FORMAT;
  const rightWidth = CONTENT_WIDTH - f.headerLeftWidth - f.headerGap;
  const placeLine: Content[] = [
    ...(place === undefined ? [] : [keep(`${place},`), { text: ' ' } as Content]),
    keep(longDate(date)),
  ];
  return {
    columns: [
      {
        width: f.headerLeftWidth,
        stack: [
          { text: headerLine(superior, place), fontSize: f.headerSize, alignment: 'center' },
          { text: upper(body), bold: true, fontSize: f.headerSize, alignment: 'center' },
          { text: '*', fontSize: f.headerSize, alignment: 'center' },
          ...(number === undefined
            ? []
            : [{ text: flow(number), fontSize: f.headerSize, alignment: 'center' as const }]),
        ],
      },
      {
        width: rightWidth,
        stack: [
          { text: PARTY_TITLE, bold: true, fontSize: f.partyTitleSize, alignment: 'center' },
          {
            canvas: [
              {
                type: 'line',
                x1: (rightWidth - f.partyTitleWidth) / 2,
                y1: 1,
                x2: (rightWidth + f.partyTitleWidth) / 2,
                y2: 1,
                lineWidth: 0.8,
              },
            ],
          },
          {
            text: placeLine,
            italics: true,
            fontSize: f.headerSize,
            alignment: 'center',
            margin: [0, 8, 0, 0],
          },
        ],
      },
    ],
    columnGap: f.headerGap,
  } as Content;
}

/** The header of a document a body of the congress (or its conference) issues about an election. */
export const electionHeader = (
  record: Pick<ElectionRecord, 'election' | 'congress'>,
  issued: Pick<HeaderInput, 'body' | 'number' | 'date'>,
): Content =>
  partyHeader({ superior: assembly(record).name, place: placeName(record.congress), ...issued });

/** The type name, the summary under it and a short rule: "BIÊN BẢN" / "Kiểm phiếu bầu …". */
export function titleBlock(type: string, summary: string, extra: Content[] = []): Content[] {
  const f = PARTY_FORMAT;
  return [
    {
      text: upper(type),
      bold: true,
      fontSize: f.titleSize,
      alignment: 'center',
      margin: [0, 22, 0, 2],
    },
    { text: flow(summary), bold: true, fontSize: f.summarySize, alignment: 'center' },
    ...extra,
    {
      canvas: [
        {
          type: 'line',
          x1: CONTENT_WIDTH / 2 - 40,
          y1: 4,
          x2: CONTENT_WIDTH / 2 + 40,
          y2: 4,
          lineWidth: 0.6,
        },
      ],
      margin: [0, 0, 0, 10],
    },
  ];
}

/** Page numbers from page 2 on, centred in the top margin; page 1 has none. */
export const pageNumbers = (page: number): Content | null =>
  page < 2
    ? null
    : ({
        text: String(page),
        alignment: 'center',
        fontSize: PARTY_FORMAT.pageNumberSize,
        margin: [0, PARTY_FORMAT.pageNumberTop, 0, 0],
      } as Content);

/**
 * The frame of every Party document made here: A4 in the Party format, Tinos, page numbers from
 * page 2, the file's title (and, where it has one, its check code as the subject), and a check
 * line in small grey type at the foot of every page where it has one.
 */
export function partyDocument({
  title,
  subject,
  lineHeight = PARTY_FORMAT.lineHeight,
  footer,
  content,
}: {
  title: string;
  subject?: string;
  lineHeight?: number;
  footer?: string;
  content: Content[];
}): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: PARTY_FORMAT.margins,
    info: {
      title,
      creator: 'Kiểm phiếu',
      producer: 'Kiểm phiếu',
      ...(subject === undefined ? {} : { subject }),
    },
    defaultStyle: { font: FONT, fontSize: PARTY_FORMAT.bodySize, lineHeight },
    header: (page: number) => pageNumbers(page),
    ...(footer === undefined
      ? {}
      : {
          footer: () => ({
            text: footer,
            fontSize: 8,
            color: '#666666',
            margin: [PARTY_FORMAT.margins[0], 24, PARTY_FORMAT.margins[2], 0],
          }),
        }),
    content,
  };
}

/** "Bầu Ban Chấp hành …" → "bầu Ban Chấp hành …", to follow "Kiểm phiếu". */
export const asPhrase = lowerFirst;

/**
 * The signature block on the right: "T/M BAN KIỂM PHIẾU", "TRƯỞNG BAN", room for the signature and
 * the seal, then the full name.
 */
export function headSignature(name: string | undefined): Content {
  return {
    stack: [
      { text: 'T/M BAN KIỂM PHIẾU', bold: true, alignment: 'center' },
      { text: 'TRƯỞNG BAN', alignment: 'center' },
      {
        text: name ?? '',
        bold: true,
        alignment: 'center',
        margin: [0, PARTY_FORMAT.signatureRoom, 0, 0],
      },
    ],
  } as Content;
}

/** The base line under a document's title: the base, its arithmetic and the threshold. */
export const baseLine = (record: ElectionRecord, result: ElectionResult): Content =>
  ({
    text: flow(baseSummary(record, result, 'vi')),
    italics: true,
    fontSize: PARTY_FORMAT.tableSize,
    alignment: 'center',
    margin: [0, 4, 0, 0],
  }) as Content;
