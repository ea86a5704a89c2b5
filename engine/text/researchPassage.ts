import type { ResearchUnitProfile } from '../match/pairing/researchCatalog.ts';

/**
 * What a research unit works on, as one passage for the dense provider: its name and research topics.
 * Its description is left out on purpose: in the seed it is mostly provenance ("据文章", party
 * pairings, "演示用假设"), which moves an embedding without saying what the unit can do
 * (docs/evaluation.md, "Free-text needs → research units").
 */
export function researchPassage(unit: Pick<ResearchUnitProfile, 'name' | 'topics'>): string {
  return `${unit.name}：${unit.topics.join('、')}`;
}

/**
 * The same without the unit's name, for the pairing gate by meaning: the names carry the city and
 * university ("南京…"), which lifted "明天南京会不会下雨" above the gate's cosine threshold.
 */
export function topicsPassage(unit: Pick<ResearchUnitProfile, 'topics'>): string {
  return `研究方向：${unit.topics.join('、')}`;
}
