import { type FirmDescription, nameGrams, phraseGrams, productGrams, productKey, productKeys, productWords } from './firmTerms.ts';
import { attachmentModel } from '../config/attachment.ts';
import { dot, InvertedIndex, type SparseTerms, TermSpace, withoutTerms } from './termSpace.ts';

/** A firm the deployment already placed in segments: the training data of attachment. */
export interface LabelledFirm extends FirmDescription {
  id: string;
  /** Indices into the model's segment list. */
  labels: number[];
}

/** A segment as its chain template describes it (name, description, keywords, included products). */
export interface SegmentWords {
  id: string;
  text: string[];
  /** The products the segment INCLUDES in its chain template. */
  products?: string[];
}

/**
 * The signals, in order. Each is computed for every segment; a conditional logit fit on the
 * graph's own firms weighs them (`attachmentClassifier.ts`).
 */
export const signalNames = [
  'gramCentroid', 'wordCentroid', 'nameCentroid', 'gramNeighbours', 'wordNeighbours', 'productNeighbours', 'segmentText', 'prior', 'productLines', 'segmentProducts', 'leadingProductLines', 'leadingGramCentroid', 'similarSegments', 'denseCentroid', 'denseNeighbours', 'nameNeighbours', 'nameSegmentText',
] as const;
export type SignalName = (typeof signalNames)[number];
const column = (name: SignalName) => signalNames.indexOf(name);

interface View {
  space: TermSpace;
  firms: SparseTerms[];
  /**
   * Each firm as it would look if it were new: without the terms only it has. A new firm's unknown
   * terms are dropped by the vector space, so leaving them in would make leave-one-out similarities
   * lower than real ones — and the weights fit on them overconfident.
   */
  asNew: SparseTerms[];
  firmIndex: InvertedIndex;
  /** Per segment: sum of its firms' vectors, normalised (centroid), and the sum's squared norm. */
  centroidIndex: InvertedIndex;
  sumNorm: Float64Array;
}

type Terms = (firm: FirmDescription) => string[];
const views: Record<'grams' | 'words' | 'products' | 'name', Terms> = {
  grams: productGrams,
  words: productWords,
  products: productKeys,
  name: (f) => nameGrams(f.name),
};
type ViewName = keyof typeof views;

function buildView(terms: Terms, firms: LabelledFirm[], segments: number, extraDocs: string[][] = []): View {
  const docs = firms.map(terms);
  const space = new TermSpace([...docs, ...extraDocs]);
  const vectors = docs.map((d) => space.vector(d));
  const sums: Map<number, number>[] = Array.from({ length: segments }, () => new Map());
  firms.forEach((f, i) => {
    for (const s of f.labels) {
      const v = vectors[i];
      const sum = sums[s];
      for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k], (sum.get(v.ids[k]) ?? 0) + v.values[k]);
    }
  });
  const sumNorm = new Float64Array(segments);
  const centroids = sums.map((sum, s) => {
    const ids = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
    let norm = 0;
    for (const id of ids) norm += sum.get(id)! ** 2;
    sumNorm[s] = Math.sqrt(norm);
    const values = Float32Array.from(ids, (id) => (norm > 0 ? sum.get(id)! / Math.sqrt(norm) : 0));
    return { ids, values };
  });
  const ownOnly = (id: number) => space.documentFrequency[id] <= 1;
  return { space, firms: vectors, asNew: vectors.map((v) => withoutTerms(v, ownOnly)), firmIndex: new InvertedIndex(vectors, space.size), centroidIndex: new InvertedIndex(centroids, space.size), sumNorm };
}

/** Every product line of every attached firm (a firm's lines are rows start[f] … start[f + 1] − 1). */
interface ProductLines {
  space: TermSpace;
  index: InvertedIndex;
  firm: Int32Array;
  start: Int32Array;
}

/**
 * A product line's terms for line-to-line matching: its character bigrams (a one-character name is
 * its own term). Unigrams are left out here: 业 or 品 sit in most of the lines, so their postings
 * would cost the whole index per query while adding little to a match of whole names.
 */
function lineGrams(product: string): string[] {
  const grams = phraseGrams(product);
  const bigrams = grams.filter((g) => [...g].length === 2);
  return bigrams.length > 0 ? bigrams : grams;
}

