/** Every string-named built-in member a candidate id might collide with in a plain object. */
export const BUILT_IN_NAMES: readonly string[] = [
  ...new Set([
    '__proto__',
    'prototype',
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Function.prototype),
    ...Object.getOwnPropertyNames(Array.prototype),
    ...Object.getOwnPropertyNames(Object),
  ]),
];
