/**
 * A deck from the second simulator: ballots of one record, each with a human's reading (the
 * truth), marked on the printed page and put through the simulated scanner, written as single
 * PNG/JPEG files, multi-page PDFs (with a duplex scan's blank backs) and multi-page TIFFs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeScanPdf, writeScanTiff, type PdfPage } from './containers.ts';
import {
  boxDotSvg,
  boxMarkSvg,
  lineDistractorSvg,
  LINE_DISTRACTORS,
  outsideInkSvg,
  OUTSIDE_INK,
  STRIKE_STYLES,
  strikeSvg,
  type BoxMark,
  type StrikeStyle,
} from './marks.ts';
import { inkTiles, type Ink, type InkName } from './pen.ts';
import type { NameSpot, PrintedBallot } from './printed.ts';
import { random, type Random } from './random.ts';
import type { Sim2Record } from './records.ts';
import {
  blankBack,
  encode,
  inkedPage,
  randomSetup,
  scanRaw,
  type ScannedRaw,
  type ScanSetup,
} from './scanner.ts';

export type Mark = 'agree' | 'disagree' | 'both' | 'none';

/** What was drawn that is not a vote, and where. */
export interface Drawn {
  readonly kind: string;
  readonly candidateId?: string;
}

export interface TruthBallot {
  /** The file and page of its first side, as `scan` names the sheet. */
  readonly file: string;
  readonly page: number;
  /** Strike layout: the names a human reads as struck. */
  readonly struck?: readonly string[];
  /** Approve layout: the mark a human reads on each row. */
  readonly marks?: Readonly<Record<string, Mark>>;
  /** How each strike or box mark was drawn (for reports). */
  readonly drawn: readonly Drawn[];
  /** Distractors: none of them is a vote. */
  readonly distractors: readonly Drawn[];
  /** Ink a committee must see (written-in name, signature, note): the sheet must go to review. */
  readonly mustReview: boolean;
  readonly ink: InkName;
  readonly scans: readonly string[];
}

export interface SkippedPage {
  readonly file: string;
  readonly page: number;
}

export interface Sim2Deck {
  readonly ballots: readonly TruthBallot[];
  /** Blank back sides in duplex files, which `scan` must skip. */
  readonly backs: readonly SkippedPage[];
  /** Files in feed order. */
  readonly files: readonly string[];
}

export interface DeckOptions {
  readonly record: Sim2Record;
  readonly printed: PrintedBallot;
  readonly dir: string;
  readonly count: number;
  readonly seed: number;
  /** Share of ballots with a distractor on a line, and with ink outside the lines. */
  readonly lineDistractors?: number;
  readonly outsideInk?: number;
  /** Ballots put into one multi-page PDF (duplex, blank backs) and one multi-page TIFF. */
  readonly inPdf?: number;
  readonly inTiff?: number;
  /** Fix some scanner settings for every sheet (the bench: 200 dpi grey). */
  readonly scanner?: Partial<ScanSetup>;
  /** Force some sheets upside down: these ballot indexes. */
  readonly upsideDown?: readonly number[];
  /** The resolutions a sheet is scanned at, one picked per sheet (the ballot rasterised at each). */
  readonly dpis: readonly number[];
}

const describe = (s: ScanSetup): string =>
  `${s.dpi}dpi ${s.colour ? 'colour' : 'grey'} rot ${s.rotateDeg.toFixed(2)}°${s.upsideDown ? ' upside-down' : ''} scale ${s.scale.toFixed(3)} blur ${s.blur.toFixed(2)} noise ${s.noise.toFixed(1)}${s.streak ? ' streak' : ''}${s.fold ? ' fold' : ''} ${s.format}${s.format === 'jpeg' ? ` q${s.quality}` : ''}`;

interface Planned {
  readonly truth: Omit<TruthBallot, 'file' | 'page' | 'scans'>;
  /** The ink per side. */
  readonly ink: () => Ink[][];
}

function planStrike(
  r: Random,
  record: Sim2Record,
  printed: PrintedBallot,
  o: DeckOptions,
): Planned {
  const ink = r.pick(['black', 'black', 'blue', 'blue', 'red', 'black'] as const);
  const share = r.pick([0, 0.15, 0.3, 0.3, 0.5, 0.8, 1]);
  const habit = r.pick(STRIKE_STYLES);
  const struck = record.candidates.filter(() => r.chance(share)).map((c) => c.id);
  const styles = new Map<string, StrikeStyle>(
    struck.map((id) => [id, r.chance(0.6) ? habit : r.pick(STRIKE_STYLES)]),
  );
  const distractors: Drawn[] = [];
  if (r.chance(o.lineDistractors ?? 0.2)) {
    for (let n = r.int(1, 2); n > 0; n--) {
      distractors.push({
        kind: r.pick(LINE_DISTRACTORS),
        candidateId: r.pick(record.candidates).id,
      });
    }
  }
  const outside = r.chance(o.outsideInk ?? 0.08) ? r.pick(OUTSIDE_INK) : null;
  return plan(r, printed, ink, outside, distractors, {
    truth: { struck, drawn: [...styles].map(([candidateId, kind]) => ({ kind, candidateId })) },
    draw: (rr, spot) => {
      const style = styles.get(spot.candidateId);
      return style === undefined ? [] : strikeSvg(rr, spot, style, ink);
    },
  });
}

