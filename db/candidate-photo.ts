/**
 * A candidate's photo made ready for the congress file: any common picture (JPEG, PNG, WebP, TIFF,
 * GIF, HEIF) decoded by sharp (libvips), turned upright from its EXIF orientation, scaled to
 * PHOTO_LIMITS.height pixels high, flattened on white, and written as a small JPEG without its
 * metadata (a phone's EXIF carries places and times). Nothing is stored here: the station sends
 * the result to `setCandidatePhoto`. sharp decodes off the event loop, on libuv's threads.
 */
import sharp from 'sharp';
import { PHOTO_LIMITS, type PhotoPreview, type PhotoProblem } from '../core/candidate-details.ts';
import { err, ok, type Result } from '../core/result.ts';

/** Formats taken as photos; SVG, PDF and the rest are not pictures of a person. */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'tiff', 'gif', 'heif']);

/** Below this height a face is a smudge on a hall's screen. */
const MIN_HEIGHT = 120;

export async function preparePhoto(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<PhotoPreview, PhotoProblem>> {
  if (bytes.length > PHOTO_LIMITS.fileBytes) {
    return err({ code: 'file-too-big', fileName, max: PHOTO_LIMITS.fileBytes });
  }
  let meta: sharp.Metadata;
  try {
    // Only the header is read here: a pixel bomb is refused by its declared size.
    meta = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    return err({ code: 'not-image', fileName });
  }
  if (!FORMATS.has(meta.format ?? '') || !meta.width || !meta.height) {
    return err({ code: 'not-image', fileName });
  }
  const upright = (meta.orientation ?? 1) >= 5;
  const width = upright ? meta.height : meta.width;
  const height = upright ? meta.width : meta.height;
  if (width * height > PHOTO_LIMITS.pixels) {
    return err({ code: 'too-many-pixels', fileName, width, height, max: PHOTO_LIMITS.pixels });
  }
  if (height < MIN_HEIGHT || width < MIN_HEIGHT / 3) {
    return err({ code: 'too-small', fileName, width, height });
  }
  try {
    const { data, info } = await sharp(bytes, {
      limitInputPixels: PHOTO_LIMITS.pixels,
      pages: 1,
      failOn: 'error',
    })
      .rotate()
      .resize({
        height: PHOTO_LIMITS.height,
        width: PHOTO_LIMITS.maxWidth,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 84, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    if (data.length > PHOTO_LIMITS.storedBytes) {
      return err({ code: 'file-too-big', fileName, max: PHOTO_LIMITS.storedBytes });
    }
    return ok({
      fileName,
      base64: data.toString('base64'),
      width: info.width,
      height: info.height,
      sourceWidth: width,
      sourceHeight: height,
    });
  } catch {
    // A header that promised a picture and a body that is not one (cut short, damaged).
    return err({ code: 'not-image', fileName });
  }
}
