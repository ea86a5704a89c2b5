import { type FirmDescription, nameGrams, productGrams, productKeys, productWords } from './firmTerms.ts';
import type { LabelledFirm } from './signals.ts';
import { InvertedIndex, type SparseTerms, TermSpace, withoutTerms } from './termSpace.ts';

/**
 * One TF-IDF view of the attached firms (product n-grams, jieba words, exact product names, or the
 * name): each firm's vector, the firms as an index for the neighbour vote, and each segment's centroid.
 */
export interface View {
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
export const views: Record<'grams' | 'words' | 'products' | 'name', Terms> = {
  grams: productGrams,
  words: productWords,
  products: productKeys,
  name: (f) => nameGrams(f.name),
};
export type ViewName = keyof typeof views;

/** `extraDocs`: more documents for the vocabulary and IDF only (the segments' own words). */
export function buildView(terms: Terms, firms: LabelledFirm[], segments: number, extraDocs: string[][] = []): View {
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
  return {
    space,
    firms: vectors,
    asNew: vectors.map((v) => withoutTerms(v, ownOnly)),
    firmIndex: new InvertedIndex(vectors, space.size),
    centroidIndex: new InvertedIndex(centroids, space.size),
    sumNorm,
  };
}

export function dotSelf(v: SparseTerms): number {
  let s = 0;
  for (let k = 0; k < v.values.length; k++) s += v.values[k] * v.values[k];
  return s;
}
