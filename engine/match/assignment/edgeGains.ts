import type { IndexedProblem } from './indexProblem.ts';
import type { AssignmentObjective } from './types.ts';

/**
 * The gain per unit sent along each edge; both solvers maximise Σ gain·x.
 *
 * 'coverage' adds a bonus B per unit served. The fit of any assignment is at most its units, and no
 * assignment serves more than U = min(Σ quantity, Σ capacity) units, so with B = U + 1 one more unit
 * (+B) always outweighs any loss of fit (< U): a lexicographic objective in one LP, with B no larger
 * than needed so the coefficients stay well scaled.
 */
export function edgeGains(p: IndexedProblem, objective: AssignmentObjective): Float64Array {
  if (objective === 'total-fit') return p.edgeFit;
  const bonus = Math.min(sum(p.quantity), sum(p.capacity)) + 1;
  return p.edgeFit.map((fit) => bonus + fit);
}

const sum = (xs: Int32Array) => xs.reduce((a, b) => a + b, 0);
