import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from '@xenova/transformers';
import { embedderConfigFromEnv, loadEmbedder, writeTinyModel } from '../../engine/index.ts';

export interface EmbeddingRow {
  model: string;
  texts: number;
  batchSize: number;
  /** loadEmbedder().embed(all texts), which batches internally. */
  embedderTextsPerSec: number;
  /** The transformers.js feature-extraction pipeline called directly, batch by batch, same options. */
  directTextsPerSec: number;
  /** embedder ÷ direct (target ≥ 0.9). */
  ratio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function compare(model: string, modelPath: string, modelId: string, texts: string[], batchSize: number, rounds: number): Promise<EmbeddingRow> {
  const embedder = await loadEmbedder({ modelPath, modelId, batchSize });
  // loadEmbedder has set transformers.js to this local folder with remote loading off; the direct
  // pipeline loads the very same files.
  const extractor = await pipeline('feature-extraction', modelId, { quantized: false });
  const direct = async () => {
    for (let i = 0; i < texts.length; i += batchSize) await extractor(texts.slice(i, i + batchSize), { pooling: 'mean', normalize: true });
  };
  await embedder.embed(texts.slice(0, batchSize * 2));
  await direct();
  const viaEmbedder: number[] = [];
  const viaDirect: number[] = [];
  // Alternate the two so machine noise falls on both alike; keep the median of each.
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    await embedder.embed(texts);
    viaEmbedder.push(performance.now() - t);
    t = performance.now();
    await direct();
    viaDirect.push(performance.now() - t);
  }
  const embedderTextsPerSec = Math.round(texts.length / (median(viaEmbedder) / 1000));
  const directTextsPerSec = Math.round(texts.length / (median(viaDirect) / 1000));
  const ratio = Math.round((embedderTextsPerSec / directTextsPerSec) * 100) / 100;
  return { model, texts: texts.length, batchSize, embedderTextsPerSec, directTextsPerSec, ratio };
}

/**
 * Texts per second of the batch embedder against transformers.js called directly, on a tiny model
 * generated here (engine/text/tinyModel.ts: tokenizer + one Gather, so tokenisation and pooling
 * dominate) and, when EMBED_MODEL_PATH names one, on that real model too.
 */
export async function embeddingBench(texts: string[], options: { rounds?: number; batchSize?: number } = {}): Promise<EmbeddingRow[]> {
  const rounds = options.rounds ?? 5;
  const batchSize = options.batchSize ?? 32;
  const dir = mkdtempSync(join(tmpdir(), 'chainmatch-bench-model-'));
  try {
    const rows: EmbeddingRow[] = [];
    await writeTinyModel(dir, 'bench/tiny-bert', texts);
    rows.push(await compare('tiny generated (tinyModel.ts)', dir, 'bench/tiny-bert', texts, batchSize, rounds));
    const real = embedderConfigFromEnv();
    if (real) rows.push(await compare(real.modelId, real.modelPath, real.modelId, texts.slice(0, 256), batchSize, 3));
    for (const row of rows) process.stderr.write(`  embeddings ${row.model}: ${row.embedderTextsPerSec} vs ${row.directTextsPerSec} texts/s (×${row.ratio})\n`);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
