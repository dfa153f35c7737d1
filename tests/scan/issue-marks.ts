/**
 * What voters draw on a strike ballot, in the words of the scanning issue (issue 11): the strokes
 * through a name, the marks beside a name that are not strikes, and the ink away from the names a
 * committee must see. Names only, no drawing: each simulator draws them its own way (deck.ts, and
 * the independent sim2/marks.ts), and the tests check each simulator draws every one of them.
 * Imported as `issue`, to read `issue.STRIKES`.
 */

/** "straight, wavy, double, partial, thick felt pen, thin ballpoint, pencil, slanted" */
export const STRIKES = [
  'straight',
  'wavy',
  'double',
  'partial',
  'felt',
  'ballpoint',
  'pencil',
  'slanted',
] as const;
export type Strike = (typeof STRIKES)[number];

/** "A tick, a dot, an underline or a circle beside a name is not a strike." */
export const NOT_STRIKES = ['tick', 'dot', 'underline', 'circle'] as const;
export type NotStrike = (typeof NOT_STRIKES)[number];

/** "any ink outside the name lines (a written-in name, a signature, a note)": review. */
export const INK_OUTSIDE_LINES = ['written-name', 'signature', 'note'] as const;
export type InkOutsideLines = (typeof INK_OUTSIDE_LINES)[number];
