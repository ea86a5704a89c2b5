import { attachmentModel, priorSignalWeights } from '../config/attachment.ts';
import { AttachmentModel, type LabelledFirm, type Neighbour, type SegmentWords, signalNames, type SignalTable } from './attachmentModel.ts';
import { type ChoiceExample, fitConditionalLogit, softmaxScores } from './conditionalLogit.ts';
import type { FirmDescription } from './firmTerms.ts';
import { seededOrder } from './firmFolds.ts';
import { applyIsotonic, applyScaling, fitIsotonic, fitPlatt, identityScaling, type IsotonicMap, type PlattScaling } from './logisticCalibration.ts';

export interface RankedSegment {
  segment: number;
  /** Calibrated probability that this segment is the firm's. */
  probability: number;
  /** The fitted linear score (softmax input). */
  score: number;
  /** The raw signal values, in `signalNames` order. */
  signals: number[];
}

export interface Ranking {
  items: RankedSegment[];
  neighbours: Neighbour[];
}

const K = signalNames.length;
const priorWeights = signalNames.map((s) => priorSignalWeights[s]);

/** The candidate segments worth re-scoring: best by the prior weights, only among `allowed`. */
function candidates(values: Float64Array, segments: number, limit: number, force?: number): number[] {
  const order: [number, number][] = [];
  for (let s = 0; s < segments; s++) {
    let t = 0;
    for (let j = 0; j < K; j++) t += priorWeights[j] * values[s * K + j];
    order.push([s, t]);
  }
  order.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const picked = order.slice(0, limit).map(([s]) => s);
  if (force !== undefined && !picked.includes(force)) picked[picked.length - 1] = force;
  return picked;
}

/**
 * Feature rows of the candidates, plus a last row for "none of these segments": zero signals and a
 * bias column of its own, so the fit learns how strong the evidence must be before any segment of
 * the scope is likely (from firms outside the scope, when the graph has some).
 */
const F = K + 1;
function featureRows(values: Float64Array, segments: number[]): Float64Array {
  const f = new Float64Array((segments.length + 1) * F);
  segments.forEach((s, c) => f.set(values.subarray(s * K, s * K + K), c * F));
  f[segments.length * F + K] = 1;
  return f;
}

/**
 * Attachment learned from the graph it serves. The attached firms are the training data: each is
 * scored leave-one-out (as if new), a conditional logit over its candidate segments fits the signal
 * weights by maximum likelihood, and Platt scaling on the same leave-one-out answers makes the top
 * probability honest. Nothing here is set by hand but the candidate count and the thresholds.
 */
export class AttachmentClassifier {
  private constructor(
    readonly model: AttachmentModel,
    readonly weights: number[],
    readonly calibration: PlattScaling,
    readonly isotonic: IsotonicMap | undefined,
    /** False when too few attached firms: the weights are the prior ones and nothing is calibrated. */
    readonly fitted: boolean,
  ) {}

  /**
   * `outsiders`: firms of the graph placed in segments outside this scope; scored against the scope,
   * their right answer is "none of these", which teaches the model to say so.
   */
  static train(firms: LabelledFirm[], segments: SegmentWords[], outsiders: FirmDescription[] = []): AttachmentClassifier {
    const indexOf = new Map(firms.map((f, i) => [f, i]));
    const sample = seededOrder(firms, attachmentModel.seed).slice(0, attachmentModel.fitSample);
    const fits = firms.length >= attachmentModel.minTrainingFirms;
    const model = new AttachmentModel(firms, segments, attachmentModel.neighbours, fits ? sample.map((f) => indexOf.get(f)!) : []);
    if (!fits) return new AttachmentClassifier(model, [...priorWeights, -Infinity], identityScaling, undefined, false);
    const examples: (ChoiceExample & { segments: number[] })[] = [];
    for (const firm of sample) {
      const i = indexOf.get(firm)!;
      const { values } = model.signals(firm, i);
      const truth = firm.labels[0];
      const picked = candidates(values, segments.length, attachmentModel.candidates, truth);
      examples.push({ features: featureRows(values, picked), candidates: picked.length + 1, chosen: picked.indexOf(truth), segments: picked });
    }
    const outside = seededOrder(
      outsiders.map((f, i) => ({ ...f, id: `${i}` })),
      attachmentModel.seed,
    ).slice(0, attachmentModel.outsiders);
    for (const firm of outside) {
      const { values } = model.signals(firm);
      const picked = candidates(values, segments.length, attachmentModel.candidates);
      examples.push({ features: featureRows(values, picked), candidates: picked.length + 1, chosen: picked.length, segments: picked });
    }
    const weights = fitConditionalLogit(examples, F, { ridge: attachmentModel.ridge });
    // Calibrate the top answer as the engine will give it: the best candidate, right or not.
    const pairs = examples.map((e, n) => {
      const p = softmaxScores(weights, e.features, e.candidates);
      let best = 0;
      for (let c = 1; c < e.segments.length; c++) if (p[c] > p[best]) best = c;
      return { p: p[best], right: n < sample.length && sample[n].labels.includes(e.segments[best]) };
    });
    const platt = fitPlatt(pairs);
    const isotonic = fitIsotonic(pairs.map((x) => ({ p: applyScaling(platt, x.p), right: x.right })));
    return new AttachmentClassifier(model, weights, platt, isotonic, true);
  }

  /** Segments ranked for a firm; `allowed` restricts them (a chain scope). */
  rank(firm: FirmDescription, options: { limit: number; allowed?: (segment: number) => boolean; hidden?: ReadonlySet<number> }): Ranking {
    return this.rankSignals(this.model.signals(firm, undefined, options.hidden), options);
  }

  /** The same from the firm's signals, computed beforehand (`AttachmentModel.signals`, `addDenseSignals`). */
  rankSignals({ values, neighbours }: SignalTable, options: { limit: number; allowed?: (segment: number) => boolean }): Ranking {
    const S = this.model.segmentCount;
    let pool = Array.from({ length: S }, (_, s) => s);
    if (options.allowed) pool = pool.filter(options.allowed);
    const scoped = new Float64Array(pool.length * K);
    pool.forEach((s, c) => scoped.set(values.subarray(s * K, s * K + K), c * K));
    const picked = candidates(scoped, pool.length, attachmentModel.candidates).map((c) => pool[c]);
    const rows = featureRows(values, picked);
    const p = this.fitted
      ? softmaxScores(this.weights, rows, picked.length + 1)
      : softmaxScores(
          this.weights.slice(0, K),
          rows.filter((_, i) => i % F < K),
          picked.length,
        );
    const items = picked.map((segment, c) => {
      let score = 0;
      for (let j = 0; j < K; j++) score += this.weights[j] * rows[c * F + j];
      return {
        segment,
        probability: applyIsotonic(this.isotonic, applyScaling(this.calibration, p[c])),
        score,
        signals: Array.from(rows.subarray(c * F, c * F + K)),
      };
    });
    items.sort((a, b) => b.score - a.score || a.segment - b.segment);
    return { items: items.slice(0, options.limit), neighbours };
  }
}
