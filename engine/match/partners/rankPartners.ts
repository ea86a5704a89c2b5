import { partnerDefaults, partnerModeWeights, saturation, strengthenRules } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import { firmScale } from '../../chain/capacity.ts';
import type { GapAction, SegmentGap } from '../../chain/gapAnalysis.ts';
import type { ChainSnapshot, SnapshotSegment } from '../../chain/snapshot.ts';
import { LexicalScorer, cosine } from '../../text/lexical.ts';
import { round, saturate, weighSignals, type Explanation } from '../explanation.ts';
import { say } from '../../i18n/say.ts';
import { reasonOf, type SignalDetail } from '../../i18n/signalDetail.ts';
import { jaccard, maximalMarginalRelevance } from '../mmr.ts';
import { candidateRelations, findCandidates, type CandidateBasics, type CandidateRelations } from './candidates.ts';
import { ChainNames, confidenceOf, partnerPaths, partnerReason } from './explainPartner.ts';
import { targetSegments, type PartnerTarget } from './partnerTargets.ts';
import {
  ChainTradeIndex,
  channelSignal,
  connectivitySignal,
  fitSignal,
  relianceSignal,
  scaleSignal,
  segmentSupply,
  tierSignal,
  type ChainTrade,
} from './signals.ts';
import { addedCapacity, strengthenRelief, type ReliefFigures } from './strengthenRelief.ts';

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

/** The firm a concentrated segment hangs on: never its own 强链 remedy, named apart as "expand locally". */
export interface DominantFirm {
  segmentId: string;
  id: string;
  name: string;
  /** Demo data (`source: synthetic`). */
  demo: boolean;
  /** Its share of the segment's local capacity. */
  share: number;
  /** Expanding it would cover more demand but deepen the dependence on it. */
  note: string;
}

