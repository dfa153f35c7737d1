/**
 * Scoring added ink on one side: the scan's list area minus the blank's printed ink, then per line
 * how much of the name a stroke crosses (strike) or how far the ink in each box extends (approve),
 * and how much ink lies beside the names or outside the lines.
 */
import type { BallotSide, Rect } from '../documents/ballot-geometry.ts';
import { dilate, erode, type GrayImage, type Mask } from './image.ts';
import type { Reference, SheetReference } from './reference.ts';
import { remembered } from './remembered.ts';

export interface LineScore {
  readonly candidateId: string;
  /** Strike layout: per mille of the name's width crossed. */
  readonly strike: number;
  /** Approve layout: per mille extent of the ink in each box. */
  readonly agree: number;
  readonly disagree: number;
  /**
   * Approve layout: the lesser of each box's extents, across and down. A mark (a cross, a tick, a
   * slash) spreads both ways; a line straight down or across a box (a scanner streak, a fold's
   * shadow, a rule printed out of place) spreads one way only and is not a certain mark.
   */
  readonly agreeNarrow: number;
  readonly disagreeNarrow: number;
  /** The same, counting faint ink too. */
  readonly faintAgreeNarrow: number;
  readonly faintDisagreeNarrow: number;
  /** Added ink on the line away from the name and boxes, in mm². */
  readonly besideMm2: number;
  /**
   * The same measures counting faint ink too (lighter than the ink cut, darker than paper: a
   * pencil, a thin ballpoint blurred at a low resolution). Faint ink is never counted as a mark;
   * where it would be one, the line is doubtful. A strike's faint span also counts faint ink two
   * pixels from the print, which the other measures leave to the glyphs' blurred edges.
   */
  readonly faintStrike: number;
  /**
   * Strike layout: the span of dark ink with the faint ink that continues it (a faint stretch of
   * the span's columns that holds dark ink too): one thin stroke, dark in places.
   */
  readonly joinedStrike: number;
  /**
   * Strike layout: the doubt span counting light ink too (lighter than faint: a 1-pixel grey
   * stroke at 200 dpi, sampled at the reference's 144).
   */
  readonly lightStrike: number;
  /**
   * Strike layout: the span of added ink, dark or faint, clear of the print by more than two
   * pixels. A letter's edge a pixel or two out of place is added ink too, but only ever beside the
   * print; a stroke through a letter's counter or between letters shows clear of it.
   */
  readonly clearStrike: number;
  /**
   * Strike layout: the share (‰) of the columns with dark ink on the name where that ink lies on
   * the baseline or under it: an underline touching the letters, or a line along their feet.
   */
  readonly lowShare: number;
  /**
   * Strike layout: how far added ink in the name's rows runs on, unbroken, past either end of the
   * name, in mm. A stroke over a name's last letters runs on past it; a letter's edge stops there.
   */
  readonly runOnMm: number;
  /**
   * Strike layout: how much longer, in mm, the longest run of dark ink along one row of the name
   * is than the print's own there (the longest run of the blank in that row or two rows either
   * side, over the same columns and two more either side), above the letters' feet. A stroke
   * laid along the letters' tops hides in them wherever it crosses one, and a blank moved a pixel
   * hides the rest; but it joins the letters into one run, which no letter is. (Along the feet,
   * serifs set a pixel longer by another printer join letters too: a line there is the low
   * share's.)
   */
  readonly barMm: number;
  /** Faint ink on the line away from the name, in mm²: a long faint line (a fold) runs there. */
  readonly faintBesideMm2: number;
  readonly faintAgree: number;
  readonly faintDisagree: number;
  /** A scanner streak (a long line along the feed) runs through this line's boxes. */
  readonly streak: boolean;
}

/** A line with no added ink at all: every measure zero. */
export const noInk = (candidateId: string): LineScore => ({
  candidateId,
  strike: 0,
  agree: 0,
  disagree: 0,
  agreeNarrow: 0,
  disagreeNarrow: 0,
  faintAgreeNarrow: 0,
  faintDisagreeNarrow: 0,
  besideMm2: 0,
  faintStrike: 0,
  joinedStrike: 0,
  lightStrike: 0,
  clearStrike: 0,
  lowShare: 0,
  runOnMm: 0,
  barMm: 0,
  faintBesideMm2: 0,
  faintAgree: 0,
  faintDisagree: 0,
  streak: false,
});

export interface SideScores {
  readonly lines: readonly LineScore[];
  /** Added ink in the list area outside every line, in mm². */
  readonly outsideMm2: number;
}

const MM_PER_PT = 25.4 / 72;
/** Faint ink: darker than this share of the paper's white, lighter than the ink cut (0.62). */
const FAINT = 0.75;
/**
 * Light ink, lighter still: a 1-pixel grey stroke at 200 dpi, sampled at the reference's 144, is
 * spread over two rows and no darker than this. It counts in a strike's span only, as doubt: a fold's
 * shadow across a name is doubt too, as a voter's pencil line drawn with a ruler would be.
 */
const LIGHT = 0.8;

