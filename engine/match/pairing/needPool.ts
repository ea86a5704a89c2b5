import neo4j from 'neo4j-driver';
import { reversePairingDefaults } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import { enterpriseProjection, type EnterpriseProfile, type ResearchCatalog } from './researchCatalog.ts';

/**
 * Every firm pairing towards enterprises can retrieve — an industrial enterprise that needs a topic or
 * cooperates with a research unit — read once per research catalog (so after each write), with the
 * topics and units that find it. Then a unit's first request needs no query: at 100k firms reading the
 * profiles of its ~300 firms was p50 20–31 ms, p95 34–68 ms of a ~40–75 ms first request (the retrieval
 * itself 7 ms), for ~16,000 firms in all. Read in the background when the engine loads a catalog
 * (KnowledgeEngine). Until it is there, or when there are more firms than
 * `reversePairingDefaults.pool.maxFirms` (e.g. at 1M), a request reads its firms from Neo4j as before.
 * Both give the same firms in the same order (needPool.test.ts).
 */
export interface NeedPool {
  profiles: Map<string, EnterpriseProfile>;
  /** Topic name → the ids of the firms that need it, once per NEEDS_TECH (as Cypher counts them). */
  byTopic: Map<string, string[]>;
  /** Research unit id → the ids of the firms that cooperate with it. */
  byUnit: Map<string, string[]>;
}

const retrievable = `CALL () {
    MATCH (e:Enterprise)-[:NEEDS_TECH]->(:Topic) RETURN e
    UNION
    MATCH (e:Enterprise)-[:COOPERATES_WITH]->(:ResearchUnit) RETURN e
  }
  WITH e WHERE e.kind = 'industrial'`;

/** The pool, or null when more than `maxFirms` firms would be in it. */
export async function loadNeedPool(graph: Graph, maxFirms = reversePairingDefaults.pool.maxFirms): Promise<NeedPool | null> {
  // Counted first, so that at 1M the bound costs one count, not 50,000 profiles read and dropped.
  const [{ firms }] = await graph.query<{ firms: number }>(`${retrievable} RETURN count(e) AS firms`);
  if (firms > maxFirms) return null;
  const rows = await graph.query<EnterpriseProfile & { cooperatesWith: string[] }>(
    `${retrievable} RETURN ${enterpriseProjection}, [(e)-[:COOPERATES_WITH]->(r:ResearchUnit) | r.id] AS cooperatesWith LIMIT $max`,
    { max: neo4j.int(maxFirms) },
  );
  const pool: NeedPool = { profiles: new Map(), byTopic: new Map(), byUnit: new Map() };
  const add = (index: Map<string, string[]>, key: string, id: string) => (index.get(key) ?? index.set(key, []).get(key)!).push(id);
  for (const { cooperatesWith, ...profile } of rows) {
    pool.profiles.set(profile.id, profile);
    for (const topic of profile.needs) add(pool.byTopic, topic, profile.id);
    for (const unit of cooperatesWith) add(pool.byUnit, unit, profile.id);
  }
  return pool;
}

/**
 * What `enterprisesForTopics` returns, from the pool: the firms needing the most of `topics` first, then
 * those cooperating with the unit, then by id; local ones only with `localOnly`.
 */
export function retrieveFromPool(pool: NeedPool, topics: string[], unitId: string | null, limit: number, localOnly: boolean): EnterpriseProfile[] {
  const shared = new Map<string, number>();
  for (const topic of new Set(topics)) for (const id of pool.byTopic.get(topic) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  const cooperating = new Set(unitId === null ? [] : (pool.byUnit.get(unitId) ?? []));
  const candidates = [...new Set([...shared.keys(), ...cooperating])]
    .map((id) => ({ id, shared: shared.get(id) ?? 0, cooperating: cooperating.has(id) ? 1 : 0 }))
    .filter((c) => !localOnly || pool.profiles.get(c.id)!.local === true);
  candidates.sort((a, b) => b.shared - a.shared || b.cooperating - a.cooperating || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return candidates.slice(0, limit).map((c) => pool.profiles.get(c.id)!);
}

type PoolEntry = { ready?: NeedPool; loading: Promise<NeedPool | null> };
const pools = new WeakMap<ResearchCatalog, PoolEntry>();

/** Starts loading the catalog's pool unless under way; resolves with it (null: too many firms, or the load failed). */
export function warmNeedPool(graph: Graph, catalog: ResearchCatalog): Promise<NeedPool | null> {
  let entry = pools.get(catalog);
  if (!entry) {
    // A failed load (database gone, graph closed) leaves the request path reading from Neo4j, as before.
    const created: PoolEntry = { loading: loadNeedPool(graph).catch(() => null) };
    created.loading.then((pool) => pool && (created.ready = pool));
    pools.set(catalog, (entry = created));
  }
  return entry.loading;
}

/** The catalog's pool if `warmNeedPool` has loaded it, else undefined (read from Neo4j then). */
export function readyNeedPool(catalog: ResearchCatalog): NeedPool | undefined {
  return pools.get(catalog)?.ready;
}
