import { syntheticMarket } from './engine/match/resources/benchmark.ts';
import { buildAssignmentProblem } from './engine/match/resources/assignmentProblem.ts';
const { demands, offers } = syntheticMarket(10000, 10000, 7);
const t = performance.now();
const b = buildAssignmentProblem(demands, offers, { edgesPerDemand: 20 });
console.log(performance.now() - t, b.pairsChecked, b.feasiblePairs);
const kinds: Record<string, number> = {};
for (const d of demands) kinds[d.demand.kind] = (kinds[d.demand.kind] ?? 0) + (b.feasibleOffers.get(d.demand.id) ?? 0);
console.log(kinds);
