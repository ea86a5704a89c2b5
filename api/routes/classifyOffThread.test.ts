import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeEngine, type Graph } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../../scripts/test/testServer.ts';

const firm = { name: '南京某某环保科技有限公司', products: ['烟气脱硫脱硝设备', '除尘器'], description: '大气污染治理装备' };

/**
 * Classifying for a chain scope not seen before trains its classifier (seconds of CPU on the seed). The
 * API must go on answering meanwhile: `/health` reports trainings under way, so a health answer that says
 * "training" can only exist if the API answered while the model trained. On the calling thread
 * (`CHAINMATCH_CLASSIFY_WORKERS=off`) no such answer can exist: the contrast shows the check can fail.
 */
async function healthWhileTraining(base: string, chainIds: string[]) {
  let classified = false;
  const classification = postJson(`${base}/api/v1/classify/segments`, { ...firm, chainIds }).finally(() => (classified = true));
  const seen: number[] = [];
  while (!classified) {
    const health = await (await fetch(`${base}/health`)).json();
    if (!classified) seen.push(health.classifiers.training);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { seen, response: await classification };
}

describe('POST /classify/segments trains off the request thread', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  it('in a worker thread: /health answers while the classifier trains, and the classification then comes', async () => {
    const knowledge = new KnowledgeEngine(graph, { resultCache: false });
    const api = await startTestServer(graph, {}, { knowledge });
    try {
      const { seen, response } = await healthWhileTraining(api.base, ['green']);
      expect(seen.filter((training) => training > 0).length, `health answers during the training (${seen.join(',')})`).toBeGreaterThan(0);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.items[0].chainId).toBe('green');
      expect(body.trainedOn).toBeGreaterThan(0);
      const after = await (await fetch(`${api.base}/health`)).json();
      expect(after.classifiers).toEqual({ ready: 1, loading: 0, training: 0, thread: 'worker' });
    } finally {
      knowledge.close();
      await api.close();
    }
  });

  it('on the calling thread (workers off): no request is answered while it trains', async () => {
    const knowledge = new KnowledgeEngine(graph, { resultCache: false, env: { CHAINMATCH_CLASSIFY_WORKERS: 'off' } });
    const api = await startTestServer(graph, {}, { knowledge });
    try {
      const { seen, response } = await healthWhileTraining(api.base, ['green']);
      expect(seen.every((training) => training === 0)).toBe(true);
      expect(response.status).toBe(200);
      expect((await (await fetch(`${api.base}/health`)).json()).classifiers).toEqual({ ready: 1, loading: 0, training: 0, thread: 'caller' });
    } finally {
      await api.close();
    }
  });

  it('waits for its classifier past the API request timeout (a training is worth waiting for)', async () => {
    const knowledge = new KnowledgeEngine(graph, { resultCache: false });
    const api = await startTestServer(graph, { requestTimeoutMs: 300 }, { knowledge });
    try {
      const response = await postJson(`${api.base}/api/v1/classify/segments`, { ...firm, chainIds: ['materials'] });
      expect(response.status).toBe(200);
      expect((await response.json()).items[0].chainId).toBe('materials');
    } finally {
      knowledge.close();
      await api.close();
    }
  });
});
