import { attachmentModel } from '../config/attachment.ts';
import { type FirmDescription, phraseGrams } from './firmTerms.ts';
import { topAmong } from './nearest.ts';
import { type LabelledFirm, signalCount } from './signals.ts';
import { InvertedIndex, TermSpace } from './termSpace.ts';

/** A firm's product lines in the order given (the main business first, as lists have it), without repeats. */
export function productLinesOf(firm: FirmDescription): string[] {
  return [...new Set((firm.products ?? []).map((x) => x.trim()).filter(Boolean))];
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

/** Every product line of every attached firm, for matching product to product. */
export class ProductLines {
  private readonly space: TermSpace;
  private readonly index: InvertedIndex;
  /** The attached firm of each line. */
  private readonly firm: Int32Array;

  constructor(private readonly firms: LabelledFirm[]) {
    const firm: number[] = [];
    const docs: string[][] = [];
    firms.forEach((f, i) => {
      for (const p of productLinesOf(f)) {
        firm.push(i);
        docs.push(lineGrams(p));
      }
    });
    this.space = new TermSpace(docs);
    this.index = new InvertedIndex(
      docs.map((d) => this.space.vector(d)),
      this.space.size,
    );
    this.firm = Int32Array.from(firm);
  }

  /**
   * Product to product: each of the firm's product lines finds the most similar product lines of
   * attached firms and votes for their segments (each line at most one vote), so a diversified firm's
   * 浓香型白酒 meets other firms' 白酒 whatever else either makes. Averaged over the firm's lines into
   * `column`, and over its leading lines (the main business) into `leadingColumn`.
   */
  vote(
    firm: FirmDescription,
    self: number | undefined,
    hidden: ReadonlySet<number> | undefined,
    values: Float64Array,
    column: number,
    leadingColumn: number,
  ): void {
    const K = signalCount;
    const products = productLinesOf(firm);
    if (products.length === 0) return;
    const leading = Math.min(products.length, attachmentModel.leadingProducts);
    const scratch = new Float64Array(this.firm.length);
    const skip = new Set([...(self === undefined ? [] : [self]), ...(hidden ?? [])]);
    for (const [line, p] of products.entries()) {
      const touched = this.index.sparseDots(this.space.vector(lineGrams(p)), scratch);
      const best = topAmong(touched, (r) => (skip.has(this.firm[r]) ? 0 : scratch[r]), attachmentModel.productLineNeighbours);
      for (const r of touched) scratch[r] = 0;
      const total = best.reduce((t, n) => t + n.similarity, 0);
      if (total <= 0) continue;
      const strength = best[0].similarity;
      for (const n of best) {
        for (const s of this.firms[this.firm[n.firm]].labels) {
          values[s * K + column] += (strength * n.similarity) / total / products.length;
          if (line < leading) values[s * K + leadingColumn] += (strength * n.similarity) / total / leading;
        }
      }
    }
  }
}
