/**
 * The scanned images kept beside the congress file, in `NAME.kiemphieu.scans/`, each under its
 * SHA-256: the committee can look at any ballot later, and verify can tell a changed image.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const scansDir = (congressPath: string): string => `${congressPath}.scans`;

export const sha256Of = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Only these endings are kept; anything else is stored without one. */
const KEPT = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.pdf']);

/**
 * The file's bytes under their hash, written once and synced before the sheet is recorded, so a
 * recorded sheet never lacks its image.
 */
export async function keepImage(
  congressPath: string,
  bytes: Uint8Array,
  sha256: string,
  name: string,
): Promise<string> {
  const dir = scansDir(congressPath);
  await mkdir(dir, { recursive: true });
  const ext = extname(name).toLowerCase();
  const path = join(dir, `${sha256}${KEPT.has(ext) ? ext : ''}`);
  if ((await stat(path).catch(() => null))?.isFile()) return path;
  const tmp = `${path}.${process.pid}.part`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  return path;
}

/** Where the image of this hash is kept, or null when it is not there. */
export async function storedImage(congressPath: string, sha256: string): Promise<string | null> {
  const names = await readdir(scansDir(congressPath)).catch(() => [] as string[]);
  const name = names.find(
    (n) => n === sha256 || (n.startsWith(`${sha256}.`) && !n.endsWith('.part')),
  );
  return name === undefined ? null : join(scansDir(congressPath), name);
}
