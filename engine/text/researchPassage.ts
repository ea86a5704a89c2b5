import type { DenseDocument } from './meaningScorer.ts';
import { topicText, type TopicContext } from './topicContext.ts';

/**
 * What a research unit works on, as one passage for the dense provider: its name and research topics.
 * Its description is left out on purpose: in the seed it is mostly provenance ("据文章", party
 * pairings, "演示用假设"), which moves an embedding without saying what the unit can do
 * (docs/evaluation.md, "Free-text needs → research units").
 */
export function researchPassage(unit: { name: string; topics: readonly string[] }): string {
  return `${unit.name}：${unit.topics.join('、')}`;
}

/**
 * What pairing's gate by meaning reads for a unit: "研究方向：<topics>" without the unit's name (the
 * names carry the city and university, "南京…", which lifted "明天南京会不会下雨" above the gate's
 * threshold), and each topic on its own with the segments that need it (engine/text/meaningScorer.ts,
 * engine/text/topicContext.ts).
 */
export function topicsPassage(unit: { topics: readonly string[] }, context: TopicContext | undefined): DenseDocument {
  return { passage: `研究方向：${unit.topics.join('、')}`, topics: unit.topics.map((t) => topicText(t, context)) };
}

/** The same for a talent: "研究专长：<expertise>" and each expertise topic on its own, with its segments. */
export function expertisePassage(talent: { expertise: readonly string[] }, context: TopicContext | undefined): DenseDocument {
  return { passage: `研究专长：${talent.expertise.join('、')}`, topics: talent.expertise.map((t) => topicText(t, context)) };
}
