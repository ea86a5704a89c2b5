// `npm run seed -- [--scale N] [--seed S] [--batch-size B] [--bulk [--csv-dir D]]`: generate and load the seed graph.
// Without --scale: the calibrated district. With --scale N: a synthetic graph of about N enterprises
// with everything else proportional (for benchmarks). With --bulk: into an EMPTY embedded database
// through Neo4j's offline importer (scripts/bulk/), the fast path for big first loads; refused with
// exit code 3 when the database holds data. --csv-dir keeps the importer's CSV files there.
import { buildSeed, seedEnterpriseCount } from '../seed/generate/buildSeed.ts';
import { seedGraph, seedRunId } from '../seed/seedGraph.ts';
import { numberFlags } from './args.ts';
import { bulkLoad, DatabaseNotEmptyError, notEmptyExitCode } from './bulk/bulkLoad.ts';
import { defaultEmbeddedOptions } from './neo4j/embedded.ts';
import { progressBar } from './progress.ts';
import { closeOnSignals, openGraph } from './runtime.ts';

// --bulk and --csv-dir are taken out first; the numeric flags stay strict (an unknown flag is an error).
const argv = process.argv.slice(2);
const csvAt = argv.indexOf('--csv-dir');
const values = { bulk: argv.includes('--bulk'), 'csv-dir': csvAt >= 0 ? argv[csvAt + 1] : undefined };
const flags = numberFlags(
  ['scale', 'seed', 'batch-size'] as const,
  argv.filter((a, i) => a !== '--bulk' && i !== csvAt && (csvAt < 0 || i !== csvAt + 1)),
);
const scale = flags.scale ? flags.scale / seedEnterpriseCount() : 1;

if (values.bulk) {
  if (process.env.NEO4J_URI) {
    console.error("--bulk writes the embedded database's files directly; it cannot load a server named by NEO4J_URI (use the online loader).");
    process.exit(2);
  }
  try {
    const generated = Date.now();
    const batch = buildSeed({ scale, seed: flags.seed });
    console.error(`[bulk] generated ×${scale.toFixed(2)} in ${((Date.now() - generated) / 1000).toFixed(1)} s`);
    const options = { ...defaultEmbeddedOptions(), csvDir: values['csv-dir'], runId: seedRunId({ scale, seed: flags.seed }) };
    const { report, neo4j, graph } = await bulkLoad(batch, options);
    await graph.close();
    await neo4j.stop();
    const s = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `bulk-loaded ${report.nodes} nodes + ${report.relationships} relationships in ${s(report.totalMs)} s — ${report.elementsPerSecond} elements/s ` +
        `(validate ${s(report.validateMs)} s, CSV ${s(report.csvMs)} s, importer ${s(report.importer.ms)} s at peak ${report.importer.peakRssMb} MB, ` +
        `start ${s(report.startMs)} s, indexes ${s(report.schemaMs)} s; Node peak ${report.nodePeakRssMb} MB)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof DatabaseNotEmptyError ? notEmptyExitCode : 1);
  }
} else {
  const open = await openGraph();
  closeOnSignals(open);
  try {
    const bar = progressBar(`[seed ×${scale.toFixed(2)}]`);
    const report = await seedGraph(open.graph, { scale, seed: flags.seed, batchSize: flags['batch-size'], onProgress: bar.update });
    bar.stop();
    console.log(
      `loaded ${report.nodes} nodes + ${report.relationships} relationships in ${(report.ms / 1000).toFixed(1)} s — ${report.elementsPerSecond} elements/s`,
    );
  } finally {
    await open.close();
  }
}
