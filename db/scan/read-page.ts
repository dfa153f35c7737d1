/**
 * One page from its job to its reading, with everything a caller keeps (scores per line, the
 * reasons) and nothing of the pixels; optionally a debug picture of the reading.
 */
import type { Mark } from '../../core/codes.ts';
import type { ReviewReason } from '../../core/scan/read-sheet.ts';
import { join } from 'node:path';
import sharp from 'sharp';
import type { GrayImage } from '../../core/scan/image.ts';
import { readSide, type ScanTarget, type SideReading } from '../../core/scan/read-sheet.ts';
import type { ScanThresholds } from '../../core/scan/settings.ts';
import { decodePage, type DecodeFailure, type PageJob } from './decode-page.ts';

export interface LineOutcome {
  readonly id: string;
  readonly strike: number;
  readonly agree: number;
  readonly disagree: number;
  readonly struck: 'struck' | 'kept' | null;
  readonly mark: Mark | null;
  readonly reasons: readonly ReviewReason[];
}

type Read = Extract<SideReading, { status: 'read' | 'review' }>;

/** A side's reading as it crosses threads: the reader's own fields, lines without pixels. */
export type PageOutcome =
  | { readonly status: 'failed'; readonly failure: DecodeFailure }
  | Extract<SideReading, { status: 'rejected' }>
  | (Pick<Read, 'status' | 'code' | 'review' | 'reasons' | 'outsideMm2'> & {
      readonly lines: readonly LineOutcome[];
      /** Ballot points to image pixels (a b c d e f), to show the sheet straightened. */
      readonly transform: readonly number[];
    });

export async function readPage({
  job,
  target,
  thresholds,
  debug,
}: {
  job: PageJob;
  target: ScanTarget;
  thresholds: ScanThresholds;
  debug?: { dir: string; name: string };
}): Promise<PageOutcome> {
  const decoded = await decodePage(job);
  if (!decoded.ok) return { status: 'failed', failure: decoded.failure };
  const reading = readSide(decoded.image, target, thresholds);
  let outcome: PageOutcome;
  if (reading.status === 'rejected') {
    outcome = reading;
  } else {
    outcome = {
      status: reading.status,
      code: reading.code,
      lines: reading.lines.map((l) => ({
        id: l.candidateId,
        strike: l.score.strike,
        agree: l.score.agree,
        disagree: l.score.disagree,
        struck: l.struck,
        mark: l.mark,
        reasons: l.reasons,
      })),
      review: reading.review,
      reasons: reading.reasons,
      outsideMm2: Math.round(reading.outsideMm2 * 10) / 10,
      transform: (['a', 'b', 'c', 'd', 'e', 'f'] as const).map((k) => reading.transform[k]),
    };
  }
  if (debug !== undefined) {
    await writeDebug(decoded.image, reading, target, join(debug.dir, `${debug.name}.png`));
  }
  return outcome;
}

const esc = (s: string): string => s.replace(/[<>&"]/gu, (c) => `&#${c.charCodeAt(0)};`);

/** The page with each line's zone, score and decision drawn on it (and why it was rejected). */
async function writeDebug(
  image: GrayImage,
  reading: ReturnType<typeof readSide>,
  target: ScanTarget,
  path: string,
): Promise<void> {
  const shapes: string[] = [];
  if (reading.status === 'rejected') {
    shapes.push(
      `<text x="40" y="80" font-size="48" fill="red" font-family="sans-serif">${esc(reading.reason)}</text>`,
    );
  } else {
    const t = reading.transform;
    const layout = target.layoutFor(reading.code.paper);
    const side = layout?.geometry.sides[reading.code.side - 1];
    const group: string[] = [];
    const lines = new Map(reading.lines.map((l) => [l.candidateId, l]));
    for (const line of side?.lines ?? []) {
      const r = lines.get(line.candidateId);
      if (r === undefined) continue;
      const doubt = r.reasons.length > 0;
      const colour = doubt
        ? '#ff8800'
        : r.struck === 'struck' || r.mark === 'agree'
          ? '#d00000'
          : '#00a000';
      const label =
        line.boxes === null
          ? `${r.score.strike} ${r.struck ?? '?'}`
          : `${r.score.agree}/${r.score.disagree} ${r.mark ?? '?'}`;
      for (const z of line.boxes === null ? [line.zone] : [line.boxes.agree, line.boxes.disagree]) {
        group.push(
          `<rect x="${z.x}" y="${z.y}" width="${z.w}" height="${z.h}" fill="none" stroke="${colour}" stroke-width="0.8"/>`,
        );
      }
      group.push(
        `<text x="${line.band.x + line.band.w - 2}" y="${line.name.baseline}" font-size="7" text-anchor="end" fill="${colour}" font-family="sans-serif">${esc(label)}${doubt ? ` (${esc(r.reasons.join(', '))})` : ''}</text>`,
      );
    }
    // The rest of the sheet the reader looked at (outside the list area), and where ink was added.
    for (const part of layout?.references[reading.code.side - 1]?.sheet.parts ?? []) {
      const a = part.area;
      group.push(
        `<rect x="${a.x}" y="${a.y}" width="${a.w}" height="${a.h}" fill="none" stroke="#8080ff" stroke-width="0.4" stroke-dasharray="2 2"/>`,
      );
    }
    const rest = reading.rest;
    if (rest.box !== null) {
      const b = rest.box;
      group.push(
        `<rect x="${b.x - 2}" y="${b.y - 2}" width="${b.w + 4}" height="${b.h + 4}" fill="none" stroke="#c000c0" stroke-width="1"/>`,
        `<text x="${b.x}" y="${b.y - 4}" font-size="7" fill="#c000c0" font-family="sans-serif">${esc(`${rest.mm2.toFixed(1)} mm²`)}</text>`,
      );
    }
    group.push(
      `<text x="40" y="20" font-size="10" fill="blue" font-family="sans-serif">${esc(`${reading.status} ${reading.reasons.join(', ')} — ngoài dòng ${(reading.outsideMm2 - rest.mm2).toFixed(1)} mm², ngoài danh sách ${rest.mm2.toFixed(1)} mm²`)}</text>`,
    );
    shapes.push(
      `<g transform="matrix(${t.a} ${t.d} ${t.b} ${t.e} ${t.c} ${t.f})">${group.join('')}</g>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">${shapes.join('')}</svg>`;
  await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .toColourspace('srgb')
    .composite([{ input: Buffer.from(svg) }])
    .png({ compressionLevel: 3 })
    .toFile(path);
}