interface Box {
  readonly u0: number;
  readonly v0: number;
  readonly u1: number;
  readonly v1: number;
}

function boxOf(r: Rect, area: Rect, res: number, size: { width: number; height: number }): Box {
  return {
    u0: Math.max(0, Math.round((r.x - area.x) * res)),
    v0: Math.max(0, Math.round((r.y - area.y) * res)),
    u1: Math.min(size.width, Math.round((r.x + r.w - area.x) * res)),
    v1: Math.min(size.height, Math.round((r.y + r.h - area.y) * res)),
  };
}

/** How many of the flags are set once gaps of at most `gap` between set runs are closed. */
function bridgedCount(flags: Uint8Array, from: number, to: number, gap: number): number {
  let count = 0;
  let lastSet = -1;
  for (let i = from; i < to; i++) {
    if (!flags[i]) continue;
    count += lastSet >= 0 && i - lastSet - 1 <= gap ? i - lastSet : 1;
    lastSet = i;
  }
  return count;
}

/**
 * A zone whose ink is measured by extent: a strike's span over the name, or an approve box. Its
 * columns and rows with ink are flags in the shared arrays from `col` and `row`.
 */
interface Zone extends Box {
  readonly col: number;
  readonly row: number;
  /** A strike's span over a name (not an approve box). */
  readonly strike: boolean;
  /**
   * A strike's span: how many columns past each end of the name a stroke's running on is
   * followed, and where its flags start in the shared array (after the name, then before it).
   */
  readonly reach: number;
  readonly run: number;
}

/**
 * Added ink as the neighbour tests below see it: a pixel of `data` darker than `cut` where the
 * blank, at the shift of the pixel they start from, prints nothing.
 */
interface AddedInk {
  readonly data: Uint8Array;
  readonly printed: Uint8Array;
  readonly width: number;
  readonly cut: number;
}

/** Whether the pixel at i (the blank's pixel p, shifted) is added ink. */
const added = (ink: AddedInk, i: number, p: number): boolean =>
  ink.data[i]! < ink.cut && !ink.printed[p];

/**
 * Whether added ink at i goes on sideways: ink in a column beside it, up, level or down. A stroke
 * through a name runs across it, steep or not, and every column it crosses has such a pixel; a
 * letter's edge a pixel out of place is a sliver one pixel wide straight down, and has none.
 */
function alongside(ink: AddedInk, i: number, p: number): boolean {
  for (let dv = -ink.width; dv <= ink.width; dv += ink.width) {
    if (added(ink, i + dv - 1, p + dv - 1) || added(ink, i + dv + 1, p + dv + 1)) return true;
  }
  return false;
}

/** Whether added ink at i has two neighbours that are added ink too: fewer make it a speck. */
function speckFree(ink: AddedInk, i: number, p: number): boolean {
  let n = 0;
  for (let dv = -ink.width; dv <= ink.width; dv += ink.width) {
    for (let du = -1; du <= 1; du++) {
      if ((dv !== 0 || du !== 0) && added(ink, i + dv + du, p + dv + du) && ++n >= 2) return true;
    }
  }
  return false;
}

/**
 * Whether added ink at i runs along the row: in at least four of the five columns from two before
 * it to two after, in its row or one beside. A line along a name is long; a speck of dust, which
 * the darker rows (sampleRect's `darkest`) spread over two pixels each way, is not.
 */
function lengthwise(ink: AddedInk, i: number, p: number): boolean {
  let columns = 0;
  for (let du = -2; du <= 2; du++) {
    for (let dv = -ink.width; dv <= ink.width; dv += ink.width) {
      if (added(ink, i + dv + du, p + dv + du)) {
        columns++;
        break;
      }
    }
  }
  return columns >= 4;
}

/**
 * Every pixel of the list area labelled once per side: outside every line (-1), or for line k
 * beside its name (4k), where its own marks belong but are not measured (4k+1), its first zone
 * (4k+2: the strike span, or the agree box) or its second (4k+3: the disagree box). Scoring is then
 * one pass over the added ink, whatever the number of lines.
 */
interface Regions {
  readonly labels: Int16Array;
  readonly zones: readonly (Zone | null)[];
  readonly flagCols: number;
  readonly flagRows: number;
  readonly runCols: number;
}

/**
 * The printed ink grown by two more pixels: a glyph's blurred edge is faint ink too, so faint ink
 * is only looked for clear of the print (between letters and words, where a stroke shows).
 */
const wideCache = new WeakMap<Reference, Mask>();
const widePrinted = (reference: Reference): Mask =>
  remembered(wideCache, reference, () => dilate(reference.printed, 2));

/** The printed ink grown by one pixel: faint ink touching the print is the glyph's own edge. */
const edgeOfPrintCache = new WeakMap<Reference, Mask>();
const edgeOfPrint = (reference: Reference): Mask =>
  remembered(edgeOfPrintCache, reference, () => dilate(reference.printed, 1));

/**
 * The rows of the list area that hold a strike's span, and one more each side (the neighbour
 * tests look a row up and down): the only rows whose darker-row pixels (sampleRect's `darkest`)
 * scoreSide reads. None on an approve ballot.
 */
