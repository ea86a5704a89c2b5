import { lang, t } from '../i18n/i18n.ts';
import { ApiError, filenameFromDisposition, problemFromBody } from './apiError.ts';
import { apiKey } from './apiKey.ts';
import type {
  AssignBody,
  ChainMap,
  ChainSummary,
  DemandPage,
  EntityDetail,
  GapReport,
  ListMatchesQuery,
  ListResourcesQuery,
  MatchPage,
  MatchRecord,
  MatchStats,
  MatchTransitionBody,
  Neighbourhood,
  OfferPage,
  PairingRequestBody,
  PairingResponse,
  PartnerRequestBody,
  PartnerResult,
  RecordMatchBody,
  ResilienceReport,
  ResourceAssignment,
  ResourceMatchBody,
  ResourceMatchResponse,
  ReviewDecisionBody,
  ReviewOutcome,
  ReviewPage,
  SearchResponse,
  TalentRequestBody,
  TalentResponse,
  WhatIfResult,
} from './types.ts';

export { ApiError };

const base = '/api/v1';

/** A request whose failure (network, or a problem+json answer) is an ApiError the views know how to say. */
export async function request(url: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, t('state.networkError'), t('state.networkDetail', { url }));
  }
  if (!response.ok) {
    throw problemFromBody(response.status, response.statusText, response.headers.get('Content-Type') ?? '', await response.text());
  }
  return response;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await request(url, init);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, t('state.badResponse'), url);
  }
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body: JSON.stringify(body),
});

/**
 * A read of records that have private parts (a match's notes and owner, a record's editors): the
 * signed-in key goes with it so its owner sees them; without one the API answers the public view.
 */
function privateRead(): RequestInit {
  return { headers: withKey({ Accept: 'application/json' }) };
}

/** `headers` plus the signed-in key, when there is one (writes, and reads of private parts). */
export function withKey(headers: Record<string, string>): Record<string, string> {
  const key = apiKey();
  return key ? { ...headers, Authorization: `Bearer ${key}` } : headers;
}

/** A write: the stored API key goes with it (other reads and matching are open and never send it). */
function write(method: 'POST' | 'PATCH', body: unknown): RequestInit {
  return { method, headers: withKey({ 'Content-Type': 'application/json', Accept: 'application/json' }), body: JSON.stringify(body) };
}

/** `?a=1&b=x` from the defined, non-empty values only (the API refuses `status=`). */
export function queryString(params: Record<string, string | number | boolean | null | undefined | string[]>): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) q.set(name, value.join(','));
    } else q.set(name, String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

async function file(url: string, init: RequestInit | undefined, fallback: string): Promise<{ blob: Blob; filename: string }> {
  // Every file is an export: in the screen's language (`lang=en`; Chinese is the API's default).
  const response = await request(lang() === 'en' ? `${url}${url.includes('?') ? '&' : '?'}lang=en` : url, init);
  return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('Content-Disposition'), fallback) };
}

/** Reads are cached for the page's lifetime (the chain analysis changes only on imports); failures are not. */
const cache = new Map<string, Promise<unknown>>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

const seg = encodeURIComponent;

export const api = {
  chains: () => cached('chains', () => json<{ items: ChainSummary[] }>(`${base}/chains`)).then((r) => r.items),
  chainMap: (chainId: string) => cached(`map:${chainId}`, () => json<ChainMap>(`${base}/chains/${seg(chainId)}/map`)),
  gaps: (chainId: string) => cached(`gaps:${chainId}`, () => json<GapReport>(`${base}/chains/${seg(chainId)}/gaps`)),
  resilience: (chainId: string) => cached(`resilience:${chainId}`, () => json<ResilienceReport>(`${base}/chains/${seg(chainId)}/resilience`)),
  /** The chain report (map, gaps, candidates; one sheet each) as the API writes it. */
  chainReportFile: (chainId: string) => file(`${base}/chains/${seg(chainId)}/report`, undefined, `chain-report.xlsx`),
  whatIf: (chainId: string, body: { add?: string[]; remove?: string[] }) =>
    cached(`whatif:${chainId}:${JSON.stringify(body)}`, () => json<WhatIfResult>(`${base}/chains/${seg(chainId)}/what-if`, post(body))),
  partners: (body: PartnerRequestBody) => cached(`partners:${JSON.stringify(body)}`, () => json<PartnerResult>(`${base}/match/partners`, post(body))),
  /** The same candidate list as a file; the API names it (Content-Disposition). */
  partnersFile: (body: PartnerRequestBody, format: 'csv' | 'xlsx') => file(`${base}/match/partners?format=${format}`, post(body), `candidates.${format}`),

  /** School–enterprise pairing and talent: computed, the same body gives the same answer while the page lives. */
  pairing: (body: PairingRequestBody) => cached(`pairing:${JSON.stringify(body)}`, () => json<PairingResponse>(`${base}/match/school-enterprise`, post(body))),
  talent: (body: TalentRequestBody) => cached(`talent:${JSON.stringify(body)}`, () => json<TalentResponse>(`${base}/match/talent`, post(body))),

  search: (q: string, options: { types?: string[]; limit?: number; cursor?: string | null } = {}) => {
    const url = `${base}/search${queryString({ q, types: options.types, limit: options.limit, cursor: options.cursor })}`;
    return cached(`search:${url}`, () => json<SearchResponse>(url));
  },
  entity: (id: string) => cached(`entity:${id}`, () => json<EntityDetail>(`${base}/entities/${seg(id)}`)),
  neighbourhood: (id: string, depth: 1 | 2, limit: number) =>
    cached(`hood:${id}:${depth}:${limit}`, () => json<Neighbourhood>(`${base}/entities/${seg(id)}/neighbourhood${queryString({ depth, limit })}`)),

  /** Resources change with every write and agreed match: never cached. */
  offers: (query: ListResourcesQuery) => json<OfferPage>(`${base}/offers${queryString({ ...query })}`, privateRead()),
  demands: (query: ListResourcesQuery) => json<DemandPage>(`${base}/demands${queryString({ ...query })}`, privateRead()),
  matchResources: (body: ResourceMatchBody) => json<ResourceMatchResponse>(`${base}/match/resources`, post(body)),
  assign: (body: AssignBody) => json<ResourceAssignment>(`${base}/match/resources/assign`, post(body)),

  matches: (query: ListMatchesQuery) => json<MatchPage>(`${base}/matches${queryString({ ...query })}`, privateRead()),
  matchesFile: (query: ListMatchesQuery, format: 'csv' | 'xlsx') =>
    file(`${base}/matches${queryString({ ...query, format })}`, privateRead(), `matches.${format}`),
  matchStats: () => json<MatchStats>(`${base}/matches/stats`),
  recordMatch: (body: RecordMatchBody) => json<MatchRecord>(`${base}/matches`, write('POST', body)),
  updateMatch: (id: string, body: MatchTransitionBody) => json<MatchRecord>(`${base}/matches/${seg(id)}`, write('PATCH', body)),

  /** The review queue changes with every decision: never cached. */
  reviewQueue: (query: { limit?: number; cursor?: string | null }) => json<ReviewPage>(`${base}/attachments/review${queryString({ ...query })}`),
  decideReview: (firmId: string, body: ReviewDecisionBody) => json<ReviewOutcome>(`${base}/attachments/review/${seg(firmId)}`, write('POST', body)),
};
