import { pickByWeight, type Random } from './random.ts';

/** Unit roundoff of a double: every +, −, × is exact up to a relative error of this. */
const unitRoundoff = 2 ** -53;

/**
 * Draws without replacement by weight, picking exactly what `random.weighted(pool, weight)` followed
 * by removing the pick from `pool` would pick — in O(log n) a draw instead of O(n), so tagging the
 * local firms of a 10^6-firm graph is no longer quadratic (issue 17).
 *
 * How the picks stay identical: `random.weighted` walks the pool in floating point, so its answer is
 * the exact one (the first item whose exact prefix sum exceeds x · total) except when x · total lies
 * within the walk's rounding error of a prefix sum. The urn keeps the weights as integers (weight ×
 * `scale`) in a Fenwick tree, where prefix sums are exact, finds the exact answer by binary descent,
 * and hands the rare draw that falls within a proven error bound of a boundary to the same linear
 * walk over the remaining items in order (`pickByWeight`). Each draw takes one `random.next()`, as
 * the walk does.
 */
export class WeightedUrn<T> {
  private readonly tree: Float64Array;
  private readonly units: Float64Array;
  private readonly alive: Uint8Array;
  private readonly topStep: number;
  private readonly maxUnits: number;
  private totalUnits = 0;
  private remaining: number;
  /** Draws answered by the linear walk because they fell near a boundary (for tests and curiosity). */
  fallbacks = 0;

  /**
   * @param scale weights must be integers divided by this (0.3 = 3 / 10): the double nearest to
   *   k / scale for an integer k ≥ 0, so the integer sums stand for the weights exactly.
   */
  constructor(
    private readonly items: readonly T[],
    private readonly weight: (item: T) => number,
    private readonly scale: number,
  ) {
    const n = items.length;
    this.tree = new Float64Array(n + 1);
    this.units = new Float64Array(n + 1);
    this.alive = new Uint8Array(n + 1).fill(1);
    this.remaining = n;
    let maxUnits = 0;
    for (let i = 1; i <= n; i++) {
      const w = weight(items[i - 1]);
      const k = Math.round(w * scale);
      if (!(k >= 0) || k / scale !== w) throw new RangeError(`weight ${w} is not an integer / ${scale}`);
      this.units[i] = k;
      this.tree[i] += k;
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent] += this.tree[i];
      this.totalUnits += k;
      maxUnits = Math.max(maxUnits, k);
    }
    if (this.totalUnits > Number.MAX_SAFE_INTEGER) throw new RangeError('weights too large for exact sums');
    this.maxUnits = maxUnits;
    let step = 1;
    while (step * 2 <= n) step *= 2;
    this.topStep = n === 0 ? 0 : step;
  }

  /** Items not drawn yet. */
  get size(): number {
    return this.remaining;
  }

  draw(random: Random): T {
    if (this.remaining === 0) throw new RangeError('draw from an empty urn');
    const x = random.next();
    const position = this.exactPick(x) ?? this.walkPick(x);
    this.remove(position);
    return this.items[position - 1];
  }

  /** The position the exact arithmetic picks, or null when rounding could make the walk differ. */
  private exactPick(x: number): number | null {
    const total = this.totalUnits;
    if (total === 0) return null;
    const target = x * total;
    let position = 0;
    let below = 0;
    for (let step = this.topStep; step > 0; step >>= 1) {
      const next = position + step;
      if (next < this.tree.length && below + this.tree[next] <= target) {
        position = next;
        below += this.tree[next];
      }
    }
    const picked = position + 1;
    if (picked >= this.tree.length) return null;
    const above = below + this.units[picked];
    return Math.min(above - target, target - below) > this.margin() ? picked : null;
  }

  /**
   * A bound, in weight units, on how far the walk's floating-point remainder can stray from the exact
   * x · total − prefix: the walk's sum of n doubles (≤ ~n·u·W), x · sum (u·W), n subtractions each
   * rounding a value ≤ W + max weight (n·u·(W + max)), the weights' own rounding to doubles (u·W),
   * and this urn's own x · total (u·W) — all below (2n + 5)·u·(W + max). Taken 8 times over: a wider
   * bound only sends a few more draws to the walk.
   */
  private margin(): number {
    return 8 * (2 * this.remaining + 5) * unitRoundoff * (this.totalUnits + this.maxUnits);
  }

  /** The old linear walk over the remaining items in their order, for the same x. */
  private walkPick(x: number): number {
    this.fallbacks++;
    const positions: number[] = [];
    for (let i = 1; i < this.alive.length; i++) if (this.alive[i]) positions.push(i);
    return pickByWeight(positions, (i) => this.weight(this.items[i - 1]), x);
  }

  private remove(position: number): void {
    this.alive[position] = 0;
    this.remaining--;
    const k = this.units[position];
    this.totalUnits -= k;
    for (let i = position; i < this.tree.length; i += i & -i) this.tree[i] -= k;
  }
}
