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
    let ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
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
