import type { ChainSnapshot, SnapshotSegment } from '../../chain/snapshot.ts';
import { oncePer } from '../../core/oncePer.ts';
import { cosine, idfOf, tfidfVector, type SparseVector } from '../../text/lexical.ts';
import { textTerms } from '../../text/terms.ts';
import type { CandidateBasics } from './candidates.ts';

/** The text a segment is known by: name, description, keywords and product names. */
export function segmentText(s: SnapshotSegment): string {
  return [s.name, s.description, ...s.keywords, ...s.products.map((p) => p.name)].join(' ');
}

/** The text a candidate is known by: name, description and product names. */
export function candidateText(c: CandidateBasics): string {
  return [c.name, c.description, ...c.products.map((p) => p.name)].join(' ');
}

/** A text cut into terms once: the terms in order (for term frequencies) and the distinct ones (for document frequencies). */
export interface Terms {
  all: string[];
  distinct: Set<string>;
}

/**
 * Terms of the texts partner ranking scores, kept: cutting a text (textTerms, a regular expression per
 * character) was a third of an uncached partners request's own CPU time, and the same segment and
 * candidate texts come back in every request on a snapshot. Keyed by the text itself; one per snapshot
 * (SnapshotTexts), so it is forgotten with the snapshot.
 */
export class TermCache {
  private readonly terms = new Map<string, Terms>();

  of(text: string): Terms {
    let t = this.terms.get(text);
    if (!t) {
      const all = textTerms(text, false);
      this.terms.set(text, (t = { all, distinct: new Set(all) }));
    }
    return t;
  }
}

/**
 * LexicalScorer (engine/text/lexical.ts) with `words: false`, over texts already cut into terms, and
 * with the corpus given as a fixed part (document frequencies counted once, e.g. a chain's segments)
 * plus a part per request. The arithmetic is lexical.ts's own (idfOf, tfidfVector, cosine), so its values
 * equal LexicalScorer's to the last bit (partnerText.test; scripts/bench/partnersProbe.ts compares answers).
 */
export class TermScorer {
  private readonly base: ReadonlyMap<string, number>;
  private readonly extra = new Map<string, number>();
  private readonly documents: number;
  private readonly idfs = new Map<string, number>();

  constructor(base: { df: ReadonlyMap<string, number>; documents: number }, more: Iterable<Terms>) {
    let n = base.documents;
    for (const t of more) {
      n++;
      for (const g of t.distinct) this.extra.set(g, (this.extra.get(g) ?? 0) + 1);
    }
    this.base = base.df;
    this.documents = n;
  }

  /** The idf (lexical.ts idfOf), the unseen weight for a term no document has. */
  private idf(g: string): number {
    let idf = this.idfs.get(g);
    if (idf === undefined) this.idfs.set(g, (idf = idfOf((this.base.get(g) ?? 0) + (this.extra.get(g) ?? 0), this.documents)));
    return idf;
  }

  /** cosine(vector(target), vector(doc)) for each doc, as lexical.ts computes it. */
  similarities(target: Terms, docs: readonly Terms[]): number[] {
    const t = this.vector(target);
    return docs.map((doc) => cosine(t, this.vector(doc)));
  }

  vector(terms: Terms): SparseVector {
    return tfidfVector(terms.all, (g) => this.idf(g));
  }
}

/** Document frequencies of a fixed set of texts, for TermScorer's base. */
export function documentFrequencies(texts: Iterable<Terms>): { df: Map<string, number>; documents: number } {
  const df = new Map<string, number>();
  let documents = 0;
  for (const t of texts) {
    documents++;
    for (const g of t.distinct) df.set(g, (df.get(g) ?? 0) + 1);
  }
  return { df, documents };
}

/** Per snapshot: cut terms, the segments' document frequencies, and each target's text scorer. */
export class SnapshotTexts {
  static readonly of = oncePer((snapshot: ChainSnapshot) => new SnapshotTexts(snapshot));

  readonly terms = new TermCache();
  /** Every corpus starts with the chain's segments. */
  private readonly segments: { df: Map<string, number>; documents: number };
  private readonly scorers = new Map<string, TermScorer>();

  private constructor(snapshot: ChainSnapshot) {
    this.segments = documentFrequencies(snapshot.segments.map((s) => this.terms.of(segmentText(s))));
  }

  /**
   * TF-IDF cosine of `target` to each candidate (LexicalScorer's, on cached terms), over the chain's
   * segments and `corpus` as the corpus. The caller gives the same corpus for a target whatever the
   * request's filters (rankPartners: what an unfiltered request retrieves), so a firm's similarity to a
   * segment is one figure per snapshot, not one per filter; the scorer is kept per target and `corpusKey`.
   */
  async similarities(
    target: SnapshotSegment,
    corpusKey: string,
    corpus: () => Promise<readonly CandidateBasics[]>,
    candidates: readonly CandidateBasics[],
  ): Promise<number[]> {
    const key = `${target.id}\u0000${corpusKey}`;
    let scorer = this.scorers.get(key);
    if (!scorer) {
      scorer = new TermScorer(
        this.segments,
        (await corpus()).map((c) => this.terms.of(candidateText(c))),
      );
      this.scorers.set(key, scorer);
    }
    return scorer.similarities(
      this.terms.of(segmentText(target)),
      candidates.map((c) => this.terms.of(candidateText(c))),
    );
  }
}
