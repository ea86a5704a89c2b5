import { attachmentDecision } from '../config/attachment.ts';
import { AttachmentClassifier } from './attachmentClassifier.ts';
import { calibrationReport, type CalibrationReport } from './calibrationReport.ts';
import { centroidBaseline } from './centroidBaseline.ts';
import { foldsByFirm } from './firmFolds.ts';
import { type OrderedCoverage, orderedCoverage, precisionCoverage, type PrecisionCoverage } from './precisionCoverage.ts';
import type { FirmDescription } from './firmTerms.ts';
import type { SegmentWords } from './signals.ts';

/** A firm with its known segment (label), as a labelled file or the graph's attached firms give it. */
export interface LabelledExample extends FirmDescription {
  id: string;
  label: string;
  /** The label's ancestors from the top level down (e.g. 申万 L1, L2), when labels are hierarchical. */
  ancestors?: string[];
}

export interface MethodAccuracy {
  method: string;
  accuracyAt1: number;
  accuracyAt3: number;
  accuracyAt10: number;
  /** Accuracy@1 of the top answer's ancestor at each level (level 1 = top). */
  levels: { level: number; accuracyAt1: number }[];
}

export interface AttachmentEvaluation {
  firms: number;
  labels: number;
  folds: number;
  seed: number;
  methods: MethodAccuracy[];
  calibration: CalibrationReport;
  decisions: { decision: 'attach' | 'review' | 'reject'; share: number; precision: number }[];
  /** What other `attach` thresholds would cover and how often rightly (the top answer per firm). */
  precisionCoverage: PrecisionCoverage;
  /** The same order-only figures for the baseline, ranked by its cosine margin (not a probability). */
  baselineCoverage: OrderedCoverage;
  confusedPairs: { truth: string; predicted: string; count: number }[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The labels a labelled set ranks over (every label seen or named, sorted), each a segment described by its name. */
export function attachmentLabels(examples: LabelledExample[], labelNames: Map<string, string>) {
  const labels = [...new Set([...examples.map((e) => e.label), ...labelNames.keys()])].sort();
  return { labels, segmentOf: new Map(labels.map((l, i) => [l, i])), segments: labels.map((l) => ({ id: l, text: [labelNames.get(l) ?? ''] })) };
}

/**
 * How a fold's segments are described, given its training firms: by default each label's name; an
 * evaluation of what an import stores passes the chain template it would import (words and included
 * products, built from the training firms only). Must return one segment per label, in label order.
 */
export type FoldSegments = (train: LabelledExample[], labels: string[]) => SegmentWords[];

/** One held-out firm's answers, for an audit of what the classifier got wrong and how sure it was. */
export interface HeldOutAnswer {
  fold: number;
  firm: LabelledExample;
  /** The classifier's best 10 segments (labels), with calibrated probability, score and signal values. */
  ranked: { label: string; probability: number; score: number; signals: number[] }[];
  baseline: { ranked: string[]; margin: number };
}

/** One fold's classifier, trained as a deployment trains it: `train` as the attached firms, over all labels of `examples`. */
export function trainOnFold(
  train: LabelledExample[],
  examples: LabelledExample[],
  labelNames: Map<string, string>,
  foldSegments?: FoldSegments,
): AttachmentClassifier {
  const { labels, segmentOf, segments } = attachmentLabels(examples, labelNames);
  return AttachmentClassifier.train(
    train.map((e) => ({ ...e, labels: [segmentOf.get(e.label)!] })),
    foldSegments?.(train, labels) ?? segments,
  );
}

/**
 * k-fold cross-validation of attachment, folds by firm (seeded): for each fold the classifier is
 * trained exactly as a deployment trains it — on the other folds' firms as attached firms — and
 * ranks the held-out firms' segments. The centroid baseline runs on the same folds.
 */
export function crossValidateAttachment(
  examples: LabelledExample[],
  labelNames: Map<string, string>,
  options: { folds?: number; seed?: number; segments?: FoldSegments; onAnswer?: (answer: HeldOutAnswer) => void } = {},
): AttachmentEvaluation {
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 1;
  const { labels } = attachmentLabels(examples, labelNames);
  const ancestorsOf = new Map(examples.map((e) => [e.label, e.ancestors ?? []]));
  const levelCount = Math.max(0, ...examples.map((e) => e.ancestors?.length ?? 0));
  const rankings: { method: string; truth: LabelledExample; ranked: string[] }[] = [];
  const answers: { confidence: number; right: boolean }[] = [];
  const baselineAnswers: { confidence: number; right: boolean }[] = [];
  const confusion = new Map<string, number>();
  for (const [fold, test] of foldsByFirm(examples, folds, seed).entries()) {
    const testIds = new Set(test.map((e) => e.id));
    const train = examples.filter((e) => !testIds.has(e.id));
    const classifier = trainOnFold(train, examples, labelNames, options.segments);
    const baseline = centroidBaseline(train);
    for (const e of test) {
      const { items } = classifier.rank(e, { limit: 10 });
      const ranked = items.map((i) => labels[i.segment]);
      const reference = baseline(e);
      options.onAnswer?.({
        fold,
        firm: e,
        ranked: items.map((i) => ({ label: labels[i.segment], probability: i.probability, score: i.score, signals: i.signals })),
        baseline: { ranked: reference.ranked.slice(0, 10), margin: reference.margin },
      });
      rankings.push({ method: 'ChainMatch', truth: e, ranked }, { method: 'TF-IDF centroid baseline', truth: e, ranked: reference.ranked.slice(0, 10) });
      baselineAnswers.push({ confidence: reference.margin, right: reference.ranked[0] === e.label });
      const right = ranked[0] === e.label;
      answers.push({ confidence: items[0]?.probability ?? 0, right });
      if (!right && ranked[0]) confusion.set(`${e.label}\u0000${ranked[0]}`, (confusion.get(`${e.label}\u0000${ranked[0]}`) ?? 0) + 1);
    }
  }
  const methods = ['ChainMatch', 'TF-IDF centroid baseline'].map((method) => {
    const rows = rankings.filter((r) => r.method === method);
    const at = (k: number) => r3(rows.filter((r) => r.ranked.slice(0, k).includes(r.truth.label)).length / rows.length);
    const levels = Array.from({ length: levelCount }, (_, level) => ({
      level: level + 1,
      accuracyAt1: r3(
        rows.filter((r) => r.ranked[0] !== undefined && ancestorsOf.get(r.ranked[0])?.[level] === r.truth.ancestors?.[level]).length / rows.length,
      ),
    }));
    return { method, accuracyAt1: at(1), accuracyAt3: at(3), accuracyAt10: at(10), levels };
  });
  const band = (c: number) => (c >= attachmentDecision.attach ? 'attach' : c >= attachmentDecision.review ? 'review' : 'reject');
  const decisions = (['attach', 'review', 'reject'] as const).map((decision) => {
    const inBand = answers.filter((a) => band(a.confidence) === decision);
    return { decision, share: r3(inBand.length / answers.length), precision: r3(inBand.filter((a) => a.right).length / Math.max(1, inBand.length)) };
  });
  const confusedPairs = [...confusion]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 15)
    .map(([key, count]) => {
      const [truth, predicted] = key.split('\u0000');
      return { truth: labelNames.get(truth) ?? truth, predicted: labelNames.get(predicted) ?? predicted, count };
    });
  return {
    firms: examples.length,
    labels: labels.length,
    folds,
    seed,
    methods,
    calibration: calibrationReport(answers),
    decisions,
    precisionCoverage: precisionCoverage(answers),
    baselineCoverage: orderedCoverage(baselineAnswers),
    confusedPairs,
  };
}
