// The non-functional targets (BENCHMARKS.md, issues 8 and 17), each as a check over bench-results.json numbers.

export interface TargetCheck {
  metric: string;
  value: number | string;
  target: string;
  met: boolean | undefined;
}

export const targets = {
  loadElementsPerSecond: 50_000,
  loaderOverLoadCsv: 1.0,
  partnersOverRetrieval: 1.5,
  assignment10kMs: 10_000,
  // Load runs with the result cache on (issue 8), except `mixed`, whose p99 issue 17 tightened to 150 ms.
  cachedReqPerSec: 500,
  cachedP99Ms: 200,
  mixedP99Ms: 150,
  // The match profile with the result cache off (issue 17): ≥ 100 req/s and no error; no p99 is set.
  uncachedMatchReqPerSec: 100,
  embedderOverDirect: 0.9,
};

/** p95 over HTTP, result cache off, by endpoint (every request the bench makes is uncached). */
export interface EndpointP95Ms {
  partners: number;
  pairing: number;
  talent: number;
  gaps: number;
  classify: number;
}

/**
 * Issue 17's p95 targets at 100,000 firms, which hold for every smaller scale, and at 1,000,000 (partners
 * 150, pairing and talent 100 ms; for gaps and classification issue 17 sets none at 1M, so issue 8's
 * 200 ms for gaps stands and classification keeps its 100k figure).
 */
export function endpointP95Ms(enterprises: number): EndpointP95Ms {
  return enterprises <= 100_000
    ? { partners: 60, pairing: 40, talent: 40, gaps: 10, classify: 30 }
    : { partners: 150, pairing: 100, talent: 100, gaps: 200, classify: 30 };
}

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
