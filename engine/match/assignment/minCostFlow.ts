import { DistanceHeap } from './distanceHeap.ts';
import type { IndexedProblem } from './indexProblem.ts';

/**
 * Maximises Σ gain·x over the transportation polytope by successive shortest paths (Ahuja, Magnanti &
 * Orlin, Network Flows, ch. 9) and returns the units on every edge.
 *
 * Network: each demand d supplies quantity[d] units; a unit goes d → o → sink (cost G − gain, at most
 * edgeCap through the pair and capacity[o] through o) or d → sink directly (cost G: left unassigned),
 * where G = max gain keeps every cost ≥ 0. Each unit pays G less the gain of the edge it uses, if any,
 * so the total cost is G·Σ quantity − Σ gain·x: minimum cost is maximum gain.
 *
 * Demands are added one at a time and each new unit is routed along a shortest path of the residual
 * network, found by Dijkstra on reduced costs c + π(u) − π(v). The zero flow is optimal for zero
 * supply (no cycles, costs ≥ 0, π = 0), and π is updated so reduced costs stay ≥ 0; then each
 * augmentation leaves a minimum-cost flow for the supply added so far — a later unit may re-route
 * earlier ones (d takes o from d′, d′ moves to o′ or gives up). Capacities and supplies are integers,
 * so every augmentation, and the result, is integral.
 */
export function minCostFlow(p: IndexedProblem, gains: Float64Array): Int32Array {
  const demandCount = p.quantity.length;
  const nodeCount = demandCount + p.capacity.length + 1;
  const sink = nodeCount - 1; // nodes: demands, then offers (demandCount + o), then the sink
  const top = gains.reduce((a, b) => Math.max(a, b), 0);
  const cost = gains.map((g) => top - g);
  const flow = new Int32Array(gains.length);
  const load = new Int32Array(p.capacity.length);

  // π(sink) never changes (see the update below), so it stays 0 and is left out of the sums.
  const potential = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount);
  const via = new Int32Array(nodeCount); // edge that reached a demand or offer; the node that reached the sink
  // Stamps (the search that last labelled / settled a node) spare clearing arrays between searches.
  const labelled = new Int32Array(nodeCount);
  const settledIn = new Int32Array(nodeCount);
  const settled = new Int32Array(nodeCount); // nodes settled by the current search, in order
  const heap = new DistanceHeap(nodeCount);
  let search = 0;

  const relax = (v: number, d: number, reachedVia: number) => {
    if (settledIn[v] === search || (labelled[v] === search && dist[v] <= d)) return;
    labelled[v] = search;
    dist[v] = d;
    via[v] = reachedVia;
    heap.push(d, v);
  };

  /** Dijkstra from `source`, stopped when the sink is settled; returns how many nodes were settled. */
  const shortestPath = (source: number): number => {
    search++;
    heap.clear();
    relax(source, 0, -1);
    let count = 0;
    for (;;) {
      const u = heap.pop();
      if (settledIn[u] === search) continue;
      settledIn[u] = search;
      settled[count++] = u;
      if (u === sink) return count;
      const du = dist[u];
      // Rounding can leave a reduced cost a hair below zero; clamping keeps Dijkstra's invariant.
      if (u < demandCount) {
        relax(sink, du + Math.max(0, top + potential[u]), u);
        for (let e = p.demandStart[u], end = p.demandStart[u + 1]; e < end; e++) {
          if (flow[e] === p.edgeCap[e]) continue;
          const v = demandCount + p.edgeOffer[e];
          relax(v, du + Math.max(0, cost[e] + potential[u] - potential[v]), e);
        }
      } else {
        const o = u - demandCount;
        if (load[o] < p.capacity[o]) relax(sink, du + Math.max(0, potential[u]), u);
        for (let i = p.offerStart[o], end = p.offerStart[o + 1]; i < end; i++) {
          const e = p.offerEdges[i];
          if (flow[e] === 0) continue;
          const v = p.edgeDemand[e];
          relax(v, du + Math.max(0, -cost[e] + potential[u] - potential[v]), e);
        }
      }
    }
  };

  /** Sends as much of `supply` as the path allows; returns the units sent. */
  const augment = (source: number, supply: number): number => {
    const last = via[sink];
    let units = supply;
    if (last >= demandCount) units = Math.min(units, p.capacity[last - demandCount] - load[last - demandCount]);
    for (let v = last; v !== source;) {
      const e = via[v];
      if (v >= demandCount) {
        units = Math.min(units, p.edgeCap[e] - flow[e]);
        v = p.edgeDemand[e];
      } else {
        units = Math.min(units, flow[e]);
        v = demandCount + p.edgeOffer[e];
      }
    }
    if (last >= demandCount) load[last - demandCount] += units;
    for (let v = last; v !== source;) {
      const e = via[v];
      if (v >= demandCount) {
        flow[e] += units;
        v = p.edgeDemand[e];
      } else {
        flow[e] -= units;
        v = demandCount + p.edgeOffer[e];
      }
    }
    return units;
  };

  for (let d = 0; d < demandCount; d++) {
    for (let supply = p.quantity[d]; supply > 0;) {
      const count = shortestPath(d);
      // π(v) += dist(v) − dist(sink) on settled nodes only: the early-stopped form of π += dist, which
      // keeps reduced costs ≥ 0 and makes them 0 along the path just found.
      const toSink = dist[sink];
      for (let i = 0; i < count; i++) potential[settled[i]] += dist[settled[i]] - toSink;
      supply -= augment(d, supply);
    }
  }
  return flow;
}
