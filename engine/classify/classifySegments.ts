import { attachmentDecision } from '../config/attachment.ts';
import type { Graph } from '../graph/graph.ts';
import type { SignalScore } from '../match/explanation.ts';
import { AttachmentClassifier } from './attachmentClassifier.ts';
import { type SignalName, signalNames } from './attachmentModel.ts';
import { type AttachmentTraining, loadAttachmentTraining } from './attachmentTraining.ts';
import type { AttachmentDecision, ClassifyInput, ClassifyOptions, SegmentSuggestion } from './suggestion.ts';

export type { ClassifyInput, SegmentSuggestion } from './suggestion.ts';

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** What each signal counted, in words (the explanation a person reads). */
const signalDetail: Record<SignalName, (value: number) => string> = {
  gramCentroid: (v) => `产品名称用字与本环节企业的产品相近（相似度 ${v.toFixed(2)}）`,
  wordCentroid: (v) => `产品词语与本环节企业的产品相近（相似度 ${v.toFixed(2)}）`,
  nameCentroid: (v) => `企业名称与本环节企业的名称相近（相似度 ${v.toFixed(2)}）`,
  gramNeighbours: (v) => `最相近的已挂链企业投向本环节（加权票 ${v.toFixed(2)}）`,
  wordNeighbours: (v) => `产品词语最相近的企业投向本环节（加权票 ${v.toFixed(2)}）`,
  productNeighbours: (v) => `生产相同产品的企业投向本环节（加权票 ${v.toFixed(2)}）`,
  segmentText: (v) => `与环节名称、描述和关键词相近（相似度 ${v.toFixed(2)}）`,
  prior: () => '本环节已挂链企业的多少（先验）',
  productLines: (v) => `逐条产品与已挂链企业的产品相近（加权票 ${v.toFixed(2)}）`,
  segmentProducts: (v) => `企业产品中 ${Math.round(v * 100)}% 为本环节模板所列产品`,
  leadingProductLines: (v) => `排在前面的主营产品与本环节企业的产品相近（加权票 ${v.toFixed(2)}）`,
  similarSegments: (v) => `与本环节相近的环节也与企业产品相近（相似度 ${v.toFixed(2)}）`,
  denseCentroid: (v) => `产品含义（语义向量）与本环节企业的产品相近（相似度 ${v.toFixed(2)}）`,
  denseNeighbours: (v) => `产品含义最相近的已挂链企业投向本环节（加权票 ${v.toFixed(2)}）`,
  nameNeighbours: (v) => `名称最相近的已挂链企业投向本环节（加权票 ${v.toFixed(2)}）`,
  nameSegmentText: (v) => `企业名称与环节名称相近（相似度 ${v.toFixed(2)}）`,
  leadingGramCentroid: (v) => `排在前面的主营产品用字与本环节企业的产品相近（相似度 ${v.toFixed(2)}）`,
};

/** The embedding signals, left out of an explanation when the scope's firms have no embeddings. */
const denseSignal = (name: SignalName) => name === 'denseCentroid' || name === 'denseNeighbours';

/**
 * attach / review / reject from the calibrated confidence. Only the top suggestion of a fitted model
 * for a firm that states products or a description can be attached without a person: a name alone
 * (南京某某有限公司) is not evidence of a trade, however the model scores it.
 */
export function decide(confidence: number, rank: number, fitted: boolean, hasEvidence: boolean): AttachmentDecision {
  if (rank === 0 && fitted && hasEvidence && confidence >= attachmentDecision.attach) return 'attach';
  return confidence >= attachmentDecision.review ? 'review' : 'reject';
}

interface TrainedScope {
  training: AttachmentTraining;
  classifier: AttachmentClassifier;
  firmIndex: Map<string, number>;
}

export function trainScope(training: AttachmentTraining): TrainedScope {
  const segmentIndex = new Map(training.segments.map((s, i) => [s.id, i]));
  const classifier = AttachmentClassifier.train(
    training.firms.map((f) => ({ ...f, labels: f.segmentIds.map((id) => segmentIndex.get(id)!) })),
    training.segments.map((s) => ({ id: s.id, text: s.text, products: s.products })),
    training.outsiders,
  );
  return { training, classifier, firmIndex: new Map(training.firms.map((f, i) => [f.id, i])) };
}

/** Ranks a trained scope's segments for one firm, with calibrated confidence, decision and evidence. */
export function suggestSegments(scope: TrainedScope, input: ClassifyInput, options: ClassifyOptions = {}): SegmentSuggestion[] {
  const { training, classifier } = scope;
  const hidden = new Set((options.excludeFirmIds ?? []).map((id) => scope.firmIndex.get(id)).filter((i): i is number => i !== undefined));
  const firm = { name: input.name, products: (input.products ?? []).map((p) => p.trim()).filter(Boolean), description: input.description };
  const { items, neighbours } = classifier.rank(firm, { limit: options.limit ?? 5, hidden });
  return items.map((item, rank) => {
    const segment = training.segments[item.segment];
    const signals: SignalScore[] = signalNames.flatMap((name, j) => (denseSignal(name) && !classifier.model.hasEmbeddings ? [] : [{
      signal: name,
      value: round(item.signals[j]),
      weight: round(classifier.weights[j]),
      contribution: round(item.signals[j] * classifier.weights[j]),
      detail: signalDetail[name](item.signals[j]),
    }]));
    const evidence = classifier.model.evidence(firm, item.segment, neighbours);
    const confidence = round(item.probability);
    return {
      segmentId: segment.id, segmentName: segment.name, chainId: segment.chainId, chainName: segment.chainName,
      score: round(item.score), confidence, decision: decide(confidence, rank, classifier.fitted, firm.products.length > 0 || Boolean(firm.description?.trim())), signals,
      evidence: {
        products: evidence.products,
        words: evidence.words,
        similarFirms: evidence.similarFirms.map((n) => ({ id: training.firms[n.firm].id, name: training.firms[n.firm].name, similarity: round(n.similarity) })),
      },
    };
  });
}

/**
 * Automatic attachment (挂链) for the graph it serves: one classifier per chain scope, trained on
 * that scope's attached firms and kept until they change (a reload that finds the same fingerprint
 * keeps the trained model, so a TTL refresh never retrains for nothing).
 */
export class SegmentAttachment {
  private readonly scopes = new Map<string, { loadedAt: number; scope: Promise<TrainedScope> }>();

  constructor(private readonly graph: Graph, private readonly ttlMs = 30_000) {}

  async scope(chainIds?: string[]): Promise<TrainedScope> {
    const key = [...new Set(chainIds ?? [])].sort().join('\u0000');
    const entry = this.scopes.get(key);
    if (entry && Date.now() - entry.loadedAt < this.ttlMs) return entry.scope;
    const previous = entry?.scope.catch(() => undefined);
    const scope = (async () => {
      const training = await loadAttachmentTraining(this.graph, chainIds?.length ? [...new Set(chainIds)] : undefined);
      const before = await previous;
      return before && before.training.fingerprint === training.fingerprint ? before : trainScope(training);
    })();
    this.scopes.set(key, { loadedAt: Date.now(), scope });
    scope.catch(() => this.scopes.get(key)?.scope === scope && this.scopes.delete(key));
    return scope;
  }

  /** After a write: the next request reloads (and retrains only if the training data changed). */
  invalidate(): void {
    for (const entry of this.scopes.values()) entry.loadedAt = 0;
  }
}
