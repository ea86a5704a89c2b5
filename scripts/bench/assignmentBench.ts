import { randomProblem, solveAssignment } from '../../engine/index.ts';

export interface AssignmentRow {
  problem: string;
  demands: number;
  offers: number;
  edges: number;
  solver: string;
  ms: number;
  served: number;
  unassigned: number;
  totalFit: number;
}

/**
 * The global assignment (docs/design.md §4) on engine/match/assignment/randomMarket.ts's seeded random market
 * (20 candidate offers per demand): 1k × 1k and 10k × 10k, default options ('auto' solver), each once
 * after a warm-up call that loads HiGHS's WASM.
 */
export async function assignmentBench(): Promise<AssignmentRow[]> {
  await solveAssignment(randomProblem(50, 50, 5, 1));
  const rows: AssignmentRow[] = [];
  for (const [name, n] of [
    ['1k × 1k', 1_000],
    ['10k × 10k', 10_000],
  ] as const) {
    const problem = randomProblem(n, n, 20, 42);
    const r = await solveAssignment(problem);
    rows.push({
      problem: name,
      demands: n,
      offers: n,
      edges: problem.edges.length,
      solver: r.solver,
      ms: Math.round(r.ms),
      served: r.assignments.reduce((s, a) => s + a.units, 0),
      unassigned: r.unassigned.length,
      totalFit: Math.round(r.totalFit * 1000) / 1000,
    });
    process.stderr.write(`  assignment ${name}: ${Math.round(r.ms)} ms (${r.solver})\n`);
  }
  return rows;
}
