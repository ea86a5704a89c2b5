import { topK } from './nearest.ts';
import { column, type LabelledFirm, signalCount } from './signals.ts';
import type { FirmDescription } from './firmTerms.ts';

/**
 * Dense embeddings of the attached firms, centred on their mean and renormalised (e5 cosines are
 * compressed: unrelated products still score 0.84), with each segment's sum. Built only when every
 * attached firm has one, so a deployment without vectors fits exactly the lexical model.
 */
export class DenseSpace {
  private readonly mean: Float32Array;
  private readonly matrix: Float32Array;
  private readonly dimensions: number;
  private readonly sums: Float64Array[];

  private constructor(
    private readonly firms: LabelledFirm[],
    segments: number,
    private readonly neighbourCount: number,
  ) {
    const d = (this.dimensions = firms[0].embedding!.length);
    const mean = (this.mean = new Float32Array(d));
    for (const f of firms) for (let k = 0; k < d; k++) mean[k] += f.embedding![k] / firms.length;
    const matrix = (this.matrix = new Float32Array(firms.length * d));
    firms.forEach((f, i) => matrix.set(centre(f.embedding!, mean), i * d));
    const sums = (this.sums = Array.from({ length: segments }, () => new Float64Array(d)));
    firms.forEach((f, i) => {
      for (const s of f.labels) for (let k = 0; k < d; k++) sums[s][k] += matrix[i * d + k];
    });
  }

  /** The space, or undefined when some attached firm has no embedding (or there are none). */
  static of(firms: LabelledFirm[], segments: number, neighbourCount: number): DenseSpace | undefined {
    return firms.length > 0 && firms.every((f) => f.embedding) ? new DenseSpace(firms, segments, neighbourCount) : undefined;
  }

  /**
   * Meaning rather than characters (机器视觉 ~ 工业相机): the cosine of the firm's embedding to each
   * segment's centroid (without the firm itself, scored as new) and the vote of its nearest
   * attached firms. Zero for a firm without an embedding.
   */
  signals(firm: FirmDescription, self: number | undefined, hidden: ReadonlySet<number> | undefined, values: Float64Array): void {
    const source = self === undefined ? firm.embedding : this.firms[self].embedding;
    if (!source) return;
    const K = signalCount;
    const d = this.dimensions;
    const q = self === undefined ? centre(source, this.mean) : this.matrix.subarray(self * d, self * d + d);
    const own = self === undefined ? [] : this.firms[self].labels;
    for (let s = 0; s < this.sums.length; s++) {
      const sum = this.sums[s];
      const mine = own.includes(s);
      let dotq = 0;
      let norm = 0;
      for (let k = 0; k < d; k++) {
        const v = mine ? sum[k] - q[k] : sum[k];
        dotq += v * q[k];
        norm += v * v;
      }
      values[s * K + column('denseCentroid')] = norm > 1e-9 ? dotq / Math.sqrt(norm) : 0;
    }
    const matrix = this.matrix;
    const sims = new Float64Array(this.firms.length);
    for (let i = 0, row = 0; i < sims.length; i++, row += d) {
      let t = 0;
      for (let k = 0; k < d; k++) t += matrix[row + k] * q[k];
      sims[i] = t;
    }
    if (self !== undefined) sims[self] = 0;
    if (hidden) for (const i of hidden) sims[i] = 0;
    for (const n of topK(sims, this.neighbourCount))
      for (const s of this.firms[n.firm].labels) values[s * K + column('denseNeighbours')] += n.similarity / this.firms[n.firm].labels.length;
  }
}

/** A dense vector minus the training firms' mean, normalised: e5 cosines are compressed around 0.8. */
function centre(v: Float32Array, mean: Float32Array): Float32Array {
  const out = new Float32Array(v.length);
  let n = 0;
  for (let k = 0; k < v.length; k++) n += (out[k] = v[k] - mean[k]) ** 2;
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < v.length; k++) out[k] /= n;
  return out;
}
