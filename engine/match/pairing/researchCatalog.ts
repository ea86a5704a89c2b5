import neo4j from 'neo4j-driver';
import type { Graph } from '../../graph/graph.ts';
import { loadTopicContext, type TopicContext } from '../../text/topicContext.ts';

/**
 * Everything the pairing and talent matchers know about the research side, loaded in one read and
 * kept briefly: research units are few (hundreds to a few thousand) and every request scores them
 * all, so an in-memory catalog beats a query per request.
 */
export interface Researcher {
  id: string;
  name: string;
  title: string;
  level: string;
  honours: string[];
  description: string;
  /** Topic names. */
  expertise: string[];
  /** Where the researcher works: a research unit, university or enterprise. */
  affiliation: { id: string; label: string; name: string } | null;
  /** Invented by the seed generator (source = 'synthetic'): shown with a 演示数据 badge. */
  demo: boolean;
}

export interface ResearchUnitProfile {
  id: string;
  name: string;
  description: string;
  topics: string[];
  demo: boolean;
  university: { id: string; name: string; inXianlin: boolean } | null;
  parkId: string | null;
  researchers: Researcher[];
  /** Enterprises it already cooperates with. */
  partners: string[];
  /** Alliances it or its university belongs to, with which of the two is the member. */
  alliances: { id: string; name: string; member: string; memberLabel: string }[];
  /** Party organisations of the unit and its university, with their owner. */
  partyOrgs: { id: string; owner: string; ownerLabel: string }[];
}

export interface ResearchCatalog {
  units: ResearchUnitProfile[];
  talents: Researcher[];
  /** Every Topic name in the graph: the vocabulary free text is matched against. */
  topics: string[];
  /** Each topic's segments by the firms that need it: what the dense side reads with a topic (engine/text/topicContext.ts). */
  topicContext: TopicContext;
  loadedAt: number;
}

export async function loadResearchCatalog(graph: Graph): Promise<ResearchCatalog> {
  const talents = await graph.query<Researcher>(
    `MATCH (t:Talent)
     OPTIONAL MATCH (t)-[:AFFILIATED_WITH]->(a)
     WITH t, head(collect(a)) AS a
     RETURN t.id AS id, t.name AS name, t.title AS title, t.level AS level, t.honours AS honours, t.description AS description,
            t.source = 'synthetic' AS demo,
            [(t)-[:EXPERT_IN]->(topic:Topic) | topic.name] AS expertise,
            CASE WHEN a IS NULL THEN null ELSE {id: a.id, label: head(labels(a)), name: a.name} END AS affiliation`,
  );
  // Alliances and party organisations are read from the unit and from its university, each from its own
  // node: a pattern with an unbound member (WHERE x = r OR x = u) scanned every MEMBER_OF and HAS_PARTY_ORG
  // of the graph once per unit — at 1,000,000 firms the catalog had not loaded after 9 minutes.
  const units = await graph.query<Omit<ResearchUnitProfile, 'researchers'>>(
    `MATCH (r:ResearchUnit)
     OPTIONAL MATCH (r)-[:BELONGS_TO]->(u:University)
     OPTIONAL MATCH (r)-[:LOCATED_IN]->(p:Park)
     RETURN r.id AS id, r.name AS name, r.description AS description, r.source = 'synthetic' AS demo,
            [(r)-[:RESEARCHES]->(t:Topic) | t.name] AS topics,
            CASE WHEN u IS NULL THEN null ELSE {id: u.id, name: u.name, inXianlin: u.inXianlin} END AS university,
            p.id AS parkId,
            [(e:Enterprise)-[:COOPERATES_WITH]->(r) | e.id] AS partners,
            [(r)-[:MEMBER_OF]->(a:Alliance) | a {.id, .name, member: r.id, memberLabel: head(labels(r))}] +
              CASE WHEN u IS NULL THEN [] ELSE [(u)-[:MEMBER_OF]->(a:Alliance) | a {.id, .name, member: u.id, memberLabel: head(labels(u))}] END AS alliances,
            [(r)-[:HAS_PARTY_ORG]->(po:PartyOrg) | {id: po.id, owner: r.id, ownerLabel: head(labels(r))}] +
              CASE WHEN u IS NULL THEN [] ELSE [(u)-[:HAS_PARTY_ORG]->(po:PartyOrg) | {id: po.id, owner: u.id, ownerLabel: head(labels(u))}] END AS partyOrgs`,
  );
  const byUnit = new Map<string, Researcher[]>();
  for (const t of talents) {
    if (t.affiliation?.label === 'ResearchUnit') (byUnit.get(t.affiliation.id) ?? byUnit.set(t.affiliation.id, []).get(t.affiliation.id)!).push(t);
  }
  // University-affiliated researchers count for every unit of their university.
  const byUniversity = new Map<string, Researcher[]>();
  for (const t of talents) {
    if (t.affiliation?.label === 'University') (byUniversity.get(t.affiliation.id) ?? byUniversity.set(t.affiliation.id, []).get(t.affiliation.id)!).push(t);
  }
  const topics = await graph.query<{ name: string }>('MATCH (t:Topic) RETURN t.name AS name ORDER BY name');
  return {
    topics: topics.map((t) => t.name),
    units: units.map((u) => ({ ...u, researchers: [...(byUnit.get(u.id) ?? []), ...(u.university ? (byUniversity.get(u.university.id) ?? []) : [])] })),
    talents,
    topicContext: await loadTopicContext(graph),
    loadedAt: Date.now(),
  };
}

