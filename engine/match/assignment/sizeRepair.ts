import { assignmentDefaults } from './assignmentDefaults.ts';
import { indexProblem, sizeTolerance, type IndexedProblem } from './indexProblem.ts';
import { minCostFlow } from './minCostFlow.ts';

export interface SizeRepair {
  flow: Int32Array;
  /** Offers whose size a size-blind flow exceeded, over all rounds (an offer counted once). */
  repairedOffers: number;
  /** Demands that lost units on such an offer and were routed again. */
  freedDemands: number;
  /** Eviction rounds: re-solves of the whole flow, then re-routings of the evicted demands only. */
  rounds: number;
}

/** Whether the units on offer o's edges take more than its size capacity. */
export function sizeExceeded(p: IndexedProblem, flow: Int32Array, o: number): boolean {
  let taken = 0;
  for (let i = p.offerStart[o]; i < p.offerStart[o + 1]; i++) taken += flow[p.offerEdges[i]] * p.size[p.edgeDemand[p.offerEdges[i]]];
  return taken > p.sizeCapacity[o] * (1 + sizeTolerance);
}

/**
 * Makes a size-blind optimum (min-cost flow cannot carry the size rows) respect every size, by
 * eviction and re-routing:
 *
 * 1. In each over-filled offer, the units it holds are kept best gain first while they fit its size
 *    (4,400 m² at fit 0.75 stays in a 4,900 m² building; 4,900 m² at 0.5 does not); the pair limit of
 *    every evicted unit is lowered (edgeCap), so that pair can never carry it again.
 * 2. The flow is solved again with the lowered limits: an evicted demand moves to its next best offer,
 *    possibly displacing another, as the optimum over the remaining pairs decides.
 * 3. Repeat while some offer is over-filled. Once assignmentDefaults.repairBudgetMs is spent, a round
 *    no longer re-solves everything: it keeps everyone else's units and routes only the demands that
 *    lost units, on what is left of every offer (count, and size through the pair limits) — cheap, and
 *    it can over-fill an offer only when two of them land on it. Every round lowers Σ edgeCap, so it
 *    ends; after assignmentDefaults.repairRounds rounds the evictions are applied without routing
 *    again, which is feasible at once (only units were removed).
 *
 * A heuristic: a pair evicted in one round is not reconsidered in another combination. Its loss is
 * bounded by the size-blind fit (sizeRows.boundFit) and measured in docs/resources.md §4; HiGHS solves
 * the exact MIP where the problem is small enough.
 */
export function repairSizes(p: IndexedProblem, gains: Float64Array, relaxed: Int32Array): SizeRepair {
  if (p.bindingOffers.length === 0) return { flow: relaxed, repairedOffers: 0, freedDemands: 0, rounds: 0 };
  const started = performance.now();
  const limited: IndexedProblem = { ...p, edgeCap: p.edgeCap.slice() };
  const repaired = new Set<number>();
  const freed = new Set<number>();
  let flow = relaxed;
  for (let round = 0; ; round++) {
    const overFilled = Array.from(p.bindingOffers).filter((o) => sizeExceeded(p, flow, o));
    if (overFilled.length === 0) return { flow, repairedOffers: repaired.size, freedDemands: freed.size, rounds: round };
    const evicted = new Set<number>();
    for (const o of overFilled) {
      repaired.add(o);
      evictUntilItFits(limited, gains, flow, o, evicted);
    }
    for (const d of evicted) freed.add(d);
    for (let e = 0; e < flow.length; e++) flow[e] = Math.min(flow[e], limited.edgeCap[e]);
    if (round === assignmentDefaults.repairRounds) return { flow, repairedOffers: repaired.size, freedDemands: freed.size, rounds: round };
    flow = performance.now() - started < assignmentDefaults.repairBudgetMs ? minCostFlow(limited, gains) : reroute(limited, gains, flow, evicted);
  }
}

/** Routes the units `demands` lack over what the current flow leaves of every offer; everyone else keeps theirs. */
function reroute(p: IndexedProblem, gains: Float64Array, flow: Int32Array, demands: Set<number>): Int32Array {
  const countLeft = Int32Array.from(p.capacity);
  const sizeLeft = Float64Array.from(p.sizeCapacity);
  for (let e = 0; e < flow.length; e++) {
    countLeft[p.edgeOffer[e]] -= flow[e];
    sizeLeft[p.edgeOffer[e]] -= flow[e] * p.size[p.edgeDemand[e]];
  }
  // The demands as a problem of their own, ids = positions; each edge keeps its gain through `source`.
  const sub = {
    demands: [] as { id: string; quantity: number; size: number }[],
    offers: Array.from(countLeft, (c, o) => ({ id: String(o), capacity: Math.max(0, c), sizeCapacity: Math.max(0, sizeLeft[o]) })),
    edges: [] as { demandId: string; offerId: string; fit: number; maxUnits: number }[],
  };
  const source = new Map<string, number>();
  for (const d of demands) {
    let got = 0;
    for (let e = p.demandStart[d]; e < p.demandStart[d + 1]; e++) got += flow[e];
    if (got >= p.quantity[d]) continue;
    sub.demands.push({ id: String(d), quantity: p.quantity[d] - got, size: p.size[d] });
    for (let e = p.demandStart[d]; e < p.demandStart[d + 1]; e++) {
      if (p.edgeCap[e] - flow[e] < 1) continue;
      sub.edges.push({ demandId: String(d), offerId: String(p.edgeOffer[e]), fit: p.edgeFit[e], maxUnits: p.edgeCap[e] - flow[e] });
      source.set(`${d} ${p.edgeOffer[e]}`, e);
    }
  }
  const next = flow.slice();
  if (sub.edges.length === 0) return next;
  const indexed = indexProblem(sub, Infinity);
  const subGains = Float64Array.from(indexed.edgeDemand, (d, e) => gains[source.get(`${indexed.demandIds[d]} ${indexed.offerIds[indexed.edgeOffer[e]]}`)!]);
  const added = minCostFlow(indexed, subGains);
  for (let e = 0; e < added.length; e++)
    if (added[e] > 0) next[source.get(`${indexed.demandIds[indexed.edgeDemand[e]]} ${indexed.offerIds[indexed.edgeOffer[e]]}`)!] += added[e];
  return next;
}

/** Keeps offer o's units best gain first while they fit its size; lowers the limit of every pair that loses units. */
function evictUntilItFits(p: IndexedProblem, gains: Float64Array, flow: Int32Array, o: number, freed: Set<number>): void {
  const held: number[] = [];
  for (let i = p.offerStart[o]; i < p.offerStart[o + 1]; i++) if (flow[p.offerEdges[i]] > 0) held.push(p.offerEdges[i]);
  held.sort((a, b) => gains[b] - gains[a] || a - b);
  let room = p.sizeCapacity[o] * (1 + sizeTolerance);
  for (const e of held) {
    const size = p.size[p.edgeDemand[e]];
    const kept = size > 0 ? Math.min(flow[e], Math.floor(room / size)) : flow[e];
    room -= kept * size;
    if (kept < flow[e]) {
      p.edgeCap[e] = kept;
      freed.add(p.edgeDemand[e]);
    }
  }
}
