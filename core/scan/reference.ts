/**
 * The blank ballot's printed ink, rasterised from the geometry: the glyph outlines of every printed
 * line (the host reads them from the same font file the PDF embeds) and every drawn rule. Over the
 * list area finely (strokes are measured there); over the rest of the sheet coarsely (only whether
 * anything was written there). The reader subtracts it from the scan, so only added ink is scored.
 */
import type { BallotSide, Rect, TextItem } from '../documents/ballot-geometry.ts';
import { dilate, emptyMask, type Mask } from './image.ts';

/** A closed outline as x, y pairs in page points. */
export type Polygon = readonly number[];

/** The outlines of one printed line of text, positioned on the page. */
export type Outlines = (item: TextItem) => readonly Polygon[];

export interface Reference {
  /** Pixels per point of the mask and of every patch the reader samples. */
  readonly res: number;
  readonly area: Rect;
  /** Printed ink, grown by `grow` pixels to absorb misregistration and toner spread. */
  readonly printed: Mask;
  /** The rest of the sheet inside the registration marks. */
  readonly sheet: SheetReference;
}

/**
 * The sheet inside the registration marks and outside the list area (the heading above the list,
 * the strip below it, the margins beside it) as a few rectangles, each with the pixels where ink is
 * expected: printed text and rules, the marks, the QR code and the seal's place (the committee's
 * stamp belongs there).
 */
export interface SheetReference {
  readonly res: number;
  readonly parts: readonly { readonly area: Rect; readonly expected: Mask }[];
}

/** Fills polygons into a mask with the nonzero rule, sampling at pixel centres. */
export function fillPolygons(
  mask: Mask,
  polygons: readonly Polygon[],
  area: Rect,
  res: number,
): void {
  const rows = new Map<number, { x: number; dir: number }[]>();
  for (const poly of polygons) {
    const n = poly.length / 2;
    for (let i = 0; i < n; i++) {
      const x1 = (poly[2 * i]! - area.x) * res;
      const y1 = (poly[2 * i + 1]! - area.y) * res;
      const j = (i + 1) % n;
      const x2 = (poly[2 * j]! - area.x) * res;
      const y2 = (poly[2 * j + 1]! - area.y) * res;
      if (y1 === y2) continue;
      const dir = y2 > y1 ? 1 : -1;
      const ya = Math.min(y1, y2);
      const yb = Math.max(y1, y2);
      const from = Math.max(0, Math.ceil(ya - 0.5));
      const to = Math.min(mask.height - 1, Math.ceil(yb - 0.5) - 1);
      for (let v = from; v <= to; v++) {
        const yc = v + 0.5;
        const x = x1 + ((yc - y1) * (x2 - x1)) / (y2 - y1);
        let list = rows.get(v);
        if (list === undefined) rows.set(v, (list = []));
        list.push({ x, dir });
      }
    }
  }
  for (const [v, list] of rows) {
    list.sort((p, q) => p.x - q.x);
    let winding = 0;
    for (let k = 0; k < list.length - 1; k++) {
      winding += list[k]!.dir;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(list[k]!.x - 0.5));
      const to = Math.min(mask.width - 1, Math.ceil(list[k + 1]!.x - 0.5) - 1);
      for (let u = from; u <= to; u++) mask.bits[v * mask.width + u] = 1;
    }
  }
}

/**
 * Sets every pixel of `mask` the polygons touch. A stroke thinner than a pixel (a serif's foot, a
 * bold letter's hairline, a crossbar) may miss every pixel centre and still print: fill at four
 * times the resolution, and a pixel is printed where any of its fine ones is.
 */
function fillTouched(mask: Mask, polygons: readonly Polygon[], area: Rect, res: number): void {
  const fine = 4;
  const detail = emptyMask(mask.width * fine, mask.height * fine);
  fillPolygons(detail, polygons, area, res * fine);
  for (let y = 0; y < detail.height; y++) {
    const row = Math.floor(y / fine) * mask.width;
    for (let x = 0; x < detail.width; x++) {
      if (detail.bits[y * detail.width + x]) mask.bits[row + Math.floor(x / fine)] = 1;
    }
  }
}

const rectPolygon = (r: Rect): Polygon => [
  r.x,
  r.y,
  r.x + r.w,
  r.y,
  r.x + r.w,
  r.y + r.h,
  r.x,
  r.y + r.h,
];

