/**
 * A recorded sheet's side as a picture for review: taken from the image kept beside the congress
 * file, straightened into the ballot's own frame (so a sheet fed upside down reads upright), with
 * where each candidate's line is. A rejected sheet that could not be straightened is shown as fed.
 */
import sharp from 'sharp';
import { ballotGeometry } from '../../core/documents/ballot-geometry.ts';
import type { ScanImageView } from '../../core/protocol/scan.ts';
import type { ElectionRecord } from '../../core/record.ts';
import type { Refusal } from '../../core/refusal.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { Affine } from '../../core/scan/affine.ts';
import type { GrayImage } from '../../core/scan/image.ts';
import { sampleRect } from '../../core/scan/sample.ts';
import type { ScanView } from '../../core/scan/sheet-record.ts';
import { decodePage, pagesOf } from './decode.ts';
import { storedImage } from './image-store.ts';

/** Image pixels per ballot point: an A4 side is 1190 × 1684, sharp enough to read a stroke. */
const SCALE = 2;
/** A sheet shown as fed is brought to about this width. */
const AS_FED_WIDTH = 1200;

/**
 * A JPEG for the screen (the kept original is untouched): a sheet is shown every second or two
 * while a stack is confirmed, and a PNG of a straightened A4 side took 0.2–0.8 s to encode and
 * 1 MB to send; a JPEG takes 20–100 ms and 100–200 kB, and strokes stay sharp at quality 85.
 */
async function jpeg(image: GrayImage): Promise<string> {
  const bytes = await sharp(
    Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length),
    {
      raw: { width: image.width, height: image.height, channels: 1 },
    },
  )
    .jpeg({ quality: 85 })
    .toBuffer();
  return bytes.toString('base64');
}

async function decodedSide(
  congressPath: string,
  sheet: ScanView,
  side: number,
): Promise<Result<GrayImage, Refusal[]>> {
  const missing = err<Refusal[]>([
    {
      code: 'not-found',
      what: 'scan',
      id: `${sheet.file} (${sheet.fileSha256.slice(0, 16)})`,
      path: 'scanId',
    },
  ]);
  const path = await storedImage(congressPath, sheet.fileSha256);
  if (path === null) return missing;
  for await (const pages of pagesOf([path])) {
    const entry = pages.find((p) => p.page === sheet.page + side - 1);
    if (entry?.job == null) return missing;
    const decoded = await decodePage(entry.job);
    return decoded.ok ? ok(decoded.image) : missing;
  }
  return missing;
}

export async function sheetImage(
  congressPath: string,
  record: ElectionRecord,
  sheet: ScanView,
  side: number,
): Promise<Result<ScanImageView, Refusal[]>> {
  const geometry = ballotGeometry(record, 'A4');
  const t = sheet.transforms[side - 1];
  const sides = Math.max(1, sheet.transforms.length);
  if (side > sides) return err([{ code: 'too-big', max: sides, path: 'side' }]);
  const image = await decodedSide(congressPath, sheet, side);
  if (!image.ok) return image;
  if (t === undefined) {
    const factor = Math.max(1, Math.ceil(image.value.width / AS_FED_WIDTH));
    const small = sampleRect(
      image.value,
      { a: factor, b: 0, c: 0, d: 0, e: factor, f: 0 },
      { x: 0, y: 0, w: image.value.width / factor, h: image.value.height / factor },
      1,
    );
    return ok({
      base64: await jpeg(small),
      width: small.width,
      height: small.height,
      scale: null,
      sides,
      lines: [],
    });
  }
  const [a, b, c, d, e, f] = t as [number, number, number, number, number, number];
  const affine: Affine = { a, b, c, d, e, f };
  const page = geometry.page;
  const straight = sampleRect(
    image.value,
    affine,
    { x: 0, y: 0, w: page.width, h: page.height },
    SCALE,
  );
  const lines = geometry.sides[side - 1]?.lines ?? [];
  return ok({
    base64: await jpeg(straight),
    width: straight.width,
    height: straight.height,
    scale: SCALE,
    sides,
    lines: lines.map((l) => ({
      candidateId: l.candidateId,
      number: l.index + 1,
      band: l.band,
      zone: l.zone,
      boxes: l.boxes,
    })),
  });
}
