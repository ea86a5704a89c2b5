import { describe, expect, it } from 'vitest';
import type { BenchResults, ScaleResult } from './bench.ts';
import { targetChecks } from './report.ts';
import { uncachedMatchProfile } from './trafficProfiles.ts';

const latency = (endpoint: string, p95: number) => ({ endpoint, n: 100, p50: p95 / 2, p95, p99: p95, max: p95, mean: p95 / 2 });
const load = (profile: string, reqPerSec: number, p99: number) => ({
  profile,
  connections: 16,
  durationS: 20,
  requests: reqPerSec * 20,
  reqPerSec,
  p50: p99 / 2,
  p99,
  max: p99,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: {},
  rssBeforeMb: 0,
  rssAfterMb: 0,
});

function scale(enterprises: number, p95: number, api: ReturnType<typeof load>[] = []): ScaleResult {
  return {
    label: String(enterprises),
    enterprises,
    load: { loader: { elementsPerSecond: 60_000 }, ratio: 1.1 },
    queries: {
      rows: [
        latency('POST /match/partners (fill)', p95),
        latency('POST /match/school-enterprise {researchUnitId}', p95),
        latency('POST /match/talent {text}', p95),
        latency('GET /chains/{id}/gaps', p95),
        latency('gaps, cold snapshot (engine, no cache)', 10 * p95),
      ],
      partnerRatios: [],
    },
    api,
  } as unknown as ScaleResult;
}

const verdicts = (results: Pick<BenchResults, 'scales'>) =>
  Object.fromEntries(targetChecks(results as BenchResults).map((c) => [c.metric.replace(/^\[\d+\] /, ''), c.met]));

describe("the bench's target checks (issue 17's figures, by scale)", () => {
  it('holds a bulk-loaded scale to the 10-minute load and checks no online loader it did not run', () => {
    const bulk = (totalMs: number) => verdicts({ scales: [{ ...scale(1_000_000, 10), load: undefined, bulk: { totalMs } } as unknown as ScaleResult] });
    expect(bulk(246_000)).toMatchObject({ 'bulk path, validation to every index, ms': true });
    expect(bulk(700_000)).toMatchObject({ 'bulk path, validation to every index, ms': false });
    expect(Object.keys(bulk(246_000)).some((m) => m.startsWith('loader'))).toBe(false);
  });

  it('holds 100k to partners 60, pairing and talent 40, gaps 10 ms p95, and leaves diagnostic rows out', () => {
    const at = (p95: number) => verdicts({ scales: [scale(100_000, p95)] });
    expect(at(10)).toMatchObject({
      'POST /match/partners (fill) p95': true,
      'POST /match/school-enterprise {researchUnitId} p95': true,
      'POST /match/talent {text} p95': true,
      'GET /chains/{id}/gaps p95': true,
    });
    expect(at(55)).toMatchObject({
      'POST /match/partners (fill) p95': true,
      'POST /match/school-enterprise {researchUnitId} p95': false,
      'GET /chains/{id}/gaps p95': false,
    });
    expect(Object.keys(at(10)).some((m) => m.startsWith('gaps, cold snapshot'))).toBe(false);
  });

  it('holds 1,000,000 to partners 150 and pairing/talent 100 ms p95', () => {
    const at = (p95: number) => verdicts({ scales: [scale(1_000_000, p95)] });
    expect(at(95)).toMatchObject({ 'POST /match/partners (fill) p95': true, 'POST /match/talent {text} p95': true });
    expect(at(120)).toMatchObject({ 'POST /match/partners (fill) p95': true, 'POST /match/talent {text} p95': false });
  });

  it('asks ≥ 100 req/s without the cache, 500 with it, and p99 ≤ 150 ms of mixed only', () => {
    const v = verdicts({ scales: [scale(100_000, 10, [load(uncachedMatchProfile, 150, 557), load('match', 450, 120), load('mixed', 600, 160)])] });
    expect(v[`load ${uncachedMatchProfile} req/s`]).toBe(true);
    expect(v[`load ${uncachedMatchProfile} p99`]).toBeUndefined();
    expect(v['load match req/s']).toBe(false);
    expect(v['load match p99']).toBe(true);
    expect(v['load mixed req/s']).toBeUndefined();
    expect(v['load mixed p99']).toBe(false);
  });
});
