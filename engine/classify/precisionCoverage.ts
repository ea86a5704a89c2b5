/**
 * How many firms could be attached without a person, and how often rightly, at each confidence
 * threshold: the curve behind the `attach` threshold (issue 12 asks for 90 % right at 30 % coverage).
 */
export interface CoveragePoint {
  /** Answers at or above this confidence would be attached. */
  threshold: number;
  /** Share of all firms they cover. */
  coverage: number;
  /** Share of them that are right. */
  precision: number;
}

export interface PrecisionCoverage {
  points: CoveragePoint[];
  /** The largest share of firms whose most confident answers are right at least 90 % of the time. */
  coverageAt90: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function precisionCoverage(answers: { confidence: number; right: boolean }[], thresholds = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]): PrecisionCoverage {
  const n = Math.max(1, answers.length);
  const points = thresholds.map((threshold) => {
    const above = answers.filter((a) => a.confidence >= threshold);
    return { threshold, coverage: r3(above.length / n), precision: r3(above.filter((a) => a.right).length / Math.max(1, above.length)) };
  });
  // Most confident first; the longest prefix still ≥ 90 % right (ties of confidence taken together).
  const sorted = [...answers].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best = 0;
  sorted.forEach((a, i) => {
    right += a.right ? 1 : 0;
    const tieContinues = i + 1 < sorted.length && sorted[i + 1].confidence === a.confidence;
    if (!tieContinues && right >= 0.9 * (i + 1)) best = i + 1;
  });
  return { points, coverageAt90: r3(best / n) };
}
