import { relevanceGate, talentLevelValues } from '../../config/scoring.ts';
import { oncePer } from '../../core/oncePer.ts';
import type { Researcher, ResearchCatalog, ResearchUnitProfile } from './researchCatalog.ts';
import type { NeedTerms, TopicVocabulary } from './topicEvidence.ts';
import { groupByTopic } from './topicGate.ts';

/** Researchers by expertise topic, best carrier first: the highest level value, then the lowest id. */
type TopicExperts = Map<string, Researcher[]>;

const levelValue = (r: Researcher) => talentLevelValues[r.level] ?? 0;

function topicExperts(researchers: Researcher[]): TopicExperts {
  const byTopic = groupByTopic(researchers, (r) => r.expertise);
  for (const list of byTopic.values()) list.sort((a, b) => levelValue(b) - levelValue(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byTopic;
}

/**
 * Who may carry a pair, looked up by topic rather than by scanning a unit's researchers. A unit's
 * researchers include every researcher of its university (university-wide experts may carry its
 * pairs): at 1,000,000 firms that is ~450 per unit, so the scan of carrierOf cost a third of a
 * pairing request. The university's share is indexed once and shared by its units; a unit whose
 * researchers are not its own plus its university's, as the catalog builds them, is not indexed.
 */
export class ExpertIndex {
  private readonly groups = new Map<string, TopicExperts[]>();

  constructor(catalog: ResearchCatalog) {
    const byUniversity = new Map<string, { researchers: Researcher[]; experts: TopicExperts }>();
    for (const unit of catalog.units) {
      const own = unit.researchers.filter((r) => r.affiliation?.id === unit.id);
      const wide = unit.researchers.filter((r) => r.affiliation?.id !== unit.id);
      const universityId = unit.university?.id;
      if (wide.length === 0) {
        this.groups.set(unit.id, [topicExperts(own)]);
        continue;
      }
      if (!universityId || !wide.every((r) => r.affiliation?.label === 'University' && r.affiliation.id === universityId)) continue;
      let shared = byUniversity.get(universityId);
      if (!shared) byUniversity.set(universityId, (shared = { researchers: wide, experts: topicExperts(wide) }));
      // The same researchers, the same objects: otherwise the shared index would not be this unit's.
      if (shared.researchers.length !== wide.length || shared.researchers.some((r, i) => r !== wide[i])) continue;
      this.groups.set(unit.id, [topicExperts(own), shared.experts]);
    }
  }

  /**
   * The researcher carrierOf's scan would pick — among those whose expertise the need covers at the
   * gate and who are not `excluded`, the best coverage plus level value, ties to the lowest id — with
   * the topic it picks for them (the first of their expertise reaching that value). Undefined when no
   * one qualifies; null when the unit is not indexed (scan instead).
   */
  bestCarrier(
    vocab: TopicVocabulary,
    need: NeedTerms,
    unit: ResearchUnitProfile,
    excluded: ReadonlySet<string>,
  ): { researcher: Researcher; topic: string } | undefined | null {
    const groups = this.groups.get(unit.id);
    if (!groups) return null;
    let best: { r: Researcher; value: number } | undefined;
    for (const experts of groups) {
      for (const [topic, list] of experts) {
        const coverage = vocab.coverage(need, topic);
        if (coverage < relevanceGate.minTopicCoverage) continue;
        const r = list.find((x) => !excluded.has(x.id));
        if (!r) continue;
        const value = coverage + levelValue(r);
        if (!best || value > best.value || (value === best.value && r.id < best.r.id)) best = { r, value };
      }
    }
    if (!best) return undefined;
    const { r, value } = best;
    const topic = r.expertise.find((t) => {
      const coverage = vocab.coverage(need, t);
      return coverage >= relevanceGate.minTopicCoverage && coverage + levelValue(r) === value;
    })!;
    return { researcher: r, topic };
  }
}

export const expertIndexOf = oncePer((catalog: ResearchCatalog) => new ExpertIndex(catalog));
