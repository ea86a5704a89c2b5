import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAllData, type GraphBatch, loadGraph, validateBatch } from '../../engine/index.ts';
import { buildSeed } from '../../seed/generate/buildSeed.ts';
import { probeImportFolder, runCsvReference, writeCsvReference } from './csvReference.ts';
import { startScratchNeo4j, type ScratchNeo4j } from './scratchNeo4j.ts';

// The benchmark compares the loader with LOAD CSV; that comparison is only fair if both write the same
// graph. A database of its own, since LOAD CSV reads files where the server runs.
let db: ScratchNeo4j;
beforeAll(async () => {
  db = await startScratchNeo4j('csv-test', { heapMb: 512, pageCacheMb: 64 }, { quiet: true });
});
afterAll(async () => {
  await db?.dispose();
});

/** Every node and relationship with its properties, in a stable order. */
async function dump(): Promise<unknown[]> {
  const nodes = await db.graph.query('MATCH (n) WHERE NOT n:ImportRun AND NOT n:DataVersion RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id');
  const rels = await db.graph.query('MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to');
  return [...nodes, ...rels];
}

describe('LOAD CSV reference', () => {
  it('writes the same nodes, relationships and typed properties as the loader', async () => {
    // The seed's chain templates and a slice of firms: strings, numbers, booleans, lists (some empty), nulls.
    const seed = await validateBatch(buildSeed());
    const keep = new Set(['Chain', 'Segment', 'Product', 'Enterprise']);
    const nodes = seed.nodes.filter((g) => keep.has(g.label)).map((g) => ({ ...g, rows: g.label === 'Enterprise' ? g.rows.slice(0, 300) : g.rows }));
    const ids = new Set(nodes.flatMap((g) => g.rows.map((r) => r.id as string)));
    const relationships = seed.relationships
      .filter((g) => keep.has(g.from) && keep.has(g.to))
      .map((g) => ({ ...g, rows: g.rows.filter((r) => ids.has(r.from) && ids.has(r.to)) }));
    const batch: GraphBatch = { nodes, relationships };

    const folder = await probeImportFolder(db.graph, db.home);
    await runCsvReference(db.graph, writeCsvReference(batch, folder.dir, folder.urlOf, 100));
    const viaCsv = await dump();
    await deleteAllData(db.graph);
    await loadGraph(db.graph, batch, { batchSize: 100 });
    const viaLoader = await dump();
    expect(viaCsv.length).toBeGreaterThan(1000);
    expect(viaCsv).toEqual(viaLoader);
    // Two full writes of ~2,000 rows and two dumps: well under a minute alone, several minutes on a loaded 2-core CI.
  }, 300_000);
});
