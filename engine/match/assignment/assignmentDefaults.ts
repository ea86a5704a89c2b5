/** Defaults of the global assignment, with their reasons, in one place. */
export const assignmentDefaults = {
  objective: 'total-fit' as const,
  /**
   * Edges kept per demand, best fit first: bounds the model at 20 × demands columns whatever the
   * candidate generation produced. The optimum is over the kept edges (result.prunedEdges counts the rest).
   */
  maxEdgesPerDemand: 20,
  /**
   * Above this many edges 'auto' uses min-cost flow instead of HiGHS. Measured on 2 cores (Node 20,
   * highs@1.15.3 WASM, dual simplex, benchmark.ts problems): HiGHS 0.1–0.25 s up to 10,000 edges,
   * 1–3 s at 20,000 (1k × 1k), 80 s at 200,000 (10k × 10k); min-cost flow 30 ms and 0.25 s on the
   * same two. Both give the same optimum; HiGHS stays on small problems as the independent LP solver
   * the flow is tested against.
   */
  highsMaxEdges: 10_000,
  /**
   * With size rows the model is a MIP; HiGHS stops when its answer is within this relative gap of the
   * bound. Fits are in [0, 1] and totals reach thousands, so 1e-6 is below any fit a person could see
   * while sparing the last branch-and-bound nodes that only prove it.
   */
  mipRelativeGap: 1e-6,
  /** A MIP still open after this long keeps its best answer (status 'Feasible'): the 10 s design target leaves room for the rest. */
  mipTimeLimitSeconds: 5,
  /** Eviction rounds the size repair may take (sizeRepair.ts); after the last, evictions are applied without re-routing, which is feasible. */
  repairRounds: 40,
  /**
   * Re-solving the whole flow moves the evicted demands best (they may displace others) but costs
   * 0.5–0.7 s a round at 10,000 × 10,000, and on the seed-shaped market 8 rounds did not settle
   * (4.7 s). After this long a round re-routes only the evicted demands on what is left (milliseconds).
   */
  repairBudgetMs: 1_500,
};
