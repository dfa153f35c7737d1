/** Types of bin/fresh.js (plain JavaScript: the launchers run it before anything is compiled). */
export function isFresh(options: {
  readonly root: string;
  readonly output: string;
  readonly inputs: readonly string[];
}): boolean;
export function recordedInputs(
  dist: string,
  name: string,
): { readonly bundle: string; readonly inputs: string[] } | null;
export function freshBundle(root: string, name: string): string | null;
export function watchedInputs(paths: Iterable<string>): string[];
