import { describe, expect, it } from 'vitest';
import { orderedCoverage, precisionCoverage } from './precisionCoverage.ts';

describe('precision and coverage of automatic attachment by threshold', () => {
  // 20 answers: the 10 most confident all right, then right and wrong alternate.
  const answers = Array.from({ length: 20 }, (_, i) => ({ confidence: 1 - i / 20, right: i < 10 || i % 2 === 0 }));

  it('counts the share covered and the share right at each threshold', () => {
    const { points } = precisionCoverage(answers, [0.9, 0.5]);
    expect(points[0]).toEqual({ threshold: 0.9, coverage: 0.15, precision: 1 });
    // Answers 0–10 (confidence ≥ 0.5): the ten right ones and i = 10 (right).
    expect(points[1]).toEqual({ threshold: 0.5, coverage: 0.55, precision: 1 });
  });

  it('finds the largest coverage still right 90 % of the time', () => {
    // Prefix of 14: 12 right (0–10, 12) → 85.7 %; of 13: 12 / 13 = 92.3 %; of 15: 13 / 15 = 86.7 %.
    expect(precisionCoverage(answers).coverageAt90).toBe(0.65);
  });

  it('reads the share right among the 30 % most confident, whatever scale the confidence has', () => {
    // The 6 most confident of 20 are all right; with every other answer wrong from the start, 3 of 6.
    expect(orderedCoverage(answers).precisionAt30).toBe(1);
    const alternating = answers.map((a, i) => ({ confidence: a.confidence * 7 - 3, right: i % 2 === 0 }));
    expect(orderedCoverage(alternating)).toEqual({ coverageAt90: 0.05, precisionAt30: 0.5 });
  });

  it('does not split answers of equal confidence', () => {
    const tied = [
      { confidence: 0.9, right: true },
      { confidence: 0.8, right: true },
      { confidence: 0.8, right: false },
      { confidence: 0.8, right: false },
    ];
    expect(precisionCoverage(tied).coverageAt90).toBe(0.25);
  });
});