const spanRowsCache = new WeakMap<Reference, Uint8Array>();
export const strikeSpanRows = (side: BallotSide, reference: Reference): Uint8Array =>
  remembered(spanRowsCache, reference, () => {
    const rows = new Uint8Array(reference.printed.height);
    for (const z of regionsOf(side, reference).zones) {
      if (z?.strike) rows.fill(1, Math.max(0, z.v0 - 1), z.v1 + 1);
    }
    return rows;
  });

const regionsCache = new WeakMap<Reference, Regions>();
const regionsOf = (side: BallotSide, reference: Reference): Regions =>
  remembered(regionsCache, reference, () => labelRegions(side, reference));

function labelRegions(side: BallotSide, reference: Reference): Regions {
  const { res, area } = reference;
  const size = reference.printed;
  const labels = new Int16Array(size.width * size.height).fill(-1);
  const paint = (b: Box, label: number, within: Box): void => {
    const v0 = Math.max(b.v0, within.v0);
    const v1 = Math.min(b.v1, within.v1);
    const u0 = Math.max(b.u0, within.u0);
    const u1 = Math.min(b.u1, within.u1);
    for (let v = v0; v < v1; v++) labels.fill(label, v * size.width + u0, v * size.width + u1);
  };
  const zones: (Zone | null)[] = [];
  let flagCols = 0;
  let flagRows = 0;
  let runCols = 0;
  const zone = (b: Box, reach = 0): Zone => {
    const z = { ...b, col: flagCols, row: flagRows, strike: reach > 0, reach, run: runCols };
    flagCols += Math.max(0, b.u1 - b.u0);
    flagRows += Math.max(0, b.v1 - b.v0);
    runCols += 2 * reach;
    return z;
  };
  side.lines.forEach((line, k) => {
    if (4 * k + 3 > 32_767) throw new Error('too many lines on one side to label');
    const fontPx = line.name.fontSize * res;
    const band = boxOf(line.band, area, res, size);
    paint(band, 4 * k, band);
    if (line.boxes === null) {
      const zoneBox = boxOf(line.zone, area, res, size);
      // Beside the name: the band left of the number and right of the name's zone (with room
      // for a stroke that runs on past the last letter).
      const keep: Box = {
        u0: Math.round((line.number.x - area.x) * res) - Math.round(0.3 * fontPx),
        v0: band.v0,
        u1: zoneBox.u1 + Math.round(1.5 * fontPx),
        v1: band.v1,
      };
      paint(keep, 4 * k + 1, band);
      const span = boxOf(
        { x: line.name.x, y: line.zone.y, w: line.name.width, h: line.zone.h },
        area,
        res,
        size,
      );
      paint(span, 4 * k + 2, band);
      zones.push(zone(span, Math.max(1, Math.round(RUN_ON_REACH * fontPx))), null);
    } else {
      const agree = boxOf(line.boxes.agree, area, res, size);
      const disagree = boxOf(line.boxes.disagree, area, res, size);
      paint(agree, 4 * k + 2, band);
      paint(disagree, 4 * k + 3, band);
      zones.push(zone(agree), zone(disagree));
    }
  });
  return { labels, zones, flagCols, flagRows, runCols };
}

/**
 * The columns of dark ink in [from, to) and every faint run of columns that holds one, a run going
 * on over gaps of at most `gap` columns (letters hide a stroke where it crosses them): where a thin
 * stroke fades between its dark stretches (a ballpoint at a low resolution, blurred), the faint
 * columns join it. A faint run without dark ink stays out (a pencil's light stroke, a shadow).
 */
function joined(
  dark: Uint8Array,
  faint: Uint8Array,
  out: Uint8Array,
  from: number,
  to: number,
  gap: number,
): Uint8Array {
  out.set(dark.subarray(from, to), from);
  let start = -1;
  let last = -1;
  let hasDark = false;
  const close = (): void => {
    if (hasDark) for (let k = start; k <= last; k++) if (faint[k]) out[k] = 1;
  };
  for (let i = from; i < to; i++) {
    if (!faint[i]) continue;
    if (start < 0 || i - last - 1 > gap) {
      if (start >= 0) close();
      start = i;
      hasDark = false;
    }
    last = i;
    if (dark[i]) hasDark = true;
  }
  if (start >= 0) close();
  return out;
}

/**
 * Of the columns in [from, to) with dark ink, the share (‰) whose ink (its mean row) lies at row
 * `low` or under it.
 */
function lowShare(
  dark: Uint8Array,
  rowSum: Float64Array,
  rowCount: Uint16Array,
  from: number,
  to: number,
  low: number,
): number {
  let inked = 0;
  let under = 0;
  for (let c = from; c < to; c++) {
    if (!dark[c] || rowCount[c] === 0) continue;
    inked++;
    if (rowSum[c]! / rowCount[c]! >= low) under++;
  }
  return inked === 0 ? 0 : Math.round((1000 * under) / inked);
}

