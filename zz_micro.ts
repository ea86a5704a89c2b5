import { syntheticMarket } from './engine/match/resources/benchmark.ts';
import { violations } from './engine/match/resources/hardConstraints.ts';
const { demands, offers } = syntheticMarket(3000, 3000, 7);
const byKind = new Map<string, typeof offers>();
for (const o of offers) (byKind.get(o.offer.kind) ?? byKind.set(o.offer.kind, []).get(o.offer.kind)!).push(o);
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now(), n = 0, f = 0;
  for (const d of demands) for (const o of byKind.get(d.demand.kind) ?? []) { n++; if (violations(d, o) === 0) f++; }
  const ms = performance.now() - t; console.log(n, f, ms.toFixed(0), (ms * 1e6 / n).toFixed(0), 'ns/pair');
}
import { buildAssignmentProblem } from './engine/match/resources/assignmentProblem.ts';
import { boundedFit } from './engine/match/resources/softSignals.ts';
import { resourceWeights } from './engine/config/scoring.ts';
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now();
  const b = buildAssignmentProblem(demands, offers, { edgesPerDemand: 20 });
  console.log('build', (performance.now() - t).toFixed(0), b.pairsChecked, b.feasiblePairs);
  t = performance.now(); let s = 0;
  for (const d of demands) for (const o of byKind.get(d.demand.kind) ?? []) if (violations(d, o) === 0) s += boundedFit(d, o, resourceWeights, -1);
  console.log('violations+fit', (performance.now() - t).toFixed(0));
}
