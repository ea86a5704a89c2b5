import { InvalidInputError, type FieldIssue } from '../../core/errors.ts';
import type { AssignmentProblem } from './types.ts';

/**
 * A validated problem in flat arrays, edges grouped by demand (best fit first), so both solvers and
 * the greedy baseline walk integers instead of string ids.
 */
export interface IndexedProblem {
  demandIds: string[];
  offerIds: string[];
  quantity: Int32Array;
  capacity: Int32Array;
  /** What one unit of demand d takes of an offer's size capacity (0: nothing). */
  size: Float64Array;
  /** Total size offer o's units may take together (Infinity: no size row). */
  sizeCapacity: Float64Array;
  /** Offers whose size row can bind (sizeRowBinds), ascending: only these rows enter a model. */
  bindingOffers: Int32Array;
  edgeDemand: Int32Array;
  edgeOffer: Int32Array;
  edgeFit: Float64Array;
  /** Units the edge may carry: min(quantity, capacity, maxUnits, ⌊sizeCapacity / size⌋). */
  edgeCap: Int32Array;
  /** Edges of demand d are demandStart[d] … demandStart[d + 1] − 1. */
  demandStart: Int32Array;
  /** Edges of offer o are offerEdges[offerStart[o]] … offerEdges[offerStart[o + 1] − 1]. */
  offerStart: Int32Array;
  offerEdges: Int32Array;
  prunedEdges: number;
}

const isCount = (n: number, min: number) => Number.isInteger(n) && n >= min;

/** Validates the problem (throws InvalidInputError naming every bad field) and keeps each demand's best edges. */
export function indexProblem(problem: AssignmentProblem, maxEdgesPerDemand: number): IndexedProblem {
  const issues: FieldIssue[] = [];
  if (!(maxEdgesPerDemand >= 1) || (!Number.isInteger(maxEdgesPerDemand) && maxEdgesPerDemand !== Infinity)) {
    issues.push({ path: 'options.maxEdgesPerDemand', message: 'must be a positive whole number or Infinity' });
  }
  const demandIndex = uniqueIndex(problem.demands, 'demands', issues);
  const offerIndex = uniqueIndex(problem.offers, 'offers', issues);
  problem.demands.forEach((d, i) => {
    if (!isCount(d.quantity, 1)) issues.push({ path: `demands.${i}.quantity`, message: 'must be a whole number ≥ 1' });
  });
  problem.offers.forEach((o, i) => {
    if (!isCount(o.capacity, 0)) issues.push({ path: `offers.${i}.capacity`, message: 'must be a whole number ≥ 0' });
    if (o.sizeCapacity !== undefined && !(o.sizeCapacity >= 0)) issues.push({ path: `offers.${i}.sizeCapacity`, message: 'must be a number ≥ 0' });
  });
  problem.demands.forEach((d, i) => {
    if (d.size !== undefined && !(d.size >= 0 && Number.isFinite(d.size))) issues.push({ path: `demands.${i}.size`, message: 'must be a finite number ≥ 0' });
  });

  const byDemand: number[][] = problem.demands.map(() => []);
  const pairs = new Set<string>();
  problem.edges.forEach((e, i) => {
    const d = demandIndex.get(e.demandId);
    const o = offerIndex.get(e.offerId);
    if (d === undefined) issues.push({ path: `edges.${i}.demandId`, message: `unknown demand "${e.demandId}"` });
    if (o === undefined) issues.push({ path: `edges.${i}.offerId`, message: `unknown offer "${e.offerId}"` });
    if (!(e.fit >= 0 && e.fit <= 1)) issues.push({ path: `edges.${i}.fit`, message: 'must be a number in [0, 1]' });
    if (e.maxUnits !== undefined && !isCount(e.maxUnits, 0)) {
      issues.push({ path: `edges.${i}.maxUnits`, message: 'must be a whole number ≥ 0' });
    }
    if (d === undefined || o === undefined) return;
    const pair = `${d} ${o}`;
    if (pairs.has(pair)) issues.push({ path: `edges.${i}`, message: `duplicate pair ${e.demandId} → ${e.offerId}` });
    pairs.add(pair);
    byDemand[d].push(i);
  });
  if (issues.length > 0) throw new InvalidInputError('invalid assignment problem', issues);

  // Best fit first; ties by offer order so the kept edges, and hence the result, are deterministic.
  const offerOf = (i: number) => offerIndex.get(problem.edges[i].offerId)!;
  let kept = 0;
  for (const list of byDemand) {
    list.sort((a, b) => problem.edges[b].fit - problem.edges[a].fit || offerOf(a) - offerOf(b));
    if (list.length > maxEdgesPerDemand) list.length = maxEdgesPerDemand;
    kept += list.length;
  }

  const quantity = Int32Array.from(problem.demands, (d) => d.quantity);
  const capacity = Int32Array.from(problem.offers, (o) => o.capacity);
  const size = Float64Array.from(problem.demands, (d) => d.size ?? 0);
  const sizeCapacity = Float64Array.from(problem.offers, (o) => o.sizeCapacity ?? Infinity);
  const edgeDemand = new Int32Array(kept);
  const edgeOffer = new Int32Array(kept);
  const edgeFit = new Float64Array(kept);
  const edgeCap = new Int32Array(kept);
  const demandStart = new Int32Array(problem.demands.length + 1);
  let k = 0;
  byDemand.forEach((list, d) => {
    demandStart[d] = k;
    for (const i of list) {
      const e = problem.edges[i];
      const o = offerOf(i);
      edgeDemand[k] = d;
      edgeOffer[k] = o;
      edgeFit[k] = e.fit;
      edgeCap[k] = Math.min(quantity[d], capacity[o], e.maxUnits ?? Infinity, size[d] > 0 ? Math.floor(sizeCapacity[o] / size[d] + sizeTolerance) : Infinity);
      k++;
    }
  });
  demandStart[problem.demands.length] = k;

  const { start: offerStart, items: offerEdges } = groupBy(edgeOffer, problem.offers.length);
  const bindingOffers: number[] = [];
  for (let o = 0; o < problem.offers.length; o++) {
    if (sizeRowBinds(o, { size, sizeCapacity, capacity, edgeDemand, edgeCap, offerStart, offerEdges })) bindingOffers.push(o);
  }
  return {
    demandIds: problem.demands.map((d) => d.id),
    offerIds: problem.offers.map((o) => o.id),
    quantity,
    capacity,
    size,
    sizeCapacity,
    bindingOffers: Int32Array.from(bindingOffers),
    edgeDemand,
    edgeOffer,
    edgeFit,
    edgeCap,
    demandStart,
    offerStart,
    offerEdges,
    prunedEdges: problem.edges.length - kept,
  };
}

