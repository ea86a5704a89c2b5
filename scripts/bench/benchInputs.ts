import { ChainMatchEngine, type Graph, targetSegments } from '../../engine/index.ts';
import { Random } from '../../seed/generate/random.ts';

/** Request inputs drawn from the loaded graph, seeded, so every run asks the same questions. */
export interface BenchInputs {
  chains: string[];
  /** Chains with planted missing segments (biomed.cdmo, ai.chip): the targets of 补链. */
  fillChains: string[];
  /** Chains with at least one weak segment at this scale (强链 has something to do); which ones varies with scale. */
  strengthenChains: string[];
  /** Local enterprises with technical needs (pairing and talent by enterprise). */
  enterpriseIds: string[];
  researchUnitIds: string[];
  /** Needs in words (topic names joined), for pairing and talent by text. */
  needTexts: string[];
  searchTerms: string[];
  classify: { name: string; products: string[]; description: string }[];
}

function pickSome<T>(random: Random, items: T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]);
  return out;
}

export async function benchInputs(graph: Graph, seed = 7, n = 20): Promise<BenchInputs> {
  const random = new Random(seed);
  const ids = async (cypher: string) => (await graph.query<{ id: string }>(cypher)).map((r) => r.id);
  const chains = await ids('MATCH (c:Chain) RETURN c.id AS id ORDER BY id');
  const enterpriseIds = await ids('MATCH (e:Enterprise {local: true}) WHERE EXISTS { (e)-[:NEEDS_TECH]->(:Topic) } RETURN e.id AS id ORDER BY id');
  const researchUnitIds = await ids('MATCH (u:ResearchUnit) WHERE EXISTS { (u)-[:RESEARCHES]->(:Topic) } RETURN u.id AS id ORDER BY id');
  const topics = (await graph.query<{ name: string }>('MATCH (t:Topic) RETURN t.name AS name ORDER BY name')).map((r) => r.name);
  const products = (await graph.query<{ name: string }>('MATCH (p:Product) RETURN p.name AS name ORDER BY name')).map((r) => r.name);
  const firms = await graph.query<{ id: string; name: string; description: string; products: string[] }>(
    `MATCH (e:Enterprise {kind: 'industrial'}) WHERE EXISTS { (e)-[:MAKES]->() }
     WITH e ORDER BY e.id LIMIT 5000
     RETURN e.id AS id, e.name AS name, coalesce(e.description, '') AS description, [(e)-[:MAKES]->(p:Product) | p.name] AS products`,
  );
  const engine = new ChainMatchEngine(graph);
  const withTargets = async (mode: 'fill' | 'strengthen', candidates: string[]) => {
    const out: string[] = [];
    for (const chainId of candidates) if (targetSegments(await engine.snapshots.get(chainId), { mode }).targets.length > 0) out.push(chainId);
    return out;
  };
  const fillChains = await withTargets(
    'fill',
    ['biomed', 'ai'].filter((c) => chains.includes(c)),
  );
  const strengthenChains = await withTargets('strengthen', chains);
  if (fillChains.length === 0 || strengthenChains.length === 0) throw new Error(`no partner targets: fill ${fillChains}, strengthen ${strengthenChains}`);
  return {
    chains,
    fillChains,
    strengthenChains,
    enterpriseIds: pickSome(random, enterpriseIds, n),
    researchUnitIds: pickSome(random, researchUnitIds, n),
    needTexts: Array.from({ length: n }, () => `需要${pickSome(random, topics, 2).join('和')}方面的技术合作`),
    searchTerms: pickSome(random, products, n).map((p) => p.slice(0, 4)),
    classify: pickSome(random, firms, n).map((f) => ({ name: f.name, products: f.products.slice(0, 5), description: f.description.slice(0, 400) })),
  };
}
