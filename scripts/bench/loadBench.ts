import { countElements, defaultBatchSize, defaultConcurrency, type Graph, type GraphBatch, graphCounts, loadGraph } from '../../engine/index.ts';
import { withCpu } from './cpuTime.ts';
import { probeImportFolder, runCsvReference, writeCsvReference } from './csvReference.ts';
import { startScratchNeo4j, type Neo4jSizing, type ScratchNeo4j } from './scratchNeo4j.ts';

export interface LoadBenchResult {
  nodes: number;
  relationships: number;
  loader: {
    batchSize: number;
    concurrency: number;
    /** From the loader's own report: the write phase, after validation. */
    ms: number;
    elementsPerSecond: number;
    /** Including validateBatch (every row against its schema). */
    wallMs: number;
    wallElementsPerSecond: number;
    /** CPU seconds used meanwhile by the Neo4j JVM and by this Node process (validation, encoding). */
    neo4jCpuS: number;
    nodeCpuS: number;
    /** Elements per CPU-second of both processes: the machine-independent efficiency. */
    elementsPerCpuSecond: number;
  };
  loadCsv: {
    rowsPerTransaction: number;
    statements: number;
    csvWriteMs: number;
    ms: number;
    elementsPerSecond: number;
    neo4jCpuS: number;
    elementsPerCpuSecond: number;
    importFolder: string;
  };
  /** loader ÷ LOAD CSV elements per CPU-second: the ratio with the other load on the machine taken out. */
  cpuRatio: number;
  /** loader ÷ LOAD CSV elements per second (target ≥ 1.0). */
  ratio: number;
  /** Both databases hold the same number of nodes per label and relationships per type. */
  countsEqual: boolean;
  countDifferences: string[];
}

/** Per label and type, ImportRun (the loader's own bookkeeping) left out. */
async function dataCounts(graph: Graph): Promise<Record<string, number>> {
  const c = await graphCounts(graph);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(c.byLabel)) if (k !== 'ImportRun' && v > 0) out[`:${k}`] = v;
  for (const [k, v] of Object.entries(c.byType)) if (v > 0) out[`[:${k}]`] = v;
  return out;
}

const perSecond = (elements: number, ms: number) => Math.round((elements / Math.max(ms, 1)) * 1000);

/**
 * Loads `batch` twice, each into a fresh database with the schema in place: first the server-side
 * reference (LOAD CSV … CALL { MERGE } IN TRANSACTIONS, then that database is thrown away), then the
 * project's loader into the database that is returned for the query benchmarks.
 */
export async function loadBench(batch: GraphBatch, sizing: Neo4jSizing, runId: string): Promise<{ result: LoadBenchResult; db: ScratchNeo4j }> {
  const { nodes, relationships } = countElements(batch);
  const elements = nodes + relationships;

  const reference = await startScratchNeo4j('bench-csv', sizing, { quiet: true });
  let csv: LoadBenchResult['loadCsv'];
  let referenceCounts: Record<string, number>;
  try {
    const folder = await probeImportFolder(reference.graph, reference.home);
    const t = performance.now();
    const statements = writeCsvReference(batch, folder.dir, folder.urlOf, defaultBatchSize);
    const csvWriteMs = Math.round(performance.now() - t);
    const run = await withCpu(reference.neo4j.process.pid!, () => runCsvReference(reference.graph, statements));
    const ms = Math.round(run.value);
    csv = {
      rowsPerTransaction: defaultBatchSize,
      statements: statements.length,
      csvWriteMs,
      ms,
      elementsPerSecond: perSecond(elements, ms),
      neo4jCpuS: run.neo4jCpuS,
      elementsPerCpuSecond: Math.round(elements / Math.max(run.neo4jCpuS, 0.01)),
      importFolder: folder.note,
    };
    referenceCounts = await dataCounts(reference.graph);
    process.stderr.write(`  LOAD CSV reference: ${elements} elements in ${ms} ms — ${csv.elementsPerSecond}/s (CPU s: Neo4j ${csv.neo4jCpuS})\n`);
  } finally {
    await reference.dispose();
  }

  const db = await startScratchNeo4j('bench', sizing, { quiet: true });
  try {
    const started = performance.now();
    const { value: report, neo4jCpuS, nodeCpuS } = await withCpu(db.neo4j.process.pid!, () => loadGraph(db.graph, batch, { runId }));
    const wallMs = Math.round(performance.now() - started);
    const elementsPerCpuSecond = Math.round(elements / Math.max(neo4jCpuS + nodeCpuS, 0.01));
    const loaderCounts = await dataCounts(db.graph);
    const keys = [...new Set([...Object.keys(loaderCounts), ...Object.keys(referenceCounts)])].sort();
    const countDifferences = keys
      .filter((k) => loaderCounts[k] !== referenceCounts[k])
      .map((k) => `${k}: loader ${loaderCounts[k] ?? 0}, LOAD CSV ${referenceCounts[k] ?? 0}`);
    process.stderr.write(
      `  loader: ${elements} elements in ${report.ms} ms — ${report.elementsPerSecond}/s (wall ${wallMs} ms; CPU s: Neo4j ${neo4jCpuS}, Node ${nodeCpuS})\n`,
    );
    return {
      db,
      result: {
        nodes,
        relationships,
        loader: {
          batchSize: defaultBatchSize,
          concurrency: defaultConcurrency,
          ms: report.ms,
          elementsPerSecond: report.elementsPerSecond,
          wallMs,
          wallElementsPerSecond: perSecond(elements, wallMs),
          neo4jCpuS,
          nodeCpuS,
          elementsPerCpuSecond,
        },
        loadCsv: csv,
        ratio: Math.round((report.elementsPerSecond / csv.elementsPerSecond) * 100) / 100,
        cpuRatio: Math.round((elementsPerCpuSecond / csv.elementsPerCpuSecond) * 100) / 100,
        countsEqual: countDifferences.length === 0,
        countDifferences,
      },
    };
  } catch (error) {
    await db.dispose();
    throw error;
  }
}
