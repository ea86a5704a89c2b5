/**
 * A linear congruential generator (Numerical Recipes constants, as d3-force's lcg.js): the same seed
 * gives the same sequence in [0, 1) on every machine. For the synthetic markets of tests and
 * benchmarks, where a few lines beat a dependency and statistical quality does not matter.
 */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (1664525 * state + 1013904223) % 4294967296) / 4294967296;
}
