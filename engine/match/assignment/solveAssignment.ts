import { assignmentDefaults } from './assignmentDefaults.ts';
import { assignmentResult } from './assignmentResult.ts';
import { edgeGains } from './edgeGains.ts';
import { highsSolve } from './highsSolver.ts';
import { indexProblem } from './indexProblem.ts';
import { minCostFlow } from './minCostFlow.ts';
import type { AssignmentOptions, AssignmentProblem, AssignmentResult } from './types.ts';

/**
 * The global assignment (DESIGN §4): all open demands against all offers at once, capacities
 * respected, fit maximised — an exact optimum over the kept edges, unlike first-come greedy.
 *
 * @example
 * const result = await solveAssignment({
 *   demands: [{ id: 'd1', quantity: 1 }],
 *   offers: [{ id: 'site-7', capacity: 2 }],
 *   edges: [{ demandId: 'd1', offerId: 'site-7', fit: 0.8 }],
 * });
 * // result.assignments → [{ demandId: 'd1', offerId: 'site-7', units: 1, fit: 0.8 }]
 */
export async function solveAssignment(problem: AssignmentProblem, options: AssignmentOptions = {}): Promise<AssignmentResult> {
  const started = performance.now();
  const p = indexProblem(problem, options.maxEdgesPerDemand ?? assignmentDefaults.maxEdgesPerDemand);
  const gains = edgeGains(p, options.objective ?? assignmentDefaults.objective);
  const solver = options.solver ?? 'auto';
  if (solver === 'highs' || (solver === 'auto' && gains.length <= assignmentDefaults.highsMaxEdges)) {
    const { flow, status } = await highsSolve(p, gains);
    return assignmentResult(p, flow, { solver: 'highs', status, ms: performance.now() - started });
  }
  const flow = minCostFlow(p, gains);
  return assignmentResult(p, flow, { solver: 'min-cost-flow', status: 'Optimal', ms: performance.now() - started });
}
