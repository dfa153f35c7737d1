// Whether a built file in dist/ is up to date with the sources it was built from, told from the
// files' modification times alone (a few hundred stat calls, no hashing): plain JavaScript, so the
// launchers can ask before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
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
  const times = inputs.map((input) => mtime(join(root, input)));
  if (times.every((t) => t === null)) return true;
  return times.every((t) => t !== null && t <= built);
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