function productLineIndex(firms: LabelledFirm[]): ProductLines {
  const firm: number[] = [];
  const docs: string[][] = [];
  const start = new Int32Array(firms.length + 1);
  firms.forEach((f, i) => {
    start[i] = firm.length;
    for (const p of productLinesOf(f)) {
      firm.push(i);
      docs.push(lineGrams(p));
    }
  });
  start[firms.length] = firm.length;
  const space = new TermSpace(docs);
  return { space, index: new InvertedIndex(docs.map((d) => space.vector(d)), space.size), firm: Int32Array.from(firm), start };
}

export interface Neighbour {
  firm: number;
  similarity: number;
}

export interface SignalTable {
  /** segments × signals, row-major. */
  values: Float64Array;
  /** The nearest attached firms (by product n-grams), for explanations. */
  neighbours: Neighbour[];
}

export class AttachmentModel {
  private readonly view: Record<ViewName, View>;
  private readonly segmentIndex: InvertedIndex;
  /** Product name → segments that INCLUDE it; and per segment, how many of its firms list each name. */
  private readonly included = new Map<string, number[]>();
  private readonly listedIn: Map<string, number>[];
  /** Every product line of every attached firm, for matching product to product (see productLineVote). */
  private readonly lines: ProductLines;
  private readonly firmCounts: Float64Array;
  /** Per segment: the segments whose n-gram centroids are most like its own, with that similarity. */
  private readonly similarSegments: Neighbour[][];
  readonly segmentCount: number;
  /**
   * Dense embeddings of the attached firms, centred on their mean and renormalised (e5 cosines are
   * compressed: unrelated products still score 0.84), with each segment's sum; absent unless every
   * attached firm has one, so a deployment without vectors fits exactly the lexical model.
   */
  private readonly dense?: { mean: Float32Array; matrix: Float32Array; dimensions: number; sums: Float64Array[] };

  constructor(readonly firms: LabelledFirm[], readonly segments: SegmentWords[], readonly neighbourCount = 10) {
    this.segmentCount = segments.length;
    const segmentDocs = segments.map((s) => s.text.flatMap(phraseGrams));
    this.view = {
      grams: buildView(views.grams, firms, segments.length, segmentDocs),
      words: buildView(views.words, firms, segments.length),
      products: buildView(views.products, firms, segments.length),
      name: buildView(views.name, firms, segments.length),
    };
    segments.forEach((seg, i) => {
      for (const key of new Set((seg.products ?? []).map(productKey).filter((k) => [...k].length >= 2))) (this.included.get(key) ?? this.included.set(key, []).get(key)!).push(i);
    });
    this.listedIn = segments.map(() => new Map());
    firms.forEach((f) => {
      for (const key of new Set((f.products ?? []).map(productKey))) for (const s of f.labels) this.listedIn[s].set(key, (this.listedIn[s].get(key) ?? 0) + 1);
    });
    this.lines = productLineIndex(firms);
    this.segmentIndex = new InvertedIndex(segmentDocs.map((d) => this.view.grams.space.vector(d)), this.view.grams.space.size);

    if (firms.length > 0 && firms.every((f) => f.embedding)) {
      const d = firms[0].embedding!.length;
      const mean = new Float32Array(d);
      for (const f of firms) for (let k = 0; k < d; k++) mean[k] += f.embedding![k] / firms.length;
      const matrix = new Float32Array(firms.length * d);
      firms.forEach((f, i) => matrix.set(centre(f.embedding!, mean), i * d));
      const sums = segments.map(() => new Float64Array(d));
      firms.forEach((f, i) => {
        for (const s of f.labels) for (let k = 0; k < d; k++) sums[s][k] += matrix[i * d + k];
      });
      this.dense = { mean, matrix, dimensions: d, sums };
    }
    this.firmCounts = new Float64Array(segments.length);
    for (const f of firms) for (const s of f.labels) this.firmCounts[s]++;
    const grams = this.view.grams;
    const scratch = new Float64Array(segments.length);
    this.similarSegments = grams.centroidIndex.rows.map((c, s) => {
      grams.centroidIndex.dots(c, scratch);
      scratch[s] = 0;
      return topK(scratch, attachmentModel.similarSegments);
    });
  }

  /** Whether the dense signals can be present (every attached firm has an embedding). */
  get hasEmbeddings(): boolean {
    return this.dense !== undefined;
  }

  vectors(firm: FirmDescription): Record<ViewName, SparseTerms> {
    const vector = (name: ViewName) => this.view[name].space.vector(views[name](firm));
    return { grams: vector('grams'), words: vector('words'), products: vector('products'), name: vector('name') };
  }

