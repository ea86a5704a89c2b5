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
};
