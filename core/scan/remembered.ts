/**
 * What the reader works out once per blank ballot (or per geometry) and keeps while the blank is
 * in use: a WeakMap, so it goes when the election's blank does.
 */
export function remembered<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}
