// Whether a built file in dist/ is up to date with the sources it was built from, told from the
// files' modification times alone (a hundred or so stat calls, no hashing): plain JavaScript, so
// the launchers can ask before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The modification time of `path`, or null when it cannot be read (absent, above all). */
const mtime = (path) => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? null;
  } catch {
    return null;
  }
};

/**
 * True when `output` exists and no file of `inputs` (relative to `root`) is newer than it or
 * missing. Sources that are all absent (an installed package ships dist/ only) count as fresh.
 */
export function isFresh({ root, output, inputs }) {
  const built = mtime(output);
  if (built === null || inputs.length === 0) return false;
  // Joined by hand: path.join on each input costs more than its stat call. Windows takes `/` too.
  const base = /[\\/]$/u.test(root) ? root : `${root}/`;
  let present = 0;
  for (const input of inputs) {
    const time = mtime(base + input);
    if (time === null) continue;
    if (time > built) return false;
    present++;
  }
  return present === 0 || present === inputs.length;
}

/**
 * The files that stand for what a bundle was built from (paths relative to the root, `/`-separated):
 * the project's own sources as they are, and for a package in node_modules its package.json alone —
 * an install rewrites it — so a launcher stats a hundred files rather than five hundred.
 */
export function watchedInputs(paths) {
  const watched = new Set();
  for (const path of paths) {
    const at = path.lastIndexOf('node_modules/');
    if (at === -1) {
      watched.add(path);
      continue;
    }
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    const name = parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/');
    watched.add(`${path.slice(0, at)}node_modules/${name}/package.json`);
  }
  return [...watched].sort();
}

/** The inputs of a bundle as scripts/bundles.ts recorded them in dist/inputs.json, or null. */
export function recordedInputs(dist, name) {
  try {
    const record = JSON.parse(readFileSync(join(dist, 'inputs.json'), 'utf8'))[name];
    return Array.isArray(record?.inputs) && typeof record.bundle === 'string' ? record : null;
  } catch {
    return null;
  }
}

/** The path of bundle `name` in `root`/dist when it is up to date, else null. */
export function freshBundle(root, name) {
  const dist = join(root, 'dist');
  const record = recordedInputs(dist, name);
  if (record === null) return null;
  const output = join(dist, record.bundle);
  return isFresh({ root, output, inputs: record.inputs }) ? output : null;
}