/**
 * The unbroken runs of dark ink along row v of `data` in [from, to), each as its first and last
 * column, that join ink clear of the print grown by one (`edge`) to the print: a run all made of
 * letters is theirs, and a dot or a tick apart from them is no bar.
 */
function* darkRuns(
  data: Uint8Array,
  edge: Uint8Array,
  printed: Uint8Array,
  width: number,
  v: number,
  from: number,
  to: number,
  cut: number,
): Generator<[number, number]> {
  let start = -1;
  let clear = false;
  let onPrint = false;
  for (let u = from; u <= to; u++) {
    const i = v * width + u;
    if (u < to && data[i]! < cut) {
      if (start < 0) [start, clear, onPrint] = [u, false, false];
      clear ||= !edge[i];
      onPrint ||= printed[i] !== 0;
      continue;
    }
    if (start >= 0 && clear && onPrint) yield [start, u - 1];
    start = -1;
  }
}

/**
 * The longest run of the blank's print along the rows v - REGISTER … v + REGISTER within
 * [a, b], over gaps of at most two pixels: a scan's letter may run a pixel longer at each end than
 * the blank's (another printer's rendering, a blur), and two letters that close then touch.
 */
function printedRun(
  printed: Uint8Array,
  width: number,
  height: number,
  v: number,
  a: number,
  b: number,
): number {
  let longest = 0;
  for (let r = Math.max(0, v - REGISTER); r <= Math.min(height - 1, v + REGISTER); r++) {
    let start = -1;
    let last = -1;
    for (let u = a; u <= b; u++) {
      if (!printed[r * width + u]) continue;
      if (start < 0 || u - last - 1 > 2) start = u;
      last = u;
      longest = Math.max(longest, last - start + 1);
    }
  }
  return longest;
}

/** How far past a name's ends (in ems of the name) a stroke's running on is followed. */
const RUN_ON_REACH = 0.6;

/**
 * How far the flags from `from` (at most `length`) run on from the first: set columns, the first
 * of them at most four columns late (the last letter's serif hides a stroke where it leaves the
 * name), with gaps of at most two between them (a thin stroke's speckle).
 */
function runLength(flags: Uint8Array, from: number, length: number): number {
  let first = -1;
  let last = -1;
  for (let k = 0; k < length; k++) {
    if (!flags[from + k]) {
      if (k - (last < 0 ? -1 : last) > (first < 0 ? 4 : 2)) break;
      continue;
    }
    if (first < 0) first = k;
    last = k;
  }
  return first < 0 ? 0 : last - first + 1;
}

/** The longest gap in a stroke (in ems of the name) that letters may hide, if the print is there. */
const HIDDEN_GAP = 2.5;

/** How far, in pixels each way, a line's blank may sit from where the marks put it. */
const REGISTER = 2;

/** The stretch of a line (in ems of its name) whose blank is moved as one. */
const REGISTER_STRETCH = 3;

/**
 * Where a shift of the blank by at most REGISTER pixels can change what is printed: within
 * REGISTER pixels of the print's edge, inside or out. Dark ink elsewhere is printed at every
 * shift or at none, and cannot choose between them.
 */
const edgeCache = new WeakMap<Reference, readonly LineEdges[]>();

/**
 * A line's band cut into stretches of REGISTER_STRETCH ems: per stretch, its pixels near the
 * print's edge.
 */
interface LineEdges {
  readonly u0: number;
  readonly stretch: number;
  readonly edges: readonly Int32Array[];
}

/**
 * Per line, the pixels of its band near the print's edge (see above), by stretch, found once per
 * blank.
 */
function printEdges(side: BallotSide, reference: Reference): readonly LineEdges[] {
  return remembered(edgeCache, reference, () => {
    const { printed, res, area } = reference;
    const { width, height } = printed;
    const grown = dilate(printed, REGISTER).bits;
    const deep = erode(printed, REGISTER).bits;
    return side.lines.map((line) => {
      const b = boxOf(line.band, area, res, printed);
      const stretch = Math.max(1, Math.round(REGISTER_STRETCH * line.name.fontSize * res));
      const lists: number[][] = Array.from(
        { length: Math.max(1, Math.ceil((b.u1 - b.u0) / stretch)) },
        () => [],
      );
      for (let v = Math.max(b.v0, REGISTER + 1); v < Math.min(b.v1, height - REGISTER - 1); v++) {
        for (let u = Math.max(b.u0, REGISTER + 1); u < Math.min(b.u1, width - REGISTER - 1); u++) {
          const i = v * width + u;
          if (grown[i] && !deep[i]) lists[((u - b.u0) / stretch) | 0]!.push(i);
        }
      }
      return { u0: b.u0, stretch, edges: lists.map((l) => Int32Array.from(l)) };
    });
  });
}

/** The print's core: the printed mask less its grown rim, where a letter is ink at the right shift. */
const coreCache = new WeakMap<Reference, Mask>();
const coreOfPrint = (reference: Reference): Mask =>
  remembered(coreCache, reference, () => erode(reference.printed, 1));

