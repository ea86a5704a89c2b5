import { assignmentResult } from './assignmentResult.ts';
import { indexProblem, sizeTolerance } from './indexProblem.ts';
import type { AssignmentProblem, AssignmentResult } from './types.ts';

/**
 * The first-come baseline: each demand, in input order, takes as much as it can from its best
 * remaining offers (count and size). Kept only to show, in tests, what the global assignment gains over it.
 */
export function greedyAssignment(problem: AssignmentProblem): AssignmentResult {
  const started = performance.now();
  const p = indexProblem(problem, Infinity); // edges of each demand come best fit first
  const flow = new Int32Array(p.edgeFit.length);
  const left = p.capacity.slice();
  const sizeLeft = p.sizeCapacity.slice();
  for (let d = 0; d < p.quantity.length; d++) {
    let need = p.quantity[d];
    for (let e = p.demandStart[d]; e < p.demandStart[d + 1] && need > 0; e++) {
      const o = p.edgeOffer[e];
      const fits = p.size[d] > 0 ? Math.floor(sizeLeft[o] / p.size[d] + sizeTolerance) : Infinity;
      const units = Math.max(0, Math.min(need, left[o], p.edgeCap[e], fits));
      flow[e] = units;
      left[o] -= units;
      sizeLeft[o] -= units * p.size[d];
      need -= units;
    }
  }
  return assignmentResult(p, flow, {
    solver: 'greedy',
    status: 'Heuristic',
    ms: performance.now() - started,
    sizeRows: { binding: p.bindingOffers.length, repairedOffers: 0, freedDemands: 0, boundFit: null },
  });
}
