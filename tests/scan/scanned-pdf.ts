/**
 * A printed PDF as a scanner gives it back: each page rendered by poppler's pdftoppm as a grey PNG
 * (`p-1.png`, … in the folder). The pre-congress test deck is "scanned" this way wherever a test
 * feeds it: through the CLI, the host's intake or the app's screen.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDocument } from '../../db/documents.ts';
import type { Service } from '../../db/service.ts';
import { value } from '../db/helpers.ts';

/** The pages of `pdf` rendered into `dir` at `dpi` in grey; their paths in page order. */
export function scanPdf(pdf: string, dir: string, dpi = 150): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdf, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => /^p-\d+\.png$/u.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The election's scanner test deck, printed by the app on A4 and scanned at 150 dpi into the new
 * folder `dir`, which then holds the pages and nothing else.
 */
export async function scanTestDeck(service: Service, electionId: number, dir: string) {
  const made = value(await makeDocument(service, 'scan-test', { electionId, paper: 'A4' }));
  mkdirSync(dir);
  const pdf = join(dir, 'deck.pdf');
  writeFileSync(pdf, made.bytes);
  scanPdf(pdf, dir);
  rmSync(pdf);
}