/** Sizes are m² or 万元 from user data: a sum this close to the capacity counts as fitting (round-off of decimal inputs). */
export const sizeTolerance = 1e-9;

/**
 * Whether offer o's size row can bind: the largest size its count capacity would let in — its
 * edges' units taken largest size first, up to capacity[o] — exceeds sizeCapacity[o]. A row that
 * cannot bind is implied by the count row and left out, so a problem whose sizes never compete stays
 * a pure transportation problem (e.g. every offer of capacity 1: a demand larger than the offer has no edge).
 */
export function sizeRowBinds(
  o: number,
  p: Pick<IndexedProblem, 'size' | 'sizeCapacity' | 'capacity' | 'edgeDemand' | 'edgeCap' | 'offerStart' | 'offerEdges'>,
): boolean {
  if (p.sizeCapacity[o] === Infinity) return false;
  const edges: number[] = [];
  for (let i = p.offerStart[o]; i < p.offerStart[o + 1]; i++) if (p.size[p.edgeDemand[p.offerEdges[i]]] > 0) edges.push(p.offerEdges[i]);
  edges.sort((a, b) => p.size[p.edgeDemand[b]] - p.size[p.edgeDemand[a]]);
  let units = p.capacity[o];
  let taken = 0;
  for (const e of edges) {
    if (units === 0) break;
    const x = Math.min(units, p.edgeCap[e]);
    taken += x * p.size[p.edgeDemand[e]];
    units -= x;
  }
  return taken > p.sizeCapacity[o] * (1 + sizeTolerance);
}

function uniqueIndex(items: { id: string }[], field: string, issues: FieldIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) issues.push({ path: `${field}.${i}.id`, message: `duplicate id "${item.id}"` });
    else index.set(item.id, i);
  });
  return index;
}

/** Counting sort of positions 0 … keys.length − 1 by key: a CSR index (start offsets + items). */
function groupBy(keys: Int32Array, keyCount: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (const key of keys) start[key + 1]++;
  for (let i = 0; i < keyCount; i++) start[i + 1] += start[i];
  const next = start.slice(0, keyCount);
  const items = new Int32Array(keys.length);
  keys.forEach((key, position) => {
    items[next[key]++] = position;
  });
  return { start, items };
}
