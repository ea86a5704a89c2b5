// The non-functional targets (BENCHMARKS.md, issue 8), each as a check over bench-results.json numbers.

export interface TargetCheck {
  metric: string;
  value: number | string;
  target: string;
  met: boolean | undefined;
}

export const targets = {
  loadElementsPerSecond: 50_000,
  loaderOverLoadCsv: 1.0,
  partnersP95Ms: 100,
  pairingP95Ms: 100,
  gapsP95Ms: 200,
  partnersOverRetrieval: 1.5,
  assignment10kMs: 10_000,
  matchReqPerSec: 500,
  loadP99Ms: 200,
  embedderOverDirect: 0.9,
};

export const atMost = (metric: string, value: number, limit: number, unit = ''): TargetCheck => ({
  metric,
  value,
  target: `≤ ${limit}${unit}`,
  met: value <= limit,
});
export const atLeast = (metric: string, value: number, limit: number, unit = ''): TargetCheck => ({
  metric,
  value,
  target: `≥ ${limit}${unit}`,
  met: value >= limit,
});
