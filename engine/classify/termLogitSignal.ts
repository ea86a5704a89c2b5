import { termLogit } from '../config/attachment.ts';
import { topK } from './nearest.ts';
import { type LogitExample, SegmentLogit } from './segmentLogit.ts';
import type { LabelledFirm } from './signals.ts';
import type { SparseTerms } from './termSpace.ts';
import type { View, ViewName } from './termViews.ts';

const viewOrder: ViewName[] = ['grams', 'words', 'products', 'name'];

/**
 * The signal termLogit: the log-probability of each segment under a linear model trained to tell the
 * attached firms' segments apart from their terms (all four TF-IDF views side by side). The other
 * signals are similarities; this one has learned which terms matter between two segments.
 *
 * The conditional logit weighs the signals on firms scored as new, so a firm of its fit sample must
 * be scored by a model that never saw it: the sample is cross-fitted (K models, each trained without
 * one K-th of it, `crossFit`), and a new firm is scored by the model trained on every attached firm.
 * An attached firm scored as new outside the sample gets no value (zeros): nothing honest to give.
 */
export class TermLogitSignal {
  /** Per view: term id → feature row, or −1 for a term fewer than two documents hold (it cannot generalise). */
  private readonly rowOf: Record<ViewName, Int32Array>;
  private readonly full?: SegmentLogit;
  private readonly crossFitted = new Map<number, Float32Array>();
  private readonly scratch: Float64Array;

  constructor(
    private readonly view: Record<ViewName, View>,
    firms: LabelledFirm[],
    private readonly segmentCount: number,
    crossFit: number[] = [],
  ) {
    // The weight table has a row of segments per term: above `maxFeatures` terms only the most frequent keep one.
    const kept = viewOrder.flatMap((name) => view[name].space.documentFrequency.flatMap((df, id) => (df >= 2 ? [{ name, id, df }] : [])));
    kept.sort((a, b) => b.df - a.df);
    const rowOf = Object.fromEntries(viewOrder.map((name) => [name, new Int32Array(view[name].space.size).fill(-1)])) as Record<ViewName, Int32Array>;
    const rows = Math.min(kept.length, termLogit.maxFeatures);
    kept.slice(0, rows).forEach((t, row) => (rowOf[t.name][t.id] = row));
    this.rowOf = rowOf;
    this.scratch = new Float64Array(segmentCount);
    if (firms.length < 2) return;
    const examples = firms.map((f, i) => this.example(f, i));
    const settings = { epochs: termLogit.epochs, rate: termLogit.rate, centroidStart: termLogit.centroidStart, seed: termLogit.seed };
    const folds = Math.min(termLogit.folds, crossFit.length);
    for (let k = 0; k < folds; k++) {
      const out = new Set(crossFit.filter((_, n) => n % folds === k));
      const model = SegmentLogit.train(
        examples.filter((_, i) => !out.has(i)),
        rows,
        segmentCount,
        settings,
      );
      for (const i of out) this.crossFitted.set(i, this.floored(model.logProbabilities(examples[i].features, this.scratch)));
    }
    this.full = SegmentLogit.train(examples, rows, segmentCount, settings);
  }

  /** Into `values` (segments × signals): the log-probability of each segment, at `column`. */
  signal(self: number | undefined, query: Record<ViewName, SparseTerms>, values: Float64Array, signals: number, column: number): void {
    let scores: ArrayLike<number> | undefined;
    if (self !== undefined) scores = this.crossFitted.get(self);
    else if (this.full) scores = this.floored(this.full.logProbabilities(this.features(query), this.scratch));
    if (!scores) return;
    for (let s = 0; s < this.segmentCount; s++) values[s * signals + column] = scores[s];
  }

  private floored(logP: Float64Array): Float32Array {
    return Float32Array.from(logP, (v) => Math.max(termLogit.floor, v));
  }

  /** The firm's views side by side, each L2-normalised as stored: one feature vector over every view's terms. */
  private features(q: Record<ViewName, SparseTerms>): SparseTerms {
    const ids: number[] = [];
    const values: number[] = [];
    for (const name of viewOrder) {
      const v = q[name];
      const weight = termLogit.viewWeights[name];
      for (let k = 0; k < v.ids.length; k++) {
        const row = this.rowOf[name][v.ids[k]];
        if (row >= 0) {
          ids.push(row);
          values.push(v.values[k] * weight);
        }
      }
    }
    return { ids: Int32Array.from(ids), values: Float32Array.from(values) };
  }

  /** A training firm as new (its own-only terms out), with the segments its n-gram centroid is nearest to as contrast. */
  private example(firm: LabelledFirm, i: number): LogitExample {
    const q = { grams: this.view.grams.asNew[i], words: this.view.words.asNew[i], products: this.view.products.asNew[i], name: this.view.name.asNew[i] };
    const near = topK(this.view.grams.centroidIndex.dots(q.grams, this.scratch), termLogit.contrast).map((n) => n.firm);
    const contrast = Int32Array.from(new Set([...firm.labels, ...near]));
    return { features: this.features(q), labels: firm.labels, contrast };
  }
}
