import { partnerDefaults, partnerModeWeights, strengthenRules } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import type { SegmentGap } from '../../chain/gapAnalysis.ts';
import type { ChainSnapshot, SnapshotSegment } from '../../chain/snapshot.ts';
import { round, weighSignals, weightedTotal, type Explanation } from '../explanation.ts';
import { say } from '../../i18n/say.ts';
import { reasonOf } from '../../i18n/signalDetail.ts';
import type { CandidateBasics, CandidateRelations } from './candidates.ts';
import { CandidateScores } from './candidateScores.ts';
import { candidateTables } from './candidateTables.ts';
import { SnapshotTexts } from './partnerText.ts';
import { chooseDiverse } from './diversity.ts';
import { ChainNames, confidenceOf, partnerPaths, partnerReason } from './explainPartner.ts';
import { modeSignals, modeValues, type SignalValues } from './modeSignals.ts';
import { sizeOrder, type DominantFirm, type PartnerRequest, type PartnerResult } from './partnerRequest.ts';
import { targetSegments, type PartnerTarget } from './partnerTargets.ts';
import { ChainTradeIndex, channelSignal, fitSignal, scaleSignal, segmentSupply, tierSignal } from './signals.ts';

// The request and answer types live in partnerRequest.ts; the engine and the exports import them from here.
export { sizeOrder, type DominantFirm, type PartnerCandidate, type PartnerFilters, type PartnerRequest, type PartnerResult } from './partnerRequest.ts';

interface Scored {
  basics: CandidateBasics;
  target: SnapshotSegment;
  relations: CandidateRelations;
  total: number;
  explanation: Explanation;
  tradePartners: number;
}

/** A trading, consulting or training firm by its name or description (config partnerDefaults.excludedKeywords, or the request's). */
const intermediary = (c: CandidateBasics, keywords: readonly string[]) => keywords.some((k) => c.name.includes(k) || c.description.includes(k));

const noRelations = (id: string): CandidateRelations => ({ id, ties: [], alliances: [], pairedOrgs: [], commonPartners: [] });

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
  const tables = candidateTables(snapshot);
  const texts = SnapshotTexts.of(snapshot);
  // Each target segment is retrieved and scored on its own; they run at once (Neo4j answers the
  // queries in parallel) and are merged below in target order, so the answer is the same as one by one.
  const scoreTarget = async (t: PartnerTarget): Promise<{ scored: Scored[]; excluded: number; unrelated: number }> => {
    const target = snapshot.segments.find((s) => s.id === t.segmentId)!;
    const gap = gapOf.get(t.segmentId)!;
    const dominant = dominantFirms.find((d) => d.segmentId === t.segmentId);
    let excluded = 0;
    const query = {
      segmentId: target.id,
      includeLocal: request.mode === 'strengthen',
      excludeIds: dominant ? [dominant.id] : [],
      phrases: [target.name, ...target.keywords, ...target.products.map((p) => p.name)],
      limit: partnerDefaults.retrieve,
    };
    const found = await tables.find(graph, {
      ...query,
      tags: filters.tags,
      provinces: filters.provinces,
      sizes: [...sizes],
      excludeIds: [...(filters.excludeIds ?? []), ...query.excludeIds],
    });
    const kept = found.filter((c) => {
      const hit = intermediary(c, keywords);
      if (hit) excluded++;
      return !hit;
    });
    const targetProducts = new Set(target.products.map((p) => p.id));
    const supply = segmentSupply(snapshot).get(target.id) ?? new Map<string, number[]>();
    // What a candidate scores towards this target in this mode reads nothing of the request
    // (candidateScores.ts): text similarity over the corpus an unfiltered request retrieves, the gap,
    // supply and trade of the snapshot. New candidates are scored and kept; known ones are read.
    const known = (CandidateScores.of(snapshot) as CandidateScores<Scored>).towards(request.mode, target.id);
    const scoreOne = (c: CandidateBasics, relations: CandidateRelations) => {
      const trade = tradeIndex.trade(c);
      const matching = c.products.filter((p) => targetProducts.has(p.id)).length;
      const textSimilarity = known.get(c.id)!.similarity;
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

    // Stage one ranks everything on the cheap signals (values only: the same total weighSignals gives);
    // stage two adds relations for the short list and explains it.
    const preScore = (c: CandidateBasics, textSimilarity: number) => {
      const matching = c.products.filter((p) => targetProducts.has(p.id)).length;
      const shared = {
        fit: fitSignal({
          member: c.segmentIds.includes(target.id),
          matchingProducts: matching,
          segmentProducts: target.products.length,
          textSimilarity,
        }),
        tier: tierSignal(c.tags),
        scale: scaleSignal(c.size),
        channel: channelSignal(noRelations(c.id)),
      };
      return weightedTotal(modeValues(request.mode, shared, c, supply.get(c.id) ?? [], tradeIndex.trade(c), gap), weights);
    };
    const unknown = kept.filter((c) => !known.has(c.id));
    if (unknown.length > 0) {
      const unfiltered = async () => (await tables.find(graph, query)).filter((c) => !intermediary(c, partnerDefaults.excludedKeywords));
      const similarities = await texts.similarities(target, request.mode, unfiltered, unknown);
      unknown.forEach((c, i) => known.has(c.id) || known.set(c.id, { similarity: similarities[i], pre: preScore(c, similarities[i]) }));
    }
    // A firm tied to the segment by nothing but a few shared characters is no partner for it, however
    // well it scores on tier, size or ties.
    const related = kept.filter(
      (c) =>
        c.segmentIds.includes(target.id) ||
        c.products.some((p) => targetProducts.has(p.id)) ||
        known.get(c.id)!.similarity >= partnerDefaults.minTextOnlySimilarity,
    );

    const shortList = related
      .map((c) => ({ c, pre: known.get(c.id)!.pre }))
      .sort((a, b) => b.pre - a.pre || a.c.id.localeCompare(b.c.id))
      .slice(0, Math.max(partnerDefaults.shortList.min, limit * partnerDefaults.shortList.perListed))
      .map((x) => x.c);
    const relations = await tables.relationsOf(
      graph,
      shortList.filter((c) => !known.get(c.id)!.full).map((c) => c.id),
    );
    const scored = shortList.map((c): Scored => {
      const score = known.get(c.id)!;
      if (score.full) return score.full;
      const rel = relations.get(c.id) ?? noRelations(c.id);
      const { total, signals, trade, partners } = scoreOne(c, rel);
      const explanation: Explanation = {
        signals,
        paths: partnerPaths(names, c, rel, trade, target),
        confidence: confidenceOf(signals),
        ...reasonOf(partnerReason(c, rel, target, partners)),
      };
      return (score.full = { basics: c, target, relations: rel, total, explanation, tradePartners: partners });
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

  const { chosen, leftOut } = chooseDiverse(best.values(), limit, texts.terms);

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
