import type { Graph } from '../../graph/graph.ts';
import { hybridRankingConfig } from '../../text/embeddingConfig.ts';
import type { TextEmbedder } from '../../text/embedder.ts';
import { HybridRelevance } from '../../text/hybridRelevance.ts';
import type { NeedCase } from '../../text/needCases.ts';
import { topicsPassage } from '../../text/researchPassage.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { unitText } from './pairSignals.ts';
import { rankPairs } from './rankPairs.ts';
import type { ResearchCatalog } from './researchCatalog.ts';

/** One row of the pairing evaluation: `POST /match/school-enterprise {text}` as the engine answers it. */
export interface PairingEvaluation {
  method: 'pairing (lexical)' | 'pairing (hybrid)' | 'pairing (hybrid, no nonsense in training)';
  /** Needs with a unit researching an intended topic among the first 5 pairs. */
  hitAt5: number;
  /** Mean reciprocal rank of the first such unit in the list (0 when it is not listed). */
  mrr: number;
  precisionAt5: number;
  /** Needs that got any answer, and nonsense texts that wrongly did (held-out folds for hybrid). */
  needsAnswered: number;
  nonsenseAnswered: number;
  nonsense: number;
  /** The nonsense texts that got an answer, to read. */
  nonsenseAnsweredTexts: string[];
  /** The meaning gate's cosine threshold fit on the training folds, one per fold (hybrid only). */
  foldThresholds: number[];
  /** The same fit on every case: the value for configuration. */
  thresholdFitOnAll: number | null;
  /**
   * Time of one rankPairs call, in ms, with the passages' vectors and (hybrid) the need's own vector
   * already cached: add one need's embedding time for a first request.
   */
  p50Ms: number;
  p95Ms: number;
}

/** How long the pairing list is read for MRR: a need whose first relevant unit is beyond it scores 0. */
const listLength = 20;

/**
 * Free-text needs through rankPairs itself (the code the API runs), lexical and hybrid. The hybrid's
 * meaning gate (dense cosine ≥ t) is fit on k−1 folds by balanced accuracy (needs answered + nonsense
 * refused) and applied to the held-out fold; folds are given by `foldOf` (a seeded hash of the case id).
 */
export async function evaluatePairingOnNeeds(
  graph: Graph,
  catalog: ResearchCatalog,
  cases: NeedCase[],
  lexical: TextSimilarity,
  dense: TextEmbedder | undefined,
  options: { folds: number; foldOf: (id: string) => number },
): Promise<PairingEvaluation[]> {
  const topicsOf = new Map(catalog.units.map((u) => [u.id, u.topics]));
  const run = async (c: NeedCase, hybrid?: HybridRelevance) => {
    const started = performance.now();
    const answer = await rankPairs(graph, catalog, lexical, { text: c.text, limit: listLength }, hybrid);
    return { ms: performance.now() - started, units: answer.items.map((x) => x.researchUnit.id) };
  };
  const lexicalRuns = new Map<string, Awaited<ReturnType<typeof run>>>();
  for (const c of cases) lexicalRuns.set(c.id, await run(c));
  const rows = [row('pairing (lexical)', cases, lexicalRuns, topicsOf, [], null)];
  if (!dense) return rows;

  // The statistic the meaning gate reads: the best unit's dense cosine (that unit has dense rank 1).
  const documents = catalog.units.map(unitText);
  const passages = catalog.units.map((u) => topicsPassage(u, catalog.topicContext));
  const bestDense = new Map<string, number>();
  for (const c of cases) {
    const answer = await new HybridRelevance(lexical, dense).rank(c.text, documents, passages);
    bestDense.set(c.id, Math.max(...answer.items.map((x) => x.dense ?? 0)));
  }
  const gateCases = cases.map((c) => ({
    isNeed: c.topics.length > 0,
    lexical: lexicalRuns.get(c.id)!.units.length > 0,
    dense: bestDense.get(c.id)!,
    id: c.id,
  }));
  const hybridOf = (t: number) => new HybridRelevance(lexical, dense, { ...hybridRankingConfig, minMeaningScoreByModel: { [dense.model]: t } });
  // Two fits: balanced accuracy, and the lowest threshold that answers no training nonsense (the issue
  // asks for no answer to nonsense, whatever it costs in needs answered).
  for (const [method, refuseAllNonsense] of [
    ['pairing (hybrid)', false],
    ['pairing (hybrid, no nonsense in training)', true],
  ] as const) {
    const hybridRuns = new Map<string, Awaited<ReturnType<typeof run>>>();
    const foldThresholds: number[] = [];
    for (let f = 0; f < options.folds; f++) {
      const t = fitMeaningThreshold(
        gateCases.filter((c) => options.foldOf(c.id) !== f),
        refuseAllNonsense,
      );
      foldThresholds.push(t);
      for (const c of cases.filter((x) => options.foldOf(x.id) === f)) hybridRuns.set(c.id, await run(c, hybridOf(t)));
    }
    rows.push(row(method, cases, hybridRuns, topicsOf, foldThresholds, fitMeaningThreshold(gateCases, refuseAllNonsense)));
  }
  return rows;
}

