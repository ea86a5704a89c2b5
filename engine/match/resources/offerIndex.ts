import { offerTerms, type OfferTerms } from './resourceTerms.ts';
import type { DemandRecord, OfferContext, OfferRecord } from './resourceTypes.ts';

/**
 * Narrows the offers worth testing for a demand, so the assignment does not test every pair of
 * 10,000 × 10,000: offers are grouped by kind (and by park, for demands with a park allow-list) and
 * sorted by the attribute the demand states a minimum for (area for sites and land, amount for
 * loans and subsidies), so the offers too small are never visited. It only skips offers a hard
 * constraint would exclude anyway; every offer it yields is still tested in full.
 */
/** Offers sorted by size, largest first, with their flat terms alongside (read in the inner loop). */
type Sized = { list: OfferContext[]; terms: OfferTerms[]; keys: Float64Array };

const offerSize: Partial<Record<OfferRecord['kind'], (o: OfferRecord) => number | null>> = {
  site: (o) => o.areaM2,
  land: (o) => o.areaM2,
  loan: (o) => o.amountWan,
  policy: (o) => o.amountWan,
};
const demandMinimum: Partial<Record<DemandRecord['kind'], (d: DemandRecord) => number | null>> = {
  site: (d) => d.minAreaM2,
  land: (d) => d.minAreaM2,
  loan: (d) => d.amountWan,
  policy: (d) => d.amountWan,
};

function sized(list: OfferContext[], size: ((o: OfferRecord) => number | null) | undefined): Sized {
  const keyOf = (o: OfferContext) => (size ? (size(o.offer) ?? -Infinity) : 0);
  const sorted = [...list].sort((a, b) => keyOf(b) - keyOf(a) || (a.offer.id < b.offer.id ? -1 : 1));
  return { list: sorted, terms: sorted.map(offerTerms), keys: Float64Array.from(sorted, keyOf) };
}

/** Offers [0, end) have a size ≥ min (keys sorted descending). */
function cutoff(keys: Float64Array, min: number | null): number {
  if (min === null) return keys.length;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] >= min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class OfferIndex {
  private readonly byKind = new Map<string, { all: Sized; byPark: Map<string, Sized>; raw: OfferContext[] }>();

  constructor(offers: OfferContext[]) {
    const groups = new Map<string, OfferContext[]>();
    for (const o of offers) (groups.get(o.offer.kind) ?? groups.set(o.offer.kind, []).get(o.offer.kind)!).push(o);
    for (const [kind, list] of groups) {
      const size = offerSize[kind as OfferRecord['kind']];
      const parks = new Map<string, OfferContext[]>();
      for (const o of list) if (o.parkId !== null) (parks.get(o.parkId) ?? parks.set(o.parkId, []).get(o.parkId)!).push(o);
      this.byKind.set(kind, { all: sized(list, size), byPark: new Map([...parks].map(([p, l]) => [p, sized(l, size)])), raw: list });
    }
  }

  /** Every open offer of a kind, in input order (for diagnosis). */
  ofKind(kind: string): OfferContext[] {
    return this.byKind.get(kind)?.raw ?? [];
  }

  /** Calls `visit` for each offer that could meet the demand: right kind, an allowed park, large enough. */
  forCandidates(demand: DemandRecord, visit: (o: OfferContext, terms: OfferTerms) => void): void {
    const group = this.byKind.get(demand.kind);
    if (!group) return;
    const min = demandMinimum[demand.kind]?.(demand) ?? null;
    const slices =
      demand.parkAllowList.length > 0
        ? [...new Set(demand.parkAllowList)].map((p) => group.byPark.get(p)).filter((s): s is Sized => s !== undefined)
        : [group.all];
    for (const s of slices) {
      const end = cutoff(s.keys, min);
      for (let i = 0; i < end; i++) visit(s.list[i], s.terms[i]);
    }
  }
}
