/**
 * Platt scaling: P(right) = σ(a · logit(p) + b), fit by Newton's method on (p, right) pairs. It keeps
 * the order of the model's probabilities and corrects their over- or under-confidence.
 */
export interface PlattScaling {
  a: number;
  b: number;
}

export const identityScaling: PlattScaling = { a: 1, b: 0 };

const logit = (p: number) => Math.log(Math.min(1 - 1e-9, Math.max(1e-9, p)) / (1 - Math.min(1 - 1e-9, Math.max(1e-9, p))));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function applyScaling(s: PlattScaling, p: number): number {
  return sigmoid(s.a * logit(p) + s.b);
}

export function fitPlatt(pairs: { p: number; right: boolean }[]): PlattScaling {
  if (pairs.length < 10) return identityScaling;
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0,
      gb = 0,
      haa = 1e-6,
      hab = 0,
      hbb = 1e-6;
    for (const { p, right } of pairs) {
      const x = logit(p);
      const q = sigmoid(a * x + b);
      const r = (right ? 1 : 0) - q;
      ga += r * x;
      gb += r;
      const w = q * (1 - q);
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

/**
 * Isotonic regression (pool adjacent violators) of `right` on the scaled probability: a monotone
 * step map that can bend where a sigmoid cannot (the top bin). Returned as breakpoints; values in
 * between are interpolated linearly so nearby probabilities stay ordered.
 */
export interface IsotonicMap {
  x: number[];
  y: number[];
}

export function fitIsotonic(pairs: { p: number; right: boolean }[]): IsotonicMap | undefined {
  if (pairs.length < 200) return undefined;
  const sorted = [...pairs].sort((a, b) => a.p - b.p);
  const blocks: { sum: number; n: number; x: number }[] = [];
  for (const { p, right } of sorted) {
    blocks.push({ sum: right ? 1 : 0, n: 1, x: p });
    while (blocks.length > 1 && blocks[blocks.length - 2].sum / blocks[blocks.length - 2].n >= blocks[blocks.length - 1].sum / blocks[blocks.length - 1].n) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1];
      a.x = (a.x * a.n + b.x * b.n) / (a.n + b.n);
      a.sum += b.sum;
      a.n += b.n;
    }
  }
  return { x: blocks.map((b) => b.x), y: blocks.map((b) => b.sum / b.n) };
}

export function applyIsotonic(map: IsotonicMap | undefined, p: number): number {
  if (!map) return p;
  const { x, y } = map;
  // Below the lowest top answer seen in the fit there is no evidence that p is too low: keep p.
  if (p <= x[0]) return Math.min(y[0], p);
  if (p >= x[x.length - 1]) return y[y.length - 1];
  let i = 1;
  while (x[i] < p) i++;
  return y[i - 1] + ((y[i] - y[i - 1]) * (p - x[i - 1])) / (x[i] - x[i - 1]);
}
