// `npm run eval:attachment [-- --file F.jsonl] [--folds 5] [--seed 1]`: k-fold cross-validation of
// automatic attachment (folds by firm, seeded) on a labelled file, or on the current graph's attached
// firms when no file is given, with the TF-IDF centroid baseline on the same folds. `--embeddings`
// adds the dense signals: each firm embedded once by the embeddings server (started as `npm start` does),
// the vectors cached under .data/attachment-embeddings/ by a hash of the text, so reruns are fast.
// `--as-imported` (../shared/real only): what the API holds after the real-chain import of
// scripts/test/realChain.ts, emulated in process on every fold — segments described by the imported
// template (name, 'L1 · L2 · L3' description, keywords, included products taken from the fold's
// training firms only), at most 50 products a firm; `--makes-first` also orders a training firm's
// products as the graph returned them before (names matching the template first). `--answers F.jsonl`
// writes every held-out firm's best 10 segments (probability, score, signal values), the baseline's
// and the truth, one firm a line: the input of the error audit in docs/evaluation.md.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  connectHttpEmbedder,
  crossValidateAttachment,
  embeddingText,
  loadAttachmentTraining,
  readLabelledFile,
  type AttachmentEvaluation,
  type HeldOutAnswer,
  type LabelledExample,
} from '../engine/index.ts';
import { startEmbeddings } from './embeddings/startEmbeddings.ts';
import { realChain } from './test/realChain.ts';
import { openGraph } from './runtime.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    embeddings: { type: 'boolean', default: false },
    'as-imported': { type: 'boolean', default: false },
    'makes-first': { type: 'boolean', default: false },
    answers: { type: 'string' },
  },
  strict: true,
});
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
      examples: firms.map((f) => ({
        id: f.id,
        name: f.name,
        products: f.products,
        description: f.description,
        label: f.segmentIds[0],
        ancestors: [chainOf.get(f.segmentIds[0])!],
      })),
      labelNames: new Map(segments.map((s) => [s.id, `${s.chainName} · ${s.name}`])),
      source: `the attached firms of ${open.uri}`,
    };
  } finally {
    await open.close();
  }
}