/** The stretch of a line's band that column u lies in (the nearest one, beyond the band's ends). */
const stretchAt = (line: LineEdges, u: number): number =>
  Math.min(line.edges.length - 1, Math.max(0, ((u - line.u0) / line.stretch) | 0));

/**
 * The marks place the blank within about a pixel; a scan's own distortion (a sheet that is not
 * flat, the optics, a low resolution) leaves some lines a pixel or two off. Then the edge of every
 * letter shows as added ink: a sliver along the top of capitals, as long as a short stroke. A
 * printer (or another renderer) may also set a name's letters up to a pixel from where the blank
 * has them, more at one end of the name than at the other. Each stretch of a line's band
 * (REGISTER_STRETCH ems, as printEdges cuts it) has its blank moved by the shift, at most REGISTER
 * pixels each way, that leaves the least dark ink outside the print and the least paper inside its
 * letters (found downhill from the marks' placement): a voter's stroke is added ink at every
 * shift, a letter's edge only at the wrong one, and a shift that hides a stroke along the letters'
 * edge shows paper in their cores. Returned as offsets into the pixels, per stretch of each line.
 */
function registerLines(
  lines: readonly LineEdges[],
  reference: Reference,
  patch: GrayImage,
  cut: number,
  paperCut: number,
): Int32Array[] {
  const { width, data } = patch;
  const printed = reference.printed.bits;
  const core = coreOfPrint(reference).bits;
  let dark = new Int32Array(1024);
  let paper = new Int32Array(1024);
  const register = (edge: Int32Array): number => {
    if (dark.length < edge.length) dark = new Int32Array(edge.length);
    if (paper.length < edge.length) paper = new Int32Array(edge.length);
    let n = 0;
    let m = 0;
    for (let k = 0; k < edge.length; k++) {
      const value = data[edge[k]!]!;
      if (value < cut) dark[n++] = edge[k]!;
      else if (value >= paperCut) paper[m++] = edge[k]!;
    }
    // Ink where the blank prints none, and paper where it prints a letter's core: a line drawn
    // along the letters' feet is hidden by moving the blank onto it, but their tops then show
    // paper where the blank has ink.
    const added = new Map<number, number>();
    const count = (du: number, dv: number): number => {
      const key = dv * (2 * REGISTER + 1) + du;
      let c = added.get(key);
      if (c === undefined) {
        c = 0;
        const o = dv * width + du;
        for (let k = 0; k < n; k++) if (!printed[dark[k]! + o]) c++;
        for (let k = 0; k < m; k++) if (core[paper[k]! + o]) c++;
        added.set(key, c);
      }
      return c;
    };
    // Downhill from the marks' own placement, one pixel a step: the least added ink.
    let [bu, bv] = [0, 0];
    for (;;) {
      let [nu, nv] = [bu, bv];
      for (let dv = -1; dv <= 1; dv++) {
        for (let du = -1; du <= 1; du++) {
          const [u, v] = [bu + du, bv + dv];
          if (Math.abs(u) > REGISTER || Math.abs(v) > REGISTER) continue;
          if (count(u, v) < count(nu, nv)) [nu, nv] = [u, v];
        }
      }
      if (nu === bu && nv === bv) return bv * width + bu;
      [bu, bv] = [nu, nv];
    }
  };
  return lines.map((line) => Int32Array.from(line.edges, register));
}

/**
 * Scores of every line of a side, from the list area sampled at the reference's resolution. Added
 * ink is ink the blank did not print, without isolated specks (dust, noise): a dark pixel outside
 * the printed mask with at least two such neighbours.
 */
