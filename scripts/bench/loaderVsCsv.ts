// `npx tsx scripts/bench/loaderVsCsv.ts [--scale N] [--repeat R]`: only the load part of `npm run bench` —
// the project's loader and LOAD CSV … IN TRANSACTIONS on the same generated rows, each into its own fresh
// embedded Neo4j, in one run (loadBench.ts), R times in turn. One JSON line per round on stdout.
import { buildSeed, seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { seedRunId } from '../../seed/seedGraph.ts';
import { numberFlags } from '../args.ts';
import { loadBench } from './loadBench.ts';
import { sizingFor } from './scratchNeo4j.ts';

const flags = numberFlags(['scale', 'repeat'] as const, process.argv.slice(2));
const seedCount = seedEnterpriseCount();
const enterprises = flags.scale ?? seedCount;
const scale = enterprises / seedCount;
const batch = buildSeed({ scale });
for (let round = 1; round <= (flags.repeat ?? 1); round++) {
  const { result, db } = await loadBench(batch, sizingFor(enterprises), seedRunId({ scale }));
  await db.dispose();
  const { loader, loadCsv } = result;
  console.log(
    JSON.stringify({
      round,
      enterprises,
      elements: result.nodes + result.relationships,
      ratio: result.ratio,
      cpuRatio: result.cpuRatio,
      countsEqual: result.countsEqual,
      loader: { ms: loader.ms, perS: loader.elementsPerSecond, neo4jCpuS: loader.neo4jCpuS, nodeCpuS: loader.nodeCpuS },
      loadCsv: { ms: loadCsv.ms, perS: loadCsv.elementsPerSecond, neo4jCpuS: loadCsv.neo4jCpuS },
    }),
  );
}
