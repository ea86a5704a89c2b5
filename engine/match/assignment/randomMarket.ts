import { lcg } from '../../core/lcg.ts';
import type { AssignmentProblem } from './types.ts';

// Seeded synthetic markets for the assignment's tests and its benchmark (scripts/bench/assignmentSolvers.ts).

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
    offers: Array.from({ length: offers }, (_, i) => ({
      id: `o${i}`,
      capacity: random() < 0.8 ? 1 : 2 + Math.floor(random() * 2),
      sizeCapacity: 1000 * (2 + Math.floor(random() * 11)),
    })),
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
export function unitProblem(n: number, seed: number): AssignmentProblem {
  const problem = randomProblem(n, n, 20, seed);
  for (const d of problem.demands) d.quantity = 1;
  for (const o of problem.offers) o.capacity = 1;
  return problem;
}
