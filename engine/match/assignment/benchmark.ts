import { pathToFileURL } from 'node:url';
import { greedyAssignment } from './greedyAssignment.ts';
import { solveAssignment } from './solveAssignment.ts';
import type { AssignmentOptions, AssignmentProblem } from './types.ts';

/** Linear congruential generator (Numerical Recipes constants, as d3-force's lcg.js): same seed, same problem. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (1664525 * state + 1013904223) % 4294967296) / 4294967296;
}

/**
 * A random problem shaped like the resource market: most demands need 1 unit (10 % need 2), most
 * offers serve 1 (20 % serve 2–3), each demand has `edgesPerDemand` distinct candidate offers with a
 * uniform fit in [0, 1).
 */
export function randomProblem(demands: number, offers: number, edgesPerDemand: number, seed: number): AssignmentProblem {
  const random = lcg(seed);
  const problem: AssignmentProblem = {
    demands: Array.from({ length: demands }, (_, i) => ({ id: `d${i}`, quantity: random() < 0.9 ? 1 : 2 })),
    offers: Array.from({ length: offers }, (_, i) => ({ id: `o${i}`, capacity: random() < 0.8 ? 1 : 2 + Math.floor(random() * 2) })),
    edges: [],
  };
  const perDemand = Math.min(edgesPerDemand, offers);
  for (let d = 0; d < demands; d++) {
    const chosen = new Set<number>();
    while (chosen.size < perDemand) chosen.add(Math.floor(random() * offers));
    for (const o of chosen) problem.edges.push({ demandId: `d${d}`, offerId: `o${o}`, fit: random() });
  }
  return problem;
}

/**
 * The same market with sizes that compete, shaped like the seed's 厂房: a demand takes 1,000–6,000 m²
 * (1 unit), an offer has 2,000–12,000 m² and serves 1 tenant (80 %) or 2–3; a demand's edges go only
 * to offers at least its size (the area hard constraint), so only shared buildings' size rows can bind.
 */
export function randomSizedProblem(demands: number, offers: number, edgesPerDemand: number, seed: number): AssignmentProblem {
  const random = lcg(seed);
  const problem: AssignmentProblem = {
    demands: Array.from({ length: demands }, (_, i) => ({ id: `d${i}`, quantity: 1, size: 500 * (2 + Math.floor(random() * 11)) })),
    offers: Array.from({ length: offers }, (_, i) => ({ id: `o${i}`, capacity: random() < 0.8 ? 1 : 2 + Math.floor(random() * 2), sizeCapacity: 1000 * (2 + Math.floor(random() * 11)) })),
    edges: [],
  };
  for (let d = 0; d < demands; d++) {
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < edgesPerDemand && tries < edgesPerDemand * 8; tries++) {
      const o = Math.floor(random() * offers);
      if (problem.offers[o].sizeCapacity! >= problem.demands[d].size!) chosen.add(o);
    }
    for (const o of chosen) problem.edges.push({ demandId: `d${d}`, offerId: `o${o}`, fit: random() });
  }
  return problem;
}

/** The hardest shape found: every quantity and capacity 1, as many demands as offers, so late demands need long re-routing paths. */
function unitProblem(n: number, seed: number): AssignmentProblem {
  const problem = randomProblem(n, n, 20, seed);
  for (const d of problem.demands) d.quantity = 1;
  for (const o of problem.offers) o.capacity = 1;
  return problem;
}

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
