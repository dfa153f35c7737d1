/**
 * The candidates' introduction handout (danh sách trích ngang ứng cử viên) that the presidium
 * hands the delegates before the vote: the Party header, the title, the whole list in ballot
 * order as a table, then one block per candidate with the photo (3 × 4, as on a Party record),
 * year of birth, hometown, position and unit, education and a short biography. A block never
 * breaks across pages.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { electionName } from '../labels.ts';
import type { ElectionRecord } from '../record.ts';
import type { CandidateDetailView } from '../views.ts';
import {
  CONTENT_WIDTH,
  PARTY_FORMAT,
  flow,
  keep,
  electionHeader,
  titleBlock,
  upper,
  partyDocument,
} from './common.ts';

const MM = 72 / 25.4;
/** A 3 × 4 cm portrait, as the photos of a Party member's record. */
const PHOTO = { width: 30 * MM, height: 40 * MM };

export interface HandoutInput {
  /** What the header needs of the congress and the election (no ballot, no base). */
  readonly congress: Pick<ElectionRecord['congress'], 'name' | 'organisation' | 'kind'> & {
    readonly place?: string | undefined;
  };
  readonly election: Pick<ElectionRecord['election'], 'title' | 'kind' | 'round' | 'seats'>;
  readonly candidates: readonly CandidateDetailView[];
  /** The photos' JPEGs in base64, by the SHA-256 each candidate's photo names. */
  readonly photos: ReadonlyMap<string, string>;
  readonly date?: string | undefined;
}

/** "Chức vụ, đơn vị": the two joined as a record writes them, either alone when one is missing. */
export function positionAndUnit(c: Pick<CandidateDetailView, 'position' | 'unit'>): string | null {
  const parts = [c.position, c.unit].filter((p): p is string => p !== null && p !== '');
  return parts.length === 0 ? null : parts.join(', ');
}

function line(label: string, value: string | number | null): Content[] {
  if (value === null) return [];
  return [
    {
      text: [{ text: `${label}: `, bold: true }, ...flow(String(value))],
      margin: [0, 0, 0, 3],
    } as Content,
  ];
}

function photoBox(c: CandidateDetailView, photos: ReadonlyMap<string, string>): Content {
  const jpeg = c.photo === null ? undefined : photos.get(c.photo.sha256);
  if (jpeg === undefined) {
    return {
      table: {
        widths: [PHOTO.width - 8],
        heights: [PHOTO.height - 8],
        body: [[{ text: 'Ảnh\n3 × 4', alignment: 'center', fontSize: 11, margin: [0, 38, 0, 0] }]],
      },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    } as Content;
  }
  return {
    image: `data:image/jpeg;base64,${jpeg}`,
    fit: [PHOTO.width, PHOTO.height],
    alignment: 'center',
  } as Content;
}

function candidateBlock(c: CandidateDetailView, photos: ReadonlyMap<string, string>): Content {
  const textWidth = CONTENT_WIDTH - PHOTO.width - 12;
  return {
    unbreakable: true,
    margin: [0, 0, 0, 12],
    columns: [
      { width: PHOTO.width, stack: [photoBox(c, photos)] },
      {
        width: textWidth,
        stack: [
          {
            text: [{ text: `${c.no}. ` }, keep(upper(c.name))],
            bold: true,
            fontSize: PARTY_FORMAT.bodySize + 1,
            margin: [0, 0, 0, 4],
          },
          ...line('Năm sinh', c.birthYear),
          ...line('Quê quán', c.hometown),
          ...line('Chức vụ, đơn vị công tác', positionAndUnit(c)),
          ...line('Trình độ', c.education),
          ...(c.biography === null
            ? []
            : [
                { text: 'Tóm tắt quá trình công tác:', bold: true, margin: [0, 0, 0, 2] },
                { text: flow(c.biography), alignment: 'justify' },
              ]),
        ],
      },
    ],
    columnGap: 12,
  } as Content;
}

function listTable(candidates: readonly CandidateDetailView[]): Content {
  const head = ['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác'].map((text) => ({
    text,
    bold: true,
    alignment: 'center',
  }));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [30, 150, 50, '*'],
      body: [
        head,
        ...candidates.map((c) => [
          { text: String(c.no), alignment: 'right' },
          { text: keep(c.name) },
          { text: c.birthYear === null ? '' : String(c.birthYear), alignment: 'center' },
          { text: flow(positionAndUnit(c) ?? '') },
        ]),
      ],
    },
    fontSize: PARTY_FORMAT.tableSize,
    margin: [0, 0, 0, 14],
  } as Content;
}

export function candidateHandoutDocument(input: HandoutInput): TDocumentDefinitions {
  const { congress, election, candidates } = input;
  // The header's helpers read the record's congress and election; these are the fields they use.
  const record = { congress, election } as unknown as ElectionRecord;
  const name = electionName({ title: election.title, round: election.round }, 'vi');
  return partyDocument({
    title: `Danh sách trích ngang ứng cử viên — ${name}`,
    lineHeight: 1.2,
    content: [
      electionHeader(record, { body: 'Đoàn Chủ tịch', date: input.date }),
      ...titleBlock('Danh sách trích ngang', `Ứng cử viên ${lowerFirstWord(name)}`, [
        {
          text: `${candidates.length} ứng cử viên, bầu ${election.seats}; xếp theo thứ tự trên phiếu bầu`,
          italics: true,
          fontSize: PARTY_FORMAT.tableSize,
          alignment: 'center',
          margin: [0, 4, 0, 0],
        } as Content,
      ]),
      listTable(candidates),
      ...candidates.map((c) => candidateBlock(c, input.photos)),
    ],
  });
}

/** "Bầu Ban Chấp hành …" → "bầu Ban Chấp hành …" after "Ứng cử viên". */
function lowerFirstWord(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
