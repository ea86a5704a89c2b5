import { partnerDefaults, partnerWeights } from '../../config/scoring.ts';
import { NotFoundError } from '../../errors.ts';
import type { Graph } from '../../graph/graph.ts';
import { analyseGaps, type GapAction, type GapClass } from '../../chain/gapAnalysis.ts';
import type { ChainSnapshot, SnapshotSegment } from '../../chain/snapshot.ts';
import { LexicalScorer, cosine } from '../../text/lexical.ts';
import { round, weighSignals, type Explanation } from '../explanation.ts';
import { jaccard, maximalMarginalRelevance } from '../mmr.ts';
import { candidateRelations, findCandidates, type CandidateBasics, type CandidateRelations } from './candidates.ts';
import { ChainNames, confidenceOf, partnerPaths, partnerReason } from './explainPartner.ts';
import { ChainTradeIndex, channelSignal, connectivitySignal, fitSignal, scaleSignal, tierSignal, tiesSignal } from './signals.ts';

export const sizeOrder = ['micro', 'small', 'medium', 'large'] as const;

export interface PartnerFilters {
  tags?: string[];
  provinces?: string[];
  minSize?: (typeof sizeOrder)[number];
  excludeIds?: string[];
  /** Added to the default intermediary keywords. */
  excludeKeywords?: string[];
  /** Keep trading/consulting/training firms that are excluded by default. */
  includeIntermediaries?: boolean;
}

export interface PartnerRequest {
  chainId: string;
  segmentId?: string;
  mode: GapAction;
  limit?: number;
  filters?: PartnerFilters;
}

export interface PartnerCandidate {
  id: string;
  name: string;
  local: boolean;
  province: string;
  city: string;
  size: string | null;
  tags: string[];
  /** Demo data (the seeded generator's record, `source: synthetic`): every list and export must say so. */
  demo: boolean;
  /** The gap segment this candidate answers. */
  segmentId: string;
  segmentName: string;
  score: number;
  explanation: Explanation;
}

export interface PartnerResult {
  chainId: string;
  mode: GapAction;
  targets: { segmentId: string; name: string; class: GapClass; score: number }[];
  candidates: PartnerCandidate[];
  /** Candidates dropped by the keyword exclusions (intermediaries), so the filter is visible. */
  excludedByKeyword: number;
  /** Text-only hits dropped as unrelated to the segment (below partnerDefaults.minTextOnlySimilarity). */
  excludedAsUnrelated: number;
  textProvider: 'lexical';
}

interface Scored {
  basics: CandidateBasics;
  target: SnapshotSegment;
  relations: CandidateRelations;
  total: number;
  explanation: Explanation;
  tradePartners: number;
}

const noRelations = (id: string): CandidateRelations => ({ id, ties: [], alliances: [], pairedOrgs: [], commonPartners: [] });

function segmentText(s: SnapshotSegment): string {
  return [s.name, s.description, ...s.keywords, ...s.products.map((p) => p.name)].join(' ');
}
function candidateText(c: CandidateBasics): string {
  return [c.name, c.description, ...c.products.map((p) => p.name)].join(' ');
}

/** Which segments a request targets: the one named, or the chain's most urgent gaps of the mode's kind. */
export function targetSegments(snapshot: ChainSnapshot, request: PartnerRequest): PartnerResult['targets'] {
  const gaps = analyseGaps(snapshot);
  if (request.segmentId) {
    const gap = gaps.find((g) => g.segmentId === request.segmentId);
    if (!gap) throw new NotFoundError(`Segment of chain ${snapshot.chain.id}`, request.segmentId);
    return [{ segmentId: gap.segmentId, name: gap.name, class: gap.class, score: gap.score }];
  }
  return gaps
    .filter((g) => g.action === request.mode)
    .sort((a, b) => b.score - a.score)
    .slice(0, partnerDefaults.targetSegments)
    .map((g) => ({ segmentId: g.segmentId, name: g.name, class: g.class, score: g.score }));
}

/**
 * 强链/补链/延链 partner recommendation (DESIGN §2): retrieve candidates for each target segment,
 * score six signals, add ties and introduction channels for the short list, diversify with MMR, and
 * explain every candidate with its signals and graph paths.
 */
