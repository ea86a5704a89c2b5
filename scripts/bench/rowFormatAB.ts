// `npx tsx scripts/bench/rowFormatAB.ts [--scale N] [--rounds R]`: the loader's row format alone. One fresh
// embedded Neo4j holds the generated Enterprise nodes; then the same rows are written again (MERGE finds
// every node, SET += writes the same values) as Bolt maps (`SET n += row`, the loader before positional
// rows) and as positional rows (`SET n += {col: row.v[i]}`, the format tried in the loader in 7921713 and
// taken out again: BENCHMARKS.md, "Positional rows"), alternating R times.
// Same server work but the decoding of the parameters, so the CPU seconds of the Neo4j JVM compare the
// two formats on a machine shared with others (wall time there says little).
import { defaultBatchSize, validateBatch } from '../../engine/index.ts';
import { buildSeed, seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { numberFlags } from '../args.ts';
import { withCpu } from './cpuTime.ts';
import { startScratchNeo4j } from './scratchNeo4j.ts';

const flags = numberFlags(['scale', 'rounds'] as const, process.argv.slice(2));
const enterprises = flags.scale ?? 20_000;
const batch = await validateBatch(buildSeed({ scale: enterprises / seedEnterpriseCount() }));
const group = batch.nodes.find((g) => g.label === 'Enterprise')!;
const db = await startScratchNeo4j('row-format', { heapMb: 2048, pageCacheMb: 1024 }, { quiet: true });
try {
  const asMaps = async () => {
    for (let i = 0; i < group.rows.length; i += defaultBatchSize) {
      const rows = group.rows.slice(i, i + defaultBatchSize);
      await db.graph.write((tx) => tx.run('UNWIND $rows AS row MERGE (n:Enterprise {id: row.id}) SET n += row', { rows }));
    }
  };
  // Every validated Enterprise row has the same keys, so one column list serves all of them.
  const columns = Object.keys(group.rows[0])
    .filter((k) => k !== 'id')
    .sort();
  const cypher = `UNWIND $rows AS row MERGE (n:Enterprise {id: row.id}) SET n += {${columns.map((c, i) => `\`${c}\`: row.v[${i}]`).join(', ')}}`;
  const positional = async () => {
    for (let i = 0; i < group.rows.length; i += defaultBatchSize) {
      const rows = group.rows.slice(i, i + defaultBatchSize).map((row) => ({ id: row.id, v: columns.map((c) => row[c]) }));
      await db.graph.write((tx) => tx.run(cypher, { rows }));
    }
  };
  await asMaps(); // creates the nodes; not measured
  const pid = db.neo4j.process.pid!;
  for (let round = 1; round <= (flags.rounds ?? 3); round++) {
    for (const [format, write] of [
      ['maps', asMaps],
      ['positional', positional],
    ] as const) {
      const started = performance.now();
      const { neo4jCpuS, nodeCpuS } = await withCpu(pid, write);
      const ms = Math.round(performance.now() - started);
      console.log(JSON.stringify({ round, format, rows: group.rows.length, columns: Object.keys(group.rows[0]).length, ms, neo4jCpuS, nodeCpuS }));
    }
  }
} finally {
  await db.dispose();
}
