import type { IndexedProblem } from './indexProblem.ts';
import type { Assignment, AssignmentResult } from './types.ts';

/** Turns units per edge into the result: assignments in demand order (best fit first), then the demands left with nothing. */
export function assignmentResult(p: IndexedProblem, flow: Int32Array, meta: Pick<AssignmentResult, 'solver' | 'status' | 'ms' | 'sizeRows'>): AssignmentResult {
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  let totalFit = 0;
  for (let d = 0; d < p.demandIds.length; d++) {
    let served = 0;
    for (let e = p.demandStart[d]; e < p.demandStart[d + 1]; e++) {
      if (flow[e] === 0) continue;
      assignments.push({ demandId: p.demandIds[d], offerId: p.offerIds[p.edgeOffer[e]], units: flow[e], fit: p.edgeFit[e] });
      totalFit += flow[e] * p.edgeFit[e];
      served += flow[e];
    }
    if (served === 0) unassigned.push(p.demandIds[d]);
  }
  return { assignments, unassigned, totalFit, prunedEdges: p.prunedEdges, ...meta };
}
