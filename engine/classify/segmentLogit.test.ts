import { describe, expect, it } from 'vitest';
import { type LogitExample, SegmentLogit } from './segmentLogit.ts';

// Three terms: 0 shared by both segments (软件), 1 only in segment 0's firms (政务), 2 only in segment 1's (运维).
const terms = (pairs: [number, number][]) => {
  const norm = Math.hypot(...pairs.map(([, v]) => v));
  return { ids: Int32Array.from(pairs, ([id]) => id), values: Float32Array.from(pairs, ([, v]) => v / norm) };
};
const both = Int32Array.of(0, 1);
const examples: LogitExample[] = [
  ...[0.2, 0.3, 0.4].map((w) => ({
    features: terms([
      [0, 1],
      [1, w],
    ]),
    labels: [0],
    contrast: both,
  })),
  ...[0.2, 0.3, 0.4].map((w) => ({
    features: terms([
      [0, 1],
      [2, w],
    ]),
    labels: [1],
    contrast: both,
  })),
];
const settings = { epochs: 20, rate: 0.5, l2: 0, centroidStart: 0, seed: 7 };

describe('the segment logit (a linear model that tells segments apart by their terms)', () => {
  it('learns the term that separates two segments, not the one they share', () => {
    const model = SegmentLogit.train(examples, 3, 2, settings);
    const [a, b] = model.logProbabilities(
      terms([
        [0, 1],
        [2, 0.25],
      ]),
      new Float64Array(2),
    );
    expect(b).toBeGreaterThan(a);
    expect(Math.exp(a) + Math.exp(b)).toBeCloseTo(1, 6);
    const [a2, b2] = model.logProbabilities(
      terms([
        [0, 1],
        [1, 0.25],
      ]),
      new Float64Array(2),
    );
    expect(a2).toBeGreaterThan(b2);
  });

  it('gives the same weights for the same seed (seeded SGD), others for another order of the examples', () => {
    const query = terms([
      [0, 1],
      [1, 0.1],
      [2, 0.1],
    ]);
    const run = (seed: number) => Array.from(SegmentLogit.train(examples, 3, 2, { ...settings, epochs: 1, seed }).logProbabilities(query, new Float64Array(2)));
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('started at the centroids, scores a firm before any step as the centroid cosine does (times the start)', () => {
    const model = SegmentLogit.train(examples, 3, 2, { ...settings, epochs: 0, centroidStart: 10 });
    const query = terms([
      [0, 1],
      [1, 0.3],
    ]);
    const [a, b] = model.logProbabilities(query, new Float64Array(2));
    expect(a).toBeGreaterThan(b);
    // log p0 − log p1 = 10 × (cos to centroid 0 − cos to centroid 1)
    const centroid = (label: number) => {
      const sum = new Float64Array(3);
      for (const e of examples.filter((x) => x.labels[0] === label)) e.features.ids.forEach((id, k) => (sum[id] += e.features.values[k]));
      const n = Math.hypot(...sum);
      return query.ids.reduce((s, id, k) => s + (query.values[k] * sum[id]) / n, 0);
    };
    expect(a - b).toBeCloseTo(10 * (centroid(0) - centroid(1)), 4);
  });

  it('trains each firm as if new: a firm alone in its segment is not already right by its own centroid', () => {
    // Segment 1 holds one firm, known by a term no other firm has; segment 0 three firms of another term.
    // Started at the centroids, the lone firm scores 20 for its own segment only because it IS that
    // centroid. With its own share taken out it looks new (0 against 0), so SGD corrects towards it; left
    // in, it is right with p ≈ 1 and SGD learns nothing (issue 12: without the step, every test was green).
    const lone: LogitExample[] = [
      ...[1, 2, 3].map(() => ({ features: terms([[0, 1]]), labels: [0], contrast: both })),
      { features: terms([[2, 1]]), labels: [1], contrast: both },
    ];
    const margin = (epochs: number) => {
      const [a, b] = SegmentLogit.train(lone, 3, 2, { ...settings, epochs, centroidStart: 20 }).logProbabilities(terms([[2, 1]]), new Float64Array(2));
      return b - a;
    };
    expect(margin(0)).toBeCloseTo(20, 4);
    expect(margin(2) - margin(0)).toBeGreaterThan(0.5);
  });
});
