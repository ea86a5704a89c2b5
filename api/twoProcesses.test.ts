import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainMatchEngine, dataVersionCheck, KnowledgeEngine, type Graph } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { testGraph } from '../scripts/test/testGraph.ts';
import { createApp } from './app.ts';
import { apiConfigFromEnv, hashKey } from './config.ts';

const writer = 'two-processes-writer-key';
const chainFile = readFileSync(new URL('../seed/examples/chain-low-altitude.json', import.meta.url));
// Caches that would never reload on their own within the test: only the data version can refresh them.
const longTtlMs = 10 * 60 * 1000;

/** One API "process": its own driver, engines and caches over the shared test Neo4j. */
async function startApi(graph: Graph): Promise<{ base: string; server: Server }> {
  const config = { ...apiConfigFromEnv({}), keys: [{ owner: 'two-processes', sha256: hashKey(writer), scopes: ['write' as const] }] };
  const engine = new ChainMatchEngine(graph, { snapshotTtlMs: longTtlMs });
  const knowledge = new KnowledgeEngine(graph, { ttlMs: longTtlMs });
  const server = createApp({ graph, graphUri: 'bolt://test', embedded: true, version: '0.0.0-test', config, engine, knowledge }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function chainIds(base: string): Promise<string[]> {
  const res = await fetch(`${base}/api/v1/chains?limit=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id);
}

describe('two API processes on one database (issue 17 item 6, docs/scaling.md)', () => {
  const graphs: Graph[] = [];
  const servers: Server[] = [];
  let a: string;
  let b: string;

  beforeAll(async () => {
    graphs.push(await seededGraph(), await testGraph());
    const [apiA, apiB] = [await startApi(graphs[0]), await startApi(graphs[1])];
    servers.push(apiA.server, apiB.server);
    [a, b] = [apiA.base, apiB.base];
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    // Other test files expect the seed's seven chains.
    await graphs[0].run("MATCH (n) WHERE n.id STARTS WITH 'low-altitude' DETACH DELETE n");
    await graphs[0].run("MATCH (h:ChainHealthSnapshot {chainId: 'low-altitude'}) DETACH DELETE h");
    await graphs[0].run("MATCH (j:ImportJob {owner: 'two-processes'}) DELETE j");
    await Promise.all(graphs.map((g) => g.close()));
  });

  it('a chain imported through A is listed by B within the stated bound', async () => {
    // B answers the list from its cache from now on (kept for 10 minutes unless the data version moves).
    expect(await chainIds(b)).not.toContain('low-altitude');
    expect(await chainIds(b)).not.toContain('low-altitude');

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(chainFile)]), 'chain-low-altitude.json');
    const res = await fetch(`${a}/api/v1/import/chains`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${writer}` } });
    expect(res.status).toBe(200);
    expect(await chainIds(a)).toContain('low-altitude');

    // The bound is dataVersionCheck.intervalMs (2 s); the poll allows for a loaded shared machine but
    // stays far below B's cache lifetime, so only the version check can make this pass.
    expect(dataVersionCheck.intervalMs).toBeLessThan(longTtlMs / 20);
    await expect.poll(() => chainIds(b), { timeout: 30_000, interval: 200 }).toContain('low-altitude');
  });
});
