/** What every Party document shares: the header, dates the Vietnamese way, upper case. */
import type { Content } from 'pdfmake/interfaces.js';

export const FONT = 'Tinos';

/** "2025-10-14" → "14/10/2025". */
export function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "2025-10-14" → "ngày 14 tháng 10 năm 2025". */
export function longDate(iso: string | undefined): string {
  if (iso === undefined) return 'ngày ..... tháng ..... năm ........';
  const [y, m, d] = iso.split('-');
  return `ngày ${Number(d)} tháng ${Number(m)} năm ${y}`;
}

export const upper = (text: string): string => text.toLocaleUpperCase('vi-VN').normalize('NFC');

/**
 * The header of Party documents: the organisation (and the issuing body) at the left, "ĐẢNG CỘNG
 * SẢN VIỆT NAM" at the right with the place and date below it.
 */
export function partyHeader({
  organisation,
  body,
  place,
  date,
}: {
  organisation: string;
  body?: string;
  place?: string | undefined;
  date?: string | undefined;
}): Content {
  return {
    columns: [
      {
        width: '45%',
        stack: [
          { text: upper(organisation), bold: false, fontSize: 13, alignment: 'center' },
          ...(body
            ? [{ text: upper(body), bold: true, fontSize: 13, alignment: 'center' as const }]
            : []),
          { text: '*', alignment: 'center', fontSize: 13 },
        ],
      },
      {
        width: '55%',
        stack: [
          {
            text: 'ĐẢNG CỘNG SẢN VIỆT NAM',
            bold: true,
            fontSize: 14,
            alignment: 'center',
            decoration: 'underline',
          },
          ...(date !== undefined || place !== undefined
            ? [
                {
                  text: `${place ? `${place}, ` : ''}${longDate(date)}`,
                  italics: true,
                  fontSize: 13,
                  alignment: 'center' as const,
                  margin: [0, 6, 0, 0] as [number, number, number, number],
                },
              ]
            : []),
        ],
      },
    ],
    columnGap: 10,
  };
}

/** A4, Party document margins (top 20, bottom 20, left 30, right 15 mm). */
export const A4_MARGINS: [number, number, number, number] = [85, 57, 43, 57];