const grown = (r: Rect, by: number): Rect => ({
  x: r.x - by,
  y: r.y - by,
  w: r.w + 2 * by,
  h: r.h + 2 * by,
});

/**
 * The rectangles of the sheet inside the marks around the list area: above, below, left and right
 * of it (none where the list reaches the marks' edge).
 */
function aroundList(side: BallotSide): Rect[] {
  const [tl, , br] = side.marks;
  const x0 = tl.x;
  const y0 = tl.y;
  const x1 = br.x + br.w;
  const y1 = br.y + br.h;
  const list = side.listArea;
  const lx0 = Math.max(x0, list.x);
  const lx1 = Math.min(x1, list.x + list.w);
  const ly0 = Math.max(y0, list.y);
  const ly1 = Math.min(y1, list.y + list.h);
  return [
    { x: x0, y: y0, w: x1 - x0, h: ly0 - y0 },
    { x: x0, y: ly1, w: x1 - x0, h: y1 - ly1 },
    { x: x0, y: ly0, w: lx0 - x0, h: ly1 - ly0 },
    { x: lx1, y: ly0, w: x1 - lx1, h: ly1 - ly0 },
  ].filter((r) => r.w >= 2 && r.h >= 2);
}

/**
 * Where the committee's stamp may land: a round seal is 35–42 mm across (up to 120 pt), larger
 * than the printed guide, and is stamped centred on it more or less. Ink there is the seal's.
 */
const STAMP_REACH = 130;
const stampReach = (guide: Rect): Rect => {
  const cx = guide.x + guide.w / 2;
  const cy = guide.y + guide.h / 2;
  const w = Math.max(guide.w, STAMP_REACH);
  const h = Math.max(guide.h, STAMP_REACH);
  return { x: cx - w / 2, y: cy - h / 2, w, h };
};

/**
 * The rest of the sheet at `res` pixels per point (a signature or a note is large; one pixel a
 * point still sees a ballpoint line): printed text and rules grown by `grow` pixels, and the
 * marks, the QR code and the seal's place with a margin of `clear` points.
 */
export function sheetReference(
  side: BallotSide,
  outlines: Outlines,
  { res = 1, grow = 1, clear = 3 }: { res?: number; grow?: number; clear?: number } = {},
): SheetReference {
  const printed = [
    ...side.header.flatMap(outlines),
    ...side.rules.map((r) => rectPolygon(grown(r, 0.3))),
  ];
  const kept = [
    ...[...side.marks, side.qr].map((r) => grown(r, clear)),
    ...(side.seal === null ? [] : [stampReach(side.seal)]),
  ].map(rectPolygon);
  const parts = aroundList(side).map((area) => {
    const mask = emptyMask(Math.round(area.w * res), Math.round(area.h * res));
    fillTouched(mask, printed, area, res);
    const expected = dilate(mask, grow);
    fillPolygons(expected, kept, area, res);
    return { area, expected };
  });
  return { res, parts };
}

/** The printed ink of one side's list area (numbers, names, table headings, rules). */
export function sideReference(
  side: BallotSide,
  outlines: Outlines,
  { res = 2, grow = 1 }: { res?: number; grow?: number } = {},
): Reference {
  const area = side.listArea;
  const mask = emptyMask(Math.round(area.w * res), Math.round(area.h * res));
  const items = [...side.listText, ...side.lines.flatMap((l) => [l.number, l.name])];
  const glyphs = items.flatMap(outlines);
  fillPolygons(mask, glyphs, area, res);
  // Rules thinner than a pixel still print: grow them to at least one pixel.
  fillPolygons(
    mask,
    side.rules.map((r) => rectPolygon({ x: r.x - 0.3, y: r.y - 0.3, w: r.w + 0.6, h: r.h + 0.6 })),
    area,
    res,
  );
  // The print as the pixel centres see it, grown; and every pixel a glyph touches, not grown. A
  // serif's foot thinner than a pixel, between two rows' centres, is in no centre's fill, and a
  // scan shows it: missing from the blank, it was added ink at every letter's foot (a 60-name
  // list's row sent most sheets to review). Growing the touched pixels instead would grow every
  // edge by up to a pixel more, and hide a hairline along the letters' tops.
  const printed = dilate(mask, grow);
  fillTouched(printed, glyphs, area, res);
  return { res, area, printed, sheet: sheetReference(side, outlines) };
}