  /**
   * Every signal for every segment. `self`: the index of a training firm being scored as if it were
   * new (leave-one-out): its own vector is taken out of its segments' centroids and out of the
   * neighbour vote, so the signals look like those of a firm the model has never seen.
   */
  signals(firm: FirmDescription, self?: number, hidden?: ReadonlySet<number>): SignalTable {
    const S = this.segmentCount;
    const K = signalNames.length;
    const values = new Float64Array(S * K);
    const q = self === undefined ? this.vectors(firm) : this.trainingVectors(self);
    const ownLabels = self === undefined ? [] : this.firms[self].labels;
    const centroid = (name: ViewName, column: number, query = q[name]) => {
      const v = this.view[name];
      const out = v.centroidIndex.dots(query, new Float64Array(S));
      for (const s of ownLabels) {
        // cos(q, S − v) from q·S, v·S and |S|: the segment's centroid without this firm (v is the
        // firm's stored vector, in the sum; q the same firm seen as new).
        const stored = v.firms[self!];
        const dq = out[s] * v.sumNorm[s];
        const dv = dot(stored, v.centroidIndex.rows[s]) * v.sumNorm[s];
        const rest = v.sumNorm[s] ** 2 - 2 * dv + dotSelf(stored);
        out[s] = rest > 1e-9 ? (dq - dot(query, stored)) / Math.sqrt(rest) : 0;
      }
      for (let s = 0; s < S; s++) values[s * K + column] = out[s];
    };
    centroid('grams', column('gramCentroid'));
    centroid('words', column('wordCentroid'));
    centroid('name', column('nameCentroid'));
    centroid('grams', column('leadingGramCentroid'), this.leadingGrams(firm, self));
    const neighbours = this.neighbourVote('grams', q.grams, self, hidden, values, column('gramNeighbours'));
    this.neighbourVote('words', q.words, self, hidden, values, column('wordNeighbours'));
    this.neighbourVote('products', q.products, self, hidden, values, column('productNeighbours'));
    // The name names the trade more often than not (…银行, …证券, …电力, …矿业): its nearest attached
    // firms by name vote, and its words are matched against the segment's own words.
    this.neighbourVote('name', q.name, self, hidden, values, column('nameNeighbours'));
    const seg = this.segmentIndex.dots(q.grams, new Float64Array(S));
    const nameSeg = this.segmentIndex.dots(this.view.grams.space.vector(nameGrams(firm.name)), new Float64Array(S));
    // The prior: how many attached firms the segment has (without this one, scored as new).
    const attached = this.firms.length - (self === undefined ? 0 : 1);
    for (let s = 0; s < S; s++) {
      values[s * K + column('segmentText')] = seg[s];
      values[s * K + column('nameSegmentText')] = nameSeg[s];
      const count = this.firmCounts[s] - (ownLabels.includes(s) ? 1 : 0);
      values[s * K + column('prior')] = Math.log((count + 1) / (attached + S));
    }
    this.productLineVote(firm, self, hidden, values, column('productLines'), column('leadingProductLines'));
    this.denseSignals(firm, self, hidden, values);
    this.includedProducts(firm, self, values, column('segmentProducts'));
    // Evidence shared among similar segments (a small class borrows from its neighbours). The
    // similarities come from centroids that include an attached firm scored as new: a small leak, but
    // the values shared are the leave-one-out ones.
    for (let s = 0; s < S; s++) {
      let vote = 0;
      let weight = 0;
      for (const o of this.similarSegments[s]) {
        vote += o.similarity * values[o.firm * K + column('gramCentroid')];
        weight += o.similarity;
      }
      values[s * K + column('similarSegments')] = weight > 0 ? vote / weight : 0;
    }
    return { values, neighbours };
  }

  /**
   * Share of the firm's products that a segment INCLUDES (same name, or one name containing the
   * other). Scoring an attached firm as if new, a match does not count where this firm may be the
   * reason the segment includes the product (an import that copied firms' products into the template):
   * when it is the only firm of the segment listing that name.
   */
  private includedProducts(firm: FirmDescription, self: number | undefined, values: Float64Array, column: number): void {
    const K = signalNames.length;
    const keys = [...new Set((firm.products ?? []).map(productKey).filter(Boolean))];
    if (keys.length === 0 || this.included.size === 0) return;
    const own = self === undefined ? [] : this.firms[self].labels;
    const hits = new Float64Array(this.segmentCount);
    for (const key of keys) {
      const matched = new Set<number>();
      const consider = (included: string) => {
        for (const s of this.included.get(included)!) {
          if (own.includes(s) && this.listedIn[s].get(included) === 1 && (firm.products ?? []).some((p) => productKey(p) === included)) continue;
          matched.add(s);
        }
      };
      if (this.included.has(key)) consider(key);
      for (const included of this.included.keys()) if (included !== key && (key.includes(included) || included.includes(key)) && Math.min([...key].length, [...included].length) >= 3) consider(included);
      for (const s of matched) hits[s]++;
    }
    for (let s = 0; s < this.segmentCount; s++) values[s * K + column] = hits[s] / keys.length;
  }