export function scoreSide(
  side: BallotSide,
  patch: GrayImage,
  reference: Reference,
  white: number,
  /** The scanner's feed direction in the straightened list (straight down for a sheet fed upright). */
  feed: { du: number; dv: number } = { du: 0, dv: 1 },
  /**
   * Per pixel, the darker of its scan rows (sampleRect's `darkest`), on the rows of
   * strikeSpanRows: a light stroke a scan pixel thin shows here at its own darkness, where the
   * patch may have it at half of it. Doubt only.
   */
  darkest?: Uint8Array,
): SideScores {
  const { res } = reference;
  const { labels, zones, flagCols, flagRows, runCols } = regionsOf(side, reference);
  const { width, height, data } = patch;
  const printed = reference.printed.bits;
  const cut = white * 0.62;
  const faintCut = white * FAINT;
  const lightCut = white * LIGHT;
  const wide = widePrinted(reference).bits;
  const touching = edgeOfPrint(reference).bits;
  // Each stretch of a line has its own small shift of the blank against the scan (see
  // registerLines): the printed mask is read at i + shiftAt(k, u) for a pixel i of line k in
  // column u, at i outside every line.
  const edges = printEdges(side, reference);
  const shifts = registerLines(edges, reference, patch, cut, faintCut);
  const shiftAt = (k: number, u: number): number => shifts[k]![stretchAt(edges[k]!, u)]!;
  const cols = new Uint8Array(flagCols);
  const rows = new Uint8Array(flagRows);
  const faintCols = new Uint8Array(flagCols);
  const faintRows = new Uint8Array(flagRows);
  const doubtCols = new Uint8Array(flagCols);
  const lightCols = new Uint8Array(flagCols);
  const clearCols = new Uint8Array(flagCols);
  const runOn = new Uint8Array(runCols);
  const beside = new Uint32Array(side.lines.length);
  const faintBeside = new Uint32Array(side.lines.length);
  // Strike spans: the rows of the ink in each column (sum and count), to follow the stroke.
  const rowSum = new Float64Array(flagCols);
  const rowCount = new Uint16Array(flagCols);
  const streaks = new StreakFinder(width, height, feed);
  let outside = 0;
  // Added ink for the neighbour tests: dark or faint, light (doubt), light in the darker rows.
  const faintInk: AddedInk = { data, printed, width, cut: faintCut };
  const lightInk: AddedInk = { ...faintInk, cut: lightCut };
  const darkerInk: AddedInk = { ...lightInk, data: darkest ?? data };
  for (let v = 1; v < height - 1; v++) {
    const row = v * width;
    for (let u = 1; u < width - 1; u++) {
      const i = row + u;
      const lowOnly = data[i]! >= lightCut;
      if (lowOnly && (darkest === undefined || darkest[i]! >= lightCut)) continue;
      const label = labels[i]!;
      const p = i + (label < 0 ? 0 : shiftAt(label >> 2, u));
      if (printed[p]) continue;
      const inSpan = label >= 0 && (label & 3) === 2 && zones[(label >> 2) << 1]!.strike;
      if (lowOnly) {
        // Seen in the darker rows only: light ink as doubt, as below, clear of the print (the
        // darker row beside a letter is the letter's own edge).
        if (!inSpan || wide[p]) continue;
        if (lengthwise(darkerInk, i, p)) {
          const z = zones[(label >> 2) << 1]!;
          lightCols[z.col + u - z.u0] = 1;
        }
        continue;
      }
      // Faint ink counts clear of the print (a glyph's blurred edge is faint too): a mark only
      // where a mark is measured, and a streak anywhere (a light streak is as long as a dark
      // one). Two pixels from the print, and lighter still anywhere, it counts in a strike's
      // span only, and only as doubt: a thin light stroke through tightly set letters shows
      // nowhere else, and must never read as a name left standing.
      const light = data[i]! >= faintCut;
      if (light && !inSpan) continue;
      const faint = data[i]! >= cut;
      let doubtOnly = light;
      if (faint && wide[p]) {
        if (touching[p] || !inSpan) continue;
        doubtOnly = true;
      }
      // Neighbours that are added ink too, faint or dark (a thin stroke is dark only in places):
      // two keep the pixel, fewer make it a speck.
      const near = doubtOnly ? lightInk : faintInk;
      if (!speckFree(near, i, p)) continue;
      if (doubtOnly) {
        const z = zones[(label >> 2) << 1]!;
        if (alongside(near, i, p)) (light ? lightCols : doubtCols)[z.col + u - z.u0] = 1;
        continue;
      }
      streaks.add(u, v);
      if (label < 0) {
        if (!faint) outside++;
        continue;
      }
      const part = label & 3;
      if (part === 0) {
        if (faint) faintBeside[label >> 2]!++;
        else beside[label >> 2]!++;
      }
      if (part === 1) {
        const z = zones[(label >> 2) << 1];
        if (z?.strike && v >= z.v0 && v < z.v1) {
          const at =
            u >= z.u1 && u < z.u1 + z.reach
              ? u - z.u1
              : u < z.u0 && u >= z.u0 - z.reach
                ? z.reach + z.u0 - 1 - u
                : -1;
          if (at >= 0 && alongside(faintInk, i, p)) runOn[z.run + at] = 1;
        }
      }
      if (part < 2) continue;
      const z = zones[((label >> 2) << 1) + part - 2]!;
      if (z.strike) {
        if (!alongside(faintInk, i, p)) continue;
        if (!wide[p]) clearCols[z.col + u - z.u0] = 1;
        rowSum[z.col + u - z.u0]! += v;
        rowCount[z.col + u - z.u0]!++;
      }
      if (!faint) {
        cols[z.col + u - z.u0] = 1;
        rows[z.row + v - z.v0] = 1;
      }
      faintCols[z.col + u - z.u0] = 1;
      faintRows[z.row + v - z.v0] = 1;
    }
  }
  // Doubt counts every faint column, two pixels from the print or clear of it.
  for (let c = 0; c < flagCols; c++) {
    doubtCols[c] = doubtCols[c]! | faintCols[c]!;
    lightCols[c] = lightCols[c]! | doubtCols[c]!;
  }
  const pxToMm2 = (px: number): number => (px * (MM_PER_PT * MM_PER_PT)) / (res * res);
  const found = streaks.lines();
  const crossed = (z: Zone): boolean => found.some((s) => s.crosses(z));
  const joinedCols = new Uint8Array(flagCols);
  // The longest run of dark ink along a row of a strike's span (and as far past its ends as a
  // stroke's running on is followed) beyond the print's own run there, in pixels; above the
  // letters' feet (`low`), whose serifs another printer sets a pixel longer, and joined.
  const barPx = (z: Zone, low: number): number => {
    const from = Math.max(1, z.u0 - z.reach);
    const to = Math.min(width - 1, z.u1 + z.reach);
    let most = 0;
    for (let v = Math.max(1, z.v0); v < Math.min(height - 1, z.v1, low); v++) {
      for (const [a, b] of darkRuns(data, touching, printed, width, v, from, to, cut)) {
        const length = b - a + 1;
        if (length <= most) continue;
        const a0 = Math.max(0, a - REGISTER);
        const b0 = Math.min(width - 1, b + REGISTER);
        most = Math.max(most, length - printedRun(printed, width, height, v, a0, b0));
      }
    }
    return most;
  };
  const lines = side.lines.map((line, k): LineScore => {
    const first = zones[2 * k]!;
    if (line.boxes === null) {
      // Letters hide the stroke where it crosses them: close gaps up to about two letters wide,
      // and longer ones (see explains) where the print lies along the stroke's way.
      const gap = Math.round(1.0 * line.name.fontSize * res);
      const from = first.col;
      const to = first.col + (first.u1 - first.u0);
      const em = line.name.fontSize * res;
      // The rows of the letters' feet and below: baseline less a tenth of an em.
      const feet = first.v0 + (line.name.baseline - line.zone.y - 0.1 * line.name.fontSize) * res;
      // A gap longer than two letters is the print's when, along the line from the ink before it
      // to the ink after it, the blank prints within a pixel of that line over 80 % of the gap: a
      // stroke along the tops of a long word's letters hides behind them all the way.
      const explains = (a: number, b: number): boolean => {
        const ra = rowSum[a]! / Math.max(1, rowCount[a]!);
        const rb = rowSum[b]! / Math.max(1, rowCount[b]!);
        let hidden = 0;
        for (let c = a + 1; c < b; c++) {
          const r = Math.round(ra + ((rb - ra) * (c - a)) / (b - a));
          const u = first.u0 + (c - first.col);
          const i = r * width + u + shiftAt(k, u);
          if (printed[i - width] || printed[i] || printed[i + width]) hidden++;
        }
        return hidden * 10 >= (b - a - 1) * 8;
      };
      const span = (flags: Uint8Array): number => {
        let count = 0;
        let last = -1;
        for (let i = from; i < to; i++) {
          if (!flags[i]) continue;
          const g = last >= 0 ? i - last - 1 : Infinity;
          count += g <= gap || (g <= HIDDEN_GAP * em && explains(last, i)) ? i - last : 1;
          last = i;
        }
        return Math.round((1000 * count) / Math.max(1, to - from));
      };
      // A streak crosses a name across, never along it: it cannot read as a strike.
      return {
        ...noInk(line.candidateId),
        strike: span(cols),
        besideMm2: pxToMm2(beside[k]!),
        faintStrike: span(doubtCols),
        joinedStrike: span(joined(cols, faintCols, joinedCols, from, to, gap)),
        lightStrike: span(lightCols),
        clearStrike: span(clearCols),
        lowShare: lowShare(cols, rowSum, rowCount, from, to, feet),
        runOnMm:
          (Math.max(
            runLength(runOn, first.run, first.reach),
            runLength(runOn, first.run + first.reach, first.reach),
          ) *
            MM_PER_PT) /
          res,
        barMm: (barPx(first, Math.floor(feet)) * MM_PER_PT) / res,
        faintBesideMm2: pxToMm2(faintBeside[k]!),
      };
    }
    const second = zones[2 * k + 1]!;
    return {
      ...noInk(line.candidateId),
      agree: boxScore(cols, rows, first),
      disagree: boxScore(cols, rows, second),
      agreeNarrow: boxScore(cols, rows, first, Math.min),
      disagreeNarrow: boxScore(cols, rows, second, Math.min),
      faintAgreeNarrow: boxScore(faintCols, faintRows, first, Math.min),
      faintDisagreeNarrow: boxScore(faintCols, faintRows, second, Math.min),
      besideMm2: pxToMm2(beside[k]!),
      faintBesideMm2: pxToMm2(faintBeside[k]!),
      faintAgree: boxScore(faintCols, faintRows, first),
      faintDisagree: boxScore(faintCols, faintRows, second),
      // A streak fills a box from top to bottom, as a tick would: the box cannot be read.
      streak: crossed(first) || crossed(second),
    };
  });
  return { lines, outsideMm2: pxToMm2(outside) };
}

