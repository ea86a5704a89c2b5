// `npm run seed -- [--scale N] [--seed S] [--batch-size B]`: generate and load the seed graph.
// Without --scale: the calibrated district. With --scale N: a synthetic graph of about N enterprises
// with everything else proportional (for benchmarks).
import { seedEnterpriseCount } from '../seed/generate/buildSeed.ts';
import { seedGraph } from '../seed/seedGraph.ts';
import { numberFlags } from './args.ts';
import { progressBar } from './progress.ts';
import { closeOnSignals, openGraph } from './runtime.ts';

const flags = numberFlags(['scale', 'seed', 'batch-size'] as const);
const scale = flags.scale ? flags.scale / seedEnterpriseCount() : 1;
const open = await openGraph();
closeOnSignals(open);
try {
  const bar = progressBar(`[seed ×${scale.toFixed(2)}]`);
  const report = await seedGraph(open.graph, { scale, seed: flags.seed, batchSize: flags['batch-size'], onProgress: bar.update });
  bar.stop();
  console.log(`loaded ${report.nodes} nodes + ${report.relationships} relationships in ${(report.ms / 1000).toFixed(1)} s — ${report.elementsPerSecond} elements/s`);
} finally {
  await open.close();
}
