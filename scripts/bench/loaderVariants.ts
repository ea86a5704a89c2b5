// `npx tsx scripts/bench/loaderVariants.ts [--scale N] [--only a,b,…]`: where the loader's extra Neo4j CPU
// against LOAD CSV goes (issue 17 item 2). The same validated rows go, each time into a fresh embedded
// Neo4j, through LOAD CSV … IN TRANSACTIONS (csv), the loader itself (loader), and write-phase variants
// that change one thing each: transactions in flight, the `RETURN count(r)` check, the end-node sort and
// start-node partition, CREATE instead of MERGE for relationships, rows per transaction. One JSON line per
// variant with the CPU seconds of the Neo4j JVM and of this Node process during the write.
import { defaultBatchSize, type Graph, type GraphBatch, loadGraph, validateBatch } from '../../engine/index.ts';
import { buildSeed, seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { numberFlags } from '../args.ts';
import { withCpu } from './cpuTime.ts';
import { probeImportFolder, runCsvReference, writeCsvReference } from './csvReference.ts';
import { sizingFor, startScratchNeo4j } from './scratchNeo4j.ts';

interface Variant {
  /** Transactions in flight. */
  workers: number;
  size: number;
  returnCount: boolean;
  /** Relationship rows split by start node per worker and sorted by end node (the loader's lock order). */
  sorted: boolean;
  relVerb: 'MERGE' | 'CREATE';
  /** `SET n += row` after MERGE (the planner puts an Eager before it) or the same map in ON CREATE SET / ON MATCH SET (no Eager). */
  onSet: boolean;
}

const base: Variant = { workers: 2, size: defaultBatchSize, returnCount: true, sorted: true, relVerb: 'MERGE', onSet: false };
const variants: Record<string, Partial<Variant> | 'loader' | 'csv'> = {
  csv: 'csv',
  loader: 'loader',
  copy: {},
  oneTx: { workers: 1 },
  noCount: { returnCount: false },
  oneTxNoCount: { workers: 1, returnCount: false },
  oneTxUnsorted: { workers: 1, sorted: false },
  oneTxCsvLike: { workers: 1, sorted: false, returnCount: false },
  createRels: { relVerb: 'CREATE' },
  rows10k: { size: 10_000 },
  rows50k: { size: 50_000 },
  onSet: { onSet: true },
  onSetNoCount: { onSet: true, returnCount: false },
  onSetOneTx: { onSet: true, workers: 1 },
};

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

async function writeVariant(graph: Graph, batch: GraphBatch, v: Variant): Promise<void> {
  type Step = { cypher: string; rows: unknown[] };
  const nodeSteps = function* (): Generator<Step> {
    for (const g of batch.nodes) {
      const set = v.onSet ? 'ON CREATE SET n += row ON MATCH SET n += row' : 'SET n += row';
      const cypher = `UNWIND $rows AS row MERGE (n:${g.label} {id: row.id}) ${set}`;
      for (let i = 0; i < g.rows.length; i += v.size) yield { cypher, rows: g.rows.slice(i, i + v.size) };
    }
  };
  const relSteps = function* (part: number): Generator<Step> {
    for (const g of batch.relationships) {
      const cypher =
        `UNWIND $rows AS row MATCH (a:${g.from} {id: row.from}) MATCH (b:${g.to} {id: row.to}) ` +
        `${v.relVerb} (a)-[r:${g.type}]->(b) ` +
        (v.onSet && v.relVerb === 'MERGE' ? 'ON CREATE SET r += row.props ON MATCH SET r += row.props' : 'SET r += row.props') +
        (v.returnCount ? ' RETURN count(r) AS written' : '');
      const rows = v.sorted
        ? g.rows.filter((r) => hashOf(r.from) % v.workers === part).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0))
        : part === 0
          ? g.rows
          : [];
      for (let i = 0; i < rows.length; i += v.size) yield { cypher, rows: rows.slice(i, i + v.size) };
    }
  };
  const drain = async (steps: Iterable<Step>) => {
    for (const s of steps) await graph.write((tx) => tx.run(s.cypher, { rows: s.rows }));
  };
  const nodes = nodeSteps();
  await Promise.all(Array.from({ length: v.workers }, () => drain(nodes)));
  if (v.sorted) await Promise.all(Array.from({ length: v.workers }, (_, p) => drain(relSteps(p))));
  else {
    const rels = relSteps(0);
    await Promise.all(Array.from({ length: v.workers }, () => drain(rels)));
  }
}

const args = process.argv.slice(2);
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args.splice(onlyArg, 2)[1].split(',') : Object.keys(variants);
const flags = numberFlags(['scale'] as const, args);
const enterprises = flags.scale ?? 10_000;
const batch = await validateBatch(buildSeed({ scale: enterprises / seedEnterpriseCount() }));
const elements = batch.nodes.reduce((n, g) => n + g.rows.length, 0) + batch.relationships.reduce((n, g) => n + g.rows.length, 0);

for (const name of only) {
  const spec = variants[name];
  if (!spec) throw new Error(`unknown variant ${name}`);
  const db = await startScratchNeo4j(`variant-${name}`, sizingFor(enterprises), { quiet: true });
  try {
    let work: () => Promise<unknown>;
    if (spec === 'csv') {
      const folder = await probeImportFolder(db.graph, db.home);
      const statements = writeCsvReference(batch, folder.dir, folder.urlOf, defaultBatchSize);
      work = () => runCsvReference(db.graph, statements);
    } else if (spec === 'loader') work = () => loadGraph(db.graph, batch);
    else work = () => writeVariant(db.graph, batch, { ...base, ...spec });
    const started = performance.now();
    const { neo4jCpuS, nodeCpuS } = await withCpu(db.neo4j.process.pid!, work);
    const ms = Math.round(performance.now() - started);
    const [{ n }] = await db.graph.query<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
    const load = (await import('node:os')).loadavg()[0].toFixed(1);
    console.log(JSON.stringify({ variant: name, enterprises, elements, ms, neo4jCpuS, nodeCpuS, relationships: Number(n), load }));
  } finally {
    await db.dispose();
  }
}
