import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KnowledgeEngine, type Graph } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { postJson } from '../../scripts/test/testServer.ts';
import { createApp } from '../app.ts';
import { apiConfigFromEnv } from '../config.ts';

const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] pairing by meaning: no embeddings server (${inject('embeddingsUnavailable')})`);

/** The real API over the seed with a knowledge engine whose environment is `env` (EMBEDDINGS_URL or not). */
async function apiWith(graph: Graph, env: NodeJS.ProcessEnv): Promise<{ base: string; server: Server }> {
  const knowledge = new KnowledgeEngine(graph, { env, resultCache: false });
  // Answers by meaning read the stored passage vectors: wait for the background refresh.
  await knowledge.text.vectorsSettled();
  const server = createApp({ graph, graphUri: 'bolt://test', embedded: true, version: '0.0.0-test', config: apiConfigFromEnv({}), knowledge }).listen(
    0,
    '127.0.0.1',
  );
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const pair = async (base: string, body: unknown) => (await postJson(`${base}/api/v1/match/school-enterprise`, body)).json();
const paraphrase = '把间歇釜里的硝化反应改为微通道里连续进行';

describe('pairing a need in words by meaning (issue 18)', () => {
  let graph: Graph;
  let dense: { base: string; server: Server };
  let lexical: { base: string; server: Server };
  beforeAll(async () => {
    graph = await seededGraph();
    lexical = await apiWith(graph, {});
    if (!python3Missing) dense = await apiWith(graph, { EMBEDDINGS_URL: inject('embeddingsUrl') });
  }, 300_000);
  afterAll(async () => {
    for (const s of [dense?.server, lexical?.server]) if (s) await new Promise((r) => s.close(() => r(undefined)));
    await graph?.close();
  });

  it.skipIf(python3Missing)(
    'puts a 连续流反应 unit in the top 5 for a paraphrase that names none of its words, and says it is by meaning',
    async () => {
      const body = await pair(dense.base, { text: paraphrase, limit: 5 });
      expect(body.textProvider).toBe('hybrid');
      const hit = body.items.find((i: any) => i.matchedByMeaning && /连续流/.test(i.explanation.reason));
      expect(body.items.map((i: any) => `${i.researchUnit.name} ${i.explanation.reason}`).join('\n')).toMatch(/连续流反应/);
      expect(hit, JSON.stringify(body.items.map((i: any) => i.explanation.reason))).toBeDefined();
      expect(hit.explanation.reason).toContain('语义相近：');
    },
    300_000,
  );

  it.skipIf(python3Missing)(
    'gives nonsense no answer, and says why',
    async () => {
      for (const text of ['asdfgh 火星咖啡', '如何提高高考语文作文分数']) {
        const body = await pair(dense.base, { text, limit: 5 });
        expect(body.textProvider).toBe('hybrid');
        expect(body.items, text).toEqual([]);
        expect(body.noMatch).toMatchObject({ reason: 'no-relevant-candidate' });
      }
    },
    120_000,
  );

  it('answers lexically, as before, when EMBEDDINGS_URL is unset', async () => {
    const body = await pair(lexical.base, { text: paraphrase, limit: 5 });
    expect(body.textProvider).toBe('lexical');
    expect(body.items.every((i: any) => i.matchedByMeaning === false)).toBe(true);
    // The pre-issue-18 answer for a need the lexical gate understands: topic words, no meaning.
    const soil = await pair(lexical.base, { text: '需要土壤修复和地下水修复方面的技术支持', limit: 3 });
    expect(soil.textProvider).toBe('lexical');
    expect(soil.items.map((i: any) => i.researchUnit.name).join()).toMatch(/环境|修复|生态|资源/);
    for (const item of soil.items) expect(item.explanation.reason).not.toContain('语义相近');
  }, 120_000);
});
