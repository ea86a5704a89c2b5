import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessages } from '../../engine/contracts/messages/renderMessages.ts';
import type { Graph } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../../scripts/test/testServer.ts';

const firm = { name: '南京某某新材料有限公司', products: ['正极材料'], description: '锂电池正极材料的研发与生产' };

describe('POST /classify/segments scoped by chainIds, over HTTP', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const classify = (body: unknown) => postJson(`${api.base}/api/v1/classify/segments`, body);
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  it('ranks only the named chains’ segments, each with a probability, a decision and its evidence', async () => {
    const res = await classify({ ...firm, chainIds: ['materials', 'biomed'], limit: 10 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(typeof body.trainedOn).toBe('number');
    for (const item of body.items) {
      expect(['materials', 'biomed']).toContain(item.chainId);
      expect(item.confidence).toBeGreaterThanOrEqual(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
      expect(['attach', 'review', 'reject']).toContain(item.decision);
      expect(item.evidence).toEqual({ products: expect.any(Array), words: expect.any(Array), similarFirms: expect.any(Array) });
      // Each signal's detail is a catalogue message too, so a client renders it in English (issue 16).
      for (const signal of item.signals) {
        expect(signal.detailParts).toEqual([expect.objectContaining({ code: expect.stringMatching(/^classify\./), text: signal.detail })]);
        const english = renderMessages(signal.detailParts, 'en', (_param, code) => code);
        expect(english).toMatch(/[a-z]/);
        expect(english).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('answers an unknown chain id with 404 problem+json naming it', async () => {
    const res = await classify({ ...firm, chainIds: ['nev', 'no-such-chain'] });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem.errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/chainIds\.1$/) })]);
    expect(JSON.stringify(problem)).toContain('no-such-chain');
  });

  it('bounds the list: none, or more than 50, is a 400 naming body.chainIds', async () => {
    for (const chainIds of [[], Array.from({ length: 51 }, (_, i) => `c${i}`)]) {
      const res = await classify({ ...firm, chainIds });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].path).toBe('body.chainIds');
    }
  });
});
