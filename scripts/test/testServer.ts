import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app.ts';
import { apiConfigFromEnv, type ApiConfig } from '../../api/config.ts';
import type { Graph } from '../../engine/graph/graph.ts';
import type { KnowledgeEngine } from '../../engine/knowledgeEngine.ts';

/** The real API on an ephemeral loopback port, over the given graph. */
export async function startTestServer(
  graph: Graph,
  config: Partial<ApiConfig> = {},
  engines: { knowledge?: KnowledgeEngine } = {},
): Promise<{ base: string; close: () => Promise<void>; server: Server }> {
  const full = { ...apiConfigFromEnv({}), ...config };
  const server = createApp({ graph, graphUri: 'bolt://test', embedded: true, version: '0.0.0-test', config: full, ...engines }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, server, close: () => new Promise((r) => server.close(() => r())) };
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}
