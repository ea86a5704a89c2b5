import type { Graph } from '../../../graph/graph.ts';
import { agreedResourceUnits } from '../../../tracking/matchStore.ts';
import { readDemand, readOffer } from './storedRows.ts';
import { demandSize, offerSizeCapacity } from '../quantityCapacity.ts';
import { indexParty, type DemandContext, type OfferContext, type PartyFacts } from '../resourceTypes.ts';

/**
 * The facts of the party `x` that soft scoring reads, as one map. Lists are capped: a handful of
 * ties or alliances is enough evidence, and the cap bounds the row size for very connected firms.
 */
const partyFacts = `
  CALL (x) {
    OPTIONAL MATCH (x)-[:LOCATED_IN]->(lp:Park)
    WITH x, head(collect(lp)) AS lp
    WITH CASE WHEN x:Park THEN x ELSE lp END AS park
    RETURN park.id AS parkId, park.name AS parkName, park.sectorId AS sectorId
  }
  CALL (x) {
    OPTIONAL MATCH (x)-[t:SUPPLIES]-(p:Enterprise)
    WITH x, t, p WHERE p IS NOT NULL
    OPTIONAL MATCH (p)-[:LOCATED_IN]->(pp:Park)
    RETURN collect({id: p.id, name: p.name, sells: startNode(t) = x, parkId: pp.id})[..50] AS tradePartners
  }
  CALL (x) {
    OPTIONAL MATCH (x)-[:MEMBER_OF]->(a:Alliance)
    WITH a WHERE a IS NOT NULL
    RETURN collect(a {.id, .name})[..20] AS alliances
  }
  CALL (x) {
    OPTIONAL MATCH (x)-[:HAS_PARTY_ORG]->(po:PartyOrg)-[pw:PAIRED_WITH]-(po2:PartyOrg)<-[:HAS_PARTY_ORG]-(owner)
    WITH po, pw, po2, owner WHERE owner IS NOT NULL
    RETURN collect({own: po.id, ownName: po.name, other: po2.id, otherName: po2.name, ownerId: owner.id, ownerLabel: head(labels(owner)),
                    ownerName: owner.name, outgoing: startNode(pw) = po})[..10] AS pairings
  }
  CALL (x) {
    OPTIONAL MATCH (x)-[c:COOPERATES_WITH]-(y)
    WITH x, c, y WHERE y IS NOT NULL
    OPTIONAL MATCH (y)-[:BELONGS_TO]->(u:University)
    RETURN collect({id: y.id, name: y.name, label: head(labels(y)), outgoing: startNode(c) = x, universityId: u.id})[..30] AS cooperators
  }
  WITH *, {id: x.id, label: head([l IN labels(x) WHERE l IN ['Enterprise', 'University', 'ResearchUnit', 'Park']]), name: x.name,
           parkId: parkId, parkName: parkName, sectorId: sectorId, tags: CASE WHEN x:Enterprise THEN x.tags ELSE [] END,
           tradePartners: tradePartners, alliances: alliances, pairings: pairings, cooperators: cooperators} AS party`;

export interface ResourceFilter {
  ids?: string[];
  kinds?: string[];
}

/**
 * Open demands (all, or the named ones, or of some kinds) with their owners' facts. Units already
 * received through agreed resource matches are subtracted; a demand they cover is not open any more.
 */
export async function loadDemandContexts(graph: Graph, filter: ResourceFilter = {}): Promise<DemandContext[]> {
  const start = filter.ids ? 'UNWIND $ids AS id MATCH (x)-[:HAS_DEMAND]->(d:Demand {id: id})' : 'MATCH (x)-[:HAS_DEMAND]->(d:Demand)';
  const rows = await graph.query<{ demands: Record<string, unknown>[]; party: PartyFacts }>(
    `${start}
     WHERE d.status = 'open' AND ($kinds IS NULL OR d.kind IN $kinds)
     WITH x, collect(d {.*}) AS demands
     ${partyFacts}
     RETURN demands, party`,
    { ids: filter.ids ?? null, kinds: filter.kinds ?? null },
  );
  const { byDemand } = await agreedResourceUnits(graph);
  const contexts: DemandContext[] = [];
  for (const row of rows) {
    const owner = indexParty(row.party);
    for (const raw of row.demands) {
      const demand = readDemand(raw);
      const quantity = demand.quantity - (byDemand.get(demand.id) ?? 0);
      if (quantity >= 1) contexts.push({ demand: { ...demand, quantity }, owner });
    }
  }
  return contexts.sort((a, b) => a.demand.id.localeCompare(b.demand.id));
}

