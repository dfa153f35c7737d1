/**
 * Turns a document definition (core/documents) into PDF bytes with pdfmake, with the fonts
 * shipped in assets/fonts and no access to the network or the disk beyond them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

// import.meta.dirname (not .url): the Electron bundle is CommonJS and maps it to __dirname, two
// folders below the root like this file.
const require = createRequire(join(import.meta.dirname, 'render.ts'));

interface PdfMake {
  virtualfs: { writeFileSync(path: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions, options?: object): { getBuffer(): Promise<Buffer> };
}

const FONTS_DIR = join(import.meta.dirname, '..', '..', 'assets', 'fonts');
const FACES = {
  normal: 'Regular',
  bold: 'Bold',
  italics: 'Italic',
  bolditalics: 'BoldItalic',
} as const;

let loaded: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (loaded !== null) return loaded;
  const instance = require('pdfmake') as PdfMake;
  const tinos: Record<string, string> = {};
  for (const [face, suffix] of Object.entries(FACES)) {
    const name = `Tinos-${suffix}.ttf`;
    instance.virtualfs.writeFileSync(name, readFileSync(join(FONTS_DIR, name)));
    tinos[face] = name;
  }
  instance.setFonts({ Tinos: tinos });
  // Documents are made from the record alone: nothing is fetched, nothing else is read.
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  loaded = instance;
  return instance;
}

/** The PDF of a document definition; text is NFC already (names are cleaned on the way in). */
export async function renderPdf(
  doc: TDocumentDefinitions,
  { creationDate }: { creationDate?: Date } = {},
): Promise<Buffer> {
  const info = { ...doc.info, ...(creationDate === undefined ? {} : { creationDate }) };
  return pdfmake()
    .createPdf({ ...doc, info })
    .getBuffer();
}
