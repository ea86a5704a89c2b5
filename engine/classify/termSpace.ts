/**
 * A TF-IDF vector space over integer term ids: the documents it was fit on give the vocabulary and
 * the inverse document frequencies; vectors are sparse, sorted by term id and L2-normalised.
 * Terms never seen in the fit are dropped (they cannot match any known firm or segment).
 */
export interface SparseTerms {
  ids: Int32Array;
  values: Float32Array;
}

export const emptyTerms: SparseTerms = { ids: new Int32Array(0), values: new Float32Array(0) };

export class TermSpace {
  private readonly index = new Map<string, number>();
  private readonly idf: number[] = [];
  /** Documents of the fit that hold each term. */
  readonly documentFrequency: number[] = [];
  readonly terms: string[] = [];

  /** `minCount`: a term must occur in at least this many documents to enter the vocabulary. */
  constructor(documents: Iterable<string[]>, options: { minCount?: number; sublinear?: boolean } = {}) {
    const df = new Map<string, number>();
    let n = 0;
    for (const doc of documents) {
      n++;
      for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const minCount = options.minCount ?? 1;
    for (const [t, count] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (count < minCount) continue;
      this.index.set(t, this.terms.length);
      this.terms.push(t);
      this.idf.push(Math.log((1 + n) / (1 + count)) + 1);
      this.documentFrequency.push(count);
    }
    this.sublinear = options.sublinear ?? true;
  }

  private readonly sublinear: boolean;

  idOf(term: string): number | undefined {
    return this.index.get(term);
  }

  get size(): number {
    return this.terms.length;
  }

  /** Term frequencies → normalised TF-IDF (sublinear tf by default: 1 + log f). */
  vector(doc: string[]): SparseTerms {
    const tf = new Map<number, number>();
    for (const t of doc) {
      const id = this.index.get(t);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const values = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, i) => {
      const f = tf.get(id)!;
      const v = (this.sublinear ? 1 + Math.log(f) : f) * this.idf[id];
      values[i] = v;
      norm += v * v;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < values.length; i++) values[i] /= norm;
    return { ids, values };
  }
}

/** The vector without the terms `drop` names, normalised again. */
export function withoutTerms(v: SparseTerms, drop: (id: number) => boolean): SparseTerms {
  const keep: number[] = [];
  for (let k = 0; k < v.ids.length; k++) if (!drop(v.ids[k])) keep.push(k);
  const norm = Math.sqrt(keep.reduce((s, k) => s + v.values[k] ** 2, 0));
  return { ids: Int32Array.from(keep, (k) => v.ids[k]), values: Float32Array.from(keep, (k) => (norm > 0 ? v.values[k] / norm : 0)) };
}

export function dot(a: SparseTerms, b: SparseTerms): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) s += a.values[i++] * b.values[j++];
    else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return s;
}

/**
 * Postings of many vectors (firms or segment centroids) for fast dot products with one query:
 * the cost is the length of the postings of the query's terms, not the number of vectors.
 */
export class InvertedIndex {
  private readonly postings: { rows: number[]; values: number[] }[] = [];

  constructor(
    readonly rows: SparseTerms[],
    size: number,
  ) {
    for (let t = 0; t < size; t++) this.postings.push({ rows: [], values: [] });
    rows.forEach((v, r) => {
      for (let k = 0; k < v.ids.length; k++) {
        const p = this.postings[v.ids[k]];
        p.rows.push(r);
        p.values.push(v.values[k]);
      }
    });
  }

  /**
   * Dot products of `query` with the rows it shares a term with, without touching the others: the
   * rows are returned, their values left in `scratch` (length = rows, all zero on entry) — the caller
   * reads them and sets them back to zero. For a short query against many rows (one product name
   * against every product line) this costs the postings, not the rows.
   */
  sparseDots(query: SparseTerms, scratch: Float64Array): number[] {
    const touched: number[] = [];
    for (let k = 0; k < query.ids.length; k++) {
      const p = this.postings[query.ids[k]];
      if (!p) continue;
      const q = query.values[k];
      for (let i = 0; i < p.rows.length; i++) {
        const r = p.rows[i];
        if (scratch[r] === 0) touched.push(r);
        scratch[r] += q * p.values[i];
      }
    }
    return touched;
  }

  /** Dot product of `query` with every row, into `out` (length = rows). */
  dots(query: SparseTerms, out: Float64Array): Float64Array {
    out.fill(0);
    for (let k = 0; k < query.ids.length; k++) {
      const p = this.postings[query.ids[k]];
      if (!p) continue;
      const q = query.values[k];
      for (let i = 0; i < p.rows.length; i++) out[p.rows[i]] += q * p.values[i];
    }
    return out;
  }
}
