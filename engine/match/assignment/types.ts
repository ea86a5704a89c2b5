/**
 * The global assignment as a transportation problem (DESIGN §4, "global assignment across all open
 * demands"): x[d,o] ≥ 0 units, Σ_o x[d,o] ≤ quantity[d], Σ_d x[d,o] ≤ capacity[o], x[d,o] ≤ maxUnits.
 *
 * The same shape serves a matchmaking-event schedule: demand = enterprise with quantity = its meeting
 * slots, offer = research unit with capacity = its slots, fit = pairing score, maxUnits = 1 so a pair
 * meets once.
 */
export interface AssignmentProblem {
  /** quantity: positive whole number of units the demand needs (usually 1). */
  demands: { id: string; quantity: number }[];
  /** capacity: whole number of units the offer can serve (0 when fully taken). */
  offers: { id: string; capacity: number }[];
  /**
   * Only feasible pairs appear: hard constraints are filtered before. fit in [0, 1], higher is better.
   * maxUnits caps the units one pair may carry (default min(quantity, capacity)).
   */
  edges: { demandId: string; offerId: string; fit: number; maxUnits?: number }[];
}

/**
 * 'total-fit' maximises Σ fit·x. 'coverage' first maximises the units served, then the fit among
 * the assignments that serve that many.
 */
export type AssignmentObjective = 'total-fit' | 'coverage';

export type AssignmentSolver = 'highs' | 'min-cost-flow' | 'greedy';

export interface AssignmentOptions {
  objective?: AssignmentObjective;
  /** Keep only this many best-fitting edges per demand before solving (the optimum is over the kept edges). */
  maxEdgesPerDemand?: number;
  /** 'auto' (default): HiGHS up to assignmentDefaults.highsMaxEdges kept edges, min-cost flow above. Both are exact. */
  solver?: 'auto' | 'highs' | 'min-cost-flow';
}

export interface Assignment {
  demandId: string;
  offerId: string;
  units: number;
  fit: number;
}

export interface AssignmentResult {
  assignments: Assignment[];
  /** Demands left with nothing, in input order. */
  unassigned: string[];
  /** Σ fit·units over the assignments. */
  totalFit: number;
  solver: AssignmentSolver;
  status: string;
  /** Edges dropped by maxEdgesPerDemand before solving. */
  prunedEdges: number;
  /** Wall time of the call in ms: validation, model building, solving (the first HiGHS call also loads its WASM). */
  ms: number;
}