export interface PartnerResult {
  chainId: string;
  mode: GapAction;
  targets: PartnerTarget[];
  /** Ordered by `score`, highest first: the rank shown is the order of the scores shown. */
  candidates: PartnerCandidate[];
  /** 强链 only: the dominant local firm of each target segment, left out of the candidates. */
  dominantFirms: DominantFirm[];
  /**
   * Diversity (MMR) decides which candidates enter the list, never their order: `leftOut` candidates
   * scored above the lowest one listed were left out as near-copies of a listed one.
   */
  diversity: { lambda: number; leftOut: number };
  /** Candidates dropped by the keyword exclusions (intermediaries), so the filter is visible. */
  excludedByKeyword: number;
  /** Text-only hits dropped as unrelated to the segment (below partnerDefaults.minTextOnlySimilarity). */
  excludedAsUnrelated: number;
  /** Set when the list is empty: why nothing relevant was found. */
  noCandidates?: { reason: 'no-target-segment' | 'no-candidate-in-segment'; message: string };
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

/** The firm holding `strengthenRules.dominantShare` or more of a segment's local capacity, if any. */
function dominantFirmOf(gap: SegmentGap): DominantFirm | null {
  const top = gap.metrics.evidence.topFirms[0];
  if (!top || (gap.metrics.topFirmShare ?? 0) < strengthenRules.dominantShare) return null;
  return {
    segmentId: gap.segmentId,
    id: top.id,
    name: top.name,
    demo: top.demo,
    share: gap.metrics.topFirmShare!,
    note: `本地产能 ${Math.round(gap.metrics.topFirmShare! * 100)}% 集中于该企业：扩产可补缺口，但会加深对它的依赖，故不列为强链候选`,
  };
}

function reliefFigures(gap: SegmentGap): ReliefFigures {
  const m = gap.metrics;
  return {
    localDemand: m.localDemand,
    localCapacity: m.localCapacity,
    n1Shortfall: m.n1Shortfall,
    outsideDependence: m.outsideDependence,
    topCapacity: m.evidence.topFirms[0]?.value ?? 0,
  };
}

type SignalValues = Record<string, { value: number; detail: SignalDetail }>;

/**
 * The signals of one mode (config `partnerModeWeights`): the signals every mode shares (fit, tier,
 * scale, channel) and the ones that answer its own question — 补链: who already supplies local firms
 * and whose output they buy; 强链: how much the candidate would lower the segment's concentration and
 * outside dependence; 延链: how many local firms it would trade with.
 */
function modeSignals(mode: GapAction, shared: SignalValues, c: CandidateBasics, supplied: readonly number[], trade: ChainTrade, gap: SegmentGap): SignalValues {
  const ties = {
    value: relianceSignal(supplied),
    detail: supplied.length > 0 ? say('partner.ties', { count: supplied.length, shares: supplied.map((x) => `${x}%`) }) : say('partner.noTies'),
  };
  if (mode === 'fill') {
    return { ...shared, ties, buyers: { value: saturate(trade.buyers.size, saturation.buyers), detail: say('partner.buyers', { count: trade.buyers.size }) } };
  }
  if (mode === 'extend') {
    return {
      ...shared,
      adjacency: {
        value: connectivitySignal(trade.partners),
        detail: say('partner.adjacency', { count: trade.partners.size, buyers: trade.buyers.size, sellers: trade.sellers.size }),
      },
    };
  }
  // Revenue 0 means unknown here (candidates.ts): the size class then stands in, as for local firms.
  const capacity = firmScale({ ...c, revenueWan: c.revenueWan || null, employees: null, registeredCapitalWan: null }).value;
  const own = c.local ? capacity : 0;
  const added = addedCapacity(capacity, c.local);
  const relief = strengthenRelief(reliefFigures(gap), added, own);
  const how = c.local ? 'partner.localExpansion' : 'partner.importedCapacity';
  return {
    ...shared,
    ties,
    concentrationRelief: {
      value: relief.concentration,
      detail: say(how, { amount: round(added), before: pct(gap.metrics.n1Shortfall), after: pct(relief.n1ShortfallAfter) }),
    },
    outsideRelief: {
      value: relief.outside,
      detail: say('partner.outsideRelief', { share: pct(relief.outside), dependence: pct(gap.metrics.outsideDependence) }),
    },
  };
}

/** A share as whole percent (the templates print the % sign). */
const pct = (x: number) => Math.round(x * 100);

/**
 * 强链/补链/延链 partner recommendation (docs/design.md §2, amended 2026-12): retrieve candidates for each target
 * segment, score the signals of the mode, add ties and introduction channels for the short list, keep
 * the list diverse with MMR, order it by score, and explain every candidate with its signals and paths.
 */
export async function rankPartners(graph: Graph, snapshot: ChainSnapshot, request: PartnerRequest): Promise<PartnerResult> {
  const limit = request.limit ?? partnerDefaults.limit;
  const filters = request.filters ?? {};
  const weights = partnerModeWeights[request.mode];
  const { targets, gaps } = targetSegments(snapshot, request);
  const gapOf = new Map(gaps.map((g) => [g.segmentId, g]));
  const dominantFirms =
    request.mode === 'strengthen' ? targets.map((t) => dominantFirmOf(gapOf.get(t.segmentId)!)).filter((d): d is DominantFirm => d !== null) : [];
  const keywords = [...(filters.includeIntermediaries ? [] : partnerDefaults.excludedKeywords), ...(filters.excludeKeywords ?? [])];
  const sizes = filters.minSize ? sizeOrder.slice(sizeOrder.indexOf(filters.minSize)) : [];
  const tradeIndex = ChainTradeIndex.of(snapshot);
  const names = ChainNames.of(snapshot);
  // Each target segment is retrieved and scored on its own; they run at once (Neo4j answers the
  // queries in parallel) and are merged below in target order, so the answer is the same as one by one.
  const scoreTarget = async (t: PartnerTarget): Promise<{ scored: Scored[]; excluded: number; unrelated: number }> => {
    const target = snapshot.segments.find((s) => s.id === t.segmentId)!;
    const gap = gapOf.get(t.segmentId)!;
    const dominant = dominantFirms.find((d) => d.segmentId === t.segmentId);
    let excluded = 0;
    const found = await findCandidates(graph, {
      chainId: snapshot.chain.id,
      segmentId: target.id,
      includeLocal: request.mode === 'strengthen',
      tags: filters.tags,
      provinces: filters.provinces,
      sizes: [...sizes],
      excludeIds: [...(filters.excludeIds ?? []), ...(dominant ? [dominant.id] : [])],
      phrases: [target.name, ...target.keywords, ...target.products.map((p) => p.name)],
      limit: partnerDefaults.retrieve,
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
    const supply = segmentSupply(snapshot).get(target.id) ?? new Map<string, number[]>();
    const related = kept.filter(
      (c) =>
        c.segmentIds.includes(target.id) || c.products.some((p) => targetProducts.has(p.id)) || similarity.get(c.id)! >= partnerDefaults.minTextOnlySimilarity,
    );

    const scoreOne = (c: CandidateBasics, relations: CandidateRelations) => {
      const trade = tradeIndex.trade(c);
      const matching = c.products.filter((p) => targetProducts.has(p.id)).length;
      const textSimilarity = similarity.get(c.id)!;
      const channels = relations.alliances.length + relations.pairedOrgs.length + relations.commonPartners.length;
      const shared: SignalValues = {
        fit: {
          value: fitSignal({ member: c.segmentIds.includes(target.id), matchingProducts: matching, segmentProducts: target.products.length, textSimilarity }),
          detail: say(c.segmentIds.includes(target.id) ? 'partner.fitMember' : 'partner.fitOutside', { products: matching, similarity: round(textSimilarity) }),
        },
        tier: { value: tierSignal(c.tags), detail: c.tags.length > 0 ? say('partner.tierTags', { tags: c.tags }) : say('partner.noTier') },
        scale: { value: scaleSignal(c.size), detail: c.size ? say('partner.size', { size: c.size }) : say('partner.sizeUnknown') },
        channel: {
          value: channelSignal(relations),
          detail:
            channels > 0
              ? say('partner.channels', {
                  alliances: relations.alliances.length,
                  pairedOrgs: relations.pairedOrgs.length,
                  commonPartners: relations.commonPartners.length,
                })
              : say('partner.noChannel'),
        },
      };
      const { total, signals } = weighSignals(modeSignals(request.mode, shared, c, supply.get(c.id) ?? [], trade, gap), weights);
      return { total, signals, trade, partners: trade.partners.size };
    };

    // Stage one ranks everything on the cheap signals; stage two adds relations for the short list.
    const shortList = related
      .map((c) => ({ c, pre: scoreOne(c, noRelations(c.id)).total }))
      .sort((a, b) => b.pre - a.pre || a.c.id.localeCompare(b.c.id))
      .slice(0, Math.max(partnerDefaults.shortList.min, limit * partnerDefaults.shortList.perListed))
      .map((x) => x.c);
    const relations = await candidateRelations(
      graph,
      shortList.map((c) => c.id),
    );
    const scored = shortList.map((c): Scored => {
      const rel = relations.get(c.id) ?? noRelations(c.id);
      const { total, signals, trade, partners } = scoreOne(c, rel);
      const explanation: Explanation = {
        signals,
        paths: partnerPaths(names, c, rel, trade, target),
        confidence: confidenceOf(signals),
        ...reasonOf(partnerReason(c, rel, target, partners)),
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

  const byScore = (a: Scored, b: Scored) => b.total - a.total || a.basics.id.localeCompare(b.basics.id);
  const pool = [...best.values()].sort(byScore);
  const nameScorer = new LexicalScorer(
    pool.map((x) => x.basics.name),
    { words: false },
  );
  const nameVectors = new Map(pool.map((x) => [x.basics.id, nameScorer.vector(x.basics.name)]));
  // Near-copies: one group's firms (联嘉制药, 联嘉生物) or the same products in another segment of the
  // list. Province is no redundancy: an officer compares the best firms wherever they are.
  const segmentsAndProducts = (x: Scored) => [...x.basics.segmentIds, ...x.basics.products.map((p) => p.id)];
  const similarity = (a: Scored, b: Scored) =>
    partnerDefaults.diversity.name * cosine(nameVectors.get(a.basics.id)!, nameVectors.get(b.basics.id)!) +
    partnerDefaults.diversity.segmentsAndProducts * jaccard(segmentsAndProducts(a), segmentsAndProducts(b));
  // MMR chooses who enters the list; the list is then shown in score order, so rank follows score.
  const chosen = maximalMarginalRelevance(pool, (x) => x.total, similarity, limit, partnerDefaults.mmrLambda).sort(byScore);
  const lowest = chosen.at(-1)?.total ?? Infinity;
  const chosenIds = new Set(chosen.map((x) => x.basics.id));
  const leftOut = pool.filter((x) => !chosenIds.has(x.basics.id) && x.total > lowest).length;

  return {
    chainId: snapshot.chain.id,
    mode: request.mode,
    targets,
    candidates: chosen.map((x) => ({
      id: x.basics.id,
      name: x.basics.name,
      local: x.basics.local,
      province: x.basics.province,
      city: x.basics.city,
      size: x.basics.size,
      tags: x.basics.tags,
      demo: x.basics.source === 'synthetic',
      segmentId: x.target.id,
      segmentName: x.target.name,
      score: x.total,
      explanation: x.explanation,
    })),
    dominantFirms,
    diversity: { lambda: partnerDefaults.mmrLambda, leftOut },
    excludedByKeyword,
    excludedAsUnrelated,
    ...(chosen.length === 0 && {
      noCandidates:
        targets.length === 0
          ? { reason: 'no-target-segment' as const, message: say('partner.noTarget', { mode: request.mode }).text }
          : { reason: 'no-candidate-in-segment' as const, message: say('partner.noCandidate').text },
    }),
    textProvider: 'lexical',
  };
}
