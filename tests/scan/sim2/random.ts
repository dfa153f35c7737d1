/**
 * The second simulator's own seeded generator (sfc32, seeded through splitmix32), so a deck is the
 * same on every machine and run, and shares nothing with the first simulator's.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [a, b). */
  real(a: number, b: number): number;
  /** Integer in [a, b]. */
  int(a: number, b: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Roughly normal, mean 0 and deviation 1 (sum of four uniforms). */
  normal(): number;
  /** A generator of its own, drawn from this one: a sheet's randomness independent of the others'. */
  fork(): Random;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function random(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = (): number => u32() / 4294967296;
  const r: Random = {
    next,
    real: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[Math.floor(next() * items.length)]!;
    },
    normal: () => (next() + next() + next() + next() - 2) * Math.sqrt(3),
    fork: () => random(u32()),
  };
  return r;
}
