/**
 * Conditional logit (McFadden): for each example a set of candidates, each with a feature vector;
 * P(candidate) = softmax(w · x). Fit by Newton's method on the mean log-likelihood with a small
 * ridge penalty. The result is both the weights that combine the signals and their calibration:
 * the fitted probabilities are calibrated on the data they were fit on (a proper scoring rule), so
 * leave-one-out features give honest probabilities for new firms.
 */
export interface ChoiceExample {
  /** Features of each candidate, row-major: candidates × features. */
  features: Float64Array;
  candidates: number;
  /** Index of the chosen (true) candidate. */
  chosen: number;
}

export function softmaxScores(weights: ArrayLike<number>, features: Float64Array, candidates: number): Float64Array {
  const k = weights.length;
  const out = new Float64Array(candidates);
  let max = -Infinity;
  for (let c = 0; c < candidates; c++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += weights[j] * features[c * k + j];
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < candidates; c++) sum += out[c] = Math.exp(out[c] - max);
  for (let c = 0; c < candidates; c++) out[c] /= sum;
  return out;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const d = m[col][col] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / d;
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

export function fitConditionalLogit(examples: ChoiceExample[], featureCount: number, options: { ridge?: number; iterations?: number } = {}): number[] {
  const ridge = options.ridge ?? 1e-3;
  let w = new Array(featureCount).fill(0);
  const objective = (weights: number[]): number => {
    let ll = 0;
    for (const e of examples) ll += Math.log(Math.max(1e-300, softmaxScores(weights, e.features, e.candidates)[e.chosen]));
    return ll / examples.length - (ridge / 2) * weights.reduce((s, x) => s + x * x, 0);
  };
  let current = objective(w);
  for (let it = 0; it < (options.iterations ?? 50); it++) {
    const grad = new Array(featureCount).fill(0);
    const hess = Array.from({ length: featureCount }, () => new Array(featureCount).fill(0));
    for (const e of examples) {
      const p = softmaxScores(w, e.features, e.candidates);
      const mean = new Array(featureCount).fill(0);
      for (let c = 0; c < e.candidates; c++) for (let j = 0; j < featureCount; j++) mean[j] += p[c] * e.features[c * featureCount + j];
      for (let j = 0; j < featureCount; j++) grad[j] += e.features[e.chosen * featureCount + j] - mean[j];
      for (let c = 0; c < e.candidates; c++) {
        if (p[c] < 1e-9) continue;
        for (let j = 0; j < featureCount; j++) {
          const dj = e.features[c * featureCount + j] - mean[j];
          for (let l = j; l < featureCount; l++) hess[j][l] += p[c] * dj * (e.features[c * featureCount + l] - mean[l]);
        }
      }
    }
    const n = examples.length;
    for (let j = 0; j < featureCount; j++) {
      grad[j] = grad[j] / n - ridge * w[j];
      for (let l = j; l < featureCount; l++) hess[j][l] = hess[l][j] = hess[j][l] / n + (j === l ? ridge : 0);
    }
    const step = solve(hess, grad);
    let t = 1;
    let next = w.map((x, j) => x + step[j]);
    let value = objective(next);
    while (value < current && t > 1e-4) {
      t /= 2;
      next = w.map((x, j) => x + t * step[j]);
      value = objective(next);
    }
    if (value < current) break;
    const gain = value - current;
    w = next;
    current = value;
    if (gain < 1e-7) break;
  }
  return w;
}
