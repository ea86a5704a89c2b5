// Runs the real transformers.js + onnxruntime-node path on a tiny model generated into a temp folder.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from '@xenova/transformers';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SetupError } from '../core/errors.ts';
import { cosineDense, embedderConfigFromEnv, loadEmbedder, type TextEmbedder } from './embedder.ts';
import { TINY_HIDDEN_SIZE, writeTinyModel } from './tinyModel.ts';

const MODEL_ID = 'test/tiny-zh';
const BATTERY = '锂电池正极材料';
const BATTERY_MATERIALS = '动力电池材料'; // shares 电池材料 with BATTERY
const BIOMEDICINE = '生物医药研发外包'; // shares no character with BATTERY
const POOL = '新型电子信息高端装备制造人工智能节能环保集成电路设计封装测试';
// 70 distinct texts of different lengths, so batches of 32 carry padding.
const SEVENTY = Array.from({ length: 70 }, (_, i) => POOL.slice(i % 20, (i % 20) + 2 + (i % 7)) + String(i));

let dir: string;
let embedder: TextEmbedder;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chainmatch-embedder-'));
  await writeTinyModel(dir, MODEL_ID, [BATTERY, BATTERY_MATERIALS, BIOMEDICINE, POOL, '0123456789']);
  embedder = await loadEmbedder({ modelPath: dir, modelId: MODEL_ID });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadEmbedder with a local model', () => {
  it('returns unit vectors of the model width', async () => {
    expect(embedder).toMatchObject({ provider: 'embedding', model: MODEL_ID, dimensions: TINY_HIDDEN_SIZE });
    const vectors = await embedder.embed([BATTERY, BIOMEDICINE]);
    expect(vectors).toHaveLength(2);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(TINY_HIDDEN_SIZE);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });

  it('gives identical texts cosine 1', async () => {
    const [a, b] = await embedder.embed([BATTERY, BATTERY]);
    expect(cosineDense(a, b)).toBeCloseTo(1, 6);
  });

  it('ranks texts sharing characters above texts sharing none', async () => {
    const [battery, materials, biomedicine] = await embedder.embed([BATTERY, BATTERY_MATERIALS, BIOMEDICINE]);
    expect(cosineDense(battery, materials)).toBeGreaterThan(cosineDense(battery, biomedicine) + 0.2);
  });

  it('embeds 70 texts in input order, as single calls would', async () => {
    const batched = await embedder.embed(SEVENTY);
    expect(batched).toHaveLength(70);
    for (const [i, text] of SEVENTY.entries()) {
      const [single] = await embedder.embed([text]);
      expect(cosineDense(batched[i], single)).toBeCloseTo(1, 5);
    }
  });
});

describe('a missing model', () => {
  it('throws SetupError naming the missing file', async () => {
    const partial = await mkdtemp(path.join(tmpdir(), 'chainmatch-partial-'));
    try {
      await cp(path.join(dir, MODEL_ID), path.join(partial, MODEL_ID), { recursive: true });
      await rm(path.join(partial, MODEL_ID, 'onnx', 'model.onnx'));
      const load = loadEmbedder({ modelPath: partial, modelId: MODEL_ID });
      await expect(load).rejects.toBeInstanceOf(SetupError);
      await expect(load).rejects.toThrow(path.join('onnx', 'model.onnx'));
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  });

  it('never reaches for the network, and fails fast', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('network used')));
    vi.stubGlobal('fetch', fetch);
    const started = Date.now();
    await expect(loadEmbedder({ modelPath: dir, modelId: 'absent/model' })).rejects.toThrow(/absent[\\/]model[\\/]config\.json is missing/);
    // Past our own file check: the transformers.js settings loadEmbedder leaves behind refuse remote files.
    await expect(pipeline('feature-extraction', 'absent/model', { quantized: false })).rejects.toThrow(/allowRemoteModels=false/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('embedderConfigFromEnv', () => {
  it('is undefined without EMBED_MODEL_PATH or without the model in it', () => {
    expect(embedderConfigFromEnv({})).toBeUndefined();
    expect(embedderConfigFromEnv({ EMBED_MODEL_PATH: dir, EMBED_MODEL_ID: 'absent/model' })).toBeUndefined();
  });

  it('names the folder and model when the model is all there', () => {
    expect(embedderConfigFromEnv({ EMBED_MODEL_PATH: dir, EMBED_MODEL_ID: MODEL_ID })).toEqual({ modelPath: dir, modelId: MODEL_ID });
  });
});

describe('cosineDense', () => {
  it('is 0 for orthogonal vectors and refuses different lengths', () => {
    expect(cosineDense(new Float32Array([1, 0]), new Float32Array([0, 3]))).toBe(0);
    expect(() => cosineDense(new Float32Array(2), new Float32Array(3))).toThrow(RangeError);
  });
});
