import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import {
  createDemandRequest,
  createOfferRequest,
  demandKindSchemas,
  offerKindSchemas,
  type CreateDemandRequest,
  type CreateOfferRequest,
  type ListResourcesQuery,
} from '../../../contracts/resources.ts';
import { ConflictError, InvalidInputError, NotFoundError, UnknownReferenceError, type FieldIssue } from '../../../core/errors.ts';
import type { Graph } from '../../../graph/graph.ts';
import { assertMayChange, asActor, maySeePrivate, type ActorRef } from '../../../tracking/actor.ts';
import { assertVersion, storedVersion } from '../../../tracking/recordVersion.ts';
import { demandRow, offerRow } from '../../../model/nodes.ts';
import type { DemandRecord, OfferRecord, PartyLabel } from '../resourceTypes.ts';
import { readDemand, readOffer } from './storedRows.ts';

/**
 * Create, read, update and delete of Offer and Demand nodes, each validated against the stored row
 * schema and written in one transaction. Every write records the actor who made it; the creator is
 * the record's owner (`createdBy`), and only the owner or an admin may change or delete it (issue
 * 15 F2). Every write bumps `version` (the API's ETag, issue 15 F9). Updates and deletes MATCH and
 * write-lock the node before reading it: concurrent PATCHes of different fields each merge onto the
 * latest state, and a PATCH that loses a race with a DELETE finds nothing — it never recreates it.
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
  label: 'Offer',
  relationship: 'OFFERS',
  owners: ['Enterprise', 'University', 'ResearchUnit', 'Park'],
  create: createOfferRequest,
  kinds: offerKindSchemas,
  blank: {
    areaM2: null,
    floorLoadKnM2: null,
    certifications: [],
    price: null,
    amountWan: null,
    ratePct: null,
    termMonths: null,
    parkId: null,
    availableFrom: null,
    availableUntil: null,
    capacity: 1,
    updatedBy: null,
    updatedAt: null,
  },
  stored: offerRow,
  read: readOffer,
};
const demands: Side<DemandRecord> = {
  label: 'Demand',
  relationship: 'HAS_DEMAND',
  owners: ['Enterprise', 'University', 'ResearchUnit'],
  create: createDemandRequest,
  kinds: demandKindSchemas,
  blank: {
    minAreaM2: null,
    idealAreaM2: null,
    minFloorLoadKnM2: null,
    requiredCertifications: [],
    maxPrice: null,
    amountWan: null,
    maxRatePct: null,
    minTermMonths: null,
    parkAllowList: [],
    neededFrom: null,
    neededUntil: null,
    quantity: 1,
    updatedBy: null,
    updatedAt: null,
  },
  stored: demandRow,
  read: readDemand,
};

export interface ResourceOwner {
  id: string;
  label: string;
  name: string;
}
/**
 * What a reader sees: the row, the party that offers or needs it (`owner`), the version, and — for
 * the record's creator and admins only — who created and last changed it (`createdBy`, `updatedBy`).
 */
type Visible<Row> = Omit<Row, 'updatedBy'> & { owner: ResourceOwner; version: number; createdBy?: string | null; updatedBy?: string | null };
export type OfferWithOwner = Visible<OfferRecord>;
export type DemandWithOwner = Visible<DemandRecord>;

function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    'invalid body',
    result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })),
  );
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
  const found = new Set(
    (await graph.query<{ id: string }>('UNWIND $ids AS id MATCH (p:Park {id: id}) RETURN p.id AS id', { ids: named.map((n) => n.id) })).map((r) => r.id),
  );
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

