import { confidenceThresholds } from '../../config/scoring.ts';
import type { Explanation } from '../explanation.ts';
import type { Message } from '../../contracts/messages/message.ts';
import { say } from '../../i18n/say.ts';
import { meaningParams, type NeedSide, type PairCarrier } from './pairSignals.ts';
import type { ResearchUnitProfile } from './researchCatalog.ts';
import type { MeaningEvidence } from './meaningEvidence.ts';
import { matchedTerms, type TopicMatch } from './topicEvidence.ts';

// How a pair is explained to its reader: how sure the engine is of it, and why it was proposed.

/** Thresholds and their meaning: confidenceThresholds.pairing (config/scoring.ts). */
export function pairConfidence(matches: TopicMatch[], signals: Explanation['signals']): Explanation['confidence'] {
  const v = (n: string) => signals.find((s) => s.signal === n)?.value ?? 0;
  const whole = matches.some((m) => m.coverage === 1);
  if (whole && (v('cooperation') > 0 || v('channel') > 0 || v('talent') >= confidenceThresholds.pairing.strong.talent)) return 'strong';
  return whole ? 'medium' : 'weak';
}

/** The reason's clauses: who ↔ whom, then the topic, words, meaning, contact and the signals that scored. */
export function pairReason(
  need: NeedSide,
  unit: ResearchUnitProfile,
  carrier: PairCarrier,
  signals: Explanation['signals'],
  matches: TopicMatch[],
  meaning?: MeaningEvidence,
): Message[] {
  const scored = (n: string) => signals.find((s) => s.signal === n && s.value > 0)?.detailParts ?? [];
  const parts = [
    need.profile ? say('pair.pairHead', { unit: unit.name, firm: need.profile.name }) : say('pair.unitHead', { unit: unit.name }),
    carrier.topic ? say('pair.aroundTopic', { topic: carrier.topic }) : say('pair.closeResearch'),
  ];
  const words = matchedTerms(matches);
  if (words.length > 0 && !need.profile) parts.push(say('pair.hitWords', { words }));
  if (meaning?.passes) parts.push(say('pair.meaning', { topics: unit.topics.slice(0, 3), ...meaningParams(meaning) }));
  if (carrier.researcher) parts.push(say('pair.contact', { researcher: carrier.researcher.name, title: carrier.researcher.title }));
  if (carrier.displaced) parts.push(say('pair.displaced', { researcher: carrier.displaced.researcher, cap: carrier.displaced.cap }));
  parts.push(...scored('cooperation'), ...scored('channel'), ...scored('proximity'));
  return parts;
}
