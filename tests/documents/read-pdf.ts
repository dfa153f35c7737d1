/** Reading a PDF back as a reader does: pdftotext for the words and their boxes, pdftoppm to look. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../db/pdf/render.ts';
import { ROOT } from '../cli/run-cli.ts';
import { tempDir } from '../db/helpers.ts';

export const ART = join(ROOT, 'tests/artifacts/pdf');

/** The text in reading order, white space (no-break spaces too) as single spaces. */
export const plainText = (pdf: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/gu, ' ');

/** The lines as laid out on the page, no-break spaces as spaces. */
export const layoutLines = (pdf: string): string[] =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\u00a0/gu, ' ')
    .split('\n');

export interface Word {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word with its box, in points from the top left of its page. */
export function words(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  });
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/u.exec(
        line,
      );
    if (m)
      out.push({
        page,
        text: (m[5] ?? '')
          .replace(/&amp;/gu, '&')
          .replace(/&quot;/gu, '"')
          .replace(/&lt;/gu, '<')
          .replace(/&gt;/gu, '>')
          .normalize('NFC'),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      });
  }
  return out;
}

/** Writes the document to a temporary PDF, and every page as a PNG under tests/artifacts/pdf/. */
export async function renderAndLook(doc: TDocumentDefinitions, name: string): Promise<string> {
  const pdf = join(tempDir(), `${name}.pdf`);
  writeFileSync(pdf, await renderPdf(doc));
  look(pdf, name);
  return pdf;
}

export function look(pdf: string, name: string): void {
  mkdirSync(ART, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(ART, name)]);
}