function planApprove(
  r: Random,
  record: Sim2Record,
  printed: PrintedBallot,
  o: DeckOptions,
): Planned {
  const ink = r.pick(['black', 'blue', 'blue', 'red', 'black'] as const);
  const marks: Record<string, Mark> = {};
  const kinds = new Map<string, BoxMark>();
  const habit = r.pick(['x', 'x', 'x', 'tick', 'slash'] as const);
  for (const c of record.candidates) {
    const x = r.next();
    marks[c.id] = x < 0.6 ? 'agree' : x < 0.85 ? 'disagree' : x < 0.9 ? 'both' : 'none';
    kinds.set(c.id, r.chance(0.7) ? habit : r.pick(['x', 'tick', 'slash'] as const));
  }
  const distractors: Drawn[] = [];
  if (r.chance(o.lineDistractors ?? 0.2)) {
    const c = r.pick(record.candidates);
    const m = marks[c.id]!;
    // A stray dot goes in a box left empty; the others on the name.
    const kind =
      m === 'both'
        ? r.pick(['underline', 'tick'] as const)
        : r.pick(['underline', 'tick', 'circle', 'box-dot'] as const);
    distractors.push({ kind, candidateId: c.id });
  }
  const outside = r.chance(o.outsideInk ?? 0.08) ? r.pick(OUTSIDE_INK) : null;
  return plan(r, printed, ink, outside, distractors, {
    truth: {
      marks,
      drawn: [...kinds].map(([candidateId, kind]) => ({
        kind: `${marks[candidateId]}:${kind}`,
        candidateId,
      })),
    },
    draw: (rr, spot) => {
      const m = marks[spot.candidateId]!;
      const kind = kinds.get(spot.candidateId)!;
      return [
        ...(m === 'agree' || m === 'both' ? boxMarkSvg(rr, spot.agree!, kind, ink) : []),
        ...(m === 'disagree' || m === 'both' ? boxMarkSvg(rr, spot.disagree!, kind, ink) : []),
      ];
    },
    boxDot: (rr, spot) =>
      boxDotSvg(rr, marks[spot.candidateId] === 'agree' ? spot.disagree! : spot.agree!, ink),
  });
}

function plan(
  r: Random,
  printed: PrintedBallot,
  ink: InkName,
  outside: (typeof OUTSIDE_INK)[number] | null,
  distractors: Drawn[],
  layout: {
    truth: Pick<TruthBallot, 'struck' | 'marks' | 'drawn'>;
    draw: (r: Random, spot: NameSpot) => Ink[];
    boxDot?: (r: Random, spot: NameSpot) => Ink;
  },
): Planned {
  const seed = r.fork();
  const pages = printed.words.length;
  // A list that fills every side leaves no room to write: then no outside ink.
  const roomy = [...Array(pages).keys()].filter((p) => printed.freeSpots[p]!.length > 0);
  if (roomy.length === 0) outside = null;
  const outsidePage = outside === null ? -1 : r.pick(roomy);
  const spot = outsidePage < 0 ? null : r.pick(printed.freeSpots[outsidePage]!);
  const approve = printed.names.some((n) => n.agree !== null);
  // A distractor beside a name must stay inside its own cell (approve) or clear of the next column.
  const kept = distractors.filter((d) => {
    if (d.kind === 'box-dot' || d.kind === 'underline') return true;
    const s = printed.names.find((n) => n.candidateId === d.candidateId)!;
    const e = s.words.y1 - s.words.y0;
    const reach = s.inkX1 + 2.8 * e;
    if (approve) return reach < s.agree!.x0 - 2;
    return !printed.names.some(
      (n) =>
        n.page === s.page &&
        n.words.x0 > s.inkX1 &&
        n.words.x0 < reach + 4 &&
        Math.abs(n.words.y0 - s.words.y0) < e,
    );
  });
  return {
    truth: {
      ...layout.truth,
      distractors: [...kept, ...(outside === null ? [] : [{ kind: outside }])],
      mustReview: outside !== null,
      ink,
    },
    ink: () => {
      const rr = seed.fork();
      const sides: Ink[][] = Array.from({ length: pages }, () => []);
      for (const s of printed.names) sides[s.page]!.push(...layout.draw(rr, s));
      for (const d of kept) {
        const s = printed.names.find((n) => n.candidateId === d.candidateId)!;
        sides[s.page]!.push(
          d.kind === 'box-dot'
            ? layout.boxDot!(rr, s)
            : lineDistractorSvg(rr, s, d.kind as never, ink),
        );
      }
      if (spot !== null) sides[outsidePage]!.push(...outsideInkSvg(rr, spot, outside!, ink));
      return sides;
    },
  };
}

