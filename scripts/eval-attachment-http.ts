// `npm run eval:attachment:http [-- --fold 0] [--products template|firms] [--embeddings]`: issue 12, item 3 — the attachment figures of one
// cross-validation fold of ../shared/real measured through the HTTP API, next to the engine's own
// figures for the very same fold. A throwaway embedded Neo4j and the real API server are started,
// the real 申万 chain and the other folds' firms are imported over HTTP (the firms placed in their
// industry, i.e. training data), every firm of the fold is classified with POST /classify/segments,
// and both are stopped again. Nothing is left behind; the data is read in place from ../shared/real.
//
// `--products template` (default) imports the chain as scripts/test/realChain.ts shapes it: each
// segment lists at most 20 product names, and the import keeps a firm's products only where they
// match one (MAKES), as a real deployment would. `--products firms` adds every product name of the
// training firms to the template, so the graph holds what the engine trains on and the two rows
// differ only by the path (graph loading, segment texts, names, HTTP) — not by the import's matching.
//
// `--embeddings` starts the embeddings server as `npm start` does and gives the API its URL: the
// classifier then learns from the training firms' vectors too (engine/classify/firmVectors.ts). The
// fold is classified once the vectors are stored and the classifier reads them (every answer says
// "hybrid"), so the row measures classification by meaning, not the lexical answers given meanwhile.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiConfigFromEnv } from '../api/config.ts';
import {
  Graph,
  attachmentDecision,
  attachmentLabels,
  calibrationReport,
  createDriver,
  ensureSchema,
  foldsByFirm,
  readLabelledFile,
  trainOnFold,
  type LabelledExample,
} from '../engine/index.ts';
import { startEmbeddings } from './embeddings/startEmbeddings.ts';
import { startEmbeddedNeo4j } from './neo4j/embedded.ts';
import { freePort } from './bench/freePort.ts';
import { realChain, realDataDir } from './test/realChain.ts';
import { postJson, startTestServer } from './test/testServer.ts';

/** The split of `npm run eval:attachment -- --folds 5` (its defaults), so fold k here is its fold k. */
const folds = 5;
const seed = 1;
const chainId = 'real-sw';
/** The first request trains the classifier on the imported firms: give it time, unlike a user request. */
const requestTimeoutMs = 15 * 60_000;

const { values } = parseArgs({
  options: { fold: { type: 'string', default: '0' }, products: { type: 'string', default: 'template' }, embeddings: { type: 'boolean', default: false } },
  strict: true,
});
const fold = Number(values.fold);
if (!Number.isInteger(fold) || fold < 0 || fold >= folds) throw new Error(`--fold must be an integer from 0 to ${folds - 1}, got "${values.fold}"`);
if (values.products !== 'template' && values.products !== 'firms') throw new Error(`--products must be "template" or "firms", got "${values.products}"`);
// One log line per request would bury the table; warnings and errors still show.
process.env.LOG_LEVEL ??= 'warn';

/** One firm's answer, from either path: its true industry, the ranked industries and the top answer's confidence. */
interface Answer {
  truth: string;
  ranked: string[];
  confidence: number;
  attach: boolean;
}

