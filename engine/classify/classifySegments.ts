import { attachmentDecision } from '../config/attachment.ts';
import type { Message } from '../contracts/messages/message.ts';
import { say } from '../i18n/say.ts';
import { detailOf } from '../i18n/signalDetail.ts';
import type { SignalScore } from '../match/explanation.ts';
import { AttachmentClassifier } from './attachmentClassifier.ts';
import { type SignalName, signalNames, type SignalTable } from './attachmentModel.ts';
import type { FirmDescription } from './firmTerms.ts';
import type { AttachmentTraining } from './attachmentTraining.ts';
import type { AttachmentDecision, ClassifyInput, ClassifyOptions, SegmentSuggestion } from './suggestion.ts';

export type { ClassifyInput, SegmentSuggestion } from './suggestion.ts';

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** What each signal counted, as a catalogue message (zhMessages.ts `classify.*`): `detail` in Chinese, `detailParts` to render. */
const signalDetail: Record<SignalName, (value: number) => Message> = {
  gramCentroid: (v) => say('classify.gramCentroid', { similarity: v.toFixed(2) }),
  wordCentroid: (v) => say('classify.wordCentroid', { similarity: v.toFixed(2) }),
  nameCentroid: (v) => say('classify.nameCentroid', { similarity: v.toFixed(2) }),
  gramNeighbours: (v) => say('classify.gramNeighbours', { vote: v.toFixed(2) }),
  wordNeighbours: (v) => say('classify.wordNeighbours', { vote: v.toFixed(2) }),
  productNeighbours: (v) => say('classify.productNeighbours', { vote: v.toFixed(2) }),
  segmentText: (v) => say('classify.segmentText', { similarity: v.toFixed(2) }),
  prior: () => say('classify.prior'),
  productLines: (v) => say('classify.productLines', { vote: v.toFixed(2) }),
  segmentProducts: (v) => say('classify.segmentProducts', { percent: Math.round(v * 100) }),
  leadingProductLines: (v) => say('classify.leadingProductLines', { vote: v.toFixed(2) }),
  similarSegments: (v) => say('classify.similarSegments', { similarity: v.toFixed(2) }),
  denseCentroid: (v) => say('classify.denseCentroid', { similarity: v.toFixed(2) }),
  denseNeighbours: (v) => say('classify.denseNeighbours', { vote: v.toFixed(2) }),
  nameNeighbours: (v) => say('classify.nameNeighbours', { vote: v.toFixed(2) }),
  nameSegmentText: (v) => say('classify.nameSegmentText', { similarity: v.toFixed(2) }),
  leadingGramCentroid: (v) => say('classify.leadingGramCentroid', { similarity: v.toFixed(2) }),
  termLogit: (v) => say('classify.termLogit', { percent: Math.round(Math.exp(v) * 100) }),
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

export interface TrainedScope {
  training: AttachmentTraining;
  classifier: AttachmentClassifier;
  firmIndex: Map<string, number>;
}

export function trainScope(training: AttachmentTraining): TrainedScope {
  const segmentIndex = new Map(training.segments.map((s, i) => [s.id, i]));
  const classifier = AttachmentClassifier.train(
    training.firms.map((f) => ({ ...f, labels: f.segmentIds.map((id) => segmentIndex.get(id)!) })),
    training.segments.map((s) => ({ id: s.id, text: s.text, products: s.products, attached: s.attached })),
    training.outsiders,
  );
  return { training, classifier, firmIndex: new Map(training.firms.map((f, i) => [f.id, i])) };
}

/** A firm's signals with everything but its embedding: what a request computes while the embedding is on its way. */
export interface PreparedSuggestions {
  firm: FirmDescription & { products: string[] };
  hidden: Set<number>;
  table: SignalTable;
  limit: number;
}

export function prepareSuggestions(scope: TrainedScope, input: ClassifyInput, options: ClassifyOptions = {}): PreparedSuggestions {
  const hidden = new Set((options.excludeFirmIds ?? []).map((id) => scope.firmIndex.get(id)).filter((i): i is number => i !== undefined));
  const firm = { name: input.name, products: (input.products ?? []).map((p) => p.trim()).filter(Boolean), description: input.description };
  return { firm, hidden, table: scope.classifier.model.signals(firm, undefined, hidden), limit: options.limit ?? 5 };
}

/** Ranks a trained scope's segments for one firm (lexically), with calibrated confidence, decision and evidence. */
export function suggestSegments(scope: TrainedScope, input: ClassifyInput, options: ClassifyOptions = {}): SegmentSuggestion[] {
  return finishSuggestions(scope, prepareSuggestions(scope, input, options));
}

/**
 * The ranking, with calibrated confidence, decision and evidence, from the signals prepared. `embedding`:
 * the firm's vector (e5 passage of `embeddingText`), needed when the scope learned from vectors.
 */
export function finishSuggestions(scope: TrainedScope, { firm, hidden, table, limit }: PreparedSuggestions, embedding?: Float32Array): SegmentSuggestion[] {
  const { training, classifier } = scope;
  if (embedding) classifier.model.addDenseSignals({ ...firm, embedding }, hidden, table);
  const { items, neighbours } = classifier.rankSignals(table, { limit });
  return items.map((item, rank) => {
    const segment = training.segments[item.segment];
    const signals: SignalScore[] = signalNames.flatMap((name, j) =>
      denseSignal(name) && !classifier.model.hasEmbeddings
        ? []
        : [
            {
              signal: name,
              value: round(item.signals[j]),
              weight: round(classifier.weights[j]),
              contribution: round(item.signals[j] * classifier.weights[j]),
              ...detailOf(signalDetail[name](item.signals[j])),
            },
          ],
    );
    const evidence = classifier.model.evidence(firm, item.segment, neighbours);
    const confidence = round(item.probability);
    return {
      segmentId: segment.id,
      segmentName: segment.name,
      chainId: segment.chainId,
      chainName: segment.chainName,
      score: round(item.score),
      confidence,
      decision: decide(confidence, rank, classifier.fitted, firm.products.length > 0 || Boolean(firm.description?.trim())),
      signals,
      evidence: {
        products: evidence.products,
        words: evidence.words,
        similarFirms: evidence.similarFirms.map((n) => ({ id: training.firms[n.firm].id, name: training.firms[n.firm].name, similarity: round(n.similarity) })),
      },
    };
  });
}
