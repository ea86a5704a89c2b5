import { UnknownReferenceError, type FieldIssue } from '../../core/errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { EventEnterprise, EventUnit } from './pairingFit.ts';

/** The profiles the fit reads, for the invited enterprises and research units; unknown ids are named as invalid fields. */
export async function loadEventParticipants(
  graph: Graph,
  enterpriseIds: string[],
  unitIds: string[],
): Promise<{ enterprises: EventEnterprise[]; units: EventUnit[] }> {
  const enterprises = await graph.query<EventEnterprise>(
    `UNWIND $ids AS id MATCH (e:Enterprise {id: id})
     RETURN e.id AS id, e.name AS name, e.description AS description,
            [(e)-[:NEEDS_TECH]->(t:Topic) | t.name] AS needs, [(e)-[:MAKES]->(p:Product) | p.name] AS products`,
    { ids: enterpriseIds },
  );
  const units = await graph.query<EventUnit>(
    `UNWIND $ids AS id MATCH (r:ResearchUnit {id: id})
     RETURN r.id AS id, r.name AS name, r.description AS description,
            [(r)-[:RESEARCHES]->(t:Topic) | t.name] AS topics, head([(r)-[:BELONGS_TO]->(u:University) | u.name]) AS university`,
    { ids: unitIds },
  );
  const issues: FieldIssue[] = [];
  const foundE = new Set(enterprises.map((e) => e.id));
  const foundU = new Set(units.map((u) => u.id));
  enterpriseIds.forEach((id, i) => foundE.has(id) || issues.push({ path: `body.enterprises.${i}.id`, message: `no enterprise "${id}"` }));
  unitIds.forEach((id, i) => foundU.has(id) || issues.push({ path: `body.researchUnits.${i}.id`, message: `no research unit "${id}"` }));
  if (issues.length > 0) throw new UnknownReferenceError('unknown event participants', issues);
  const order = <T extends { id: string }>(ids: string[], rows: T[]) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!);
  };
  return { enterprises: order(enterpriseIds, enterprises), units: order(unitIds, units) };
}