export async function rankPartners(graph: Graph, snapshot: ChainSnapshot, request: PartnerRequest): Promise<PartnerResult> {
  const limit = request.limit ?? partnerDefaults.limit;
  const filters = request.filters ?? {};
  const targets = targetSegments(snapshot, request);
  const keywords = [...(filters.includeIntermediaries ? [] : partnerDefaults.excludedKeywords), ...(filters.excludeKeywords ?? [])];
  const sizes = filters.minSize ? sizeOrder.slice(sizeOrder.indexOf(filters.minSize)) : [];
  const tradeIndex = ChainTradeIndex.of(snapshot);
  const names = ChainNames.of(snapshot);
  // Each target segment is retrieved and scored on its own; they run at once (Neo4j answers the
  // queries in parallel) and are merged below in target order, so the answer is the same as one by one.
  const scoreTarget = async (t: PartnerResult['targets'][number]): Promise<{ scored: Scored[]; excluded: number; unrelated: number }> => {
    const target = snapshot.segments.find((s) => s.id === t.segmentId)!;
    let excluded = 0;
    const found = await findCandidates(graph, {
      chainId: snapshot.chain.id, segmentId: target.id, includeLocal: request.mode === 'strengthen',
      tags: filters.tags, provinces: filters.provinces, sizes: [...sizes], excludeIds: filters.excludeIds,
      phrases: [target.name, ...target.keywords, ...target.products.map((p) => p.name)], limit: partnerDefaults.retrieve,
    });
    const kept = found.filter((c) => {
      const hit = keywords.some((k) => c.name.includes(k) || c.description.includes(k));
      if (hit) excluded++;
      return !hit;
    });
    const scorer = new LexicalScorer([...snapshot.segments.map(segmentText), ...kept.map(candidateText)], { words: false });
    const targetVector = scorer.vector(segmentText(target));
    const targetProducts = new Set(target.products.map((p) => p.id));
    const similarity = new Map(kept.map((c) => [c.id, cosine(targetVector, scorer.vector(candidateText(c)))]));
    // A firm tied to the segment by nothing but a few shared characters is no partner for it, however
    // well it scores on tier, size or ties.
    const related = kept.filter((c) => c.segmentIds.includes(target.id) || c.products.some((p) => targetProducts.has(p.id)) || similarity.get(c.id)! >= partnerDefaults.minTextOnlySimilarity);

    const scoreOne = (c: CandidateBasics, relations: CandidateRelations) => {
      const trade = tradeIndex.trade(c);
      const partners = relations.ties.length === 0 ? trade.partners : new Set([...trade.partners, ...relations.ties.map((x) => x.other.id)]);
      const matching = c.products.filter((p) => targetProducts.has(p.id)).length;
      const textSimilarity = similarity.get(c.id)!;
      const tierDetail = c.tags.join(', ');
      const { total, signals } = weighSignals(
        {
          fit: { value: fitSignal({ member: c.segmentIds.includes(target.id), matchingProducts: matching, segmentProducts: target.products.length, textSimilarity }), detail: `环节成员 ${c.segmentIds.includes(target.id) ? '是' : '否'}；本环节产品 ${matching} 种；文本相似度 ${round(textSimilarity)}` },
          connectivity: { value: connectivitySignal(partners), detail: `可配套本地企业 ${partners.size} 家（买方 ${trade.buyers.size}，卖方 ${trade.sellers.size}）` },
          ties: { value: tiesSignal(relations.ties.length), detail: `与本地企业供货关系 ${relations.ties.length} 条` },
          tier: { value: tierSignal(c.tags), detail: tierDetail ? `梯度标签：${tierDetail}` : '无梯度标签' },
          scale: { value: scaleSignal(c.size), detail: `规模：${c.size ?? '未知'}` },
          channel: { value: channelSignal(relations), detail: `联盟 ${relations.alliances.length}，结对党组织 ${relations.pairedOrgs.length}，共同合作高校/院所 ${relations.commonPartners.length}` },
        },
        partnerWeights,
      );
      return { total, signals, trade, partners: partners.size };
    };

    // Stage one ranks everything on the cheap signals; stage two adds relations for the short list.
    const shortList = related
      .map((c) => ({ c, pre: scoreOne(c, noRelations(c.id)).total }))
      .sort((a, b) => b.pre - a.pre || a.c.id.localeCompare(b.c.id))
      .slice(0, Math.max(40, limit * 4))
      .map((x) => x.c);
    const relations = await candidateRelations(graph, shortList.map((c) => c.id));
    const scored = shortList.map((c): Scored => {
      const rel = relations.get(c.id) ?? noRelations(c.id);
      const { total, signals, trade, partners } = scoreOne(c, rel);
      const explanation: Explanation = {
        signals,
        paths: partnerPaths(names, c, rel, trade, target),
        confidence: confidenceOf(signals),
        reason: partnerReason(c, rel, target, partners),
      };
      return { basics: c, target, relations: rel, total, explanation, tradePartners: partners };
    });
    return { scored, excluded, unrelated: kept.length - related.length };
  };

  let excludedByKeyword = 0;
  let excludedAsUnrelated = 0;
  const best = new Map<string, Scored>();
  for (const { scored, excluded, unrelated } of await Promise.all(targets.map(scoreTarget))) {
    excludedByKeyword += excluded;
    excludedAsUnrelated += unrelated;
    for (const x of scored) {
      const previous = best.get(x.basics.id);
      if (!previous || previous.total < x.total) best.set(x.basics.id, x);
    }
  }

  const pool = [...best.values()].sort((a, b) => b.total - a.total || a.basics.id.localeCompare(b.basics.id));
  const nameScorer = new LexicalScorer(pool.map((x) => x.basics.name), { words: false });
  const nameVectors = new Map(pool.map((x) => [x.basics.id, nameScorer.vector(x.basics.name)]));
  const similarity = (a: Scored, b: Scored) =>
    0.5 * jaccard([...a.basics.segmentIds, ...a.basics.products.map((p) => p.id)], [...b.basics.segmentIds, ...b.basics.products.map((p) => p.id)]) +
    0.3 * cosine(nameVectors.get(a.basics.id)!, nameVectors.get(b.basics.id)!) +
    0.2 * (a.basics.province === b.basics.province ? 1 : 0);
  const chosen = maximalMarginalRelevance(pool, (x) => x.total, similarity, limit, partnerDefaults.mmrLambda);

  return {
    chainId: snapshot.chain.id,
    mode: request.mode,
    targets,
    candidates: chosen.map((x) => ({
      id: x.basics.id, name: x.basics.name, local: x.basics.local, province: x.basics.province, city: x.basics.city, size: x.basics.size, tags: x.basics.tags, demo: x.basics.source === 'synthetic',
      segmentId: x.target.id, segmentName: x.target.name, score: x.total, explanation: x.explanation,
    })),
    excludedByKeyword,
    excludedAsUnrelated,
    textProvider: 'lexical',
  };
}
