import autocannon from 'autocannon';
import type { ApiProcess } from './apiProcess.ts';
import type { TrafficProfile } from './trafficProfiles.ts';

export interface LoadTestRow {
  profile: string;
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  rssBeforeMb: number;
  rssAfterMb: number;
}

/** One bounded autocannon run of `profile` against the server process; RSS is read before and after. */
export async function runLoad(api: ApiProcess, profile: TrafficProfile, options: { connections: number; durationS: number }): Promise<LoadTestRow> {
  const rssBeforeMb = api.rssMb();
  const result = await autocannon({ url: api.base, connections: options.connections, duration: options.durationS, timeout: 10, requests: profile.requests });
  const rssAfterMb = api.rssMb();
  return {
    profile: profile.name,
    connections: options.connections,
    durationS: result.duration,
    requests: result.requests.total,
    reqPerSec: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    rssBeforeMb,
    rssAfterMb,
  };
}
