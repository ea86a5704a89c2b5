import type { SparseTerms } from './termSpace.ts';

/** One training example of the segment logit: its features (rows of the weight table) and its segments. */
export interface LogitExample {
  features: SparseTerms;
  labels: number[];
  /** The segments its softmax is taken over in training (its labels among them): the ones it could be confused with. */
  contrast: Int32Array;
}

export interface LogitSettings {
  epochs: number;
  /** Step size of the first epoch; epoch e uses rate / (1 + e). */
  rate: number;
  /** The weights start as the segments' centroids times this (0: at zero), so SGD refines a centroid classifier. */
  centroidStart: number;
  seed: number;
}

/** Mulberry32: a small seeded generator, so the same training data gives the same weights on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A multinomial logistic regression from sparse term features to segments, trained by seeded SGD.
 * Unlike a centroid it learns which terms tell segments apart: a term every software firm shares
 * gets no weight between 垂直应用软件 and IT服务Ⅲ, one only the first have does. The softmax of each
 * example is taken over the segments it could be confused with (`contrast`), not all of them: the
 * cost is terms × contrast per example instead of terms × segments, and the confusable segments are
 * the ones that matter. The weights can start at the segments' centroids (`centroidStart`), so a few
 * epochs correct a centroid classifier where it errs instead of learning from nothing on ≈ 7 firms a
 * segment. They are one dense row of segments per feature (features × segments × 4 bytes).
 */
export class SegmentLogit {
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;

  private constructor(
    readonly featureCount: number,
    readonly segmentCount: number,
  ) {
    this.weights = new Float32Array(featureCount * segmentCount);
    this.bias = new Float64Array(segmentCount);
  }

  static train(examples: LogitExample[], featureCount: number, segmentCount: number, settings: LogitSettings): SegmentLogit {
    const m = new SegmentLogit(featureCount, segmentCount);
    const random = seeded(settings.seed);
    const order = examples.map((_, i) => i);
    const S = segmentCount;
    const z = new Float64Array(S);
    const v = new Float64Array(S);
    // Each firm is in the centroid it starts from: its own part of its segments' scores is taken out
    // (as if it were new), else SGD sees its firms already right and learns nothing of the errors.
    const own = settings.centroidStart > 0 ? m.startAtCentroids(examples, settings.centroidStart) : undefined;
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const rate = settings.rate / (1 + epoch);
      for (const n of order) {
        const { features: x, labels, contrast } = examples[n];
        const C = contrast.length;
        // Term by term, so each term's row of weights is read (and written) in one place.
        v.fill(0, 0, C);
        for (let k = 0; k < x.ids.length; k++) {
          const row = x.ids[k] * S;
          const xk = x.values[k];
          for (let c = 0; c < C; c++) v[c] += xk * m.weights[row + contrast[c]];
        }
        let max = -Infinity;
        for (let c = 0; c < C; c++) {
          const s = contrast[c];
          z[c] = m.bias[s] + v[c] - (own && labels.includes(s) ? own[n] : 0);
          if (z[c] > max) max = z[c];
        }
        let sum = 0;
        for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c] - max);
        for (let c = 0; c < C; c++) {
          const s = contrast[c];
          z[c] = z[c] / sum - (labels.includes(s) ? 1 / labels.length : 0);
          m.bias[s] -= rate * z[c];
        }
        for (let k = 0; k < x.ids.length; k++) {
          const row = x.ids[k] * S;
          const a = rate * x.values[k];
          for (let c = 0; c < C; c++) m.weights[row + contrast[c]] -= a * z[c];
        }
      }
    }
    return m;
  }

  /** Weights at `times` × each segment's centroid; returns each example's own share of its segment's score (its first, if several). */
  private startAtCentroids(examples: LogitExample[], times: number): Float64Array {
    const S = this.segmentCount;
    for (const { features: x, labels } of examples) {
      for (const s of labels) for (let k = 0; k < x.ids.length; k++) this.weights[x.ids[k] * S + s] += x.values[k];
    }
    const norm = new Float64Array(S);
    for (let i = 0; i < this.weights.length; i++) norm[i % S] += this.weights[i] ** 2;
    for (let s = 0; s < S; s++) norm[s] = Math.sqrt(norm[s]);
    for (let i = 0; i < this.weights.length; i++) if (norm[i % S] > 0) this.weights[i] *= times / norm[i % S];
    return Float64Array.from(examples, ({ features: x, labels }) => {
      let self = 0;
      for (let k = 0; k < x.values.length; k++) self += x.values[k] ** 2;
      return (times * self) / Math.max(1e-9, norm[labels[0]]);
    });
  }

  /** Log-probability of every segment (softmax over all of them), into `out`. */
  logProbabilities(x: SparseTerms, out: Float64Array): Float64Array {
    const S = this.segmentCount;
    out.set(this.bias);
    for (let k = 0; k < x.ids.length; k++) {
      const row = x.ids[k] * S;
      const v = x.values[k];
      for (let s = 0; s < S; s++) out[s] += v * this.weights[row + s];
    }
    let max = -Infinity;
    for (let s = 0; s < S; s++) if (out[s] > max) max = out[s];
    let sum = 0;
    for (let s = 0; s < S; s++) sum += Math.exp(out[s] - max);
    const norm = max + Math.log(sum);
    for (let s = 0; s < S; s++) out[s] -= norm;
    return out;
  }
}
