import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, type Graph } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { createApp } from './app.ts';

describe('GET /health on a real HTTP server and Neo4j', () => {
  let graph: Graph;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    graph = await seededGraph();
    server = createApp({ graph, graphUri: 'bolt://test', embedded: true, version: '0.0.0-test' }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await graph.close();
  });

  it('reports Neo4j up with its version and the real counts', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const counts = await graphCounts(graph);
    expect(body.status).toBe('ok');
    expect(body.neo4j).toMatchObject({ status: 'up', edition: 'community', embedded: true });
    expect(body.neo4j.version).toMatch(/^5\.26\./);
    expect(body.counts.nodes).toBe(counts.nodes);
    expect(body.counts.byLabel.Enterprise).toBeGreaterThan(6000);
  });

  it('answers 503 with the reason when the database is gone', async () => {
    const { Graph: GraphClass, createDriver } = await import('../engine/index.ts');
    const dead = new GraphClass(createDriver({ uri: 'bolt://127.0.0.1:1' }));
    const app = createApp({ graph: dead, graphUri: 'bolt://127.0.0.1:1', embedded: false, version: 'x' }).listen(0, '127.0.0.1');
    await new Promise((r) => app.once('listening', r));
    const res = await fetch(`http://127.0.0.1:${(app.address() as AddressInfo).port}/health`);
    expect(res.status).toBe(503);
    expect((await res.json()).neo4j.status).toBe('down');
    app.close();
    await dead.close();
  });

  it('says when the embedded database is being restarted by its supervisor', async () => {
    const { Graph: GraphClass, createDriver } = await import('../engine/index.ts');
    const dead = new GraphClass(createDriver({ uri: 'bolt://127.0.0.1:1' }));
    const lastExit = { code: null, signal: 'SIGKILL', at: '2026-12-06T03:00:00.000Z' };
    const supervision = () => ({ state: 'restarting' as const, restarts: 2, lastExit, lastError: null });
    const app = createApp({ graph: dead, graphUri: 'bolt://127.0.0.1:1', embedded: true, supervision, version: 'x' }).listen(0, '127.0.0.1');
    await new Promise((r) => app.once('listening', r));
    const res = await fetch(`http://127.0.0.1:${(app.address() as AddressInfo).port}/health`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await res.json()).neo4j).toMatchObject({ status: 'down', supervision: { state: 'restarting', restarts: 2, lastExit } });
    app.close();
    await dead.close();
  });
});