/** Gives every example its embedding, from the on-disk cache or the embeddings server (then cached). */
async function embedExamples(examples: LabelledExample[]): Promise<void> {
  const runtime = await startEmbeddings({ log: (line) => console.error(`[embeddings] ${line}`) });
  if (!runtime.url) throw new Error(`--embeddings: no embeddings server (${runtime.summary})`);
  try {
    const embedder = await connectHttpEmbedder({ url: runtime.url });
    mkdirSync('.data/attachment-embeddings', { recursive: true });
    const file = `.data/attachment-embeddings/${embedder.model.replace(/[^\w.-]/g, '_')}.jsonl`;
    const key = (text: string) => createHash('sha256').update(text).digest('hex');
    const cached = new Map<string, Float32Array>();
    if (existsSync(file))
      for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        const { hash, vector } = JSON.parse(line) as { hash: string; vector: number[] };
        cached.set(hash, Float32Array.from(vector));
      }
    const missing = [...new Set(examples.map(embeddingText))].filter((t) => !cached.has(key(t)));
    const started = Date.now();
    for (let i = 0; i < missing.length; i += 64) {
      const batch = missing.slice(i, i + 64);
      const vectors = await embedder.embed(batch, 'passage');
      appendFileSync(file, batch.map((t, k) => `${JSON.stringify({ hash: key(t), vector: Array.from(vectors[k]) })}\n`).join(''));
      batch.forEach((t, k) => cached.set(key(t), vectors[k]));
    }
    if (missing.length) console.error(`[embeddings] ${missing.length} firms embedded in ${((Date.now() - started) / 1000).toFixed(0)} s, cached in ${file}`);
    for (const e of examples) e.embedding = cached.get(key(embeddingText(e)));
  } finally {
    await runtime.server?.stop();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function print(r: AttachmentEvaluation, source: string): void {
  console.log(`Automatic attachment, ${r.folds}-fold cross-validation by firm (seed ${r.seed}) on ${source}: ${r.firms} firms, ${r.labels} labels\n`);
  const levels = r.methods[0].levels.map((l) => `L${l.level} acc@1`);
  console.log(['method', 'acc@1', 'acc@3', 'acc@10', ...levels].join(' | '));
  for (const m of r.methods)
    console.log([m.method, pct(m.accuracyAt1), pct(m.accuracyAt3), pct(m.accuracyAt10), ...m.levels.map((l) => pct(l.accuracyAt1))].join(' | '));
  console.log(`\nCalibration of the top answer: expected calibration error ${r.calibration.expectedCalibrationError.toFixed(3)}`);
  console.log('confidence | answers | mean confidence | right');
  for (const b of r.calibration.bins)
    if (b.answers) console.log(`${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.answers} | ${b.meanConfidence.toFixed(3)} | ${b.accuracy.toFixed(3)}`);
  console.log('\ndecision | share of firms | right');
  for (const d of r.decisions) console.log(`${d.decision} | ${pct(d.share)} | ${pct(d.precision)}`);
  console.log(`\nIf attached from a threshold (coverage at ≥ 90 % right: ${pct(r.precisionCoverage.coverageAt90)})\nthreshold | share of firms | right`);
  for (const p of r.precisionCoverage.points) console.log(`${p.threshold.toFixed(2)} | ${pct(p.coverage)} | ${pct(p.precision)}`);
  console.log(
    '\nOrdered by confidence (the attach target: ≥ 90 % right at ≥ 30 % coverage)\nmethod | coverage at ≥ 90 % right | right among the 30 % most confident',
  );
  console.log(`ChainMatch (calibrated confidence) | ${pct(r.precisionCoverage.coverageAt90)} | ${pct(r.precisionCoverage.precisionAt30)}`);
  console.log(`TF-IDF centroid baseline (cosine margin) | ${pct(r.baselineCoverage.coverageAt90)} | ${pct(r.baselineCoverage.precisionAt30)}`);
  console.log('\nMost confused (truth → answer): ');
  for (const c of r.confusedPairs) console.log(`${c.truth} → ${c.predicted}: ${c.count}`);
}

const data = values.file ? { ...readLabelledFile(readFileSync(values.file, 'utf8'), values.file), source: values.file } : await graphExamples();
if (values.embeddings) await embedExamples(data.examples);
/** Segments of one fold as the real-chain import describes them (see `--as-imported` above). */
function importedSegments(train: LabelledExample[], labels: string[]) {
  const trainIds = new Set(train.map((e) => e.id));
  const chainId = 'real-sw';
  const bySegment = new Map(
    realChain(chainId, { templateFrom: (code) => trainIds.has(code) }).template.segments.map((s) => [s.id.slice(chainId.length + 1), s]),
  );
  const segments = labels.map((label) => {
    const s = bySegment.get(label)!;
    return { id: label, text: [s.name, s.description, ...s.keywords], products: s.products.map((p) => p.name) };
  });
  if (values['makes-first']) {
    // Training firms reordered, the fold's held-out firms as given (they are asked about as a caller lists them).
    const included = new Set(segments.flatMap((s) => s.products));
    for (const e of data.examples) {
      const given = givenProducts.get(e)!;
      e.products = trainIds.has(e.id) ? [...given.filter((p) => included.has(p)), ...given.filter((p) => !included.has(p))] : given;
    }
  }
  return segments;
}

if (values['as-imported']) for (const e of data.examples) e.products = e.products?.slice(0, 50).map((p) => p.slice(0, 100));
const givenProducts = new Map(data.examples.map((e) => [e, e.products ?? []]));
const answers: string[] = [];
const keep = ({ fold, firm, ranked, baseline }: HeldOutAnswer) =>
  answers.push(JSON.stringify({ fold, id: firm.id, name: firm.name, truth: firm.label, products: firm.products?.length ?? 0, ranked, baseline }));
const report = crossValidateAttachment(data.examples, data.labelNames, {
  folds,
  seed,
  segments: values['as-imported'] ? importedSegments : undefined,
  onAnswer: values.answers ? keep : undefined,
});
if (values.answers) writeFileSync(values.answers, `${answers.join('\n')}\n`);
if (values.json) console.log(JSON.stringify(report, null, 2));
else print(report, data.source);