/** Added ink on the sheet outside the list area, and the box around it (ballot points). */
export interface RestScore {
  readonly mm2: number;
  readonly box: Rect | null;
}

/**
 * Added ink on the rest of the sheet inside the marks (the heading, the margins, below the list),
 * from its parts sampled at the sheet reference's resolution: as in the list area, ink the blank
 * did not print, without isolated specks; where ink is expected (printed text, the marks, the QR
 * code, the seal's place) nothing counts.
 */
export function scoreRest(
  patches: readonly GrayImage[],
  sheet: SheetReference,
  white: number,
): RestScore {
  const { res } = sheet;
  const cut = white * 0.62;
  let count = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  patches.forEach(({ width, height, data }, p) => {
    const part = sheet.parts[p]!;
    const expected = part.expected.bits;
    for (let v = 1; v < height - 1; v++) {
      const row = v * width;
      for (let u = 1; u < width - 1; u++) {
        const i = row + u;
        if (data[i]! >= cut || expected[i]) continue;
        let n = 0;
        for (let dv = -width; dv <= width && n < 2; dv += width) {
          for (let du = -1; du <= 1; du++) {
            const j = i + dv + du;
            if (j !== i && data[j]! < cut && !expected[j]) n++;
          }
        }
        if (n < 2) continue;
        count++;
        const x = part.area.x + u / res;
        const y = part.area.y + v / res;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  });
  return {
    mm2: (count * MM_PER_PT * MM_PER_PT) / (res * res),
    box: count === 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1 / res, h: y1 - y0 + 1 / res },
  };
}

/**
 * Scanner streaks: a dust line on the scanner's glass draws one straight line along the feed, down
 * (or, for a sheet fed sideways, across) the whole sheet. Straightened, it runs along the feed
 * direction the fitted marks give, through the whole list. Added ink is voted into bins of its
 * distance across that direction (within 0.2° of it, the fit of the marks is not exact); a bin
 * holding ink along 60 % of the list's length is a streak. A voter's cross or tick meets such a
 * line in a few pixels per box, and boxes have rules between them: only a line drawn through the
 * whole list fills that much.
 */
class StreakFinder {
  private static readonly BIN = 2;
  private readonly directions: readonly { readonly du: number; readonly dv: number }[];
  private readonly offset: number;
  private readonly bins: number;
  private readonly need: number;
  private readonly votes: Uint16Array[];
  /** The last place along the line each bin counted, so a thick streak counts each place once. */
  private readonly last: Int32Array[];

  constructor(width: number, height: number, feed: { du: number; dv: number }) {
    const angle = Math.atan2(feed.dv, feed.du);
    // Along the feed (dust on the glass), and down the paper itself (a line drawn on the sheet).
    this.directions = [angle, Math.PI / 2].flatMap((base) =>
      [-2, -1, 0, 1, 2].map((k) => {
        const a = base + (k * 0.1 * Math.PI) / 180;
        return { du: Math.cos(a), dv: Math.sin(a) };
      }),
    );
    const diagonal = Math.ceil(Math.hypot(width, height));
    this.offset = diagonal + 2;
    this.bins = Math.ceil((2 * this.offset) / StreakFinder.BIN) + 1;
    // A sheet is fed along its length or its width: either way the list's extent that way.
    const along = Math.abs(Math.cos(angle)) > Math.abs(Math.sin(angle)) ? width : height;
    this.need = Math.max(20, Math.round(Math.min(along, height) * 0.6));
    this.votes = this.directions.map(() => new Uint16Array(this.bins));
    this.last = this.directions.map(() => new Int32Array(this.bins).fill(-(2 ** 30)));
  }

  add(u: number, v: number): void {
    const { BIN } = StreakFinder;
    for (let a = 0; a < this.directions.length; a++) {
      const { du, dv } = this.directions[a]!;
      const b = Math.floor((u * dv - v * du + this.offset) / BIN);
      const t = Math.floor(u * du + v * dv);
      const last = this.last[a]!;
      if (last[b] === t) continue;
      last[b] = t;
      this.votes[a]![b]!++;
    }
  }

  lines(): { crosses(z: Box): boolean }[] {
    const { BIN } = StreakFinder;
    const found: { crosses(z: Box): boolean }[] = [];
    this.directions.forEach(({ du, dv }, a) => {
      const votes = this.votes[a]!;
      for (let b = 0; b < this.bins; b++) {
        // Neighbouring bins together: a streak straddling two bins is one streak.
        if (votes[b]! + (votes[b + 1] ?? 0) < this.need) continue;
        const p = (b + 1) * BIN - this.offset;
        found.push({
          crosses: (z) => {
            const across = [
              [z.u0, z.v0],
              [z.u1, z.v0],
              [z.u0, z.v1],
              [z.u1, z.v1],
            ].map(([u, v]) => u! * dv - v! * du);
            return Math.min(...across) - BIN <= p && p <= Math.max(...across) + BIN;
          },
        });
      }
    });
    return found;
  }
}

/**
 * How far the ink in a box extends, per mille of the box's side: the greater of its extents across
 * and down (or, with `Math.min`, the lesser).
 */
function boxScore(
  cols: Uint8Array,
  rows: Uint8Array,
  z: Zone,
  pick: (a: number, b: number) => number = Math.max,
): number {
  const w = z.u1 - z.u0;
  const h = z.v1 - z.v0;
  const side = Math.min(w, h);
  const gap = Math.round(side * 0.15);
  const extent = pick(
    bridgedCount(cols, z.col, z.col + w, gap),
    bridgedCount(rows, z.row, z.row + h, gap),
  );
  return Math.min(1000, Math.round((1000 * extent) / Math.max(1, side)));
}
