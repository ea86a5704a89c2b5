import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, loadGraph, type Graph } from '../../engine/index.ts';
import { buildSeed, seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { freePort } from '../bench/freePort.ts';
import { startScratchNeo4j, type ScratchNeo4j } from '../bench/scratchNeo4j.ts';
import type { EmbeddedNeo4j } from '../neo4j/embedded.ts';
import { startTestServer } from '../test/testServer.ts';
import { bulkLoad, checkEmpty, DatabaseNotEmptyError, type BulkLoadReport } from './bulkLoad.ts';

const sizing = { heapMb: 1024, pageCacheMb: 256 };

/** Nodes per label and relationships per type, the loaders' own ImportRun bookkeeping left out. */
async function dataCounts(graph: Graph): Promise<Record<string, number>> {
  const c = await graphCounts(graph);
  return { ...Object.fromEntries(Object.entries(c.byLabel).filter(([l]) => l !== 'ImportRun')), ...c.byType };
}

/** Every property of a sample of nodes (the first ids of each label) with the Cypher type of each value. */
async function sampleNodes(graph: Graph): Promise<unknown[]> {
  const rows = await graph.query<{ types: string[] }>(
    `MATCH (n) WHERE NOT n:ImportRun AND NOT n:DataVersion WITH labels(n)[0] AS label, n ORDER BY label, n.id
     WITH label, collect(n)[0..15] AS sample UNWIND sample AS n
     RETURN label, properties(n) AS props, [k IN keys(n) | k + ':' + valueType(n[k])] AS types ORDER BY label, n.id`,
  );
  return rows.map((r) => ({ ...r, types: [...r.types].sort() }));
}

async function sampleRelationships(graph: Graph): Promise<unknown[]> {
  return graph
    .query(
      `MATCH (a)-[r:IN_SEGMENT|SUPPLIES|COOPERATES_WITH|MEMBER_OF]->(b) WITH type(r) AS type, a.id AS from, b.id AS to, r ORDER BY type, from, to
     WITH type, collect({from: from, to: to, props: properties(r), types: [k IN keys(r) | k + ':' + valueType(r[k])]})[0..30] AS sample
     RETURN type, sample ORDER BY type`,
    )
    .then((rows) => rows.map((r) => ({ ...r, sample: (r.sample as { types: string[] }[]).map((x) => ({ ...x, types: [...x.types].sort() })) })));
}

describe("bulk load through Neo4j's offline importer equals the online loader (≈2,000 firms, same seed)", () => {
  const home = mkdtempSync(join(tmpdir(), 'chainmatch-bulk-test-'));
  const batch = buildSeed({ scale: 2000 / seedEnterpriseCount(), seed: 7 });
  let online: ScratchNeo4j;
  let bulk: { report: BulkLoadReport; neo4j: EmbeddedNeo4j; graph: Graph };
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    // A shared 2-core machine under load took over 120 s to start a JVM once: wait longer here.
    const options = { dataDir: home, boltPort: port, ...sizing, startTimeoutMs: 400_000, log: () => undefined };
    [online, bulk] = await Promise.all([
      startScratchNeo4j('bulk-online', sizing, { quiet: true }).then(async (db) => {
        await loadGraph(db.graph, batch);
        return db;
      }),
      bulkLoad(batch, { ...options, runId: 'bulk-test' }),
    ]);
  }, 900_000);

  afterAll(async () => {
    await bulk?.graph.close();
    await bulk?.neo4j.stop();
    await online?.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  it('holds the same nodes per label and relationships per type', async () => {
    const [a, b] = await Promise.all([dataCounts(online.graph), dataCounts(bulk.graph)]);
    expect(a.Enterprise).toBeGreaterThan(1500);
    expect(b).toEqual(a);
    expect(bulk.report.nodes + bulk.report.relationships).toBe(Object.values(a).reduce((s, n) => s + n, 0));
  });

  it('stores the same properties with the same Cypher types (nodes and relationships, a sample of each)', async () => {
    expect(await sampleNodes(bulk.graph)).toEqual(await sampleNodes(online.graph));
    expect(await sampleRelationships(bulk.graph)).toEqual(await sampleRelationships(online.graph));
  });

  it('has the same constraints and indexes, all online', async () => {
    const show = (g: Graph) => g.query<{ name: string; state: string }>('SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name');
    const [a, b] = await Promise.all([show(online.graph), show(bulk.graph)]);
    expect(b.map((i) => i.name)).toEqual(a.map((i) => i.name));
    expect(b.every((i) => i.state === 'ONLINE')).toBe(true);
  });

  it("gives the same API answers: every chain's gaps", async () => {
    const config = { rateLimitPerMinute: 100_000 };
    const [apiA, apiB] = await Promise.all([startTestServer(online.graph, config), startTestServer(bulk.graph, config)]);
    try {
      const get = async (base: string, path: string) => (await fetch(`${base}/api/v1${path}`)).json();
      const chains = (await get(apiA.base, '/chains')).items as { id: string }[];
      expect(chains.length).toBeGreaterThan(0);
      for (const { id } of chains) expect(await get(apiB.base, `/chains/${id}/gaps`), id).toEqual(await get(apiA.base, `/chains/${id}/gaps`));
    } finally {
      await Promise.all([apiA.close(), apiB.close()]);
    }
  }, 300_000);

  it('refuses a database that holds data, and says so', async () => {
    const options = { dataDir: online.home, boltPort: online.port, ...sizing, startTimeoutMs: 400_000, log: () => undefined };
    await online.stop(); // the last test: afterAll only deletes it
    const refusal = await checkEmpty(options).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DatabaseNotEmptyError);
    expect((refusal as Error).message).toMatch(/already holds \d+ node/);
  }, 600_000);
});