/** Level-1 industry of every 申万 code (a level-3 code's grandparent), for L1 accuracy of either path. */
function level1Of(): Map<string, string> {
  const rows = readFileSync(realDataDir + 'industries.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { code: string; parent: string | null });
  const parent = new Map(rows.map((r) => [r.code, r.parent]));
  const top = (code: string): string => (parent.get(code) ? top(parent.get(code)!) : code);
  return new Map(rows.map((r) => [r.code, top(r.code)]));
}

/** The engine's row: the classifier trained on the other folds exactly as crossValidateAttachment trains it. */
function engineAnswers(examples: LabelledExample[], labelNames: Map<string, string>, test: LabelledExample[]): Answer[] {
  const testIds = new Set(test.map((e) => e.id));
  const classifier = trainOnFold(
    examples.filter((e) => !testIds.has(e.id)),
    examples,
    labelNames,
  );
  const { labels } = attachmentLabels(examples, labelNames);
  return test.map((e) => {
    const { items } = classifier.rank(e, { limit: 10 });
    const confidence = items[0]?.probability ?? 0;
    // The same band crossValidateAttachment uses for its decision table.
    return { truth: e.label, ranked: items.map((i) => labels[i.segment]), confidence, attach: confidence >= attachmentDecision.attach };
  });
}

type Template = ReturnType<typeof realChain>['template'];

/**
 * The template with every product name the training firms give, so that the import stores them all
 * as MAKES. One Product per name (a name under two segments would make a firm MAKE both and count
 * twice), under the segment where most training firms name it; only training firms are read, so
 * nothing of the held-out fold reaches the graph.
 */
function withFirmProducts(template: Template, training: { segmentIds: string[]; products: string[] }[]): Template {
  const listed = new Set(template.segments.flatMap((s) => s.products.map((p) => p.name)));
  const votes = new Map<string, Map<string, number>>();
  for (const firm of training) {
    for (const name of new Set(firm.products)) {
      if (listed.has(name)) continue;
      const bySegment = votes.get(name) ?? votes.set(name, new Map()).get(name)!;
      bySegment.set(firm.segmentIds[0], (bySegment.get(firm.segmentIds[0]) ?? 0) + 1);
    }
  }
  const added = new Map<string, string[]>();
  for (const [name, bySegment] of votes) {
    const [segmentId] = [...bySegment].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    (added.get(segmentId) ?? added.set(segmentId, []).get(segmentId)!).push(name);
  }
  return {
    ...template,
    segments: template.segments.map((s) => ({
      ...s,
      products: [...s.products, ...(added.get(s.id) ?? []).map((name, j) => ({ id: `${s.id}.f${j + 1}`, name, nameEn: `${s.nameEn} firm product ${j + 1}` }))],
    })),
  };
}

/** Uploads one file to POST /import/{entity} as a person with the write key would, and returns the report. */
async function importOverHttp(base: string, key: string, entity: string, filename: string, content: string) {
  const form = new FormData();
  form.append('file', new Blob([content]), filename);
  const res = await fetch(`${base}/api/v1/import/${entity}`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${key}` } });
  let body = await res.json();
  // A large file is a job (202 + Location): followed until it ends, its report is the answer.
  for (let status = res.status; status === 202;) {
    await new Promise((r) => setTimeout(r, 1_000));
    const job = await (await fetch(`${base}${res.headers.get('location')}`, { headers: { Authorization: `Bearer ${key}` } })).json();
    if (job.state === 'succeeded') [status, body] = [200, job.report];
    else if (job.state !== 'queued' && job.state !== 'running')
      throw new Error(`import job of ${entity} ${job.state}: ${JSON.stringify(job.problem).slice(0, 2000)}`);
  }
  if (res.status !== 200 && res.status !== 202) throw new Error(`import of ${entity} answered ${res.status}: ${JSON.stringify(body).slice(0, 2000)}`);
  return body as { rows: number; nodes: number; relationships: number; unmatchedProducts: { id: string; products: string[] }[]; ms: number };
}

interface Suggestion {
  segmentId: string;
  confidence: number;
  decision: 'attach' | 'review' | 'reject';
}

/** The API's row: each firm of the fold as a caller describes it, scoped to the imported chain. */
async function httpAnswers(base: string, firms: { name: string; products: string[]; truth: string }[], log: (line: string) => void) {
  const answers: Answer[] = [];
  const ms: number[] = [];
  let trainedOn = 0;
  const providers = new Map<string, number>();
  for (const [i, firm] of firms.entries()) {
    const started = Date.now();
    const res = await postJson(`${base}/api/v1/classify/segments`, { name: firm.name, products: firm.products, chainIds: [chainId], limit: 10 });
    const body = (await res.json()) as { items: Suggestion[]; trainedOn: number; textProvider: string };
    if (res.status !== 200) throw new Error(`classify answered ${res.status}: ${JSON.stringify(body).slice(0, 2000)}`);
    ms.push(Date.now() - started);
    if (i === 0) log(`first request (waits for training): ${(ms[0] / 1000).toFixed(1)} s, trained on ${body.trainedOn} firms`);
    trainedOn = body.trainedOn;
    providers.set(body.textProvider, (providers.get(body.textProvider) ?? 0) + 1);
    const top = body.items[0];
    answers.push({
      truth: firm.truth,
      ranked: body.items.map((s) => s.segmentId.slice(chainId.length + 1)),
      confidence: top?.confidence ?? 0,
      attach: top?.decision === 'attach',
    });
  }
  const later = ms.slice(1).sort((a, b) => a - b);
  return { answers, trainedOn, providers, p50: later[Math.floor(later.length * 0.5)] ?? 0, p95: later[Math.floor(later.length * 0.95)] ?? 0 };
}

/**
 * With `--embeddings`: asks until the classifier reads meaning. The first classification starts storing the
 * training firms' vectors; once stored, the classifier is retrained in the background and answers "hybrid".
 */
async function untilHybrid(base: string, firm: { name: string; products: string[] }, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  for (;;) {
    const res = await postJson(`${base}/api/v1/classify/segments`, { name: firm.name, products: firm.products, chainIds: [chainId], limit: 1 });
    const { textProvider } = (await res.json()) as { textProvider: string };
    const { classifiers } = (await (await fetch(`${base}/health`)).json()) as { classifiers?: { firmVectors?: { state: string } } };
    if (textProvider === 'hybrid') return log(`classifier reads meaning after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (classifiers?.firmVectors?.state === 'failed') throw new Error(`firm vectors failed: ${JSON.stringify(classifiers.firmVectors)}`);
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The figures of item 3 for one list of answers. */
function summarise(answers: Answer[], level1: Map<string, string>) {
  const share = (f: (a: Answer) => boolean, of = answers) => of.filter(f).length / Math.max(1, of.length);
  const at = (k: number) => share((a) => a.ranked.slice(0, k).includes(a.truth));
  const attached = answers.filter((a) => a.attach);
  return {
    firms: answers.length,
    acc1: at(1),
    acc3: at(3),
    acc10: at(10),
    l1: share((a) => a.ranked[0] !== undefined && level1.get(a.ranked[0]) === level1.get(a.truth)),
    ece: calibrationReport(answers.map((a) => ({ confidence: a.confidence, right: a.ranked[0] === a.truth }))).expectedCalibrationError,
    attachShare: attached.length / Math.max(1, answers.length),
    attachPrecision: share((a) => a.ranked[0] === a.truth, attached),
  };
}

function printRows(rows: { method: string; figures: ReturnType<typeof summarise> }[]): void {
  console.log(['method', 'firms', 'acc@1', 'acc@3', 'acc@10', 'L1 acc@1', 'ECE (top)', 'attach share', 'attach right'].join(' | '));
  for (const { method, figures: f } of rows) {
    console.log([method, f.firms, pct(f.acc1), pct(f.acc3), pct(f.acc10), pct(f.l1), f.ece.toFixed(3), pct(f.attachShare), pct(f.attachPrecision)].join(' | '));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const { examples, labelNames } = readLabelledFile(readFileSync(realDataDir + 'firms.jsonl', 'utf8'), realDataDir + 'firms.jsonl');
  const test = foldsByFirm(examples, folds, seed)[fold];
  const testIds = new Set(test.map((e) => e.id));
  const level1 = level1Of();

  log(`engine: training on ${examples.length - test.length} firms, ranking fold ${fold} (${test.length} firms)`);
  const engine = summarise(engineAnswers(examples, labelNames, test), level1);

  // The chain and firms exactly as a new user imports ../shared/real (scripts/test/realChain.ts):
  // the held-out fold is not imported, the others are placed in their industry's segment.
  const real = realChain(chainId, { templateFrom: (code) => !testIds.has(code) });
  const labelOf = new Map(examples.map((e) => [e.id, e.label]));
  const training = real.enterprises.filter((e) => !testIds.has(e.id));
  const template = values.products === 'firms' ? withFirmProducts(real.template, training) : real.template;
  // A held-out firm is asked about as the import would have stored it (registered name, first 50
  // products); the engine's file reader names it the same way but keeps every product.
  const queries = real.enterprises.filter((e) => testIds.has(e.id)).map((e) => ({ name: e.name, products: e.products, truth: labelOf.get(e.id)! }));

  const embeddings = values.embeddings ? await startEmbeddings({ log: (line) => log(`[embeddings] ${line}`) }) : undefined;
  if (embeddings && !embeddings.url) throw new Error(`--embeddings: no embeddings server (${embeddings.summary})`);
  // Read by the API's text services (engine/text/textServices.ts), as `npm start` sets it.
  if (embeddings?.url) process.env.EMBEDDINGS_URL = embeddings.url;
  const dataDir = mkdtempSync(join(tmpdir(), 'chainmatch-eval-http-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: 512, heapMb: 2048 });
  const graph = new Graph(createDriver({ uri: neo4j.uri }));
  let api: Awaited<ReturnType<typeof startTestServer>> | undefined;
  try {
    await ensureSchema(graph);
    const key = `eval_${randomBytes(16).toString('hex')}`;
    api = await startTestServer(graph, apiConfigFromEnv({ CHAINMATCH_API_KEYS: `eval:${key}:write`, REQUEST_TIMEOUT_MS: String(requestTimeoutMs) }));
    log(`Neo4j ${neo4j.uri} (started in ${(neo4j.startMs / 1000).toFixed(1)} s), API ${api.base}`);

    const chain = await importOverHttp(api.base, key, 'chains', 'sw-chain.json', JSON.stringify(template));
    log(
      `imported chain ${chainId}: ${template.segments.length} segments, ${template.feeds.length} FEEDS, ${chain.nodes} nodes (${(chain.ms / 1000).toFixed(1)} s)`,
    );
    const firms = await importOverHttp(api.base, key, 'enterprises', 'sw-firms.jsonl', training.map((e) => JSON.stringify(e)).join('\n') + '\n');
    // Products match the template's Product nodes by exact name; the rest are not stored (MAKES).
    const given = training.reduce((n, e) => n + e.products.length, 0);
    const dropped = firms.unmatchedProducts.reduce((n, u) => n + u.products.length, 0);
    log(`imported ${firms.rows} firms (${(firms.ms / 1000).toFixed(1)} s); products stored as MAKES: ${given - dropped} of ${given} given`);

    if (embeddings) await untilHybrid(api.base, queries[0], log);
    log(`classifying ${queries.length} firms of fold ${fold} over HTTP`);
    const http = await httpAnswers(api.base, queries, log);
    log(
      `done: trained on ${http.trainedOn} firms; later requests p50 ${http.p50} ms, p95 ${http.p95} ms; answered by ${JSON.stringify(Object.fromEntries(http.providers))}`,
    );

    console.log(
      `\nAttachment on fold ${fold} of ${folds} (seed ${seed}) of ${realDataDir}firms.jsonl: ${examples.length - test.length} training firms, ${test.length} held out; products: ${values.products} (${given - dropped} of ${given} stored)\n`,
    );
    printRows([
      { method: 'engine (trainOnFold, as crossValidateAttachment)', figures: engine },
      { method: `HTTP API (import + POST /classify/segments${embeddings ? ', with embeddings' : ''})`, figures: summarise(http.answers, level1) },
    ]);
    console.log(
      `\nattach = top answer with confidence ≥ ${attachmentDecision.attach} (engine) / decision "attach" (API); run time ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await api?.close();
    await graph.close();
    await neo4j.stop();
    await embeddings?.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
