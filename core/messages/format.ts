/** Formatting both languages share: lists, row numbers, sizes. */

export const list = (items: readonly string[]): string => items.join(', ');

/** Row numbers, the first twenty of a long list and how many there are. */
export const rowList = (rows: readonly number[], count: (n: number) => string): string =>
  rows.length > 20 ? `${rows.slice(0, 20).join(', ')}… (${count(rows.length)})` : rows.join(', ');

export const mib = (bytes: number): number => Math.round(bytes / (1024 * 1024));
