import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import {
  createDemandRequest, createOfferRequest, demandKindSchemas, offerKindSchemas,
  type CreateDemandRequest, type CreateOfferRequest, type ListResourcesQuery,
} from '../../contracts/resources.ts';
import { ConflictError, InvalidInputError, NotFoundError, UnknownReferenceError, type FieldIssue } from '../../errors.ts';
import type { Graph } from '../../graph/graph.ts';
import { loadGraph } from '../../load/loadGraph.ts';
import { demandRow, offerRow } from '../../model/nodes.ts';
import type { DemandRecord, OfferRecord, PartyLabel } from './resourceTypes.ts';
import { readDemand, readOffer } from './storedRows.ts';

/**
 * Create, read, update and delete of Offer and Demand nodes. Writes go through the validated loader
 * (MERGE on the id, all or nothing); every write records the actor who made it.
 */
interface Side<Row> {
  label: 'Offer' | 'Demand';
  relationship: 'OFFERS' | 'HAS_DEMAND';
  owners: PartyLabel[];
  create: z.ZodType;
  kinds: Record<string, z.ZodObject>;
  blank: Omit<Row, 'id' | 'kind' | 'title' | 'description' | 'status' | 'source'>;
  /** Validates rows before they are written. */
  stored: z.ZodObject;
  /** Reads a stored node back into a row (storedRows.ts). */
  read: (stored: Record<string, unknown>) => Record<string, unknown>;
}

const offers: Side<OfferRecord> = {
  label: 'Offer', relationship: 'OFFERS', owners: ['Enterprise', 'University', 'ResearchUnit', 'Park'], create: createOfferRequest, kinds: offerKindSchemas,
  blank: {
    areaM2: null, floorLoadKnM2: null, certifications: [], price: null, amountWan: null, ratePct: null, termMonths: null, parkId: null,
    availableFrom: null, availableUntil: null, capacity: 1, updatedBy: null, updatedAt: null,
  },
  stored: offerRow,
  read: readOffer,
};
const demands: Side<DemandRecord> = {
  label: 'Demand', relationship: 'HAS_DEMAND', owners: ['Enterprise', 'University', 'ResearchUnit'], create: createDemandRequest, kinds: demandKindSchemas,
  blank: {
    minAreaM2: null, idealAreaM2: null, minFloorLoadKnM2: null, requiredCertifications: [], maxPrice: null, amountWan: null, maxRatePct: null,
    minTermMonths: null, parkAllowList: [], neededFrom: null, neededUntil: null, quantity: 1, updatedBy: null, updatedAt: null,
  },
  stored: demandRow,
  read: readDemand,
};

export interface ResourceOwner {
  id: string;
  label: string;
  name: string;
}
export type OfferWithOwner = OfferRecord & { owner: ResourceOwner };
export type DemandWithOwner = DemandRecord & { owner: ResourceOwner };

function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError('invalid body', result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })));
}

async function ownerLabel(graph: Graph, side: Side<unknown>, id: string): Promise<PartyLabel> {
  const union = side.owners.map((l) => `MATCH (x:${l} {id: $id}) RETURN '${l}' AS label`).join(' UNION ');
  const [row] = await graph.query<{ label: PartyLabel }>(`CALL () { ${union} } RETURN label LIMIT 1`, { id });
  if (!row) throw new UnknownReferenceError('unknown owner', [{ path: 'body.ownerId', message: `no ${side.owners.join(', ')} with id "${id}"` }]);
  return row.label;
}

/** Parks named by a row must exist: a typo would silently make a demand unmeetable. */
async function checkParks(graph: Graph, row: Record<string, unknown>): Promise<void> {
  const named: { path: string; id: string }[] = [];
  if (typeof row.parkId === 'string') named.push({ path: 'body.parkId', id: row.parkId });
  if (Array.isArray(row.parkAllowList)) row.parkAllowList.forEach((id, i) => named.push({ path: `body.parkAllowList.${i}`, id: String(id) }));
  if (named.length === 0) return;
  const found = new Set((await graph.query<{ id: string }>('UNWIND $ids AS id MATCH (p:Park {id: id}) RETURN p.id AS id', { ids: named.map((n) => n.id) })).map((r) => r.id));
  const issues: FieldIssue[] = named.filter((n) => !found.has(n.id)).map((n) => ({ path: n.path, message: `no park with id "${n.id}"` }));
  if (issues.length > 0) throw new UnknownReferenceError('unknown park', issues);
}

function toRow(side: Side<unknown>, input: Record<string, unknown>, base: Record<string, unknown>, actor: string): Record<string, unknown> {
  const row: Record<string, unknown> = { ...side.blank, ...base };
  for (const [key, value] of Object.entries(input)) if (key !== 'ownerId') row[key] = value ?? null;
  row.updatedBy = actor;
  row.updatedAt = new Date().toISOString();
  return side.stored.parse(row);
}

async function create(graph: Graph, side: Side<unknown>, input: CreateOfferRequest | CreateDemandRequest, actor: string) {
  const label = await ownerLabel(graph, side, input.ownerId);
  await checkParks(graph, input as Record<string, unknown>);
  const id = input.id ?? `${side.label.toLowerCase()}.${randomUUID()}`;
  if ((await graph.query(`MATCH (n:${side.label} {id: $id}) RETURN n.id AS id`, { id })).length > 0) throw new ConflictError(`${side.label.toLowerCase()} "${id}" already exists`);
  const row = toRow(side, input, { id, source: 'import' }, actor);
  await loadGraph(
    graph,
    { nodes: [{ label: side.label, rows: [row] }], relationships: [{ type: side.relationship, from: label, to: side.label, rows: [{ from: input.ownerId, to: id }] }] },
    { atomic: true },
  );
  return get(graph, side, id);
}

