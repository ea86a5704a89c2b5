import { sharedTopicSaturation, talentLevelValues, talentWeights } from '../../config/scoring.ts';
import { InvalidInputError, NotFoundError } from '../../errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { saturate, weighSignals, weightedTotal, type Explanation, type GraphPath, type PathNode } from '../explanation.ts';
import { enterpriseText, relevanceOf } from '../pairing/pairSignals.ts';
import { loadEnterpriseProfiles, type EnterpriseProfile, type Researcher, type ResearchCatalog } from '../pairing/researchCatalog.ts';
import { oncePer } from '../../oncePer.ts';

export interface TalentRequest {
  enterpriseId?: string;
  text?: string;
  limit: number;
  filters?: { levels?: string[] };
}

export interface TalentMatch {
  talent: Pick<Researcher, 'id' | 'name' | 'title' | 'level' | 'honours' | 'expertise' | 'affiliation'>;
  score: number;
  /** The topic of the enterprise's needs the talent is expert in, when there is one. */
  topic: string | null;
  explanation: Explanation;
}

const levelLabels: Record<string, string> = { laureate: '诺贝尔奖/图灵奖获得者', academician: '两院院士', national: '国家级人才', provincial: '省级人才', municipal: '市级人才', district: '区级人才', other: '研究人员' };

/** A talent's text, built once per catalog entry: every request scores all of them (~11k at 100k). */
const talentText = oncePer((t: Researcher) => [t.title, ...t.expertise, t.description].join(' '));

function talentPaths(e: EnterpriseProfile | null, t: Researcher, topic: string | null, catalogUnits: Set<string>): GraphPath[] {
  const tn: PathNode = { id: t.id, label: 'Talent', name: t.name };
  const paths: GraphPath[] = [];
  if (topic) {
    const topicNode: PathNode = { id: `topic:${topic}`, label: 'Topic', name: topic };
    const en: PathNode | null = e ? { id: e.id, label: 'Enterprise', name: e.name } : null;
    paths.push({
      signal: 'topics',
      nodes: en ? [en, topicNode, tn] : [topicNode, tn],
      relationships: [...(en ? [{ type: 'NEEDS_TECH', from: en.id, to: topicNode.id }] : []), { type: 'EXPERT_IN', from: tn.id, to: topicNode.id }],
    });
  }
  if (t.affiliation) {
    const an: PathNode = { id: t.affiliation.id, label: t.affiliation.label, name: t.affiliation.name };
    const cooperates = e && catalogUnits.has(an.id) && e.partners.includes(an.id);
    paths.push(
      cooperates && e
        ? { signal: 'cooperation', nodes: [tn, an, { id: e.id, label: 'Enterprise', name: e.name }], relationships: [{ type: 'AFFILIATED_WITH', from: tn.id, to: an.id }, { type: 'COOPERATES_WITH', from: e.id, to: an.id }] }
        : { signal: 'level', nodes: [tn, an], relationships: [{ type: 'AFFILIATED_WITH', from: tn.id, to: an.id }] },
    );
  }
  return paths;
}

/** Talents (with affiliation, honours and expertise) ranked for an enterprise's needs or a need in words. */
export async function rankTalent(graph: Graph, catalog: ResearchCatalog, similarity: TextSimilarity, request: TalentRequest): Promise<{ items: TalentMatch[]; textProvider: TextSimilarity['provider'] }> {
  if ((request.enterpriseId === undefined) === (request.text === undefined)) {
    throw new InvalidInputError('give exactly one of enterpriseId or text', [{ path: 'body', message: 'exactly one of enterpriseId, text' }]);
  }
  let profile: EnterpriseProfile | null = null;
  if (request.enterpriseId) {
    [profile] = await loadEnterpriseProfiles(graph, [request.enterpriseId]);
    if (!profile) throw new NotFoundError('Enterprise', request.enterpriseId);
  }
  const needText = profile ? enterpriseText(profile) : request.text!;
  const needs = new Set(profile?.needs ?? []);
  const levels = request.filters?.levels;
  const pool = catalog.talents.filter((t) => (!levels?.length || levels.includes(t.level)) && t.affiliation?.id !== profile?.id);
  const sims = await similarity.scores(needText, pool.map(talentText));
  const unitIds = new Set(catalog.units.map((u) => u.id));
  const xianlinUnits = new Set(catalog.units.filter((u) => u.university?.inXianlin).map((u) => u.id));
  const xianlinUniversities = new Set(catalog.units.filter((u) => u.university?.inXianlin).map((u) => u.university!.id));

  const scored = pool.map((t, i) => {
    const shared = t.expertise.filter((x) => needs.has(x));
    const near = Boolean(t.affiliation && (xianlinUnits.has(t.affiliation.id) || xianlinUniversities.has(t.affiliation.id) || (t.affiliation.label === 'Enterprise' && profile?.local)));
    const cooperates = Boolean(profile && t.affiliation && profile.partners.includes(t.affiliation.id));
    // Level and proximity support a relevant talent; they do not make an irrelevant one relevant.
    const relevance = relevanceOf(sims[i], shared.length);
    const values = {
      text: sims[i],
      topics: saturate(shared.length, sharedTopicSaturation),
      level: (talentLevelValues[t.level] ?? 0) * relevance,
      proximity: near ? relevance : 0,
      cooperation: cooperates ? 1 : 0,
    };
    return { t, shared, near, cooperates, values, total: weightedTotal(values, talentWeights) };
  });
  // Signals with their details, paths and reasons only for the talents shown: thousands at 100k.
  scored.sort((a, b) => b.total - a.total || a.t.id.localeCompare(b.t.id));
  const items = scored.slice(0, request.limit).map(({ t, shared, near, cooperates, values }): TalentMatch => {
    const topic = shared[0] ?? null;
    const { total, signals } = weighSignals(
      {
        text: { value: values.text, detail: `需求与专长文本相似度 ${values.text.toFixed(3)}` },
        topics: { value: values.topics, detail: shared.length ? `专长覆盖需求：${shared.join('、')}` : '无直接对应的技术主题' },
        level: { value: values.level, detail: `${levelLabels[t.level] ?? t.level}${t.honours.length ? `（${t.honours.join('、')}）` : ''}` },
        proximity: { value: values.proximity, detail: near ? '在仙林大学城或区内' : '区外' },
        cooperation: { value: values.cooperation, detail: cooperates ? '所在单位已与该企业合作' : '尚无合作' },
      },
      talentWeights,
    );
    const confidence = shared.length > 0 && (cooperates || (talentLevelValues[t.level] ?? 0) >= 0.6) ? 'strong' : shared.length > 0 || values.text >= 0.3 ? 'medium' : 'weak';
    return {
      talent: { id: t.id, name: t.name, title: t.title, level: t.level, honours: t.honours, expertise: t.expertise, affiliation: t.affiliation },
      score: total,
      topic,
      explanation: {
        signals,
        paths: talentPaths(profile, t, topic, unitIds),
        confidence,
        reason: `${t.name}（${t.title}，${t.affiliation?.name ?? '未知单位'}）${topic ? `专长「${topic}」正对需求` : `专长${t.expertise.slice(0, 2).join('、')}`}；${levelLabels[t.level] ?? t.level}`,
      },
    };
  });
  return { items, textProvider: similarity.provider };
}