const isConstraintViolation = (error: unknown) => (error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
/** A node deleted by another transaction while this one waited for its lock. */
const isDeletedMeanwhile = (error: unknown) => (error as { code?: string }).code === 'Neo.ClientError.Statement.EntityNotFound';

async function create(graph: Graph, side: Side<unknown>, input: CreateOfferRequest | CreateDemandRequest, actor: ActorRef) {
  const label = await ownerLabel(graph, side, input.ownerId);
  await checkParks(graph, input as Record<string, unknown>);
  const id = input.id ?? `${side.label.toLowerCase()}.${randomUUID()}`;
  const exists = () => new ConflictError(`${side.label.toLowerCase()} "${id}" already exists`);
  if ((await graph.query(`MATCH (n:${side.label} {id: $id}) RETURN n.id AS id`, { id })).length > 0) throw exists();
  const name = asActor(actor).name;
  const row = toRow(side, input, { id, source: 'import' }, name);
  try {
    // CREATE, not MERGE: a second create of the same id hits the uniqueness constraint instead of overwriting.
    await graph.write((tx) =>
      tx.run(`MATCH (x:${label} {id: $ownerId}) CREATE (x)-[:${side.relationship}]->(n:${side.label}) SET n = $row, n.createdBy = $actor, n.version = 1`, {
        ownerId: input.ownerId,
        row,
        actor: name,
      }),
    );
  } catch (error) {
    if (isConstraintViolation(error)) throw exists();
    throw error;
  }
  return get(graph, side, id, actor);
}

type StoredWithOwner = Record<string, unknown> & { owner: ResourceOwner | null; version: number; createdBy?: string | null };

/** Drops who created and changed a record unless the reader is its owner or an admin. */
function visibleTo(side: Side<unknown>, stored: Record<string, unknown>, owner: ResourceOwner | null, viewer: ActorRef | undefined): StoredWithOwner {
  const row = { ...(side.read(stored) as Record<string, unknown>), owner, version: storedVersion(stored.version) } as StoredWithOwner;
  const createdBy = typeof stored.createdBy === 'string' ? stored.createdBy : null;
  if (maySeePrivate(viewer, createdBy)) return { ...row, createdBy };
  delete row.updatedBy;
  return row;
}

const ownerMap = 'CASE WHEN x IS NULL THEN null ELSE {id: x.id, label: head(labels(x)), name: x.name} END';

async function get(graph: Graph, side: Side<unknown>, id: string, viewer?: ActorRef): Promise<StoredWithOwner> {
  const [row] = await graph.query<{ n: Record<string, unknown>; owner: ResourceOwner | null }>(
    `MATCH (n:${side.label} {id: $id}) OPTIONAL MATCH (x)-[:${side.relationship}]->(n)
     RETURN n {.*} AS n, ${ownerMap} AS owner LIMIT 1`,
    { id },
  );
  if (!row) throw new NotFoundError(side.label.toLowerCase(), id);
  return visibleTo(side, row.n, row.owner, viewer);
}

/**
 * Write-locks the node and reads it in the caller's transaction, then checks that the actor may
 * change it and that it is still at the version the client read (when it named one).
 */
async function lockForChange(tx: ManagedTransaction, side: Side<unknown>, id: string, actor: ActorRef, ifVersion: number | undefined) {
  const locked = await tx.run<{ n: Record<string, unknown>; ownerId: string | null }>(
    `MATCH (n:${side.label} {id: $id}) SET n._lock = true WITH n OPTIONAL MATCH (x)-[:${side.relationship}]->(n) RETURN n {.*} AS n, x.id AS ownerId LIMIT 1`,
    { id },
  );
  const stored = locked.records[0]?.get('n');
  // A node a DELETE removed while this transaction waited for its lock can still come back, with no
  // properties (seen once in 30 × 2 racing writes in CI: a ZodError where a 404 belongs): gone is gone.
  if (!stored || stored.id !== id) throw new NotFoundError(side.label.toLowerCase(), id);
  const what = `${side.label.toLowerCase()} "${id}"`;
  assertMayChange(actor, typeof stored.createdBy === 'string' ? stored.createdBy : null, what);
  const version = storedVersion(stored.version);
  assertVersion(ifVersion, version, what);
  return { current: side.read(stored) as Record<string, unknown>, ownerId: locked.records[0].get('ownerId'), version };
}

async function inTransaction<T>(side: Side<unknown>, id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDeletedMeanwhile(error)) throw new NotFoundError(side.label.toLowerCase(), id);
    throw error;
  }
}

