/**
 * The global assignment's solvers side by side on seeded random markets (docs/resources.md): objective,
 * solver, time, units served, total fit against the greedy answer, and the size rows that bound.
 * `npx tsx scripts/bench/assignmentSolvers.ts [--solver=auto|highs|min-cost-flow] [--only=sized]`. Was
 * engine/match/assignment/benchmark.ts: a benchmark is a tool run by hand, not part of the engine.
 */
import {
  greedyAssignment,
  randomProblem,
  randomSizedProblem,
  solveAssignment,
  unitProblem,
  type AssignmentOptions,
  type AssignmentProblem,
} from '../../engine/index.ts';

async function main(): Promise<void> {
  const solver = (process.argv.find((a) => a.startsWith('--solver='))?.slice(9) ?? 'auto') as AssignmentOptions['solver'];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const cases: [string, AssignmentProblem][] = [
    ['1k×1k', randomProblem(1_000, 1_000, 20, 42)],
    ['10k×10k', randomProblem(10_000, 10_000, 20, 42)],
    ['10k×10k unit', unitProblem(10_000, 42)],
    ['1k×1k sized', randomSizedProblem(1_000, 1_000, 20, 42)],
    ['10k×10k sized', randomSizedProblem(10_000, 10_000, 20, 42)],
  ];
  console.log('problem       objective  solver         ms  served  unassigned   totalFit  greedyFit  status    binding repaired freed  boundFit');
  for (const [name, problem] of cases.filter(([name]) => !only || name.includes(only))) {
    const greedy = greedyAssignment(problem);
    for (const objective of ['total-fit', 'coverage'] as const) {
      const r = await solveAssignment(problem, { objective, solver });
      const served = r.assignments.reduce((s, a) => s + a.units, 0);
      console.log(
        [
          name.padEnd(13),
          objective.padEnd(10),
          r.solver.padEnd(13),
          r.ms.toFixed(0).padStart(6),
          String(served).padStart(7),
          String(r.unassigned.length).padStart(11),
          r.totalFit.toFixed(3).padStart(10),
          greedy.totalFit.toFixed(3).padStart(10),
          ` ${r.status}`.padEnd(10),
          String(r.sizeRows.binding).padStart(7),
          String(r.sizeRows.repairedOffers).padStart(8),
          String(r.sizeRows.freedDemands).padStart(5),
          (r.sizeRows.boundFit === null ? '—' : r.sizeRows.boundFit.toFixed(3)).padStart(10),
        ].join(' '),
      );
    }
  }
}

await main();
