import { type FirmDescription, productKey } from './firmTerms.ts';
import { type LabelledFirm, type SegmentWords, signalCount } from './signals.ts';

/**
 * The products each segment INCLUDES in its chain template, matched against a firm's products
 * (signal segmentProducts). Knows, per segment, how many attached firms list each name, so that an
 * attached firm scored as new does not find itself in a template an import copied from it.
 */
export class IncludedProducts {
  /** Product name → segments that INCLUDE it. */
  private readonly included = new Map<string, number[]>();
  /** Per segment, how many of its attached firms list each product name. */
  private readonly listedIn: Map<string, number>[];

  constructor(
    private readonly firms: LabelledFirm[],
    segments: SegmentWords[],
  ) {
    segments.forEach((seg, i) => {
      for (const key of new Set((seg.products ?? []).map(productKey).filter((k) => [...k].length >= 2)))
        (this.included.get(key) ?? this.included.set(key, []).get(key)!).push(i);
    });
    this.listedIn = segments.map(() => new Map());
    firms.forEach((f) => {
      for (const key of new Set((f.products ?? []).map(productKey))) for (const s of f.labels) this.listedIn[s].set(key, (this.listedIn[s].get(key) ?? 0) + 1);
    });
  }

  /**
   * Share of the firm's products that a segment INCLUDES (same name, or one name containing the
   * other), into `column`. Scoring an attached firm as if new, a match does not count where this firm
   * may be the reason the segment includes the product (an import that copied firms' products into
   * the template): when it is the only firm of the segment listing that name.
   */
  share(firm: FirmDescription, self: number | undefined, values: Float64Array, column: number): void {
    const K = signalCount;
    const segments = this.listedIn.length;
    const keys = [...new Set((firm.products ?? []).map(productKey).filter(Boolean))];
    if (keys.length === 0 || this.included.size === 0) return;
    const own = self === undefined ? [] : this.firms[self].labels;
    const hits = new Float64Array(segments);
    for (const key of keys) {
      const matched = new Set<number>();
      const consider = (included: string) => {
        for (const s of this.included.get(included)!) {
          if (own.includes(s) && this.listedIn[s].get(included) === 1 && (firm.products ?? []).some((p) => productKey(p) === included)) continue;
          matched.add(s);
        }
      };
      if (this.included.has(key)) consider(key);
      for (const included of this.included.keys())
        if (included !== key && (key.includes(included) || included.includes(key)) && Math.min([...key].length, [...included].length) >= 3) consider(included);
      for (const s of matched) hits[s]++;
    }
    for (let s = 0; s < segments; s++) values[s * K + column] = hits[s] / keys.length;
  }
}
