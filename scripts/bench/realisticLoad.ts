import autocannon, { type AutocannonRequest } from 'autocannon';
import type { ApiProcess, CacheStats } from './apiProcess.ts';
import { percentiles } from './percentiles.ts';
import { type DrawnRequest, type Endpoint, toAutocannon } from './realisticTraffic.ts';

export interface RealisticLoadRow {
  profile: string;
  connections: number;
  durationS: number;
  requests: number;
  /** Drawn requests sent (a run longer than the stream starts it again; `wrapped` says so). */
  drawn: number;
  wrapped: boolean;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Per endpoint: how many, latency and non-2xx (which one drives the tail). */
  byEndpoint: Record<string, { n: number; p50: number; p95: number; p99: number; non2xx: number }>;
  /** Result-cache lookups during the run (partners; pairing and talent), from the server's counters. */
  cache: { hits: number; misses: number; hitRate: number | null; lookupsPerRequest: number };
  rssBeforeMb: number;
  rssAfterMb: number;
}

const delta = (after: CacheStats, before: CacheStats) => {
  const hits = after.partners.hits + after.knowledge.hits - before.partners.hits - before.knowledge.hits;
  const misses = after.partners.misses + after.knowledge.misses - before.partners.misses - before.knowledge.misses;
  return { hits, misses };
};

/**
 * Sends `stream` in order, shared by all connections: each request goes out once, to whichever
 * connection is free next, so connections do not replay one another's list (autocannon's `requests`
 * restart the list on every connection, which would turn 16 connections into 16 copies of one user).
 */
export async function runRealisticLoad(
  api: ApiProcess,
  name: string,
  stream: DrawnRequest[],
  options: { connections: number; durationS: number },
): Promise<RealisticLoadRow> {
  const built = stream.map(toAutocannon);
  let cursor = 0;
  const next: AutocannonRequest = {
    setupRequest: (_request, context) => {
      const i = cursor++ % built.length;
      context.endpoint = stream[i].endpoint;
      return { ...built[i], headers: { ...(built[i].headers ?? {}) } };
    },
  };
  const latencies: number[] = [];
  const byEndpoint = new Map<Endpoint, { ms: number[]; non2xx: number }>();
  const rssBeforeMb = api.rssMb();
  const before = await api.cacheStats();
  const instance = autocannon({ url: api.base, connections: options.connections, duration: options.durationS, timeout: 10, requests: [next] });
  instance.on('response', (client, statusCode, _bytes, ms) => {
    latencies.push(ms);
    const endpoint = client.requestIterator.context.endpoint as Endpoint;
    const entry = byEndpoint.get(endpoint) ?? { ms: [], non2xx: 0 };
    entry.ms.push(ms);
    if (statusCode < 200 || statusCode >= 300) entry.non2xx++;
    byEndpoint.set(endpoint, entry);
  });
  const result = await instance;
  const { hits, misses } = delta(await api.cacheStats(), before);
  const overall = percentiles(latencies);
  return {
    profile: name,
    connections: options.connections,
    durationS: result.duration,
    requests: result.requests.total,
    drawn: Math.min(cursor, built.length),
    wrapped: cursor > built.length,
    reqPerSec: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50: overall.p50,
    p95: overall.p95,
    p99: overall.p99,
    max: overall.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    byEndpoint: Object.fromEntries(
      [...byEndpoint]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([endpoint, e]) => {
          const p = percentiles(e.ms);
          return [endpoint, { n: p.n, p50: p.p50, p95: p.p95, p99: p.p99, non2xx: e.non2xx }];
        }),
    ),
    cache: {
      hits,
      misses,
      hitRate: hits + misses > 0 ? Math.round((hits / (hits + misses)) * 1000) / 1000 : null,
      lookupsPerRequest: Math.round(((hits + misses) / Math.max(result.requests.total, 1)) * 1000) / 1000,
    },
    rssBeforeMb,
    rssAfterMb: api.rssMb(),
  };
}
