import { type FirmDescription, nameGrams, phraseGrams } from './firmTerms.ts';
import { attachmentModel } from '../config/attachment.ts';
import { DenseSpace } from './denseSignals.ts';
import { IncludedProducts } from './includedProducts.ts';
import { type Neighbour, topK } from './nearest.ts';
import { ProductLines, productLinesOf } from './productLines.ts';
import { column, type LabelledFirm, type SegmentWords, signalCount, type SignalTable } from './signals.ts';
import { TermLogitSignal } from './termLogitSignal.ts';
import { dot, InvertedIndex, type SparseTerms, withoutTerms } from './termSpace.ts';
import { buildView, dotSelf, type View, type ViewName, views } from './termViews.ts';

export { type LabelledFirm, type SegmentWords, type SignalName, signalNames, type SignalTable } from './signals.ts';
export type { Neighbour } from './nearest.ts';

/**
 * Every signal of a firm for every segment, from the attached firms of a scope (the training data)
 * and its segments' own words. The signals themselves live beside it: the TF-IDF views
 * (`termViews.ts`), product line to product line (`productLines.ts`), the template's included
 * products (`includedProducts.ts`) and the dense embeddings (`denseSignals.ts`).
 */
export class AttachmentModel {
  private readonly view: Record<ViewName, View>;
  private readonly segmentIndex: InvertedIndex;
  private readonly included: IncludedProducts;
  /** Every product line of every attached firm, for matching product to product. */
  private readonly lines: ProductLines;
  private readonly firmCounts: Float64Array;
  /** Attached firms of the graph left out of a training capped per segment (0 when nothing was capped). */
  private readonly unsampled: number;
  /** Per segment: the segments whose n-gram centroids are most like its own, with that similarity. */
  private readonly similarSegments: Neighbour[][];
  readonly segmentCount: number;
  private readonly dense?: DenseSpace;
  private readonly termLogit: TermLogitSignal;

  /** `crossFit`: the attached firms that will be scored as new (the fit sample): their termLogit is cross-fitted. */
  constructor(
    readonly firms: LabelledFirm[],
    readonly segments: SegmentWords[],
    readonly neighbourCount = 10,
    crossFit: number[] = [],
  ) {
    this.segmentCount = segments.length;
    const segmentDocs = segments.map((s) => s.text.flatMap(phraseGrams));
    this.view = {
      grams: buildView(views.grams, firms, segments.length, segmentDocs),
      words: buildView(views.words, firms, segments.length),
      products: buildView(views.products, firms, segments.length),
      name: buildView(views.name, firms, segments.length),
    };
    this.included = new IncludedProducts(firms, segments);
    this.lines = new ProductLines(firms);
    this.segmentIndex = new InvertedIndex(
      segmentDocs.map((d) => this.view.grams.space.vector(d)),
      this.view.grams.space.size,
    );
    this.dense = DenseSpace.of(firms, segments.length, neighbourCount);
    this.termLogit = new TermLogitSignal(this.view, firms, segments.length, crossFit);
    this.firmCounts = new Float64Array(segments.length);
    for (const f of firms) for (const s of f.labels) this.firmCounts[s]++;
    let unsampled = 0;
    segments.forEach((segment, s) => {
      const left = (segment.attached ?? 0) - this.firmCounts[s];
      if (left > 0) {
        unsampled += left;
        this.firmCounts[s] += left;
      }
    });
    this.unsampled = unsampled;
    const grams = this.view.grams;
    const scratch = new Float64Array(segments.length);
    this.similarSegments = grams.centroidIndex.rows.map((c, s) => {
      grams.centroidIndex.dots(c, scratch);
      scratch[s] = 0;
      return topK(scratch, attachmentModel.similarSegments);
    });
  }

  /**
   * Adds the dense signals of a firm scored as new to a table `signals()` made without its embedding: they
   * depend on nothing else, so a request computes the rest while its embedding is on its way.
   */
  addDenseSignals(firm: FirmDescription, hidden: ReadonlySet<number> | undefined, table: SignalTable): void {
    this.dense?.signals(firm, undefined, hidden, table.values);
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
    const K = signalCount;
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
    const attached = this.firms.length + this.unsampled - (self === undefined ? 0 : 1);
    for (let s = 0; s < S; s++) {
      values[s * K + column('segmentText')] = seg[s];
      values[s * K + column('nameSegmentText')] = nameSeg[s];
      const count = this.firmCounts[s] - (ownLabels.includes(s) ? 1 : 0);
      values[s * K + column('prior')] = Math.log((count + 1) / (attached + S));
    }
    this.lines.vote(firm, self, hidden, values, column('productLines'), column('leadingProductLines'));
    this.dense?.signals(firm, self, hidden, values);
    this.termLogit.signal(self, q, values, K, column('termLogit'));
    this.included.share(firm, self, values, column('segmentProducts'));
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
    for (let i = 0, j = 0; i < q.ids.length && j < c.ids.length;) {
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

  private trainingVectors(i: number): Record<ViewName, SparseTerms> {
    return { grams: this.view.grams.asNew[i], words: this.view.words.asNew[i], products: this.view.products.asNew[i], name: this.view.name.asNew[i] };
  }

  /** Similarity-weighted vote of the k most similar attached firms, into one signal column. */
  private neighbourVote(
    name: ViewName,
    query: SparseTerms,
    self: number | undefined,
    hidden: ReadonlySet<number> | undefined,
    values: Float64Array,
    column: number,
  ): Neighbour[] {
    const sims = this.view[name].firmIndex.dots(query, new Float64Array(this.firms.length));
    if (self !== undefined) sims[self] = 0;
    if (hidden) for (const i of hidden) sims[i] = 0;
    const top = topK(sims, this.neighbourCount);
    const K = signalCount;
    for (const n of top) for (const s of this.firms[n.firm].labels) values[s * K + column] += n.similarity / this.firms[n.firm].labels.length;
    return top;
  }
}
