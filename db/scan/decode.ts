/**
 * Scanned files into grayscale pages: PNG, JPEG and (multi-page) TIFF through sharp (libvips);
 * PDF pages by taking out the image the scanner embedded (DCTDecode is a JPEG, FlateDecode raw
 * pixels), never by re-rendering. Sizes are checked from the headers before anything is decoded,
 * and every failure is a reason naming the file and page, never a crash.
 */
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import type { PDFNumber } from 'pdf-lib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { tooLarge, type DecodeFailure, type PageJob } from './decode-page.ts';

export {
  decodePage,
  MAX_PIXELS,
  MAX_SIDE,
  type DecodeFailure,
  type DecodeProblem,
  type Decoded,
  type PageJob,
} from './decode-page.ts';

export const MAX_FILE_BYTES = 1_000_000_000;

export interface PageEntry {
  readonly file: string;
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
  readonly job: PageJob | null;
  readonly failure: DecodeFailure | null;
  /** SHA-256 of the page's encoded image (the file for a one-page image). */
  readonly sha256: string | null;
}

type Kind = 'png' | 'jpeg' | 'tiff' | 'pdf' | null;

function sniff(head: Uint8Array): Kind {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (
    (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a) ||
    (b(0) === 0x4d && b(1) === 0x4d && b(3) === 0x2a)
  )
    return 'tiff';
  if (String.fromCharCode(...head.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return null;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const HEAD = 1024;

/** A file's first bytes, enough to tell what it is. */
async function headOf(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(HEAD);
    const { bytesRead } = await handle.read(head, 0, HEAD, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A file's SHA-256, read through `chunk` (one buffer for every file of a scan: a scanner's image is
 * read whole only by its decoder, in a worker).
 */
async function hashFile(file: string, chunk: Buffer): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

const fail = (file: string, page: number, pages: number, failure: DecodeFailure): PageEntry => ({
  file,
  page,
  pages,
  job: null,
  failure,
  sha256: null,
});

/**
 * The pages of every file, in the order given, each with its job or its reason, one file at a time
 * (so reading can start on the first file while later ones are listed). The same file content
 * given twice is refused the second time.
 */
export async function* pagesOf(files: readonly string[]): AsyncGenerator<PageEntry[]> {
  const seen = new Map<string, string>();
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (const file of files) {
    let hash: string;
    let kind: Kind;
    // A PDF is parsed here: its bytes are read whole, and hashed as parsed.
    let bytes: Uint8Array | null = null;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      if (info.size > MAX_FILE_BYTES) {
        yield [fail(file, 1, 1, { problem: 'too-large', detail: `${info.size} B` })];
        continue;
      }
      kind = sniff(await headOf(file));
      if (kind === 'pdf') {
        bytes = await readFile(file);
        hash = sha256(bytes);
      } else hash = await hashFile(file, chunk);
    } catch (e) {
      yield [
        fail(file, 1, 1, {
          problem: 'unreadable-file',
          detail: (e as NodeJS.ErrnoException).code ?? String(e),
        }),
      ];
      continue;
    }
    const earlier = seen.get(hash);
    if (earlier !== undefined) {
      yield [fail(file, 1, 1, { problem: 'duplicate-file', detail: earlier })];
      continue;
    }
    seen.set(hash, file);
    if (kind === null) {
      yield [fail(file, 1, 1, { problem: 'not-an-image' })];
      continue;
    }
    if (bytes !== null) {
      yield await pdfPages(file, bytes);
      continue;
    }
    let meta: sharp.Metadata;
    try {
      meta = await sharp(file, { limitInputPixels: false, pages: 1 }).metadata();
    } catch (e) {
      yield [fail(file, 1, 1, { problem: 'corrupt', detail: (e as Error).message })];
      continue;
    }
    const pages = kind === 'tiff' ? (meta.pages ?? 1) : 1;
    if (tooLarge(meta.width ?? 0, meta.height ?? 0)) {
      yield [
        fail(file, 1, pages, { problem: 'too-large', detail: `${meta.width}×${meta.height}` }),
      ];
      continue;
    }
    yield Array.from({ length: pages }, (_, i) => ({
      file,
      page: i + 1,
      pages,
      job: { kind: 'file', path: file, index: i } as const,
      failure: null,
      sha256:
        pages === 1 ? hash : sha256(Buffer.concat([Buffer.from(hash, 'hex'), Buffer.from([i])])),
    }));
  }
}

/** The largest image drawn on each page of a scanner's PDF. */
async function pdfPages(file: string, bytes: Uint8Array): Promise<PageEntry[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
  } catch (e) {
    return [fail(file, 1, 1, { problem: 'corrupt', detail: (e as Error).message.split('\n')[0] })];
  }
  const pages = doc.getPages();
  return pages.map((page, i): PageEntry => {
    const n = i + 1;
    try {
      const resources = page.node.Resources();
      const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      let best: { stream: PDFRawStream; width: number; height: number } | null = null;
      for (const [, ref] of xobjects?.entries() ?? []) {
        const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
        if (!(stream instanceof PDFRawStream)) continue;
        const dict = stream.dict;
        if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
        const width = (dict.lookup(PDFName.of('Width')) as PDFNumber | undefined)?.asNumber() ?? 0;
        const height =
          (dict.lookup(PDFName.of('Height')) as PDFNumber | undefined)?.asNumber() ?? 0;
        if (best === null || width * height > best.width * best.height)
          best = { stream, width, height };
      }
      if (best === null) return fail(file, n, pages.length, { problem: 'no-image-on-page' });
      if (tooLarge(best.width, best.height)) {
        return fail(file, n, pages.length, {
          problem: 'too-large',
          detail: `${best.width}×${best.height}`,
        });
      }
      const dict = best.stream.dict;
      const filter = dict.lookup(PDFName.of('Filter'));
      const name = filter instanceof PDFName ? filter.asString() : String(filter);
      const contents = best.stream.contents;
      const hash = sha256(contents);
      if (name === '/DCTDecode') {
        return {
          file,
          page: n,
          pages: pages.length,
          job: { kind: 'jpeg', bytes: contents },
          failure: null,
          sha256: hash,
        };
      }
      if (name === '/FlateDecode') {
        const bits = (
          dict.lookup(PDFName.of('BitsPerComponent')) as PDFNumber | undefined
        )?.asNumber();
        const space = dict.lookup(PDFName.of('ColorSpace'));
        const channels =
          space === PDFName.of('DeviceGray') ? 1 : space === PDFName.of('DeviceRGB') ? 3 : 0;
        if (
          (bits !== 8 && bits !== 1) ||
          channels === 0 ||
          dict.get(PDFName.of('DecodeParms')) !== undefined
        ) {
          return fail(file, n, pages.length, {
            problem: 'unsupported-pdf-image',
            detail: `${name} ${String(space)} ${bits}`,
          });
        }
        return {
          file,
          page: n,
          pages: pages.length,
          job: {
            kind: 'raw',
            bytes: contents,
            width: best.width,
            height: best.height,
            channels,
            bits,
          },
          failure: null,
          sha256: hash,
        };
      }
      return fail(file, n, pages.length, { problem: 'unsupported-pdf-image', detail: name });
    } catch (e) {
      return fail(file, n, pages.length, {
        problem: 'corrupt',
        detail: (e as Error).message.split('\n')[0],
      });
    }
  });
}
