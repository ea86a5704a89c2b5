/**
 * The global assignment as a transportation problem (docs/design.md §4, "global assignment across all open
 * demands"): x[d,o] ≥ 0 units, Σ_o x[d,o] ≤ quantity[d], Σ_d x[d,o] ≤ capacity[o], x[d,o] ≤ maxUnits;
 * and, where offers have a size capacity (area m², amount 万元), Σ_d size[d]·x[d,o] ≤ sizeCapacity[o].
 * The size rows make it a multi-knapsack, no longer a pure flow (see solveAssignment.ts for how it is solved).
 *
 * The same shape serves a matchmaking-event schedule: demand = enterprise with quantity = its meeting
 * slots, offer = research unit with capacity = its slots, fit = pairing score, maxUnits = 1 so a pair
 * meets once.
 */
export interface AssignmentProblem {
  /**
   * quantity: positive whole number of units the demand needs (usually 1). size: what each unit takes
   * of an offer's size capacity (e.g. 4,400 m² of a building); default 0.
   */
  demands: { id: string; quantity: number; size?: number }[];
  /**
   * capacity: whole number of units the offer can serve (0 when fully taken). sizeCapacity: the total
   * size its units may take together (e.g. the building's 4,900 m²); default unlimited.
   */
  offers: { id: string; capacity: number; sizeCapacity?: number }[];
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

/** What the size rows did to the problem and how far the answer may be from the optimum. */
export interface SizeRows {
  /** Offers whose size row can bind: the count capacity alone would let its demands exceed the size. */
  binding: number;
  /** Offers the size-blind min-cost flow over-filled, repaired by eviction and re-routing (0 with HiGHS). */
  repairedOffers: number;
  /** Demands evicted from such an offer and routed again. */
  freedDemands: number;
  /**
   * An upper bound on the objective's fit: the size-blind optimum (a relaxation). Equal to totalFit when
   * the answer is proven optimal; null when HiGHS solved the whole model (its optimum is exact).
   */
  boundFit: number | null;
}

export interface AssignmentOptions {
  objective?: AssignmentObjective;
  /** Keep only this many best-fitting edges per demand before solving (the optimum is over the kept edges). */
  maxEdgesPerDemand?: number;
  /**
   * 'auto' (default): HiGHS up to assignmentDefaults.highsMaxEdges kept edges, min-cost flow above.
   * Both are exact without size rows; with binding size rows HiGHS solves the MIP exactly and
   * min-cost flow is exact only if its size-blind optimum fits every size (else repaired: status 'Feasible').
   */
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
  /** 'Optimal' when proven optimal; 'Feasible' when the size repair ran (see sizeRows.boundFit for the gap). */
  status: string;
  sizeRows: SizeRows;
  /** Edges dropped by maxEdgesPerDemand before solving. */
  prunedEdges: number;
  /** Wall time of the call in ms: validation, model building, solving (the first HiGHS call also loads its WASM). */
  ms: number;
}