  /**
   * Product to product: each of the firm's product lines finds the most similar product lines of
   * attached firms and votes for their segments (each line at most one vote), so a diversified firm's
   * 浓香型白酒 meets other firms' 白酒 whatever else either makes. Averaged over the firm's lines.
   */
  private productLineVote(firm: FirmDescription, self: number | undefined, hidden: ReadonlySet<number> | undefined, values: Float64Array, column: number, leadingColumn: number): void {
    const K = signalNames.length;
    const products = productLinesOf(firm);
    if (products.length === 0) return;
    const leading = Math.min(products.length, attachmentModel.leadingProducts);
    const scratch = new Float64Array(this.lines.firm.length);
    const skip = new Set([...(self === undefined ? [] : [self]), ...(hidden ?? [])]);
    for (const [line, p] of products.entries()) {
      const touched = this.lines.index.sparseDots(this.lines.space.vector(lineGrams(p)), scratch);
      const best = topAmong(touched, (r) => (skip.has(this.lines.firm[r]) ? 0 : scratch[r]), attachmentModel.productLineNeighbours);
      for (const r of touched) scratch[r] = 0;
      const total = best.reduce((t, n) => t + n.similarity, 0);
      if (total <= 0) continue;
      const strength = best[0].similarity;
      for (const n of best) {
        for (const s of this.firms[this.lines.firm[n.firm]].labels) {
          values[s * K + column] += (strength * n.similarity) / total / products.length;
          if (line < leading) values[s * K + leadingColumn] += (strength * n.similarity) / total / leading;
        }
      }
    }
  }

  /**
   * What decided a segment, for the explanation: the firm's products closest to the segment's firms,
   * the words it shares with them (by weight in the segment's centroid), and its nearest neighbours there.
   */
  evidence(firm: FirmDescription, segment: number, neighbours: Neighbour[]): { products: string[]; words: string[]; similarFirms: Neighbour[] } {
    const grams = this.view.grams;
    const centroid = grams.centroidIndex.rows[segment];
    const products = (firm.products ?? [])
      .map((p) => ({ p, score: dot(grams.space.vector(phraseGrams(p)), centroid) }))
      .filter((x) => x.score > 0.05)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((x) => x.p);
    const words = this.view.words;
    const q = words.space.vector(views.words(firm));
    const c = words.centroidIndex.rows[segment];
    const shared: { word: string; weight: number }[] = [];
    for (let i = 0, j = 0; i < q.ids.length && j < c.ids.length; ) {
      if (q.ids[i] === c.ids[j]) shared.push({ word: words.space.terms[q.ids[i]], weight: q.values[i++] * c.values[j++] });
      else if (q.ids[i] < c.ids[j]) i++;
      else j++;
    }
    shared.sort((a, b) => b.weight - a.weight);
    const similarFirms = neighbours.filter((n) => this.firms[n.firm].labels.includes(segment)).slice(0, 3);
    return { products, words: shared.slice(0, 6).map((w) => w.word), similarFirms };
  }

  /**
   * The n-gram vector of the firm's first product lines only (as new, for an attached firm): lists
   * put the main business first, and a conglomerate's tail (房地产, 贸易, 租赁) should not outvote it.
   */
  private leadingGrams(firm: FirmDescription, self: number | undefined): SparseTerms {
    const space = this.view.grams.space;
    const v = space.vector(productLinesOf(firm).slice(0, attachmentModel.leadingProducts).flatMap(phraseGrams));
    return self === undefined ? v : withoutTerms(v, (id) => space.documentFrequency[id] <= 1);
  }

