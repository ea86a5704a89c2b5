/**
 * The confidence labels a match carries (Explanation.confidence): how much evidence stands behind it.
 * Defined here, beside the thresholds that give them (confidenceThresholds, resourceConfidence), rather
 * than with the matchers' explanation type: config/ is read by every folder that scores, so a label that
 * lived in match/ tied config/ back to match/ in a folder cycle (engine/dependencyDirection.test.ts).
 */
import { talentLevelValues } from './talent.ts';

export const confidenceLevels = ['strong', 'medium', 'weak'] as const;

export type Confidence = (typeof confidenceLevels)[number];

/**
 * How much evidence stands behind a match (Explanation.confidence), per matcher; below `medium` a match
 * is weak. Signal values are the 0–1 values of the signals named (docs/matching.md).
 * - 强链/补链/延链 partner: strong when it sits in the segment by the graph (fit ≥ strong.fit) and already
 *   supplies local firms or has an introduction channel (channel ≥ strong.channel: a shared alliance or a
 *   paired party organisation, not only a common university partner); medium when it fits at least
 *   partially (fit ≥ medium.fit) and supplies local firms or has a measured role for them (buyers,
 *   adjacency, concentration or outside relief ≥ medium.role).
 * - School–enterprise pair: strong when one of the need's topics is covered whole and the pair has past
 *   cooperation, a channel, or a researcher of national level or above (talent ≥ strong.talent); medium
 *   when a topic is covered whole.
 * - Talent: strong when a topic is covered whole and the talent's unit already cooperates with the firm or
 *   the talent is of provincial level or above (level value ≥ strong.level); medium when a topic is covered whole.
 */
export const confidenceThresholds = {
  partner: { strong: { fit: 0.5, channel: 0.7 }, medium: { fit: 0.3, role: 0.5 } },
  pairing: { strong: { talent: talentLevelValues.national } },
  talent: { strong: { level: talentLevelValues.provincial } },
} satisfies Record<string, Partial<Record<Exclude<Confidence, 'weak'>, Record<string, number>>>>;

/** Confidence labels of a resource match: strong ≥ 0.7 with a relationship behind it, medium ≥ 0.5. */
export const resourceConfidence = { strong: 0.7, medium: 0.5 };