/** Writes the deck's files into `dir` and returns its truth, in feed order. */
export async function makeSim2Deck(o: DeckOptions): Promise<Sim2Deck> {
  mkdirSync(o.dir, { recursive: true });
  const r = random(o.seed);
  const sides = o.printed.words.length;
  const inPdf = o.inPdf ?? 0;
  const inTiff = o.inTiff ?? 0;
  // The TIFF's pages share the bed: one resolution, one margin, one colour mode.
  const pickDpi = (): { dpi: number } => ({ dpi: r.pick(o.dpis) });
  const tiffBed = randomSetup(r, { ...pickDpi(), ...o.scanner });
  const pdfBed = randomSetup(r, { ...pickDpi(), ...o.scanner });
  const ballots: TruthBallot[] = [];
  const backs: SkippedPage[] = [];
  const files: string[] = [];
  const pdfPages: PdfPage[] = [];
  const tiffPages: ScannedRaw[] = [];
  const pdfFile = join(o.dir, 'duplex.pdf');
  const tiffFile = join(o.dir, 'batch.tif');
  for (let i = 0; i < o.count; i++) {
    const planned =
      o.record.election.layout === 'strike'
        ? planStrike(r, o.record, o.printed, o)
        : planApprove(r, o.record, o.printed, o);
    const target = i < inPdf ? 'pdf' : i < inPdf + inTiff ? 'tiff' : 'file';
    const base = target === 'pdf' ? pdfBed : target === 'tiff' ? tiffBed : null;
    const scans: string[] = [];
    const rawPages: ScannedRaw[] = [];
    let inks: Ink[][] | null = null;
    let file = '';
    let page = 1;
    for (let side = 0; side < sides; side++) {
      const setup = randomSetup(r, {
        ...pickDpi(),
        ...o.scanner,
        ...(base === null
          ? {}
          : { dpi: base.dpi, colour: base.colour, bedMarginPt: base.bedMarginPt, bed: base.bed }),
        ...(o.upsideDown?.includes(i) ? { upsideDown: true } : {}),
      });
      const raster = o.printed.rasters.get(setup.dpi)?.[side];
      if (raster === undefined)
        throw new Error(`the ballot was not rasterised at ${setup.dpi} dpi`);
      inks ??= planned.ink();
      const tiles = inkTiles(inks[side]!, setup.dpi / 72, raster);
      const raw = await scanRaw(raster, await inkedPage(raster, tiles, setup.colour), setup, r);
      scans.push(describe(setup));
      if (target === 'file') {
        const name = `b${String(i + 1).padStart(4, '0')}-s${side + 1}.${setup.format === 'jpeg' ? 'jpg' : 'png'}`;
        writeFileSync(join(o.dir, name), await encode(raw, setup));
        files.push(join(o.dir, name));
        if (side === 0) file = join(o.dir, name);
      } else rawPages.push(raw);
      if (target === 'pdf') {
        pdfPages.push({
          raw,
          dpi: setup.dpi,
          as: r.chance(0.7) ? 'jpeg' : 'flate',
          quality: setup.quality,
        });
        if (side === 0) page = pdfPages.length;
        file = pdfFile;
      }
      if (target === 'tiff') {
        tiffPages.push(raw);
        if (side === 0) page = tiffPages.length;
        file = tiffFile;
      }
    }
    // A one-sided ballot in the duplex PDF: its blank back follows it.
    if (target === 'pdf' && sides === 1) {
      const raster = o.printed.rasters.get(pdfBed.dpi)![0]!;
      pdfPages.push({
        raw: await blankBack(raster, { ...pdfBed, upsideDown: false }, r),
        dpi: pdfBed.dpi,
        as: 'jpeg',
        quality: 75,
      });
      backs.push({ file: pdfFile, page: pdfPages.length });
    }
    ballots.push({ ...planned.truth, file, page, scans });
  }
  const ordered: string[] = [];
  if (pdfPages.length > 0) {
    writeFileSync(pdfFile, await writeScanPdf(pdfPages));
    ordered.push(pdfFile);
  }
  if (tiffPages.length > 0) {
    writeFileSync(tiffFile, await writeScanTiff(tiffPages, r.pick(['lzw', 'deflate'] as const)));
    ordered.push(tiffFile);
  }
  const deck: Sim2Deck = { ballots, backs, files: [...ordered, ...files] };
  writeFileSync(join(o.dir, 'truth.json'), JSON.stringify(deck, null, 1));
  return deck;
}