/** Merges the change into the stored attributes of the row's kind and validates the result as a whole, as a create would. */
async function update(graph: Graph, side: Side<unknown>, id: string, change: Record<string, unknown>, actor: ActorRef, ifVersion?: number) {
  await checkParks(graph, change);
  await inTransaction(side, id, () =>
    graph.write(async (tx) => {
      const { current, ownerId, version } = await lockForChange(tx, side, id, actor, ifVersion);
      const kind = current.kind as string;
      const shape = side.kinds[kind].shape;
      const merged: Record<string, unknown> = { kind, ownerId: ownerId ?? '' };
      for (const key of Object.keys(shape))
        if (key !== 'kind' && key !== 'ownerId' && key !== 'id' && current[key] !== null && current[key] !== undefined) merged[key] = current[key];
      for (const [key, value] of Object.entries(change)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      const input = parseBody(side.create, merged) as Record<string, unknown>;
      const row = toRow(side, input, { id, source: current.source }, asActor(actor).name);
      // MATCH, never MERGE: a record deleted meanwhile stays deleted.
      await tx.run(`MATCH (n:${side.label} {id: $id}) REMOVE n._lock SET n += $row, n.version = $version`, { id, row, version: neo4j.int(version + 1) });
    }),
  );
  return get(graph, side, id, actor);
}

async function remove(graph: Graph, side: Side<unknown>, id: string, actor: ActorRef, ifVersion?: number): Promise<void> {
  await inTransaction(side, id, () =>
    graph.write(async (tx) => {
      await lockForChange(tx, side, id, actor, ifVersion);
      await tx.run(`MATCH (n:${side.label} {id: $id}) DETACH DELETE n`, { id });
    }),
  );
}

async function list(graph: Graph, side: Side<unknown>, query: ListResourcesQuery, viewer?: ActorRef) {
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
     RETURN n {.*} AS n, ${ownerMap} AS owner
     ORDER BY n.id LIMIT $limit`,
    { kind: query.kind ?? null, status: query.status ?? null, ownerId: query.ownerId ?? null, after, limit: neo4j.int(query.limit + 1) },
  );
  const items = rows.slice(0, query.limit).map((r) => visibleTo(side, r.n, r.owner, viewer));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? Buffer.from(String(last.id), 'utf8').toString('base64url') : null };
}

type List<T> = { items: T[]; nextCursor: string | null };
/** `viewer`: the reading key's identity (none without a key); `ifVersion`: the version the client read (If-Match). */
export const createOffer = async (graph: Graph, input: CreateOfferRequest, actor: ActorRef) => (await create(graph, offers, input, actor)) as OfferWithOwner;
export const getOffer = async (graph: Graph, id: string, viewer?: ActorRef) => (await get(graph, offers, id, viewer)) as OfferWithOwner;
export const updateOffer = async (graph: Graph, id: string, change: Record<string, unknown>, actor: ActorRef, ifVersion?: number) =>
  (await update(graph, offers, id, change, actor, ifVersion)) as OfferWithOwner;
export const deleteOffer = (graph: Graph, id: string, actor: ActorRef, ifVersion?: number) => remove(graph, offers, id, actor, ifVersion);
export const listOffers = async (graph: Graph, query: ListResourcesQuery, viewer?: ActorRef) =>
  (await list(graph, offers, query, viewer)) as List<OfferWithOwner>;

export const createDemand = async (graph: Graph, input: CreateDemandRequest, actor: ActorRef) =>
  (await create(graph, demands, input, actor)) as DemandWithOwner;
export const getDemand = async (graph: Graph, id: string, viewer?: ActorRef) => (await get(graph, demands, id, viewer)) as DemandWithOwner;
export const updateDemand = async (graph: Graph, id: string, change: Record<string, unknown>, actor: ActorRef, ifVersion?: number) =>
  (await update(graph, demands, id, change, actor, ifVersion)) as DemandWithOwner;
export const deleteDemand = (graph: Graph, id: string, actor: ActorRef, ifVersion?: number) => remove(graph, demands, id, actor, ifVersion);
export const listDemands = async (graph: Graph, query: ListResourcesQuery, viewer?: ActorRef) =>
  (await list(graph, demands, query, viewer)) as List<DemandWithOwner>;
