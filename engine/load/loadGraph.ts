import { availableParallelism } from 'node:os';
import type { ManagedTransaction } from 'neo4j-driver';
import { ConflictError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { countElements, type GraphBatch, type NodeRows, type RelationshipRows } from './graphBatch.ts';
import { validateBatch } from './validateBatch.ts';

export interface LoadOptions {
  /** Rows per UNWIND statement (Neo4j advises 10k–50k). */
  batchSize?: number;
  /**
   * One transaction for the whole load: all or nothing. Otherwise one transaction per batch,
   * which is what bulk seeding wants; an interrupted batched load is completed by running it again,
   * since every write is a MERGE on a uniquely constrained id.
   */
  atomic?: boolean;
  /**
   * Batches in flight at once in batched mode (nodes first, then relationships): while Neo4j
   * commits one, the driver encodes the next, so both cores stay busy.
   */
  concurrency?: number;
  /** Records an ImportRun node (running → complete) so a half-done load can be recognised. */
  runId?: string;
  /**
   * Called after each batch; a returned promise is awaited before the next batch. In atomic mode it is
   * called inside the one transaction, so throwing from it rolls the load back.
   */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface LoadReport {
  nodes: number;
  relationships: number;
  ms: number;
  elementsPerSecond: number;
}

/**
 * Measured at 100k enterprises (648k elements) on 2 cores: one transaction in flight per core is
 * best — 4 workers 13.1k, 3 15.0k, 2 15.9k, 1 16.8k elements/s at 10k rows; 2 workers at 20k rows
 * 17.3k/s, level with LOAD CSV … IN TRANSACTIONS on the same rows (17.3k/s). More workers than cores
 * only add lock and scheduling contention.
 */
export const defaultBatchSize = 20_000;
export const defaultConcurrency = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Statements are built from allow-listed labels and types only; all values travel as parameters.
 * `ON CREATE SET … ON MATCH SET` with the same map does what a plain `SET n += row` after MERGE does,
 * but the planner puts an Eager (every row of the batch held before the first SET) in front of a plain
 * SET whose keys it cannot see, and none here (EXPLAIN; BENCHMARKS.md, "Ratio to LOAD CSV").
 */
export function nodeMergeCypher(group: NodeRows): string {
  return `UNWIND $rows AS row MERGE (n:${group.label} {id: row.id}) ON CREATE SET n += row ON MATCH SET n += row`;
}

export function relationshipMergeCypher(group: RelationshipRows): string {
  return (
    `UNWIND $rows AS row MATCH (a:${group.from} {id: row.from}) MATCH (b:${group.to} {id: row.to}) ` +
    `MERGE (a)-[r:${group.type}]->(b) ON CREATE SET r += row.props ON MATCH SET r += row.props RETURN count(r) AS written`
  );
}

interface Step {
  cypher: string;
  rows: unknown[];
  /** For relationships: the statement must write one per row, else an end vanished after validation. */
  checkWritten?: string;
}

function* nodeSteps(batch: GraphBatch, size: number): Generator<Step> {
  for (const group of batch.nodes) {
    const cypher = nodeMergeCypher(group);
    for (let i = 0; i < group.rows.length; i += size) yield { cypher, rows: group.rows.slice(i, i + size) };
  }
}

/**
 * Relationship batches for one of `parts` workers. Rows are split by a hash of their start node, so
 * two workers never lock the same start node, and sorted by end node, so every transaction takes the
 * shared end nodes (products, segments) in one global order: together that rules out the lock cycles
 * that deadlocked concurrent loads at 100k enterprises.
 */
function* relationshipSteps(batch: GraphBatch, size: number, part: number, parts: number): Generator<Step> {
  for (const group of batch.relationships) {
    const cypher = relationshipMergeCypher(group);
    const checkWritten = `${group.type} (${group.from} → ${group.to})`;
    const rows = group.rows.filter((r) => hashOf(r.from) % parts === part).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
    for (let i = 0; i < rows.length; i += size) yield { cypher, rows: rows.slice(i, i + size), checkWritten };
  }
}

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Transient errors (deadlocks, lock timeouts) are retried here too, beyond Graph's short budget: a bulk load can wait. */
async function withTransientRetry<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (attempt >= attempts || !code.startsWith('Neo.TransientError')) throw error;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

/**
 * Validates the whole batch, then writes it with batched `UNWIND … MERGE` statements on labelled,
 * uniquely constrained keys. Loading the same batch twice leaves identical counts.
 */
export async function loadGraph(graph: Graph, input: GraphBatch, options: LoadOptions = {}): Promise<LoadReport> {
  const size = options.batchSize ?? defaultBatchSize;
  const batch = await validateBatch(input, graph);
  const counts = countElements(batch);
  const total = counts.nodes + counts.relationships;
  const started = Date.now();
  let done = 0;
  await options.onProgress?.(0, total);

  if (options.runId) await markRun(graph, options.runId, 'running', total);
  const apply = async (tx: ManagedTransaction, step: Step) => {
    const result = await tx.run(step.cypher, { rows: step.rows });
    const written = step.checkWritten ? (result.records[0]?.get('written') as number) : step.rows.length;
    if (written !== step.rows.length) {
      // Throwing rolls the transaction back: in atomic mode the whole load, else this batch.
      throw new ConflictError(`${step.rows.length - written} ${step.checkWritten} row(s) lost an end node while loading; nothing of this batch was kept`);
    }
  };
  if (options.atomic) {
    // Progress is reported inside the transaction, after each statement and last before the commit: a
    // callback that throws (an import job being cancelled) rolls the whole load back, and none is
    // called after the commit, so nothing can report failure about a load that landed.
    await graph.write(async (tx) => {
      let written = 0;
      for (const step of [...nodeSteps(batch, size), ...relationshipSteps(batch, size, 0, 1)]) {
        await apply(tx, step);
        written += step.rows.length;
        await options.onProgress?.(written, total);
      }
      if (written === 0) await options.onProgress?.(0, total);
    });
    done = total;
  } else {
    const workers = options.concurrency ?? defaultConcurrency;
    const drain = async (steps: Iterable<Step>) => {
      for (const step of steps) {
        await withTransientRetry(() => graph.write((tx) => apply(tx, step)));
        done += step.rows.length;
        await options.onProgress?.(done, total);
      }
    };
    // Nodes: workers share one stream (distinct ids never contend). Relationships start only after
    // every node is in, each worker with its own partition.
    const nodes = nodeSteps(batch, size);
    await Promise.all(Array.from({ length: workers }, () => drain(nodes)));
    await Promise.all(Array.from({ length: workers }, (_, part) => drain(relationshipSteps(batch, size, part, workers))));
  }
  if (options.runId) await markRun(graph, options.runId, 'complete', total);

  const ms = Date.now() - started;
  return { ...counts, ms, elementsPerSecond: Math.round((total / Math.max(ms, 1)) * 1000) };
}

async function markRun(graph: Graph, id: string, status: 'running' | 'complete', rows: number): Promise<void> {
  const now = new Date().toISOString();
  await graph.write((tx) =>
    tx.run(
      `MERGE (r:ImportRun {id: $id})
       SET r.status = $status, r.rows = $rows,
           r.startedAt = CASE WHEN $status = 'running' THEN $now ELSE coalesce(r.startedAt, $now) END,
           r.finishedAt = CASE WHEN $status = 'complete' THEN $now ELSE null END`,
      { id, status, rows, now },
    ),
  );
}

export async function lastRunStatus(graph: Graph, id: string): Promise<'running' | 'complete' | undefined> {
  const rows = await graph.query<{ status: 'running' | 'complete' }>('MATCH (r:ImportRun {id: $id}) RETURN r.status AS status', { id });
  return rows[0]?.status;
}
