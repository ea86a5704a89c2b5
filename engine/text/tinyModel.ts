/**
 * Test support: writes a tiny BERT-shaped embedding model that transformers.js 2.17.2 loads offline,
 * so the real loading path (tokenizer.json → WordPiece → onnxruntime-node → mean pooling) is tested
 * without downloading weights. The "model" is a single Gather over a seeded character-embedding table:
 * mean-pooled, texts that share characters point the same way, which makes similarity assertions
 * knowable in advance.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const TINY_HIDDEN_SIZE = 32;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
// Special tokens embed to zero so mean pooling over [CLS] … [SEP] is the mean of the characters alone;
// [UNK] keeps a vector so a text of unknown characters still has a direction (and a norm to divide by).
const ZERO_VECTOR_TOKENS = new Set<string>(['[PAD]', '[CLS]', '[SEP]', '[MASK]']);

// IR 8 / opset 13: what onnx-proto 8 (onnx 1.10) encodes and onnxruntime-node 1.14 loads.
const IR_VERSION = 8;
const OPSET = 13;

export async function writeTinyModel(dir: string, modelId: string, texts: string[]): Promise<void> {
  const root = path.join(dir, modelId);
  await mkdir(path.join(root, 'onnx'), { recursive: true });
  const vocab = buildVocab(texts);
  await Promise.all([
    writeJson(path.join(root, 'config.json'), modelConfig(vocab.length)),
    writeJson(path.join(root, 'tokenizer.json'), tokenizerJson(vocab)),
    writeJson(path.join(root, 'tokenizer_config.json'), tokenizerConfig()),
    writeFile(path.join(root, 'onnx', 'model.onnx'), modelOnnx(vocab)),
  ]);
}

/**
 * Every character of the texts (lower-cased, as the normaliser does) becomes a token, plus its "##"
 * continuation form: BERT pre-tokenisation isolates each CJK character, but keeps runs of Latin letters
 * and digits together ("ai", "5g"), which WordPiece can only split into "a" + "##i".
 */
function buildVocab(texts: string[]): string[] {
  const chars = new Set<string>();
  for (const text of texts) for (const c of text.toLowerCase()) if (!/\s/u.test(c)) chars.add(c);
  return [...SPECIAL_TOKENS, ...[...chars].flatMap((c) => [c, `##${c}`])];
}

/** A fixed pseudo-random vector per token, seeded by its text, so "电" and "##电" agree across runs and vocabularies. */
function tokenVector(token: string): number[] {
  if (ZERO_VECTOR_TOKENS.has(token)) return new Array(TINY_HIDDEN_SIZE).fill(0);
  const random = mulberry32(fnv1a(token.replace(/^##/, '')));
  return Array.from({ length: TINY_HIDDEN_SIZE }, () => random() * 2 - 1);
}

function modelOnnx(vocab: string[]): Uint8Array {
  const int64Input = (name: string) => valueInfo(name, onnx.TensorProto.DataType.INT64, [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }]);
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'chainmatch-tiny-model',
    graph: {
      name: 'tiny_bert',
      initializer: [
        { name: 'word_embeddings', dataType: onnx.TensorProto.DataType.FLOAT, dims: [vocab.length, TINY_HIDDEN_SIZE], floatData: vocab.flatMap(tokenVector) },
      ],
      node: [
        {
          opType: 'Gather',
          input: ['word_embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      // attention_mask and token_type_ids are declared like BERT's so transformers.js feeds them as it would a
      // real model; the graph ignores them (pooling applies the mask, and padding embeds to zero anyway).
      input: [int64Input('input_ids'), int64Input('attention_mask'), int64Input('token_type_ids')],
      output: [
        valueInfo('last_hidden_state', onnx.TensorProto.DataType.FLOAT, [
          { dimParam: 'batch_size' },
          { dimParam: 'sequence_length' },
          { dimValue: TINY_HIDDEN_SIZE },
        ]),
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function valueInfo(name: string, elemType: number, dim: { dimParam?: string; dimValue?: number }[]) {
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

function modelConfig(vocabSize: number) {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_HIDDEN_SIZE,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: TINY_HIDDEN_SIZE,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocabSize,
    pad_token_id: 0,
  };
}

/** The Hugging Face `tokenizers` JSON of a BERT WordPiece tokenizer (the format of bert-base-chinese's). */
function tokenizerJson(vocab: string[]) {
  const id = (token: string) => vocab.indexOf(token);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

function tokenizerConfig() {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    tokenize_chinese_chars: true,
    model_max_length: 512,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

function writeJson(file: string, value: unknown): Promise<void> {
  return writeFile(file, JSON.stringify(value));
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator, so the table (and every similarity) is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
