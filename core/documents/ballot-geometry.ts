/**
 * Where everything on a paper ballot is, in PDF points from the top-left corner of the page: the
 * registration marks, the QR code, every printed line of text, every candidate's line with its
 * strike zone and (approve layout) its two boxes. The PDF is drawn from this geometry with absolute
 * positions and the scan reader measures against it, so the two can never disagree.
 */
import { electionName } from '../labels.ts';
import type { ElectionRecord } from '../record.ts';
import { TINOS_ASCENT, TINOS_BOLD, TINOS_CHARS, TINOS_REGULAR } from './tinos-metrics.ts';

export type Paper = 'A4' | 'A5';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One line of text drawn at an absolute position: `y` is the top of the line box. */
export interface TextItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly baseline: number;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly italics: boolean;
  readonly width: number;
}

export interface BallotLine {
  readonly candidateId: string;
  /** 0-based position in ballot order. */
  readonly index: number;
  readonly number: TextItem;
  readonly name: TextItem;
  /** The whole line: where ink belongs to this candidate. */
  readonly band: Rect;
  /** Where a strike through the name runs: the name's letters, not the space under them. */
  readonly zone: Rect;
  /** Approve layout: the cells the voter marks. */
  readonly boxes: { readonly agree: Rect; readonly disagree: Rect } | null;
}

export interface BallotSide {
  /** 1-based. */
  readonly side: number;
  /** Solid squares, centred near the four corners: top-left, top-right, bottom-right, bottom-left. */
  readonly marks: readonly [Rect, Rect, Rect, Rect];
  /** The QR code's square (pdfmake draws it from the top-left corner, at most this size). */
  readonly qr: Rect;
  /** Text above the list (organisation, title, instruction): printed, never read. */
  readonly header: readonly TextItem[];
  /** Where the seal is stamped: never read. */
  readonly seal: Rect | null;
  /** Drawn rules (the line under the Party's name, the approve grid), as thin filled rectangles. */
  readonly rules: readonly Rect[];
  /** Text inside the list area that is printed (table headings): part of the blank. */
  readonly listText: readonly TextItem[];
  /** The region where every ink mark is either a candidate's or ink outside the lines. */
  readonly listArea: Rect;
  readonly lines: readonly BallotLine[];
}

export interface BallotGeometry {
  readonly paper: Paper;
  readonly page: { readonly width: number; readonly height: number };
  readonly layout: 'strike' | 'approve';
  readonly fontSize: number;
  readonly columns: number;
  readonly sides: readonly BallotSide[];
}

export const PAGE_SIZES: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  A5: { width: 419.53, height: 595.28 },
};

const MARK_SIZE = 14;
const MARK_INSET = 28;

const widthIndex = new Map<string, number>([...TINOS_CHARS].map((c, i) => [c, i]));

/** The width of a line of Tinos text without kerning (pdfkit's kerning only narrows it). */
export function measureText(text: string, fontSize: number, bold = false): number {
  const table = bold ? TINOS_BOLD : TINOS_REGULAR;
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    let i = widthIndex.get(ch);
    if (i === undefined) i = widthIndex.get(ch.normalize('NFD')[0] ?? '');
    // A letter outside the table: as wide as the widest, so it can only be given too much room.
    units += i === undefined ? 1000 : (table[i] ?? 1000);
  }
  return (units * fontSize) / 1000;
}

/** Words set in lines no wider than `width`, breaking only at spaces. */
export function wrapText(
  text: string,
  { width, fontSize, bold }: { width: number; fontSize: number; bold: boolean },
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/u).filter((w) => w.length > 0)) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current !== '' && measureText(next, fontSize, bold) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current !== '') lines.push(current);
  return lines;
}

const upperVi = (text: string): string => text.toLocaleUpperCase('vi-VN').normalize('NFC');

