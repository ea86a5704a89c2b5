import { createHash } from 'node:crypto';
import type { Graph } from '../../graph/graph.ts';
import { evaluatePairingOnNeeds, type PairingEvaluation } from './pairingNeedEval.ts';
import type { ResearchCatalog } from './researchCatalog.ts';
import type { TextEmbedder } from '../../text/embedder.ts';
import { competitionRanks, denseScores, zScores } from '../../text/hybridRelevance.ts';
import { hybridRankingConfig } from '../../text/embeddingConfig.ts';
import type { NeedCase } from '../../text/needCases.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';

/** A document to retrieve (a research unit) and the topics that make it an answer. */
export interface RetrievalDocument {
  id: string;
  text: string;
  /** What the dense provider embeds, when it should differ from `text` (default: `text`). */
  denseText?: string;
  topics: string[];
}

export type RetrievalMethod = 'lexical' | 'dense' | 'hybrid';

export interface MethodEvaluation {
  method: RetrievalMethod;
  /** Needs with at least one document researching an intended topic in the top 5. */
  hitAt5: number;
  /** Mean reciprocal rank of the first such document. */
  mrr: number;
  /** Share of the top 5 that research an intended topic. */
  precisionAt5: number;
  /**
   * The relevance gate ("answer only above a threshold"), fit on training folds and applied to the
   * held-out fold: how many needs still get an answer and how many nonsense texts wrongly do.
   */
  gates: GateEvaluation[];
}

export interface GateEvaluation {
  rule: string;
  /** Fit on every case, for the config; the rates come only from held-out folds. */
  thresholds: number[];
  needsAnswered: number;
  nonsenseAnswered: number;
  nonsense: number;
}

export interface NeedRetrievalEvaluation {
  needs: number;
  nonsense: number;
  documents: number;
  folds: number;
  methods: MethodEvaluation[];
  /** Per need and method: rank of the first relevant document (1-based), for reading failures. */
  ranks: { id: string; text: string; lexical: number; dense?: number; hybrid?: number }[];
  /** The same needs through pairing itself (rankPairs), when a graph and catalog were given. */
  pairing?: PairingEvaluation[];
}

interface Scored {
  case: NeedCase;
  lexical: number[];
  dense?: number[];
}

/**
 * Ranks every document for every case with the lexical scorer, the dense embedder and their
 * reciprocal-rank fusion (HybridRelevance's formula), and measures retrieval and the relevance gate.
 * Gates (see gateRules): a method answers a text when its best document's statistic reaches a
 * threshold; hybrid when either the lexical or the dense one does (two thresholds). Thresholds maximise balanced accuracy (needs answered, nonsense refused)
 * on k−1 folds and are scored on the held-out fold; folds come from a hash of each case's id.
 */
export async function evaluateNeedRetrieval(
  cases: NeedCase[],
  documents: RetrievalDocument[],
  lexical: TextSimilarity,
  dense: TextEmbedder | undefined,
  options: { folds?: number; seed?: number; rrfK?: number; pairing?: { graph: Graph; catalog: ResearchCatalog } } = {},
): Promise<NeedRetrievalEvaluation> {
  const folds = options.folds ?? 5;
  const k = options.rrfK ?? hybridRankingConfig.rrfK;
  const texts = documents.map((d) => d.text);
  const denseTexts = documents.map((d) => d.denseText ?? d.text);
  const scored: Scored[] = [];
  for (const c of cases) {
    scored.push({ case: c, lexical: await lexical.scores(c.text, texts), dense: dense ? await denseScores(dense, c.text, denseTexts) : undefined });
  }
  const rankings: Record<RetrievalMethod, (s: Scored) => number[]> = {
    lexical: (s) => s.lexical,
    dense: (s) => s.dense!,
    hybrid: (s) => fuse(s.lexical, s.dense!, k),
  };
  const methods: RetrievalMethod[] = dense ? ['lexical', 'dense', 'hybrid'] : ['lexical'];
  const needs = scored.filter((s) => s.case.topics.length > 0);
  const firstRelevant = (s: Scored, m: RetrievalMethod) => firstRelevantRank(rankings[m](s), documents, s.case.topics);

  const foldOf = (id: string) =>
    createHash('sha256')
      .update(`${options.seed ?? 1}:${id}`)
      .digest()
      .readUInt32BE(0) % folds;
  const bestLexical = (s: Scored) => Math.max(...s.lexical);
  const bestZ = (s: Scored) => Math.max(...zScores(s.dense!));
  const bestCosine = (s: Scored) => Math.max(...s.dense!);
  // The z-score is the model-independent rule; the raw cosine is reported beside it because on this
  // set it separates better, but its threshold is specific to one model's (compressed) scale.
  const gateRules: Record<RetrievalMethod, { rule: string; stats: (s: Scored) => number[] }[]> = {
    lexical: [{ rule: 'best lexical cosine ≥ t', stats: (s) => [bestLexical(s)] }],
    dense: [
      { rule: 'best dense z-score ≥ t', stats: (s) => [bestZ(s)] },
      { rule: 'best dense cosine ≥ t', stats: (s) => [bestCosine(s)] },
    ],
    hybrid: [
      { rule: 'best lexical cosine ≥ t1 or best dense z ≥ t2', stats: (s) => [bestLexical(s), bestZ(s)] },
      { rule: 'best lexical cosine ≥ t1 or best dense cosine ≥ t2', stats: (s) => [bestLexical(s), bestCosine(s)] },
    ],
  };

  const pairing = options.pairing
    ? await evaluatePairingOnNeeds(options.pairing.graph, options.pairing.catalog, cases, lexical, dense, { folds, foldOf })
    : undefined;
  return {
    ...(pairing ? { pairing } : {}),
    needs: needs.length,
    nonsense: scored.length - needs.length,
    documents: documents.length,
    folds,
    methods: methods.map((m) => {
      const ranks = needs.map((s) => firstRelevant(s, m));
      const topFive = needs.map((s) => topIndices(rankings[m](s), 5).filter((i) => documents[i].topics.some((t) => s.case.topics.includes(t))).length / 5);
      return {
        method: m,
        hitAt5: ranks.filter((r) => r <= 5).length / needs.length,
        mrr: ranks.reduce((a, r) => a + 1 / r, 0) / needs.length,
        precisionAt5: topFive.reduce((a, b) => a + b, 0) / needs.length,
        gates: gateRules[m].map((g) =>
          crossValidatedGate(
            g.rule,
            scored.map((s) => ({ id: s.case.id, isNeed: s.case.topics.length > 0, stats: g.stats(s) })),
            foldOf,
            folds,
          ),
        ),
      };
    }),
    ranks: needs.map((s) => ({
      id: s.case.id,
      text: s.case.text,
      lexical: firstRelevant(s, 'lexical'),
      ...(dense ? { dense: firstRelevant(s, 'dense'), hybrid: firstRelevant(s, 'hybrid') } : {}),
    })),
  };
}

