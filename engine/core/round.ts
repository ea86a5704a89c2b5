/**
 * The precision every score, signal value and rate is given with: 4 decimals. In engine/core (issue 14
 * item 5: rounding with the other helpers every folder uses) so that tracking can round acceptance rates
 * without importing a matcher — match → tracking was half of a cycle (engine/dependencyDirection.test.ts).
 */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
