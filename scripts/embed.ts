// `npm run embed`: store sentence vectors on the graph's nodes (only those whose text changed) and
// keep their vector indexes. Needs a local model: EMBED_MODEL_PATH (+ EMBED_MODEL_ID), see docs/embeddings.md.
import { embedderConfigFromEnv, embedNodes, loadEmbedder } from '../engine/index.ts';
import { progressBar } from './progress.ts';
import { closeOnSignals, openGraph } from './runtime.ts';

const config = embedderConfigFromEnv();
if (!config) {
  console.error(
    'No embedding model is configured: set EMBED_MODEL_PATH (and EMBED_MODEL_ID) to a local model folder — `npm run model:fetch` on a machine with internet makes one. Without it every feature uses the lexical scorer.',
  );
  process.exit(2);
}
const embedder = await loadEmbedder(config);
const open = await openGraph();
closeOnSignals(open);
try {
  const bar = progressBar(`[embed ${embedder.model}]`);
  const report = await embedNodes(open.graph, embedder, { onProgress: bar.update });
  bar.stop();
  console.log(`embedded ${report.embedded} nodes (${report.unchanged} unchanged) in ${(report.ms / 1000).toFixed(1)} s`);
} finally {
  await open.close();
}