/** Reciprocal-rank fusion as HybridRelevance computes it: documents sharing nothing lexically get no lexical term. */
export function fuse(lexical: number[], dense: number[], k: number): number[] {
  const lr = competitionRanks(lexical);
  const dr = competitionRanks(dense);
  return lexical.map((l, i) => (l > 0 ? 1 / (k + lr[i]) : 0) + 1 / (k + dr[i]));
}

/** 1-based rank of the first document researching one of `topics` (ties broken by document order); documents + 1 when none. */
function firstRelevantRank(scores: number[], documents: RetrievalDocument[], topics: string[]): number {
  const order = topIndices(scores, scores.length);
  const at = order.findIndex((i) => documents[i].topics.some((t) => topics.includes(t)));
  return at < 0 ? documents.length + 1 : at + 1;
}

function topIndices(scores: number[], n: number): number[] {
  return scores
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, n)
    .map(([, i]) => i);
}

interface GateCase {
  id: string;
  isNeed: boolean;
  /** One statistic per threshold; the case is answered when any statistic reaches its threshold. */
  stats: number[];
}

function crossValidatedGate(rule: string, cases: GateCase[], foldOf: (id: string) => number, folds: number): GateEvaluation {
  let needsAnswered = 0;
  let nonsenseAnswered = 0;
  for (let f = 0; f < folds; f++) {
    const thresholds = fitGate(cases.filter((c) => foldOf(c.id) !== f));
    for (const c of cases.filter((x) => foldOf(x.id) === f)) {
      const answered = c.stats.some((s, j) => s >= thresholds[j]);
      if (answered && c.isNeed) needsAnswered++;
      if (answered && !c.isNeed) nonsenseAnswered++;
    }
  }
  const needs = cases.filter((c) => c.isNeed).length;
  return {
    rule,
    thresholds: fitGate(cases),
    needsAnswered: needsAnswered / needs,
    nonsenseAnswered,
    nonsense: cases.length - needs,
  };
}

/** Thresholds (one per statistic) maximising balanced accuracy; candidates are midpoints of observed values. */
export function fitGate(cases: GateCase[]): number[] {
  const dims = cases[0]?.stats.length ?? 0;
  const candidates = Array.from({ length: dims }, (_, j) => {
    const values = [...new Set(cases.map((c) => c.stats[j]))].sort((a, b) => a - b);
    const mids = values.slice(1).map((v, i) => (v + values[i]) / 2);
    return [...mids, Infinity];
  });
  const needs = cases.filter((c) => c.isNeed).length;
  const nonsense = cases.length - needs;
  let best = { score: -1, thresholds: candidates.map(() => Infinity) };
  const visit = (j: number, chosen: number[]) => {
    if (j === dims) {
      let answeredNeeds = 0;
      let refused = 0;
      for (const c of cases) {
        const answered = c.stats.some((s, d) => s >= chosen[d]);
        if (c.isNeed && answered) answeredNeeds++;
        if (!c.isNeed && !answered) refused++;
      }
      const score = (needs ? answeredNeeds / needs : 0) + (nonsense ? refused / nonsense : 0);
      if (score > best.score) best = { score, thresholds: [...chosen] };
      return;
    }
    for (const t of candidates[j]) visit(j + 1, [...chosen, t]);
  };
  visit(0, []);
  return best.thresholds;
}
