/**
 * The confidence labels a match carries (Explanation.confidence): how much evidence stands behind it.
 * Defined here, beside the thresholds that give them (confidenceThresholds, resourceConfidence), rather
 * than with the matchers' explanation type: config/ is read by every folder that scores, so a label that
 * lived in match/ tied config/ back to match/ in a folder cycle (engine/dependencyDirection.test.ts).
 */
export const confidenceLevels = ['strong', 'medium', 'weak'] as const;

export type Confidence = (typeof confidenceLevels)[number];
