import type { AutocannonRequest } from 'autocannon';
import type { BenchInputs } from './benchInputs.ts';

/** A named request mix; autocannon walks the list in order on every connection. */
export interface TrafficProfile {
  name: string;
  description: string;
  requests: AutocannonRequest[];
}

const json = { 'content-type': 'application/json' };
const post = (path: string, body: unknown): AutocannonRequest => ({ method: 'POST', path, headers: json, body: JSON.stringify(body) });
const get = (path: string): AutocannonRequest => ({ method: 'GET', path });

function cycle<T>(items: T[], i: number): T {
  return items[i % items.length];
}

function matchRequests(inputs: BenchInputs, rounds: number): AutocannonRequest[] {
  const out: AutocannonRequest[] = [];
  for (let i = 0; i < rounds; i++) {
    out.push(post('/api/v1/match/partners', { chainId: cycle(inputs.fillChains, i), mode: 'fill', limit: 10 }));
    out.push(post('/api/v1/match/partners', { chainId: cycle(inputs.strengthenChains, i), mode: 'strengthen', limit: 10 }));
    out.push(post('/api/v1/match/school-enterprise', { enterpriseId: cycle(inputs.enterpriseIds, i), limit: 10 }));
    out.push(post('/api/v1/match/school-enterprise', { text: cycle(inputs.needTexts, i), limit: 10 }));
    out.push(post('/api/v1/match/talent', { enterpriseId: cycle(inputs.enterpriseIds, i + 3), limit: 10 }));
  }
  return out;
}

function readRequests(inputs: BenchInputs, rounds: number): AutocannonRequest[] {
  const out: AutocannonRequest[] = [];
  for (let i = 0; i < rounds; i++) {
    out.push(get(`/api/v1/chains/${cycle(inputs.chains, i)}/gaps`));
    out.push(get(`/api/v1/search?q=${encodeURIComponent(cycle(inputs.searchTerms, i))}`));
    out.push(get(`/api/v1/chains/${cycle(inputs.chains, i + 2)}/map`));
    out.push(post('/api/v1/classify/segments', cycle(inputs.classify, i)));
    out.push(get('/api/v1/chains'));
  }
  return out;
}

/** The match profile run once more with the result cache off (issue 17's uncached target). */
export const uncachedMatchProfile = 'match, no result cache';

export function trafficProfiles(inputs: BenchInputs): TrafficProfile[] {
  const partners: AutocannonRequest[] = [];
  for (let i = 0; i < 14; i++) {
    partners.push(
      i % 2 === 0
        ? post('/api/v1/match/partners', { chainId: cycle(inputs.fillChains, i / 2), mode: 'fill', limit: 10 })
        : post('/api/v1/match/partners', { chainId: cycle(inputs.strengthenChains, i), mode: 'strengthen', limit: 10 }),
    );
  }
  const match = matchRequests(inputs, 8);
  const read = readRequests(inputs, 8);
  // Interleaved one read, one match: half the traffic reads, half matches.
  const mixed = match.flatMap((m, i) => [read[i % read.length], m]);
  return [
    { name: 'partners', description: 'POST /match/partners only (fill on biomed/ai, strengthen on the chains with weak segments)', requests: partners },
    { name: 'match', description: 'match endpoints: partners fill + strengthen, school-enterprise by enterprise and by text, talent', requests: match },
    { name: 'mixed', description: '50 % reads (gaps, map, search, classify, chain list) + 50 % match requests', requests: mixed },
  ];
}
