import { assignmentResult } from './assignmentResult.ts';
import { indexProblem } from './indexProblem.ts';
import type { AssignmentProblem, AssignmentResult } from './types.ts';

/**
 * The first-come baseline: each demand, in input order, takes as much as it can from its best
 * remaining offers. Kept only to show, in tests, what the global assignment gains over it.
 */
export function greedyAssignment(problem: AssignmentProblem): AssignmentResult {
  const started = performance.now();
  const p = indexProblem(problem, Infinity); // edges of each demand come best fit first
  const flow = new Int32Array(p.edgeFit.length);
  const left = p.capacity.slice();
  for (let d = 0; d < p.quantity.length; d++) {
    let need = p.quantity[d];
    for (let e = p.demandStart[d]; e < p.demandStart[d + 1] && need > 0; e++) {
      const units = Math.min(need, left[p.edgeOffer[e]], p.edgeCap[e]);
      flow[e] = units;
      left[p.edgeOffer[e]] -= units;
      need -= units;
    }
  }
  return assignmentResult(p, flow, { solver: 'greedy', status: 'Heuristic', ms: performance.now() - started });
}