/** The enterprise side of a pairing: what it needs, makes and belongs to. */
export interface EnterpriseProfile {
  id: string;
  name: string;
  local: boolean;
  demo: boolean;
  description: string;
  needs: string[];
  products: string[];
  parkId: string | null;
  inXianlin: boolean;
  partners: string[];
  alliances: { id: string; name: string }[];
  /** 结对共建: this enterprise's party organisation (`own`) paired with `other`; `outgoing` when stored own → other. */
  pairedPartyOrgs: { own: string; other: string; outgoing: boolean }[];
}

/** Read with the Enterprise bound as `e`: the profile rows of loadEnterpriseProfiles, enterprisesForTopics and needPool.ts. */
export const enterpriseProjection = `e.id AS id, e.name AS name, e.local AS local, e.source = 'synthetic' AS demo, e.description AS description,
  [(e)-[:NEEDS_TECH]->(t:Topic) | t.name] AS needs,
  [(e)-[:MAKES]->(p:Product) | p.name] AS products,
  head([(e)-[:LOCATED_IN]->(p:Park) | p.id]) AS parkId,
  EXISTS { (e)-[:LOCATED_IN]->(:Park)-[:IN_SECTOR]->(:Sector {id: 'sector.xianlin'}) } AS inXianlin,
  [(e)-[:COOPERATES_WITH]->(r) | r.id] AS partners,
  [(e)-[:MEMBER_OF]->(a:Alliance) | a {.id, .name}] AS alliances,
  [(e)-[:HAS_PARTY_ORG]->(own:PartyOrg)-[p:PAIRED_WITH]-(po:PartyOrg) | {own: own.id, other: po.id, outgoing: startNode(p) = own}] AS pairedPartyOrgs`;

export async function loadEnterpriseProfiles(graph: Graph, ids: string[]): Promise<EnterpriseProfile[]> {
  return graph.query<EnterpriseProfile>(`UNWIND $ids AS id MATCH (e:Enterprise {id: id}) RETURN ${enterpriseProjection}`, { ids });
}

/**
 * At most `limit` industrial enterprises that need a topic the unit researches or its researchers know,
 * or already cooperate with it (local ones only with `localOnly`): those needing the most of the topics
 * first, then those cooperating, then by id. The cut used to be the planner's first `limit` rows (no
 * order), so at 100k, where a unit's topics are needed by up to ~1,300 firms, which ones were scored
 * was arbitrary, and local firms past the cut were never seen by a `localOnly` request.
 */
export async function enterprisesForTopics(
  graph: Graph,
  topics: string[],
  unitId: string | null,
  limit: number,
  localOnly = false,
): Promise<EnterpriseProfile[]> {
  return graph.query<EnterpriseProfile>(
    `CALL () {
       MATCH (e:Enterprise)-[:NEEDS_TECH]->(t:Topic) WHERE t.name IN $topics RETURN e, count(t) AS shared, 0 AS cooperating
       UNION ALL
       MATCH (e:Enterprise)-[:COOPERATES_WITH]->(:ResearchUnit {id: $unitId}) RETURN e, 0 AS shared, 1 AS cooperating
     }
     WITH e, max(shared) AS shared, max(cooperating) AS cooperating
     WHERE e.kind = 'industrial' AND ($localOnly = false OR e.local = true)
     ORDER BY shared DESC, cooperating DESC, e.id
     LIMIT $limit
     RETURN ${enterpriseProjection}`,
    { topics, unitId: unitId ?? '', limit: neo4j.int(limit), localOnly },
  );
}
