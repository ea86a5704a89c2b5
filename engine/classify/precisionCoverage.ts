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

/** What an ordering by confidence is worth, whatever the scale of the confidence (a probability or a raw margin). */
export interface OrderedCoverage {
  /** The largest share of firms whose most confident answers are right at least 90 % of the time. */
  coverageAt90: number;
  /** The share right among the 30 % most confident answers (issue 12's coverage target). */
  precisionAt30: number;
}

export interface PrecisionCoverage extends OrderedCoverage {
  points: CoveragePoint[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function precisionCoverage(answers: { confidence: number; right: boolean }[], thresholds = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]): PrecisionCoverage {
  const n = Math.max(1, answers.length);
  const points = thresholds.map((threshold) => {
    const above = answers.filter((a) => a.confidence >= threshold);
    return { threshold, coverage: r3(above.length / n), precision: r3(above.filter((a) => a.right).length / Math.max(1, above.length)) };
  });
  return { points, ...orderedCoverage(answers) };
}

export function orderedCoverage(answers: { confidence: number; right: boolean }[]): OrderedCoverage {
  const n = Math.max(1, answers.length);
  // Most confident first; the longest prefix still ≥ 90 % right (ties of confidence taken together).
  const sorted = [...answers].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best = 0;
  sorted.forEach((a, i) => {
    right += a.right ? 1 : 0;
    const tieContinues = i + 1 < sorted.length && sorted[i + 1].confidence === a.confidence;
    if (!tieContinues && right >= 0.9 * (i + 1)) best = i + 1;
  });
  const top = sorted.slice(0, Math.max(1, Math.round(0.3 * sorted.length)));
  return { coverageAt90: r3(best / n), precisionAt30: r3(top.filter((a) => a.right).length / top.length) };
}