/**
 * The quantity (m², 万元) each offer gave to agreed resource matches: units × what the agreed demand
 * takes (quantityCapacity.ts), so a building's area is consumed as its tenants agree, not only its count.
 */
export async function agreedResourceSizes(graph: Graph): Promise<Map<string, number>> {
  const rows = await graph.query<{ offerId: string; units: number; demand: { kind: string; minAreaM2: number | null; amountWan: number | null } | null }>(
    `MATCH (m:Match {status: 'agreed'}) WHERE m.kind = 'resource'
     OPTIONAL MATCH (d:Demand {id: m.subjectId})
     RETURN m.candidateId AS offerId, coalesce(m.units, 1) AS units, CASE WHEN d IS NULL THEN null ELSE d {.kind, .minAreaM2, .amountWan} END AS demand`,
  );
  const taken = new Map<string, number>();
  for (const r of rows) {
    if (!r.demand) continue;
    const size = demandSize({
      kind: r.demand.kind as DemandContext['demand']['kind'],
      minAreaM2: r.demand.minAreaM2 ?? null,
      amountWan: r.demand.amountWan ?? null,
    });
    taken.set(r.offerId, (taken.get(r.offerId) ?? 0) + r.units * size);
  }
  return taken;
}

/** Open offers with their owners' facts, where they are, and the count and quantity agreed matches left. */
export async function loadOfferContexts(graph: Graph, filter: ResourceFilter = {}): Promise<OfferContext[]> {
  const start = filter.ids ? 'UNWIND $ids AS id MATCH (x)-[:OFFERS]->(o:Offer {id: id})' : 'MATCH (x)-[:OFFERS]->(o:Offer)';
  const rows = await graph.query<{ offers: Record<string, unknown>[]; party: PartyFacts }>(
    `${start}
     WHERE o.status = 'open' AND ($kinds IS NULL OR o.kind IN $kinds)
     WITH x, collect(o {.*}) AS offers
     ${partyFacts}
     RETURN offers, party`,
    { ids: filter.ids ?? null, kinds: filter.kinds ?? null },
  );
  const parks = new Map(
    (await graph.query<{ id: string; name: string; sectorId: string }>('MATCH (p:Park) RETURN p.id AS id, p.name AS name, p.sectorId AS sectorId')).map((p) => [
      p.id,
      p,
    ]),
  );
  const [{ byOffer }, sizeTaken] = await Promise.all([agreedResourceUnits(graph), agreedResourceSizes(graph)]);
  const contexts: OfferContext[] = [];
  for (const row of rows) {
    const owner = indexParty(row.party);
    for (const raw of row.offers) {
      const offer = readOffer(raw);
      const parkId = offer.parkId ?? owner.parkId;
      const park = parkId ? parks.get(parkId) : undefined;
      const sizeCapacity = offerSizeCapacity(offer);
      contexts.push({
        offer,
        owner,
        parkId,
        parkName: park?.name ?? (parkId === owner.parkId ? owner.parkName : null),
        sectorId: park?.sectorId ?? null,
        remaining: offer.capacity - (byOffer.get(offer.id) ?? 0),
        remainingSize: sizeCapacity === null ? null : sizeCapacity - (sizeTaken.get(offer.id) ?? 0),
      });
    }
  }
  return contexts.sort((a, b) => a.offer.id.localeCompare(b.offer.id));
}
