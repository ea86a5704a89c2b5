import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDriver, ensureSchema, Graph, graphCounts, loadGraph, SetupError, validateBatch, type GraphBatch } from '../../engine/index.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from '../neo4j/embedded.ts';
import { writeImporterCsv, type ImporterFiles } from './importerCsv.ts';
import { runNeo4jImporter, type ImporterRun } from './neo4jImporter.ts';

/** Exit code of the bulk commands when the database already holds data (nothing is touched). */
export const notEmptyExitCode = 3;

/**
 * The first start on a freshly imported store may take far longer than the usual 120 s: at 10^6 firms,
 * niced and on 2 cores shared at load average ~30, it had not become ready after 120 s (19.5 s when
 * started again at load ~13). Ten minutes, so hours of import are not thrown away over a slow start.
 */
const importedStoreStartTimeoutMs = 10 * 60_000;

export class DatabaseNotEmptyError extends SetupError {
  constructor(
    readonly home: string,
    readonly nodes: number,
  ) {
    super(
      `the database in ${home} already holds ${nodes} node(s): the offline importer only fills an empty database. ` +
        'Load into it with the online loader (npm run seed without --bulk, or the import API), or empty it first with npm run db:reset.',
    );
  }
}

export interface BulkLoadOptions extends EmbeddedOptions {
  /** Where the importer CSV files go; kept when given, else a folder in the home removed afterwards. */
  csvDir?: string;
  /** Recorded as a complete ImportRun, as the online seed load records its run. */
  runId?: string;
}

export interface BulkLoadReport {
  nodes: number;
  relationships: number;
  validateMs: number;
  csvMs: number;
  importer: ImporterRun;
  /** Database start after the import, then constraints and indexes built (and awaited). */
  startMs: number;
  schemaMs: number;
  /** Empty lists set after the import (the importer stores none). */
  fixupMs: number;
  totalMs: number;
  elementsPerSecond: number;
  /** Peak resident memory of this Node process so far (generation included), MB. */
  nodePeakRssMb: number;
}

function storeDir(home: string): string {
  return join(home, 'data', 'databases', 'neo4j');
}

/**
 * Whether the importer may write: true (overwrite an empty store) when the database exists and holds
 * no node, false when there is no store yet. A database holding data is refused with
 * DatabaseNotEmptyError before anything is written.
 */
export async function checkEmpty(options: EmbeddedOptions): Promise<{ overwrite: boolean }> {
  if (!existsSync(storeDir(options.dataDir))) return { overwrite: false };
  const neo4j = await startEmbeddedNeo4j(options);
  const graph = new Graph(createDriver({ uri: neo4j.uri }));
  try {
    const [{ nodes }] = await graph.query<{ nodes: number }>('MATCH (n) RETURN count(n) AS nodes');
    if (nodes > 0) throw new DatabaseNotEmptyError(options.dataDir, nodes);
    return { overwrite: true };
  } finally {
    await graph.close();
    await neo4j.stop();
  }
}

/**
 * Sets the empty lists the importer left out (ImporterFile.emptyLists). Label and column come from the
 * validated batch (allow-listed label, a schema's property name), never from free text.
 */
async function fillEmptyLists(graph: Graph, files: ImporterFiles): Promise<void> {
  for (const file of files.files) {
    for (const { column, ids } of file.emptyLists) {
      const match = ids ? `UNWIND $ids AS id MATCH (n:${file.name} {id: id})` : `MATCH (n:${file.name}) WHERE n.\`${column}\` IS NULL`;
      await graph.run(`${match} CALL (n) { SET n.\`${column}\` = [] } IN TRANSACTIONS OF 50000 ROWS`, { ids: ids ?? [] });
    }
  }
}

/** Counts per label and type after the import must equal what was written, else the load failed. */
async function verifyCounts(graph: Graph, files: ImporterFiles): Promise<void> {
  const counts = await graphCounts(graph);
  const expected = new Map<string, number>();
  for (const f of files.files) expected.set(`${f.kind}:${f.name}`, (expected.get(`${f.kind}:${f.name}`) ?? 0) + f.rows);
  const wrong: string[] = [];
  for (const [key, rows] of expected) {
    const [kind, name] = key.split(':');
    const found = kind === 'nodes' ? counts.byLabel[name] : counts.byType[name];
    if (found !== rows) wrong.push(`${name}: ${found} in the database, ${rows} in the files`);
  }
  if (counts.nodes !== files.nodes || counts.relationships !== files.relationships) {
    wrong.push(`total ${counts.nodes} nodes + ${counts.relationships} relationships, files ${files.nodes} + ${files.relationships}`);
  }
  if (wrong.length) throw new SetupError(`the imported database does not hold what was written: ${wrong.slice(0, 20).join('; ')}`);
}

/**
 * The bulk path for a big first load: validates the batch with the same schemas as the online loader,
 * writes it as importer CSV, runs Neo4j's offline importer into the empty embedded store, starts the
 * database, builds the same constraints and indexes as every start (ensureSchema) and checks the
 * counts. Returns the running database; the caller stops it.
 */
export async function bulkLoad(input: GraphBatch, options: BulkLoadOptions): Promise<{ report: BulkLoadReport; neo4j: EmbeddedNeo4j; graph: Graph }> {
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const started = Date.now();
  const { overwrite } = await checkEmpty(options);

  let t = Date.now();
  const batch = await validateBatch(input);
  const validateMs = Date.now() - t;

  t = Date.now();
  const csvDir = options.csvDir ?? join(options.dataDir, 'bulk-import');
  const files = writeImporterCsv(batch, csvDir);
  const csvMs = Date.now() - t;
  log(`[bulk] ${files.nodes} nodes + ${files.relationships} relationships written as CSV in ${(csvMs / 1000).toFixed(1)} s`);

  let importer: ImporterRun;
  try {
    importer = await runNeo4jImporter(options.dataDir, files, { overwrite, log });
  } finally {
    if (!options.csvDir) rmSync(csvDir, { recursive: true, force: true });
  }

  t = Date.now();
  const neo4j = await startEmbeddedNeo4j({ startTimeoutMs: importedStoreStartTimeoutMs, ...options });
  const graph = new Graph(createDriver({ uri: neo4j.uri }));
  const startMs = Date.now() - t;
  try {
    t = Date.now();
    await ensureSchema(graph);
    const schemaMs = Date.now() - t;
    t = Date.now();
    await fillEmptyLists(graph, files);
    const fixupMs = Date.now() - t;
    await verifyCounts(graph, files);
    if (options.runId) {
      const now = new Date().toISOString();
      const rows = files.nodes + files.relationships;
      await loadGraph(graph, {
        nodes: [{ label: 'ImportRun', rows: [{ id: options.runId, status: 'complete', startedAt: new Date(started).toISOString(), finishedAt: now, rows }] }],
        relationships: [],
      });
    }
    const totalMs = Date.now() - started;
    const elements = files.nodes + files.relationships;
    const report: BulkLoadReport = {
      nodes: files.nodes,
      relationships: files.relationships,
      validateMs,
      csvMs,
      importer,
      startMs,
      schemaMs,
      fixupMs,
      totalMs,
      elementsPerSecond: Math.round((elements / Math.max(totalMs, 1)) * 1000),
      nodePeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    return { report, neo4j, graph };
  } catch (error) {
    await graph.close();
    await neo4j.stop();
    throw error;
  }
}
