import type { AutocannonRequest } from 'autocannon';
import { enterpriseSizeSchema, enterpriseTagSchema, lcg } from '../../engine/index.ts';
import type { TrafficUniverse } from './trafficUniverse.ts';

export type Endpoint = 'partners' | 'gaps' | 'map' | 'chains' | 'pairing' | 'talent' | 'search' | 'classify';

/**
 * Share of each endpoint in the traffic, officers (the viewer) and API clients together. Why these:
 * an officer's working session opens a chain (map, then gaps) and asks for 招商 candidates for its
 * gaps, again with other filters and limits — partners is the heaviest and most frequent call; API
 * clients (park systems, the district's CRM) pull candidate lists and pairings by enterprise or need
 * and classify firms from their own lists; search is the entry box of both. The chain list is cheap
 * and fetched once per session. Estimates, not measured logs: the product has no production traffic yet.
 */
export const endpointWeights: Record<Endpoint, number> = {
  partners: 0.25,
  gaps: 0.12,
  map: 0.1,
  chains: 0.04,
  pairing: 0.15,
  talent: 0.1,
  search: 0.16,
  classify: 0.08,
};

/** One drawn request, in the form the API validates (body or query) and as sent. */
export interface DrawnRequest {
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  path: string;
  /** JSON body of a POST. */
  body?: Record<string, unknown>;
  /** Query of a GET (before encoding). */
  query?: Record<string, string>;
}

type Draw = () => number;

/**
 * Zipf-like popularity: the item at rank r (0-based) has weight 1/(r+1)^s. Chains and segments are
 * not asked for equally — a district's flagship chains and their known gaps draw most of the visits —
 * so repeats come from this popularity, not from replaying a short list. The ranking itself is a
 * seeded shuffle, so no chain is favoured by its id.
 */
function zipf<T>(items: readonly T[], draw: Draw, s = 1): () => T {
  const order = shuffled(items, draw);
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 0; r < order.length; r++) cumulative.push((total += 1 / (r + 1) ** s));
  return () => {
    const x = draw() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return order[lo];
  };
}

function shuffled<T>(items: readonly T[], draw: Draw): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Types a client narrows a search to (all searchable; the test checks them against the query schema). */
const searchTypes = ['Enterprise', 'ResearchUnit', 'Talent', 'Topic', 'Product', 'Segment'];

const pick = <T>(items: readonly T[], draw: Draw): T => items[Math.floor(draw() * items.length)];
const some = <T>(items: readonly T[], draw: Draw, max: number): T[] => shuffled(items, draw).slice(0, 1 + Math.floor(draw() * max));

function weighted<T extends string>(weights: Record<T, number>, draw: Draw): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = draw() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((x -= w) < 0) return key;
  return entries[entries.length - 1][0];
}

/** Mostly the viewer's page sizes (10, then 20); API clients ask for other sizes, up to 50. */
function limit(draw: Draw): number {
  const x = draw();
  return x < 0.55 ? 10 : x < 0.8 ? 20 : pick([5, 15, 25, 30, 50], draw);
}

/**
 * `count` requests drawn from `universe` with a seeded PRNG: the same seed and universe give the same
 * list. Every request is valid for the API's schemas and names only what the graph holds.
 */
