/**
 * Glyph outlines of the ballot's printed text, from the same Tinos files the PDF embeds (fontkit,
 * which pdfkit uses to lay the text out), so the reader's blank matches the printed sheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { TextItem } from '../../core/documents/ballot-geometry.ts';
import type { Outlines, Polygon } from '../../core/scan/reference.ts';

const FONTS_DIR = join(import.meta.dirname, '..', '..', 'assets', 'fonts');

interface PathCommand {
  readonly command: string;
  readonly args: readonly number[];
}
interface Glyph {
  readonly path: { readonly commands: readonly PathCommand[] };
}
interface Font {
  readonly unitsPerEm: number;
  layout(text: string): {
    glyphs: readonly Glyph[];
    positions: readonly { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}

const fonts = new Map<string, Font>();
function font(face: 'Regular' | 'Bold' | 'Italic' | 'BoldItalic'): Font {
  let f = fonts.get(face);
  if (f === undefined) {
    f = fontkit.create(readFileSync(join(FONTS_DIR, `Tinos-${face}.ttf`))) as unknown as Font;
    fonts.set(face, f);
  }
  return f;
}

/** Curves flattened into short segments (a tenth of a point at 14 pt is far below a pixel). */
function flatten(
  commands: readonly PathCommand[],
  map: (x: number, y: number) => [number, number],
): Polygon[] {
  const out: number[][] = [];
  let current: number[] = [];
  let px = 0;
  let py = 0;
  const close = () => {
    if (current.length >= 6) out.push(current);
    current = [];
  };
  const to = (x: number, y: number) => {
    const [X, Y] = map(x, y);
    current.push(X, Y);
    px = x;
    py = y;
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      to(args[0]!, args[1]!);
    } else if (command === 'lineTo') to(args[0]!, args[1]!);
    else if (command === 'quadraticCurveTo') {
      const [cx, cy, x, y] = args as [number, number, number, number];
      const [x0, y0] = [px, py];
      for (let i = 1; i <= 6; i++) {
        const t = i / 6;
        const u = 1 - t;
        to(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
      }
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y, c2x, c2y, x, y] = args as [number, number, number, number, number, number];
      const [x0, y0] = [px, py];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        to(
          u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
          u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
        );
      }
    } else if (command === 'closePath') close();
  }
  close();
  return out;
}

/** The outlines of a positioned line of text, in page points. */
export const tinosOutlines: Outlines = (item: TextItem) => {
  const f = font(
    item.bold ? (item.italics ? 'BoldItalic' : 'Bold') : item.italics ? 'Italic' : 'Regular',
  );
  const scale = item.fontSize / f.unitsPerEm;
  const run = f.layout(item.text);
  const polygons: Polygon[] = [];
  let pen = 0;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const ox = pen + pos.xOffset;
    const oy = pos.yOffset;
    polygons.push(
      ...flatten(glyph.path.commands, (x, y) => [
        item.x + (ox + x) * scale,
        item.baseline - (oy + y) * scale,
      ]),
    );
    pen += pos.xAdvance;
  });
  return polygons;
};
