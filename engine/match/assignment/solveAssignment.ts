import { assignmentDefaults } from './assignmentDefaults.ts';
import { assignmentResult } from './assignmentResult.ts';
import { edgeGains } from './edgeGains.ts';
import { highsSolve } from './highsSolver.ts';
import { indexProblem } from './indexProblem.ts';
import { minCostFlow } from './minCostFlow.ts';
import { repairSizes } from './sizeRepair.ts';
import type { AssignmentOptions, AssignmentProblem, AssignmentResult } from './types.ts';

/**
 * The global assignment (docs/design.md §4): all open demands against all offers at once, count and size
 * capacities respected, fit maximised — unlike first-come greedy.
 *
 * Without binding size rows it is a transportation problem and both solvers are exact. With them:
 * HiGHS solves the MIP exactly (small problems, or when asked); min-cost flow solves the size-blind
 * relaxation, which is the answer when it happens to fit every size (status 'Optimal'), else
 * over-filled offers evict their worst units and the flow is solved again (sizeRepair.ts, status
 * 'Feasible', sizeRows.boundFit the relaxation's fit as an upper bound).
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
  const objective = options.objective ?? assignmentDefaults.objective;
  const solver = options.solver ?? 'auto';
  const binding = p.bindingOffers.length;
  if (solver === 'highs' || (solver === 'auto' && gains.length <= assignmentDefaults.highsMaxEdges)) {
    const { flow, status } = await highsSolve(p, gains);
    return assignmentResult(p, flow, {
      solver: 'highs',
      status,
      ms: performance.now() - started,
      sizeRows: { binding, repairedOffers: 0, freedDemands: 0, boundFit: null },
    });
  }
  const relaxed = minCostFlow(p, gains);
  // The size-blind fit bounds the total-fit optimum from above; under 'coverage' the relaxation may serve more units at a lower fit, so it bounds nothing.
  const boundFit = objective === 'total-fit' ? relaxed.reduce((sum, x, e) => sum + x * p.edgeFit[e], 0) : null;
  const repair = repairSizes(p, gains, relaxed);
  return assignmentResult(p, repair.flow, {
    solver: 'min-cost-flow',
    status: repair.repairedOffers > 0 ? 'Feasible' : 'Optimal',
    ms: performance.now() - started,
    sizeRows: { binding, repairedOffers: repair.repairedOffers, freedDemands: repair.freedDemands, boundFit },
  });
}
