/**
 * What the introductions (giới thiệu ứng cử viên) show of a candidate, and the rules for their
 * photos: the limits a picture must keep, the JPEG the app stores, and how a photo file in the
 * operator's folder finds its candidate. Pure: the decoding itself is db/candidate-photo.ts.
 */
import { z } from 'zod';
import { foldName, nfc } from './names.ts';

/** Limits on a photo as picked and as stored. */
export const PHOTO_LIMITS = {
  /** A picture file as picked: a phone photo is 2–12 MB. */
  fileBytes: 16 * 1024 * 1024,
  /** Pixels of the picture before decoding (a 48-megapixel photo passes, a pixel bomb does not). */
  pixels: 64_000_000,
  /** The stored JPEG: this many pixels high, at most this wide, at most this many bytes. */
  height: 600,
  maxWidth: 600,
  storedBytes: 512 * 1024,
} as const;

export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'gif', 'bmp'];

/** A picked picture's size in pixels, for the problems of size. */
interface PictureSize {
  readonly fileName: string;
  readonly width: number;
  readonly height: number;
}

/** Why a picked picture is not taken; each names the file. */
export type PhotoProblem =
  | { readonly code: 'not-image'; readonly fileName: string }
  | { readonly code: 'file-too-big'; readonly fileName: string; readonly max: number }
  | ({ readonly code: 'too-many-pixels'; readonly max: number } & PictureSize)
  | ({ readonly code: 'too-small' } & PictureSize)
  | { readonly code: 'no-candidate'; readonly fileName: string }
  | { readonly code: 'ambiguous'; readonly fileName: string; readonly names: readonly string[] }
  | {
      readonly code: 'two-photos';
      readonly fileName: string;
      readonly other: string;
      readonly name: string;
    };

/** A picture made ready for the file: a JPEG of PHOTO_LIMITS.height pixels, in base64. */
export interface PhotoPreview {
  readonly fileName: string;
  readonly base64: string;
  readonly width: number;
  readonly height: number;
  /** The picture as picked. */
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

/**
 * The size a JPEG declares in its frame header (SOFn), or null when the bytes are no JPEG: the
 * command that stores a photo checks it before anything keeps it.
 */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2) return null;
    const sof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (sof) {
      const height = (bytes[i + 5]! << 8) | bytes[i + 6]!;
      const width = (bytes[i + 7]! << 8) | bytes[i + 8]!;
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    i += 2 + length;
  }
  return null;
}

/** A candidate a photo may belong to: the name, and the number a file may carry instead. */
export interface PhotoTarget {
  readonly name: string;
  /** The candidate's STT in the candidates' sheet (or its row when the sheet has no STT). */
  readonly number: number;
}

export interface PhotoMatch {
  readonly fileName: string;
  readonly name: string;
}

const baseName = (fileName: string): string =>
  (fileName.split(/[\\/]/u).pop() ?? fileName).replace(/\.[^.]*$/u, '');

/**
 * Which candidate each photo file is of. A file is named by the candidate's name ("Nguyễn Văn
 * An.jpg", any case, with or without tone marks, NFC or not, with or without a leading number:
 * "03. Nguyen Van An.jpg"), or by a number alone ("3.jpg", "03.jpg"): the candidate's STT in the
 * sheet. An exact name (NFC, any case) wins over a name that only matches without tone marks;
 * a folded name that two candidates share ("Hùng", "Hưng") must be written with its marks.
 */
export function matchPhotos(
  fileNames: readonly string[],
  targets: readonly PhotoTarget[],
): { matches: PhotoMatch[]; problems: PhotoProblem[] } {
  const exact = new Map<string, string[]>();
  const folded = new Map<string, string[]>();
  for (const t of targets) {
    const e = nfc(t.name).toLowerCase();
    exact.set(e, [...(exact.get(e) ?? []), t.name]);
    const f = foldName(t.name);
    folded.set(f, [...(folded.get(f) ?? []), t.name]);
  }
  const byNumber = new Map(targets.map((t) => [t.number, t.name]));
  const matches: PhotoMatch[] = [];
  const problems: PhotoProblem[] = [];
  const taken = new Map<string, string>();
  for (const fileName of fileNames) {
    const base = nfc(baseName(fileName)).trim();
    const withoutNumber = base.replace(/^\(?\d{1,4}\)?\s*[-.)_:]?\s*/u, '').trim();
    let names: readonly string[] = [];
    for (const text of [base, withoutNumber]) {
      if (names.length > 0 || text === '') continue;
      const e = exact.get(text.toLowerCase().replace(/\s+/gu, ' '));
      names = e ?? folded.get(foldName(text)) ?? [];
    }
    if (names.length === 0 && /^\d{1,4}$/u.test(base)) {
      const name = byNumber.get(Number(base));
      names = name === undefined ? [] : [name];
    }
    if (names.length === 0) {
      problems.push({ code: 'no-candidate', fileName });
      continue;
    }
    if (names.length > 1) {
      problems.push({ code: 'ambiguous', fileName, names });
      continue;
    }
    const name = names[0]!;
    const other = taken.get(name);
    if (other !== undefined) {
      problems.push({ code: 'two-photos', fileName, other, name });
      continue;
    }
    taken.set(name, fileName);
    matches.push({ fileName, name });
  }
  return { matches, problems };
}

/** The `photo` call: a picked picture made ready for `setCandidatePhoto`; nothing is stored. */
export const photoRequest = z.strictObject({
  fileName: z.string().min(1).max(300),
  base64: z.string().max(Math.ceil((PHOTO_LIMITS.fileBytes * 4) / 3) + 4),
});
