import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphBatch } from '../../engine/index.ts';
import { bulkLoad, type BulkLoadReport } from '../bulk/bulkLoad.ts';
import { freePort } from './freePort.ts';
import { startScratchNeo4j, type Neo4jSizing, type ScratchNeo4j } from './scratchNeo4j.ts';

/**
 * From this many enterprises a scale is loaded by the bulk path (issue 17 item 1: Neo4j's offline
 * importer for big first loads), not by the online loader and LOAD CSV: at 1M those two would take
 * ~15 minutes of the run to measure what the 100k scale already measures.
 */
export const bulkBenchFromEnterprises = 200_000;

/** Issue 17 item 1: 1,000,000 firms from validation to a queryable database with every index. */
export const bulkTotalTargetMs = 10 * 60_000;

export interface BulkLoadBenchResult extends BulkLoadReport {
  /** The reference: the importer's own rate over the same elements (its JVM's wall time alone). */
  importerElementsPerSecond: number;
}

/**
 * Loads `batch` with the bulk path into a fresh home, then reopens that store as the scratch database
 * the query benchmarks use (the restart costs a database start, not part of the load's figures).
 */
export async function bulkLoadBench(batch: GraphBatch, sizing: Neo4jSizing): Promise<{ result: BulkLoadBenchResult; db: ScratchNeo4j }> {
  const home = mkdtempSync(join(tmpdir(), 'chainmatch-bench-bulk-'));
  try {
    const { report, neo4j, graph } = await bulkLoad(batch, { dataDir: home, boltPort: await freePort(), ...sizing, log: () => undefined });
    await graph.close();
    await neo4j.stop();
    const elements = report.nodes + report.relationships;
    const result = { ...report, importerElementsPerSecond: Math.round((elements / Math.max(report.importer.ms, 1)) * 1000) };
    process.stderr.write(
      `  bulk path: ${elements} elements in ${report.totalMs} ms — ${report.elementsPerSecond}/s (importer alone ${result.importerElementsPerSecond}/s)\n`,
    );
    return { result, db: await startScratchNeo4j('bench-bulk', sizing, { home, quiet: true }) };
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
}