  /**
   * Meaning rather than characters (机器视觉 ~ 工业相机): the cosine of the firm's embedding to each
   * segment's centroid (without the firm itself, scored as new) and the vote of its 10 nearest
   * attached firms. Zero for a firm without an embedding.
   */
  private denseSignals(firm: FirmDescription, self: number | undefined, hidden: ReadonlySet<number> | undefined, values: Float64Array): void {
    const dense = this.dense;
    const source = self === undefined ? firm.embedding : this.firms[self].embedding;
    if (!dense || !source) return;
    const K = signalNames.length;
    const d = dense.dimensions;
    const q = self === undefined ? centre(source, dense.mean) : dense.matrix.subarray(self * d, self * d + d);
    const own = self === undefined ? [] : this.firms[self].labels;
    for (let s = 0; s < this.segmentCount; s++) {
      const sum = dense.sums[s];
      const mine = own.includes(s);
      let dotq = 0;
      let norm = 0;
      for (let k = 0; k < d; k++) {
        const v = mine ? sum[k] - q[k] : sum[k];
        dotq += v * q[k];
        norm += v * v;
      }
      values[s * K + column('denseCentroid')] = norm > 1e-9 ? dotq / Math.sqrt(norm) : 0;
    }
    const { matrix } = dense;
    const sims = new Float64Array(this.firms.length);
    for (let i = 0, row = 0; i < sims.length; i++, row += d) {
      let t = 0;
      for (let k = 0; k < d; k++) t += matrix[row + k] * q[k];
      sims[i] = t;
    }
    if (self !== undefined) sims[self] = 0;
    if (hidden) for (const i of hidden) sims[i] = 0;
    for (const n of topK(sims, this.neighbourCount)) for (const s of this.firms[n.firm].labels) values[s * K + column('denseNeighbours')] += n.similarity / this.firms[n.firm].labels.length;
  }

  private trainingVectors(i: number): Record<ViewName, SparseTerms> {
    return { grams: this.view.grams.asNew[i], words: this.view.words.asNew[i], products: this.view.products.asNew[i], name: this.view.name.asNew[i] };
  }

  /** Similarity-weighted vote of the k most similar attached firms, into one signal column. */
  private neighbourVote(name: ViewName, query: SparseTerms, self: number | undefined, hidden: ReadonlySet<number> | undefined, values: Float64Array, column: number): Neighbour[] {
    const sims = this.view[name].firmIndex.dots(query, new Float64Array(this.firms.length));
    if (self !== undefined) sims[self] = 0;
    if (hidden) for (const i of hidden) sims[i] = 0;
    const top = topK(sims, this.neighbourCount);
    const K = signalNames.length;
    for (const n of top) for (const s of this.firms[n.firm].labels) values[s * K + column] += n.similarity / this.firms[n.firm].labels.length;
    return top;
  }
}

/** A dense vector minus the training firms' mean, normalised: e5 cosines are compressed around 0.8. */
function centre(v: Float32Array, mean: Float32Array): Float32Array {
  const out = new Float32Array(v.length);
  let n = 0;
  for (let k = 0; k < v.length; k++) n += (out[k] = v[k] - mean[k]) ** 2;
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < v.length; k++) out[k] /= n;
  return out;
}

/** A firm's product lines in the order given (the main business first, as lists have it), without repeats. */
function productLinesOf(firm: FirmDescription): string[] {
  return [...new Set((firm.products ?? []).map((x) => x.trim()).filter(Boolean))];
}

function dotSelf(v: SparseTerms): number {
  let s = 0;
  for (let k = 0; k < v.values.length; k++) s += v.values[k] * v.values[k];
  return s;
}

/** The k rows of highest positive similarity among `rows` (ties: lower row first), in one pass. */
function topAmong(rows: number[], similarity: (row: number) => number, k: number): Neighbour[] {
  const top: Neighbour[] = [];
  for (const row of rows) {
    const v = similarity(row);
    if (v <= 0) continue;
    if (top.length === k && (v < top[k - 1].similarity || (v === top[k - 1].similarity && row > top[k - 1].firm))) continue;
    let j = top.length;
    while (j > 0 && (top[j - 1].similarity < v || (top[j - 1].similarity === v && top[j - 1].firm > row))) j--;
    top.splice(j, 0, { firm: row, similarity: v });
    if (top.length > k) top.pop();
  }
  return top;
}

function topK(values: Float64Array, k: number): Neighbour[] {
  const top: Neighbour[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v <= 0) continue;
    if (top.length < k) {
      top.push({ firm: i, similarity: v });
      if (top.length === k) top.sort((a, b) => b.similarity - a.similarity);
    } else if (v > top[k - 1].similarity) {
      let j = k - 1;
      while (j > 0 && top[j - 1].similarity < v) j--;
      top.splice(j, 0, { firm: i, similarity: v });
      top.pop();
    }
  }
  return top.sort((a, b) => b.similarity - a.similarity || a.firm - b.firm);
}

