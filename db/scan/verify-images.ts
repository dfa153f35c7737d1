/** verify's look at the scanned images: each file a sheet was recorded from, there and unchanged. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileProblem } from '../../core/verification.ts';
import type { Db } from '../connection.ts';
import { scanImages } from '../store.ts';
import { sha256Of } from './image-store.ts';

export function checkScanImages(
  db: Db,
  folder: string,
): { problems: FileProblem[]; checked: number } {
  const images = scanImages(db);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // No folder: every image is missing, said one by one below.
  }
  const problems: FileProblem[] = [];
  for (const image of images) {
    const name = names.find((n) => n === image.fileSha256 || n.startsWith(`${image.fileSha256}.`));
    if (name === undefined || name.endsWith('.part')) {
      problems.push({ kind: 'scan-missing', file: image.file, sha256: image.fileSha256 });
      continue;
    }
    if (sha256Of(readFileSync(join(folder, name))) !== image.fileSha256)
      problems.push({ kind: 'scan-altered', file: image.file, sha256: image.fileSha256 });
  }
  return { problems, checked: images.length };
}
