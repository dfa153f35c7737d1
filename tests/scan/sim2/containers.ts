/**
 * Files that hold several scanned pages, written as scanners write them: a PDF whose pages are
 * each one image (a JPEG as DCTDecode, or raw grey pixels deflated as FlateDecode), written here
 * by hand, and a multi-page TIFF through sharp (libvips/libtiff).
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { ScannedRaw } from './scanner.ts';

export interface PdfPage {
  readonly raw: ScannedRaw;
  readonly dpi: number;
  /** 'jpeg': the page as a JPEG (DCTDecode); 'flate': raw pixels, deflated. */
  readonly as: 'jpeg' | 'flate';
  readonly quality?: number;
}

export async function writeScanPdf(pages: readonly PdfPage[]): Promise<Buffer> {
  const objects: Buffer[] = [];
  const add = (b: Buffer): number => objects.push(b);
  const kids: number[] = [];
  // Object 1: catalog, 2: pages tree; pages added after.
  objects.push(Buffer.alloc(0), Buffer.alloc(0));
  for (const p of pages) {
    const { width, height, channels } = p.raw;
    const space = channels === 1 ? '/DeviceGray' : '/DeviceRGB';
    let data: Buffer;
    let filter: string;
    if (p.as === 'jpeg') {
      const img = sharp(p.raw.data, { raw: { width, height, channels } });
      data = await (channels === 1 ? img.toColourspace('b-w') : img)
        .jpeg({ quality: p.quality ?? 80 })
        .toBuffer();
      filter = '/DCTDecode';
    } else {
      data = deflateSync(p.raw.data);
      filter = '/FlateDecode';
    }
    const image = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${space} /BitsPerComponent 8 /Filter ${filter} /Length ${data.length} >>\nstream\n`,
        ),
        data,
        Buffer.from('\nendstream'),
      ]),
    );
    const w = (width / p.dpi) * 72;
    const h = (height / p.dpi) * 72;
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const content = add(Buffer.from(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`));
    kids.push(
      add(
        Buffer.from(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
        ),
      ),
    );
  }
  objects[0] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(b);
    at += b.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`,
  ].join('');
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/** A multi-page TIFF of same-sized pages (a scanner's fixed bed), grey or colour. */
export async function writeScanTiff(
  pages: readonly ScannedRaw[],
  compression: 'lzw' | 'deflate' | 'jpeg' = 'lzw',
): Promise<Buffer> {
  const first = pages[0]!;
  if (
    pages.some(
      (p) => p.width !== first.width || p.height !== first.height || p.channels !== first.channels,
    )
  ) {
    throw new Error('TIFF pages differ in size');
  }
  const png = await Promise.all(
    pages.map((p) =>
      sharp(p.data, { raw: { width: p.width, height: p.height, channels: p.channels } })
        .toColourspace(p.channels === 1 ? 'b-w' : 'srgb')
        .png({ compressionLevel: 1 })
        .toBuffer(),
    ),
  );
  const joined = sharp(png, { join: { animated: true } });
  return (first.channels === 1 ? joined.toColourspace('b-w') : joined)
    .tiff({ compression })
    .toBuffer();
}