function textAt({
  text,
  x,
  baseline,
  fontSize,
  bold = false,
  italics = false,
  align = 'left',
}: {
  text: string;
  x: number;
  baseline: number;
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
  align?: 'left' | 'center' | 'right';
}): TextItem {
  const width = measureText(text, fontSize, bold);
  const left = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
  return {
    text,
    x: round2(left),
    y: round2(baseline - (TINOS_ASCENT / 1000) * fontSize),
    baseline: round2(baseline),
    fontSize,
    bold,
    italics,
    width: round2(width),
  };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Centred lines of a wrapped paragraph, starting with the first baseline at `top + size`. */
function centredBlock({
  text,
  centre,
  width,
  top,
  fontSize,
  bold = false,
  italics = false,
  leading = 1.2,
}: {
  text: string;
  centre: number;
  width: number;
  top: number;
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
  leading?: number;
}): { items: TextItem[]; bottom: number } {
  const lines = wrapText(text, { width, fontSize, bold });
  const items = lines.map((line, i) =>
    textAt({
      text: line,
      x: centre,
      baseline: top + fontSize * 0.95 + i * fontSize * leading,
      fontSize,
      bold,
      italics,
      align: 'center',
    }),
  );
  return { items, bottom: top + lines.length * fontSize * leading };
}

function marksOf(page: { width: number; height: number }): BallotSide['marks'] {
  const at = (x: number, y: number): Rect => ({ x, y, w: MARK_SIZE, h: MARK_SIZE });
  const right = page.width - MARK_INSET - MARK_SIZE;
  const bottom = page.height - MARK_INSET - MARK_SIZE;
  return [
    at(MARK_INSET, MARK_INSET),
    at(right, MARK_INSET),
    at(right, bottom),
    at(MARK_INSET, bottom),
  ];
}

interface ListChoice {
  readonly fontSize: number;
  readonly columns: number;
  readonly pitch: number;
  readonly rows: readonly number[];
}

const FONT_SIZES = [16, 15, 14, 13, 12, 11, 10, 9, 8] as const;
const MIN_PITCH = 1.75;
const MAX_PITCH = 3;
const COLUMN_GAP = 16;

/** The largest type (then the fewest columns, then the fewest sides) that holds every name. */
function chooseList({
  names,
  width,
  heights,
}: {
  names: readonly string[];
  width: number;
  heights: (sides: number) => number[];
}): ListChoice {
  const n = names.length;
  for (const sides of [1, 2]) {
    const h = heights(sides);
    for (const fontSize of FONT_SIZES) {
      for (const columns of [1, 2, 3]) {
        const colWidth = (width - COLUMN_GAP * (columns - 1)) / columns;
        const numberWidth = measureText(`${n}. `, fontSize);
        const widest = Math.max(...names.map((s) => measureText(s, fontSize)));
        if (numberWidth + widest > colWidth - fontSize) continue;
        const perSide = h.map((avail) => Math.floor(avail / (fontSize * MIN_PITCH)) * columns);
        if (perSide.reduce((a, b) => a + b, 0) < n) continue;
        // Fill the sides in order; the pitch spreads the rows of the fullest column over the page.
        const rows: number[] = [];
        let left = n;
        for (const cap of perSide) {
          const here = Math.min(cap, left);
          rows.push(Math.ceil(here / columns));
          left -= here;
        }
        const pitch = Math.min(
          fontSize * MAX_PITCH,
          ...rows.map((r, i) => (r > 0 ? (h[i] ?? 0) / r : Infinity)),
        );
        return { fontSize, columns, pitch, rows: rows.filter((r) => r > 0) };
      }
    }
  }
  throw new Error(`a list of ${n} names does not fit two sides`);
}

/** The ballot of an election on the given paper. */
export function ballotGeometry(record: ElectionRecord, paper: Paper = 'A4'): BallotGeometry {
  const page = PAGE_SIZES[paper];
  const k = page.width / PAGE_SIZES.A4.width;
  const left = 50 * k;
  const right = page.width - 50 * k;
  const width = right - left;
  const listBottom = page.height - MARK_INSET - MARK_SIZE - 14 * k;
  const qrSize = Math.round(66 * k);
  const qr: Rect = { x: round2(right - qrSize), y: round2(44 * k), w: qrSize, h: qrSize };

  // Header of the first side.
  const orgWidth = 200 * k;
  const org = centredBlock({
    text: upperVi(record.congress.organisation),
    centre: left + orgWidth / 2,
    width: orgWidth,
    top: 44 * k,
    fontSize: Math.round(11 * k * 2) / 2,
  });
  const sealTop = Math.max(org.bottom + 4 * k, 70 * k);
  const seal: Rect = { x: left + 20 * k, y: sealTop, w: orgWidth - 40 * k, h: 50 * k };
  const partyCentre = (left + orgWidth + qr.x) / 2;
  const party = textAt({
    text: 'ĐẢNG CỘNG SẢN VIỆT NAM',
    x: partyCentre,
    baseline: 44 * k + 12 * k,
    fontSize: Math.round(12 * k * 2) / 2,
    bold: true,
    align: 'center',
  });
  const partyRule: Rect = {
    x: party.x,
    y: round2(party.baseline + 4 * k),
    w: party.width,
    h: 0.8,
  };
  const titleTop = Math.max(seal.y + seal.h, qr.y + qr.h) + 10 * k;
  const title = centredBlock({
    text: 'PHIẾU BẦU CỬ',
    centre: page.width / 2,
    width,
    top: titleTop,
    fontSize: Math.round(20 * k),
    bold: true,
  });
  const name = centredBlock({
    text: upperVi(electionName(record.election, 'vi')),
    centre: page.width / 2,
    width: width - 20 * k,
    top: title.bottom + 2 * k,
    fontSize: Math.round(13 * k * 2) / 2,
    bold: true,
  });
  const instruction = centredBlock({
    text:
      record.election.layout === 'strike'
        ? `Bầu ${record.election.seats} người. Gạch ngang họ và tên người không bầu.`
        : 'Đánh dấu X vào một ô "Đồng ý" hoặc "Không đồng ý" ở mỗi dòng.',
    centre: page.width / 2,
    width,
    top: name.bottom + 4 * k,
    fontSize: Math.round(12 * k * 2) / 2,
    italics: true,
  });
  const header = [...org.items, party, ...title.items, ...name.items, ...instruction.items];
  const firstTop = instruction.bottom + 12 * k;
  // A later side repeats the marks and the QR code; its list starts under the QR code.
  const laterTop = qr.y + qr.h + 16 * k;
  const marks = marksOf(page);

  if (record.election.layout === 'approve') {
    const parts = approveSides({ record, left, width, firstTop, laterTop, bottom: listBottom, k });
    return {
      paper,
      page,
      layout: 'approve',
      fontSize: parts[0]!.fontSize,
      columns: 1,
      sides: parts.map((part, s) => ({
        side: s + 1,
        marks,
        qr,
        header: s === 0 ? header : [],
        seal: s === 0 ? seal : null,
        rules: s === 0 ? [partyRule, ...part.rules] : part.rules,
        listText: part.listText,
        listArea: part.area,
        lines: part.lines,
      })),
    };
  }

  const names = record.candidates.map((c) => c.name);
  const choice = chooseList({
    names,
    width,
    heights: (sides) =>
      Array.from({ length: sides }, (_, i) => listBottom - (i === 0 ? firstTop : laterTop)),
  });
  const { fontSize, columns, pitch } = choice;
  const colWidth = (width - COLUMN_GAP * (columns - 1)) / columns;
  const numberBox = measureText(`${record.candidates.length}.`, fontSize);
  const sides: BallotSide[] = [];
  let next = 0;
  choice.rows.forEach((rows, s) => {
    const top = s === 0 ? firstTop : laterTop;
    const lines: BallotLine[] = [];
    for (let c = 0; c < columns && next < record.candidates.length; c++) {
      const x0 = left + c * (colWidth + COLUMN_GAP);
      for (let r = 0; r < rows && next < record.candidates.length; r++, next++) {
        const candidate = record.candidates[next]!;
        const bandTop = top + r * pitch;
        const baseline = bandTop + pitch / 2 + 0.33 * fontSize;
        const number = textAt({
          text: `${next + 1}.`,
          x: x0 + numberBox,
          baseline,
          fontSize,
          align: 'right',
        });
        const nameItem = textAt({
          text: candidate.name,
          x: x0 + numberBox + fontSize * 0.4,
          baseline,
          fontSize,
        });
        lines.push({
          candidateId: candidate.id,
          index: next,
          number,
          name: nameItem,
          band: rect(x0, bandTop, colWidth, pitch),
          zone: strikeZone(nameItem, baseline, fontSize),
          boxes: null,
        });
      }
    }
    sides.push({
      side: s + 1,
      marks,
      qr,
      header: s === 0 ? header : [],
      seal: s === 0 ? seal : null,
      rules: s === 0 ? [partyRule] : [],
      listText: [],
      listArea: rect(left - 8 * k, top - 6 * k, width + 16 * k, listBottom - top + 10 * k),
      lines,
    });
  });
  return { paper, page, layout: 'strike', fontSize, columns, sides };
}

const rect = (x: number, y: number, w: number, h: number): Rect => ({
  x: round2(x),
  y: round2(y),
  w: round2(w),
  h: round2(h),
});

/** Where a strike through a name runs (BallotLine.zone): its letters and a little beside them. */
const strikeZone = (name: TextItem, baseline: number, fontSize: number): Rect =>
  rect(
    name.x - 0.3 * fontSize,
    baseline - 0.8 * fontSize,
    name.width + 0.6 * fontSize,
    0.85 * fontSize,
  );

interface ApprovePart {
  readonly fontSize: number;
  readonly rules: Rect[];
  readonly listText: TextItem[];
  readonly lines: BallotLine[];
  readonly area: Rect;
}

const APPROVE_PITCH = 2.2;

/**
 * The approve table over one side, or two when the list does not fit one at a readable size (the
 * second side's table under its QR code, headings repeated). Rows are never split from their boxes.
 */
function approveSides({
  record,
  left,
  width,
  firstTop,
  laterTop,
  bottom,
  k,
}: {
  record: ElectionRecord;
  left: number;
  width: number;
  firstTop: number;
  laterTop: number;
  bottom: number;
  k: number;
}): ApprovePart[] {
  const headFont = Math.round(13 * k * 2) / 2;
  // The box columns are as wide as "Không đồng ý" in bold with room on both sides: never wrapped.
  const boxWidth = Math.ceil(measureText('Không đồng ý', headFont, true) + 16 * k);
  const numberWidth = 36 * k;
  const headHeight = 28 * k;
  const nameWidth = width - numberWidth - 2 * boxWidth;
  const widest = (size: number) =>
    Math.max(...record.candidates.map((c) => measureText(c.name, size)));
  const n = record.candidates.length;
  const rowsFit = (top: number, size: number) =>
    Math.floor((bottom - top - headHeight) / (size * APPROVE_PITCH));
  // As for a strike list: the largest type on one side, then on two.
  for (const sides of [1, 2]) {
    for (let fontSize = 14 * k; fontSize >= 8; fontSize -= 0.5) {
      if (widest(fontSize) > nameWidth - 10 * k) continue;
      const first = rowsFit(firstTop, fontSize);
      const capacity = sides === 1 ? first : first + rowsFit(laterTop, fontSize);
      if (capacity < n) continue;
      // Two sides: the rows shared evenly, so both tables have the same pitch.
      const counts = sides === 1 ? [n] : [Math.min(first, Math.ceil(n / 2))];
      if (sides === 2) counts.push(n - counts[0]!);
      let start = 0;
      return counts.map((count, s) => {
        const part = approveSide({
          record,
          start,
          count,
          left,
          width,
          top: s === 0 ? firstTop : laterTop,
          bottom,
          k,
          fontSize,
          pitch: Math.min(
            fontSize * 3,
            ...counts.map((c, i) => (bottom - (i === 0 ? firstTop : laterTop) - headHeight) / c),
          ),
          boxWidth,
          headFont,
          headHeight,
          numberWidth,
          nameWidth,
        });
        start += count;
        return part;
      });
    }
  }
  throw new Error(`an approve list of ${n} names does not fit two sides`);
}

/** The approve layout: a table STT | Họ và tên | Đồng ý | Không đồng ý, drawn as a grid. */
function approveSide({
  record,
  start,
  count,
  left,
  width,
  top,
  bottom,
  k,
  fontSize,
  pitch,
  boxWidth,
  headFont,
  headHeight,
  numberWidth,
  nameWidth,
}: {
  record: ElectionRecord;
  start: number;
  count: number;
  left: number;
  width: number;
  top: number;
  bottom: number;
  k: number;
  fontSize: number;
  pitch: number;
  boxWidth: number;
  headFont: number;
  headHeight: number;
  numberWidth: number;
  nameWidth: number;
}): ApprovePart {
  const n = count;
  const xs = [
    left,
    left + numberWidth,
    left + numberWidth + nameWidth,
    left + numberWidth + nameWidth + boxWidth,
    left + width,
  ];
  const tableBottom = top + headHeight + n * pitch;
  const line = 0.8;
  const rules: Rect[] = [
    ...xs.map((x) => rect(x - line / 2, top, line, tableBottom - top)),
    rect(left, top - line / 2, width, line),
    ...Array.from({ length: n + 1 }, (_, i) =>
      rect(left, top + headHeight + i * pitch - line / 2, width, line),
    ),
  ];
  const headBaseline = top + headHeight / 2 + 0.33 * headFont;
  const headings = ['STT', 'Họ và tên', 'Đồng ý', 'Không đồng ý'].map((text, i) =>
    textAt({
      text,
      x: ((xs[i] ?? 0) + (xs[i + 1] ?? 0)) / 2,
      baseline: headBaseline,
      fontSize: headFont,
      bold: true,
      align: 'center',
    }),
  );
  const inset = 3 * k;
  const lines = record.candidates.slice(start, start + count).map((candidate, row): BallotLine => {
    const i = start + row;
    const bandTop = top + headHeight + row * pitch;
    const baseline = bandTop + pitch / 2 + 0.33 * fontSize;
    const nameItem = textAt({ text: candidate.name, x: xs[1]! + 8 * k, baseline, fontSize });
    const cell = (x: number): Rect =>
      rect(x + inset, bandTop + inset, boxWidth - 2 * inset, pitch - 2 * inset);
    return {
      candidateId: candidate.id,
      index: i,
      number: textAt({
        text: `${i + 1}`,
        x: (xs[0]! + xs[1]!) / 2,
        baseline,
        fontSize,
        align: 'center',
      }),
      name: nameItem,
      band: rect(left, bandTop, width, pitch),
      zone: strikeZone(nameItem, baseline, fontSize),
      boxes: { agree: cell(xs[2]!), disagree: cell(xs[3]!) },
    };
  });
  return {
    fontSize,
    rules,
    listText: headings,
    lines,
    area: rect(left - 8 * k, top - 6 * k, width + 16 * k, bottom - top + 10 * k),
  };
}