/**
 * The cosine threshold maximising balanced accuracy when a text is answered on topic coverage or when
 * its best unit's dense cosine reaches it; among equals the highest (fewest nonsense answers). With
 * `refuseAllNonsense`, only thresholds that answer no nonsense text count, and the most needs wins.
 */
export function fitMeaningThreshold(cases: { isNeed: boolean; lexical: boolean; dense: number }[], refuseAllNonsense = false): number {
  const values = [...new Set(cases.map((c) => c.dense))].sort((a, b) => a - b);
  const candidates = [...values.slice(1).map((v, i) => (v + values[i]) / 2), Infinity];
  const needs = cases.filter((c) => c.isNeed).length;
  const nonsense = cases.length - needs;
  let best = { score: -1, t: Infinity };
  for (const t of candidates) {
    let answeredNeeds = 0;
    let refused = 0;
    for (const c of cases) {
      const answered = c.lexical || c.dense >= t;
      if (c.isNeed && answered) answeredNeeds++;
      if (!c.isNeed && !answered) refused++;
    }
    if (refuseAllNonsense && refused < nonsense) continue;
    const score = (needs ? answeredNeeds / needs : 0) + (nonsense ? refused / nonsense : 0);
    if (score > best.score || (score === best.score && !refuseAllNonsense)) best = { score, t };
  }
  return best.t;
}

function row(
  method: PairingEvaluation['method'],
  cases: NeedCase[],
  runs: Map<string, { ms: number; units: string[] }>,
  topicsOf: Map<string, string[]>,
  foldThresholds: number[],
  thresholdFitOnAll: number | null,
): PairingEvaluation {
  const needs = cases.filter((c) => c.topics.length > 0);
  const relevant = (c: NeedCase, unit: string) => (topicsOf.get(unit) ?? []).some((t) => c.topics.includes(t));
  const firstRank = (c: NeedCase) => runs.get(c.id)!.units.findIndex((u) => relevant(c, u)) + 1;
  const ms = [...runs.values()].map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] * 10) / 10;
  return {
    method,
    hitAt5: needs.filter((c) => firstRank(c) >= 1 && firstRank(c) <= 5).length / needs.length,
    mrr: needs.reduce((a, c) => a + (firstRank(c) > 0 ? 1 / firstRank(c) : 0), 0) / needs.length,
    precisionAt5:
      needs.reduce(
        (a, c) =>
          a +
          runs
            .get(c.id)!
            .units.slice(0, 5)
            .filter((u) => relevant(c, u)).length /
            5,
        0,
      ) / needs.length,
    needsAnswered: needs.filter((c) => runs.get(c.id)!.units.length > 0).length / needs.length,
    nonsenseAnswered: cases.filter((c) => c.topics.length === 0 && runs.get(c.id)!.units.length > 0).length,
    nonsense: cases.length - needs.length,
    nonsenseAnsweredTexts: cases.filter((c) => c.topics.length === 0 && runs.get(c.id)!.units.length > 0).map((c) => c.text),
    foldThresholds,
    thresholdFitOnAll,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
  };
}
