// `npm run eval:attachment [-- --file F.jsonl] [--folds 5] [--seed 1]`: k-fold cross-validation of
// automatic attachment (folds by firm, seeded) on a labelled file, or on the current graph's attached
// firms when no file is given, with the TF-IDF centroid baseline on the same folds.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadAttachmentTraining } from '../engine/classify/attachmentTraining.ts';
import { crossValidateAttachment, type AttachmentEvaluation, type LabelledExample } from '../engine/classify/crossValidateAttachment.ts';
import { readLabelledFile } from '../engine/classify/labelledFile.ts';
import { openGraph } from './runtime.ts';

const { values } = parseArgs({ options: { file: { type: 'string' }, folds: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } }, strict: true });
const folds = Number(values.folds);
const seed = Number(values.seed);
if (!Number.isInteger(folds) || folds < 2) throw new Error(`--folds must be an integer ≥ 2, got "${values.folds}"`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);

async function graphExamples(): Promise<{ examples: LabelledExample[]; labelNames: Map<string, string>; source: string }> {
  const open = await openGraph();
  try {
    const { segments, firms } = await loadAttachmentTraining(open.graph);
    const chainOf = new Map(segments.map((s) => [s.id, s.chainId]));
    return {
      examples: firms.map((f) => ({ id: f.id, name: f.name, products: f.products, description: f.description, label: f.segmentIds[0], ancestors: [chainOf.get(f.segmentIds[0])!] })),
      labelNames: new Map(segments.map((s) => [s.id, `${s.chainName} · ${s.name}`])),
      source: `the attached firms of ${open.uri}`,
    };
  } finally {
    await open.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function print(r: AttachmentEvaluation, source: string): void {
  console.log(`Automatic attachment, ${r.folds}-fold cross-validation by firm (seed ${r.seed}) on ${source}: ${r.firms} firms, ${r.labels} labels\n`);
  const levels = r.methods[0].levels.map((l) => `L${l.level} acc@1`);
  console.log(['method', 'acc@1', 'acc@3', 'acc@10', ...levels].join(' | '));
  for (const m of r.methods) console.log([m.method, pct(m.accuracyAt1), pct(m.accuracyAt3), pct(m.accuracyAt10), ...m.levels.map((l) => pct(l.accuracyAt1))].join(' | '));
  console.log(`\nCalibration of the top answer: expected calibration error ${r.calibration.expectedCalibrationError.toFixed(3)}`);
  console.log('confidence | answers | mean confidence | right');
  for (const b of r.calibration.bins) if (b.answers) console.log(`${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.answers} | ${b.meanConfidence.toFixed(3)} | ${b.accuracy.toFixed(3)}`);
  console.log('\ndecision | share of firms | right');
  for (const d of r.decisions) console.log(`${d.decision} | ${pct(d.share)} | ${pct(d.precision)}`);
  console.log(`\nIf attached from a threshold (coverage at ≥ 90 % right: ${pct(r.precisionCoverage.coverageAt90)})\nthreshold | share of firms | right`);
  for (const p of r.precisionCoverage.points) console.log(`${p.threshold.toFixed(2)} | ${pct(p.coverage)} | ${pct(p.precision)}`);
  console.log('\nMost confused (truth → answer): ');
  for (const c of r.confusedPairs) console.log(`${c.truth} → ${c.predicted}: ${c.count}`);
}

const data = values.file ? { ...readLabelledFile(readFileSync(values.file, 'utf8'), values.file), source: values.file } : await graphExamples();
const report = crossValidateAttachment(data.examples, data.labelNames, { folds, seed });
if (values.json) console.log(JSON.stringify(report, null, 2));
else print(report, data.source);
