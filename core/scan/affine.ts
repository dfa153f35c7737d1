/**
 * The affine map from ballot points (PDF points, top-left origin) to image pixels, fitted to the
 * registration marks by least squares: it undoes rotation, skew, scale and offset at once.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** x' = a·x + b·y + c, y' = d·x + e·y + f. */
export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

export const apply = (t: Affine, p: Point): Point => ({
  x: t.a * p.x + t.b * p.y + t.c,
  y: t.d * p.x + t.e * p.y + t.f,
});

function solve3(m: number[][], v: number[]): number[] | null {
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++)
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const k = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < 4; c++) a[r]![c]! -= k * a[col]![c]!;
    }
  }
  return [0, 1, 2].map((i) => a[i]![3]! / a[i]![i]!);
}

/** The least-squares affine map taking `from[i]` to `to[i]`, and its largest residual (pixels). */
export function fitAffine(
  from: readonly Point[],
  to: readonly Point[],
): { transform: Affine; residual: number } | null {
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const vx = [0, 0, 0];
  const vy = [0, 0, 0];
  from.forEach((p, i) => {
    const row = [p.x, p.y, 1];
    const q = to[i]!;
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) m[r]![c]! += row[r]! * row[c]!;
      vx[r]! += row[r]! * q.x;
      vy[r]! += row[r]! * q.y;
    }
  });
  const sx = solve3(m, vx);
  const sy = solve3(m, vy);
  if (sx === null || sy === null) return null;
  const transform = { a: sx[0]!, b: sx[1]!, c: sx[2]!, d: sy[0]!, e: sy[1]!, f: sy[2]! };
  let residual = 0;
  from.forEach((p, i) => {
    const q = apply(transform, p);
    residual = Math.max(residual, Math.hypot(q.x - to[i]!.x, q.y - to[i]!.y));
  });
  return { transform, residual };
}

/** Pixels per point along the page's x axis (the scan's resolution over 72). */
export const scaleOf = (t: Affine): number => Math.sqrt(Math.abs(t.a * t.e - t.b * t.d));
