/**
 * The explanation every recommendation carries (docs/design.md: "score per signal and the graph paths
 * behind it"). Shared by the partner, pairing, talent and resource matchers.
 */
import { round } from '../core/round.ts';
import type { Confidence } from '../config/scoring/confidence.ts';
import type { Message } from '../contracts/messages/message.ts';
import { detailOf, type SignalDetail } from '../i18n/signalDetail.ts';

// The matchers import round from here with the rest of the explanation helpers.
export { round };

export interface PathNode {
  id: string;
  label: string;
  name: string;
  /** The English name where the data has one (chains and segments), so a picture of the path reads in English too. */
  nameEn?: string;
}

/** A relationship as stored: `from` and `to` follow its direction in the graph. */
export interface PathRelationship {
  type: string;
  from: string;
  to: string;
}

export interface GraphPath {
  /** Which signal the path supports, e.g. "membership", "connectivity", "tie", "channel". */
  signal: string;
  nodes: PathNode[];
  relationships: PathRelationship[];
}

export interface SignalScore {
  signal: string;
  /** Normalised to 0–1. */
  value: number;
  weight: number;
  /** value × weight: the signal's share of the total score. */
  contribution: number;
  /** What was counted, in words (Chinese), e.g. "可向 3 家本地企业供货". */
  detail: string;
  /** The same as catalogue messages, to render in the user's language (absent where only text is known). */
  detailParts?: Message[];
}

// The labels live with the thresholds that give them (config/); re-exported for the matchers.
export type { Confidence };

export interface Explanation {
  signals: SignalScore[];
  paths: GraphPath[];
  confidence: Confidence;
  /** One line in Chinese. */
  reason: string;
  /** The line's clauses as catalogue messages, to render in the user's language. */
  reasonParts?: Message[];
}

export function weighSignals(
  values: Record<string, { value: number; detail: SignalDetail }>,
  weights: Record<string, number>,
): { total: number; signals: SignalScore[] } {
  const signals = Object.entries(weights).map(([signal, weight]) => {
    const v = values[signal] ?? { value: 0, detail: '' };
    const value = Math.min(1, Math.max(0, v.value));
    return { signal, value: round(value), weight, contribution: round(value * weight), ...detailOf(v.detail) };
  });
  return { total: round(signals.reduce((s, x) => s + x.value * x.weight, 0)), signals };
}

/** weighSignals' total without the signal list: for ranking thousands before explaining a few. */
export function weightedTotal(values: Record<string, number>, weights: Record<string, number>): number {
  let total = 0;
  for (const [signal, weight] of Object.entries(weights)) total += round(Math.min(1, Math.max(0, values[signal] ?? 0))) * weight;
  return round(total);
}

/** A count that saturates: 0 → 0, k → 0.63, 3k → 0.95; never decreases as n grows. */
export function saturate(n: number, k: number): number {
  return n <= 0 ? 0 : 1 - Math.exp(-n / k);
}