export function realisticRequests(universe: TrafficUniverse, options: { seed: number; count: number }): DrawnRequest[] {
  const draw = lcg(options.seed);
  // Partner and chain reads follow chain popularity; a chain's segments have a popularity of their own.
  const chain = zipf(universe.chains, draw);
  const segmentOf = new Map(
    universe.chains.map((c) => [
      c.id,
      zipf(
        c.segments.filter((s) => s.modes.length > 0),
        draw,
      ),
    ]),
  );
  const province = zipf(
    universe.provinces.map((p) => p.name),
    draw,
    1.2,
  );
  const enterprise = zipf(universe.enterpriseIds, draw, 0.6);
  const tags = enterpriseTagSchema.options;
  const sizes = enterpriseSizeSchema.options;

  const partners = (): DrawnRequest => {
    const c = chain();
    const segment = draw() < 0.6 && c.segments.some((s) => s.modes.length > 0) ? segmentOf.get(c.id)!() : undefined;
    const modes = segment ? segment.modes : c.modes.length > 0 ? c.modes : (['fill'] as const);
    const filters: Record<string, unknown> = {};
    if (draw() < 0.3) filters.provinces = Array.from(new Set(Array.from({ length: 1 + Math.floor(draw() * 3) }, province)));
    if (draw() < 0.2) filters.tags = some(tags, draw, 2);
    if (draw() < 0.15) filters.minSize = pick(sizes, draw);
    if (draw() < 0.05) filters.excludeKeywords = [pick(universe.products, draw).slice(0, 2)];
    if (draw() < 0.05) filters.includeIntermediaries = true;
    const body = { chainId: c.id, ...(segment ? { segmentId: segment.id } : {}), mode: pick(modes, draw), limit: limit(draw), filters };
    return { endpoint: 'partners', method: 'POST', path: '/api/v1/match/partners', body };
  };

  const composedNeed = () => {
    const [a, b] = some(universe.topics, draw, 2).concat(pick(universe.topics, draw));
    const forms = [`需要${a}和${b}方面的技术合作`, `寻找${a}领域的高校团队`, `${a}技术攻关，希望与研究院所联合开发`, `我们在${a}上遇到瓶颈`];
    return pick(forms, draw);
  };
  const needText = () => (draw() < 0.5 ? pick(universe.needTexts, draw) : composedNeed());

  const pairing = (): DrawnRequest => {
    const x = draw();
    const subject = x < 0.55 ? { enterpriseId: enterprise() } : x < 0.65 ? { researchUnitId: pick(universe.researchUnitIds, draw) } : { text: needText() };
    const filters: Record<string, unknown> = {};
    if (draw() < 0.2) filters.inXianlin = true;
    if (draw() < 0.1) filters.localOnly = true;
    if (draw() < 0.05) filters.universityIds = some(universe.universityIds, draw, 3);
    return { endpoint: 'pairing', method: 'POST', path: '/api/v1/match/school-enterprise', body: { ...subject, limit: limit(draw), filters } };
  };

  const talent = (): DrawnRequest => {
    const subject = draw() < 0.5 ? { enterpriseId: enterprise() } : { text: needText() };
    const filters = draw() < 0.2 ? { levels: some(universe.talentLevels, draw, 3) } : {};
    return { endpoint: 'talent', method: 'POST', path: '/api/v1/match/talent', body: { ...subject, limit: limit(draw), filters } };
  };

  const search = (): DrawnRequest => {
    const x = draw();
    const source = x < 0.5 ? pick(universe.products, draw) : x < 0.8 ? pick(universe.topics, draw) : pick(universe.firms, draw).name.slice(2);
    const query: Record<string, string> = { q: source.slice(0, 2 + Math.floor(draw() * 3)) };
    if (draw() < 0.2) query.types = some(searchTypes, draw, 2).join(',');
    if (draw() < 0.3) query.limit = String(limit(draw));
    return { endpoint: 'search', method: 'GET', path: '/api/v1/search', query };
  };

  const classify = (): DrawnRequest => {
    const firm = pick(universe.firms, draw);
    const body: Record<string, unknown> = { name: firm.name, products: firm.products.slice(0, 1 + Math.floor(draw() * firm.products.length)) };
    if (firm.description && draw() < 0.7) body.description = firm.description;
    if (draw() < 0.2)
      body.chainIds = some(
        universe.chains.map((c) => c.id),
        draw,
        2,
      );
    if (draw() < 0.2) body.limit = pick([3, 10], draw);
    return { endpoint: 'classify', method: 'POST', path: '/api/v1/classify/segments', body };
  };

  const draws: Record<Endpoint, () => DrawnRequest> = {
    partners,
    pairing,
    talent,
    search,
    classify,
    gaps: () => ({ endpoint: 'gaps', method: 'GET', path: `/api/v1/chains/${chain().id}/gaps` }),
    map: () => ({ endpoint: 'map', method: 'GET', path: `/api/v1/chains/${chain().id}/map` }),
    chains: () => ({ endpoint: 'chains', method: 'GET', path: '/api/v1/chains' }),
  };
  return Array.from({ length: options.count }, () => draws[weighted(endpointWeights, draw)]());
}

const json = { 'content-type': 'application/json' };

export function toAutocannon(r: DrawnRequest): AutocannonRequest {
  const query = r.query ? `?${new URLSearchParams(r.query).toString()}` : '';
  return r.body ? { method: r.method, path: r.path, headers: json, body: JSON.stringify(r.body) } : { method: r.method, path: `${r.path}${query}` };
}