type StoredWithOwner = Record<string, unknown> & { owner: ResourceOwner | null };

async function get(graph: Graph, side: Side<unknown>, id: string): Promise<StoredWithOwner> {
  const [row] = await graph.query<{ n: Record<string, unknown>; owner: ResourceOwner | null }>(
    `MATCH (n:${side.label} {id: $id}) OPTIONAL MATCH (x)-[:${side.relationship}]->(n)
     RETURN n {.*} AS n, CASE WHEN x IS NULL THEN null ELSE {id: x.id, label: head(labels(x)), name: x.name} END AS owner LIMIT 1`,
    { id },
  );
  if (!row) throw new NotFoundError(side.label.toLowerCase(), id);
  return { ...(side.read(row.n) as Record<string, unknown>), owner: row.owner } as StoredWithOwner;
}

/** Merges the change into the stored attributes of the row's kind and validates the result as a whole, as a create would. */
async function update(graph: Graph, side: Side<unknown>, id: string, change: Record<string, unknown>, actor: string) {
  const current = await get(graph, side, id);
  const kind = current.kind as string;
  const shape = side.kinds[kind].shape;
  const merged: Record<string, unknown> = { kind, ownerId: current.owner?.id ?? '' };
  for (const key of Object.keys(shape)) if (key !== 'kind' && key !== 'ownerId' && key !== 'id' && current[key] !== null && current[key] !== undefined) merged[key] = current[key];
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const input = parseBody(side.create, merged) as Record<string, unknown>;
  await checkParks(graph, change);
  const row = toRow(side, input, { id, source: current.source }, actor);
  await loadGraph(graph, { nodes: [{ label: side.label, rows: [row] }], relationships: [] }, { atomic: true });
  return get(graph, side, id);
}

async function remove(graph: Graph, side: Side<unknown>, id: string): Promise<void> {
  const [row] = await graph.query<{ n: number }>(`MATCH (n:${side.label} {id: $id}) RETURN count(n) AS n`, { id });
  if (row.n === 0) throw new NotFoundError(side.label.toLowerCase(), id);
  await graph.write((tx) => tx.run(`MATCH (n:${side.label} {id: $id}) DETACH DELETE n`, { id }));
}

async function list(graph: Graph, side: Side<unknown>, query: ListResourcesQuery) {
  let after: string | null = null;
  if (query.cursor) {
    after = Buffer.from(query.cursor, 'base64url').toString('utf8');
    if (after.length === 0) throw new InvalidInputError('invalid query', [{ path: 'query.cursor', message: 'not a cursor returned by this API' }]);
  }
  const rows = await graph.query<{ n: Record<string, unknown>; owner: ResourceOwner | null }>(
    `MATCH (n:${side.label})
     WHERE ($kind IS NULL OR n.kind = $kind) AND ($status IS NULL OR n.status = $status) AND ($after IS NULL OR n.id > $after)
     OPTIONAL MATCH (x)-[:${side.relationship}]->(n)
     WITH n, x WHERE $ownerId IS NULL OR x.id = $ownerId
     RETURN n {.*} AS n, CASE WHEN x IS NULL THEN null ELSE {id: x.id, label: head(labels(x)), name: x.name} END AS owner
     ORDER BY n.id LIMIT $limit`,
    { kind: query.kind ?? null, status: query.status ?? null, ownerId: query.ownerId ?? null, after, limit: neo4j.int(query.limit + 1) },
  );
  const items = rows.slice(0, query.limit).map((r) => ({ ...(side.read(r.n) as Record<string, unknown>), owner: r.owner }) as StoredWithOwner);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? Buffer.from(String(last.id), 'utf8').toString('base64url') : null };
}

export const createOffer = async (graph: Graph, input: CreateOfferRequest, actor: string) => (await create(graph, offers, input, actor)) as OfferWithOwner;
export const getOffer = async (graph: Graph, id: string) => (await get(graph, offers, id)) as OfferWithOwner;
export const updateOffer = async (graph: Graph, id: string, change: Record<string, unknown>, actor: string) => (await update(graph, offers, id, change, actor)) as OfferWithOwner;
export const deleteOffer = (graph: Graph, id: string) => remove(graph, offers, id);
export const listOffers = async (graph: Graph, query: ListResourcesQuery) => (await list(graph, offers, query)) as { items: OfferWithOwner[]; nextCursor: string | null };

export const createDemand = async (graph: Graph, input: CreateDemandRequest, actor: string) => (await create(graph, demands, input, actor)) as DemandWithOwner;
export const getDemand = async (graph: Graph, id: string) => (await get(graph, demands, id)) as DemandWithOwner;
export const updateDemand = async (graph: Graph, id: string, change: Record<string, unknown>, actor: string) => (await update(graph, demands, id, change, actor)) as DemandWithOwner;
export const deleteDemand = (graph: Graph, id: string) => remove(graph, demands, id);
export const listDemands = async (graph: Graph, query: ListResourcesQuery) => (await list(graph, demands, query)) as { items: DemandWithOwner[]; nextCursor: string | null };
