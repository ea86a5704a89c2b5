import type { Highs } from 'highs';
import { assignmentDefaults } from './assignmentDefaults.ts';
import { sizeTolerance, type IndexedProblem } from './indexProblem.ts';

let loading: Promise<Highs> | undefined;

/**
 * highs ships one types.d.ts for both of its builds in a package marked CommonJS, so TypeScript puts
 * the loader at `default.default`; Node imports the ESM build (highs.mjs), whose default is the loader.
 */
type LoadHighs = () => Promise<Highs>;

/** Instantiating the WASM module costs tens of milliseconds: do it once per process and reuse it. */
function highsModule(): Promise<Highs> {
  loading ??= import('highs')
    .then((m) => (m.default as unknown as LoadHighs)())
    .catch((error: unknown) => {
      loading = undefined; // let a later call retry instead of caching the failure
      throw error;
    });
  return loading;
}

/**
 * Maximises Σ gain·x over the transportation polytope with HiGHS and returns the units on every edge.
 *
 * The constraint matrix of a transportation problem (one row per demand, one per offer, each column in
 * exactly one of each) is totally unimodular, so with integer quantities, capacities and pair bounds
 * every vertex is integral; dual simplex ends on a vertex (an interior-point answer without crossover might not),
 * so its optimum is integral up to round-off and anything else is a solver failure.
 *
 * Size rows (Σ size·x ≤ sizeCapacity, only for offers where one can bind) break total unimodularity:
 * then every column is declared integer and HiGHS solves the MIP by branch and bound, to the gap in
 * assignmentDefaults.mipRelativeGap.
 */
export async function highsSolve(p: IndexedProblem, gains: Float64Array): Promise<{ flow: Int32Array; status: string }> {
  const highs = await highsModule();
  // With its default dual feasibility tolerance (1e-7) HiGHS ignored a fit of 5e-10 that greedy takes;
  // at 1e-10 it matched min-cost flow exactly on every problem tried.
  const mip = p.bindingOffers.length > 0;
  const options = mip
    ? {
        output_flag: false,
        dual_feasibility_tolerance: 1e-10,
        mip_rel_gap: assignmentDefaults.mipRelativeGap,
        time_limit: assignmentDefaults.mipTimeLimitSeconds,
      }
    : { output_flag: false, solver: 'simplex' as const, dual_feasibility_tolerance: 1e-10 };
  const result = highs.solve(lpText(p, gains), options);
  // 'Empty': no edges, nothing to decide. A MIP stopped by its time limit keeps its best feasible answer.
  const stoppedWithAnswer = mip && result.Status === 'Time limit reached' && Object.keys(result.Columns).length > 0;
  if (result.Status !== 'Optimal' && result.Status !== 'Empty' && !stoppedWithAnswer) {
    throw new Error(`HiGHS ended with status "${result.Status}" on an always-feasible, bounded ${mip ? 'MIP' : 'LP'}`);
  }
  const flow = new Int32Array(gains.length);
  for (let e = 0; e < flow.length; e++) {
    const column = result.Columns[`x${e}`];
    const x = column && 'Primal' in column ? column.Primal : 0;
    const units = Math.round(x);
    if (Math.abs(x - units) > 1e-6) throw new Error(`HiGHS returned x${e} = ${x}, not integral`);
    flow[e] = units;
  }
  return { flow, status: stoppedWithAnswer ? 'Feasible' : result.Status };
}

/**
 * The model in CPLEX LP format, built as an array of parts joined once. Column x{e} is edge e; ids
 * never enter the text, so any string is a safe id.
 */
function lpText(p: IndexedProblem, gains: Float64Array): string {
  const parts: string[] = ['Maximize\n obj:'];
  gains.forEach((g, e) => parts.push(` + ${g} x${e}`));
  parts.push('\nSubject To\n');
  for (let d = 0; d < p.quantity.length; d++) {
    const start = p.demandStart[d];
    const end = p.demandStart[d + 1];
    if (start === end) continue;
    parts.push(` d${d}:`);
    for (let e = start; e < end; e++) parts.push(e === start ? ` x${e}` : ` + x${e}`);
    parts.push(` <= ${p.quantity[d]}\n`);
  }
  for (let o = 0; o < p.capacity.length; o++) {
    const start = p.offerStart[o];
    const end = p.offerStart[o + 1];
    if (start === end) continue;
    parts.push(` o${o}:`);
    for (let i = start; i < end; i++) parts.push(i === start ? ` x${p.offerEdges[i]}` : ` + x${p.offerEdges[i]}`);
    parts.push(` <= ${p.capacity[o]}\n`);
  }
  for (const o of p.bindingOffers) {
    parts.push(` s${o}:`);
    for (let i = p.offerStart[o]; i < p.offerStart[o + 1]; i++) {
      const e = p.offerEdges[i];
      if (p.size[p.edgeDemand[e]] > 0) parts.push(` + ${p.size[p.edgeDemand[e]]} x${e}`);
    }
    parts.push(` <= ${p.sizeCapacity[o] * (1 + sizeTolerance)}\n`);
  }
  // Only pair limits tighter than the two rows need a bound; the rows already imply min(quantity, capacity).
  parts.push('Bounds\n');
  p.edgeCap.forEach((cap, e) => {
    if (cap < Math.min(p.quantity[p.edgeDemand[e]], p.capacity[p.edgeOffer[e]])) parts.push(` x${e} <= ${cap}\n`);
  });
  if (p.bindingOffers.length > 0 && gains.length > 0) {
    parts.push('General\n');
    for (let e = 0; e < gains.length; e++) parts.push(` x${e}`);
    parts.push('\n');
  }
  parts.push('End\n');
  return parts.join('');
}
