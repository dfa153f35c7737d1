/**
 * The blank ballot's printed ink over a side's list area, rasterised from the geometry: the glyph
 * outlines of every printed line (the host reads them from the same font file the PDF embeds) and
 * every drawn rule. The reader subtracts it from the scan, so only added ink is scored.
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

/** The printed ink of one side's list area (numbers, names, table headings, rules). */
export function sideReference(
  side: BallotSide,
  outlines: Outlines,
  { res = 2, grow = 1 }: { res?: number; grow?: number } = {},
): Reference {
  const area = side.listArea;
  const mask = emptyMask(Math.round(area.w * res), Math.round(area.h * res));
  const items = [...side.listText, ...side.lines.flatMap((l) => [l.number, l.name])];
  fillPolygons(mask, items.flatMap(outlines), area, res);
  // Rules thinner than a pixel still print: grow them to at least one pixel.
  fillPolygons(
    mask,
    side.rules.map((r) => rectPolygon({ x: r.x - 0.3, y: r.y - 0.3, w: r.w + 0.6, h: r.h + 0.6 })),
    area,
    res,
  );
  return { res, area, printed: dilate(mask, grow) };
}
