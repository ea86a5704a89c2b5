import { partnerDefaults } from '../../config/scoring.ts';
import { cosine } from '../../text/lexical.ts';
import { maximalMarginalRelevance } from '../mmr.ts';
import type { CandidateBasics } from './candidates.ts';
import { TermCache, TermScorer } from './partnerText.ts';

/** What the diversity choice reads of a scored candidate. */
export interface Ranked {
  basics: CandidateBasics;
  total: number;
}

/** Best first; ties by id, so the order never depends on how the pool was assembled. */
export const byScore = (a: Ranked, b: Ranked) => b.total - a.total || a.basics.id.localeCompare(b.basics.id);

/**
 * Who enters the list of `limit`: MMR over the pool (config partnerDefaults.mmrLambda and .diversity),
 * then shown in score order, so rank follows score. `leftOut` counts the candidates that scored above
 * the lowest one listed and were left out as near-copies of a listed one.
 */
export function chooseDiverse<T extends Ranked>(candidates: Iterable<T>, limit: number, terms = new TermCache()): { chosen: T[]; leftOut: number } {
  const pool = [...candidates].sort(byScore);
  // Names as LexicalScorer (words: false) over the pool's names would weigh them; terms cut once per snapshot.
  const nameTerms = pool.map((x) => terms.of(x.basics.name));
  const nameScorer = new TermScorer({ df: new Map(), documents: 0 }, nameTerms);
  const nameVectors = new Map(pool.map((x, i) => [x.basics.id, nameScorer.vector(nameTerms[i])]));
  // Near-copies: one group's firms (联嘉制药, 联嘉生物) or the same products in another segment of the
  // list. Province is no redundancy: an officer compares the best firms wherever they are.
  const segmentsAndProducts = new Map(pool.map((x) => [x.basics.id, new Set([...x.basics.segmentIds, ...x.basics.products.map((p) => p.id)])]));
  const similarity = (a: T, b: T) =>
    partnerDefaults.diversity.name * cosine(nameVectors.get(a.basics.id)!, nameVectors.get(b.basics.id)!) +
    partnerDefaults.diversity.segmentsAndProducts * jaccardOfSets(segmentsAndProducts.get(a.basics.id)!, segmentsAndProducts.get(b.basics.id)!);
  const chosen = maximalMarginalRelevance(pool, (x) => x.total, similarity, limit, partnerDefaults.mmrLambda).sort(byScore);
  const lowest = chosen.at(-1)?.total ?? Infinity;
  const chosenIds = new Set(chosen.map((x) => x.basics.id));
  return { chosen, leftOut: pool.filter((x) => !chosenIds.has(x.basics.id) && x.total > lowest).length };
}

/** mmr.ts's jaccard on sets built once per candidate (MMR compares each pair up to `limit` times). */
function jaccardOfSets<T>(sa: ReadonlySet<T>, sb: ReadonlySet<T>): number {
  if (sa.size === 0 && sb.size === 0) return 0;
  let common = 0;
  for (const x of sa) if (sb.has(x)) common++;
  return common / (sa.size + sb.size - common);
}
