/**
 * A PDF's pages as the printer gives them: poppler's pdftoppm renders each in colour at `dpi`, and
 * sharp gives its pixels as RGB, 3 bytes a pixel. Both ballot simulators start from the printed
 * page this way; what each draws on it, and how it finds the names, is its own.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** An RGB raster (3 bytes a pixel) of one printed page. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly rgb: Buffer;
}

/** The pages of `pdf` at `dpi`, in page order; their PNGs are left in `dir` (`r<dpi>-N.png`). */
export async function rasterisePdf(pdf: string, dir: string, dpi: number): Promise<Raster[]> {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, `r${dpi}`)]);
  const pageOf = (f: string): number => Number(/-(\d+)\.png$/u.exec(f)![1]);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`r${dpi}-`) && f.endsWith('.png'))
    .sort((a, b) => pageOf(a) - pageOf(b));
  const out: Raster[] = [];
  for (const f of files) {
    const { data, info } = await sharp(readFileSync(join(dir, f)))
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    out.push({ width: info.width, height: info.height, dpi, rgb: data });
  }
  return out;
}
