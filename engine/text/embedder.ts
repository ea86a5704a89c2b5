/**
 * The embedding text scorer: a sentence-embedding model run locally by transformers.js (ONNX on CPU).
 * A trained model can relate synonyms with no shared characters (机器视觉 ~ 工业相机), which the lexical scorer cannot.
 * Weights are only ever read from a local folder: remote loading is switched off before every load, so
 * no code path here can download a model (fetching one is the explicit `npm run model:fetch`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { env as transformers, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { SetupError } from '../core/errors.ts';

/**
 * What a text is to an asymmetric retrieval model: the short question (a firm's need) or the document
 * that answers it (a lab's description). e5 models are trained with `query: ` / `passage: ` prefixes;
 * symmetric models ignore the role.
 */
export type EmbedRole = 'query' | 'passage';

/** One interface for every embeddings provider: in-process transformers.js or an HTTP model server (httpEmbedder.ts). */
export interface TextEmbedder {
  readonly provider: 'embedding';
  /** Where the vectors come from, for logs and /health. */
  readonly backend: 'transformers.js' | 'http';
  readonly model: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text, in input order; `role` defaults to 'passage'. */
  embed(texts: string[], role?: EmbedRole): Promise<Float32Array[]>;
}

/** A Chinese sentence-embedding model published in transformers.js layout (512 tokens, 512 dimensions). */
export const DEFAULT_MODEL_ID = 'Xenova/bge-small-zh-v1.5';

/** What transformers.js reads for a feature-extraction pipeline with `quantized: false`, under `<modelPath>/<modelId>/`. */
export const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'] as const;

const DEFAULT_BATCH_SIZE = 32;

/** The first of MODEL_FILES missing from `modelDir`, or undefined when the model is complete. */
export function missingModelFile(modelDir: string): string | undefined {
  return MODEL_FILES.find((file) => !existsSync(path.join(modelDir, file)));
}

/**
 * EMBED_MODEL_PATH names the folder that holds `<EMBED_MODEL_ID>/…` (default id: DEFAULT_MODEL_ID).
 * Undefined when it is unset or the model is not all there, so callers fall back to lexical scoring.
 */
export function embedderConfigFromEnv(env: NodeJS.ProcessEnv = process.env): { modelPath: string; modelId: string } | undefined {
  if (!env.EMBED_MODEL_PATH) return undefined;
  const modelPath = path.resolve(env.EMBED_MODEL_PATH);
  const modelId = env.EMBED_MODEL_ID || DEFAULT_MODEL_ID;
  return missingModelFile(path.join(modelPath, modelId)) ? undefined : { modelPath, modelId };
}

// transformers.js keeps its settings in one module-global `env` that it reads while files load, so two
// loads from different folders must not interleave.
let loads: Promise<unknown> = Promise.resolve();

export interface EmbedderOptions {
  /** Folder holding `<modelId>/` (EMBED_MODEL_PATH). */
  modelPath: string;
  modelId: string;
  /** Texts per model call; default 32. */
  batchSize?: number;
}

export async function loadEmbedder(options: EmbedderOptions): Promise<TextEmbedder> {
  const load = loads.then(() => loadNow(options));
  loads = load.catch(() => undefined);
  return load;
}

async function loadNow({ modelPath, modelId, batchSize = DEFAULT_BATCH_SIZE }: EmbedderOptions): Promise<TextEmbedder> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const modelDir = path.join(modelPath, modelId);
  const missing = missingModelFile(modelDir);
  if (missing) {
    throw new SetupError(
      `embedding model "${modelId}" is incomplete: ${path.join(modelDir, missing)} is missing (run \`npm run model:fetch -- --model ${modelId}\` on a machine with internet, then copy ${modelDir})`,
    );
  }
  transformers.localModelPath = modelPath;
  transformers.allowLocalModels = true;
  transformers.allowRemoteModels = false;

  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', modelId, { quantized: false });
  } catch (error) {
    throw new SetupError(`embedding model "${modelId}" in ${modelDir} could not be loaded: ${(error as Error).message}`, { cause: error });
  }

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const width = output.dims[1];
    return texts.map((_, i) => (output.data as Float32Array).slice(i * width, (i + 1) * width));
  };
  // Asked of the model rather than its config: the name of the width field differs between architectures.
  const [probe] = await embedBatch(['维度']);

  return {
    provider: 'embedding',
    backend: 'transformers.js',
    model: modelId,
    dimensions: probe.length,
    // Symmetric models (bge, MiniLM) are used without prefixes: the role changes nothing here.
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) vectors.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      return vectors;
    },
  };
}

/** Cosine of two dense vectors (the dot product when both are unit length, as embed() returns them). */
export function cosineDense(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
