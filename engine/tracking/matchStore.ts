import { createHash } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { ListMatchesQuery, RecordMatchRequest, MatchTransitionRequest } from '../contracts/matches.ts';
import { ConflictError, NotFoundError, UnknownReferenceError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { nodeLabels } from '../model/graphModel.ts';
import { matchRow } from '../model/nodes.ts';
import type { MatchOutcome } from './acceptanceStats.ts';
import { assertMayChange, type ActorRef, asActor } from './actor.ts';
import { assertTransition, type MatchStatus } from './lifecycle.ts';
import { openStatuses } from './overdue.ts';
import { assertVersion } from './recordVersion.ts';
import { toRecord, withDemo, type MatchHistoryEntry, type MatchRecord, type ParsedMatch, type StoredMatch } from './matchRecord.ts';

// The row mapping (stored row → MatchRecord) lives in matchRecord.ts; the engine imports the types from here.
export type { MatchHistoryEntry, MatchRecord, ParsedMatch } from './matchRecord.ts';

/** Deterministic per pair and attempt, so two concurrent records of one pair collide on the id constraint instead of both succeeding. */
function matchId(kind: string, subjectId: string, candidateId: string, attempt: number): string {
  const hash = createHash('sha1').update(`${kind}\u0000${subjectId}\u0000${candidateId}`).digest('hex').slice(0, 16);
  return `match.${kind}.${hash}.${attempt}`;
}

/**
 * Each named id must be a node of the graph (any label of the model but Match): a match between
 * things that do not exist is a 404 naming the field, never a 201. One index lookup per label; the
 * labels come from the model's allow-list, never from input.
 */
async function assertEntitiesExist(tx: ManagedTransaction, idsByField: Record<string, string>): Promise<void> {
  const lookups = nodeLabels.filter((l) => l !== 'Match').map((l) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN n.id AS id`);
  const found = await tx.run<{ ids: string[] }>(`CALL () { ${lookups.join(' UNION ')} } RETURN collect(DISTINCT id) AS ids`, {
    ids: Object.values(idsByField),
  });
  const present = new Set(found.records[0]?.get('ids') ?? []);
  const issues = Object.entries(idsByField)
    .filter(([, id]) => !present.has(id))
    .map(([path, id]) => ({ path, message: `no entity has id "${id}"` }));
  if (issues.length > 0) throw new UnknownReferenceError(`${issues.map((i) => i.path).join(' and ')} name nothing in the graph`, issues);
}

const isConstraintViolation = (error: unknown) => (error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * Records a recommendation a person acted on, as `proposed`. A pair that is already being followed
 * up (or was agreed) is a conflict; a declined pair may be proposed again — as a new match.
 */
export async function recordMatch(graph: Graph, input: RecordMatchRequest, actorRef: ActorRef, today: string, now = new Date()): Promise<MatchRecord> {
  const actor = asActor(actorRef).name;
  const at = now.toISOString();
  try {
    const created = await graph.write(async (tx) => {
      const existing = await tx.run<{ id: string; status: MatchStatus }>(
        'MATCH (m:Match {subjectId: $subjectId, candidateId: $candidateId}) WHERE m.kind = $kind RETURN m.id AS id, m.status AS status',
        { kind: input.kind, subjectId: input.subjectId, candidateId: input.candidateId },
      );
      // A need typed in words has no node: its subject id is `text.<hash>` (viewer/src/api/matchSnapshot.ts).
      const typedNeed = /^text\.[0-9a-f]{8}$/.test(input.subjectId);
      await assertEntitiesExist(tx, { ...(typedNeed ? {} : { 'body.subjectId': input.subjectId }), 'body.candidateId': input.candidateId });
      const open = existing.records.map((r) => r.toObject()).find((m) => m.status !== 'declined');
      if (open) throw new ConflictError(`this pair is already recorded as match "${open.id}" (${open.status})`);
      const row = matchRow.parse({
        id: matchId(input.kind, input.subjectId, input.candidateId, existing.records.length + 1),
        kind: input.kind,
        status: 'proposed',
        subjectId: input.subjectId,
        candidateId: input.candidateId,
        chainId: input.chainId ?? null,
        subjectName: input.subjectName ?? '',
        candidateName: input.candidateName ?? '',
        score: input.score,
        units: input.units,
        dueDate: input.dueDate ?? null,
        explanation: JSON.stringify(input.explanation),
        createdAt: at,
        updatedAt: at,
        createdBy: actor,
        history: [JSON.stringify({ from: null, to: 'proposed', actor, at, note: input.note ?? null } satisfies MatchHistoryEntry)],
      });
      const stored = await tx.run<{ m: StoredMatch }>('CREATE (m:Match) SET m = $row, m.version = 1 RETURN m {.*} AS m', { row });
      return toRecord(stored.records[0].get('m'));
    });
    return (await withDemo(graph, [created], actorRef, today))[0];
  } catch (error) {
    if (isConstraintViolation(error)) throw new ConflictError('this pair was recorded by another request at the same moment; reload and retry');
    throw error;
  }
}

export interface TransitionOptions {
  /** The version the client read (`If-Match`); absent, the change applies to whatever is stored. */
  ifVersion?: number;
  /**
   * Runs inside the transaction, after the match is locked and before it becomes agreed: throwing
   * refuses the agreement and writes nothing (the resource engine checks the offer's capacity here).
   */
  beforeAgree?: (tx: ManagedTransaction, match: ParsedMatch) => Promise<void>;
  now?: Date;
  /** The district's calendar day, for `overdue` in the answer. */
  today: string;
}

/**
 * Moves a match along its lifecycle and appends to its audit trail, and/or sets its due date (a due
 * date alone changes no status and adds no history entry). The node is write-locked before its status
 * is read, so two concurrent changes cannot both pass the check; only the owner or an admin may change it.
 */
export async function transitionMatch(
  graph: Graph,
  id: string,
  change: MatchTransitionRequest,
  actorRef: ActorRef,
  options: TransitionOptions,
): Promise<MatchRecord> {
  const actor = asActor(actorRef).name;
  const updated = await graph.write(async (tx) => {
    const locked = await tx.run<{ m: StoredMatch }>('MATCH (m:Match {id: $id}) SET m._lock = true RETURN m {.*} AS m', { id });
    if (locked.records.length === 0) throw new NotFoundError('match', id);
    const current = toRecord(locked.records[0].get('m'));
    assertMayChange(actorRef, current.createdBy, `match "${id}"`);
    assertVersion(options.ifVersion, current.version, `match "${id}"`);
    const from = current.status;
    const to = change.status ?? from;
    if (change.status !== undefined) assertTransition(id, from, change.status);
    if (change.status === 'agreed') await options.beforeAgree?.(tx, current);
    const at = (options.now ?? new Date()).toISOString();
    const entries = change.status === undefined ? [] : [JSON.stringify({ from, to, actor, at, note: change.note ?? null } satisfies MatchHistoryEntry)];
    const dueDate = change.dueDate === undefined ? current.dueDate : change.dueDate;
    const moved = await tx.run<{ m: StoredMatch }>(
      `MATCH (m:Match {id: $id}) REMOVE m._lock
       SET m.status = $to, m.dueDate = $dueDate, m.updatedAt = $at, m.history = m.history + $entries, m.version = $version RETURN m {.*} AS m`,
      { id, to, dueDate, at, entries, version: neo4j.int(current.version + 1) },
    );
    return toRecord(moved.records[0].get('m'));
  });
  return (await withDemo(graph, [updated], actorRef, options.today))[0];
}

/** One match; `viewer` (the reading key's identity, none without a key) decides whether owner and notes are shown. */
export async function getMatch(graph: Graph, id: string, today: string, viewer?: ActorRef): Promise<MatchRecord> {
  const [row] = await graph.query<{ m: StoredMatch }>('MATCH (m:Match {id: $id}) RETURN m {.*} AS m', { id });
  if (!row) throw new NotFoundError('match', id);
  return (await withDemo(graph, [toRecord(row.m)], viewer, today))[0];
}

/**
 * Newest first; the cursor is the (createdAt, id) of the last row of the previous page, joined by a
 * NUL and base64url-encoded. Every string decodes to some position, so the cursor's pattern in the
 * contract is exact: a well-formed cursor is never refused, it only pages from where it points.
 */
function decodeCursor(cursor: string): [string, string] {
  const [at, id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('\u0000');
  return [at, id];
}

const encodeCursor = (m: MatchRecord) => Buffer.from(`${m.createdAt}\u0000${m.id}`, 'utf8').toString('base64url');

/**
 * `today` is the district's calendar day: `overdue: 'true'` keeps the open matches due before it (the
 * same rule as tracking/overdue.ts isOverdue, in the query so that pages stay full).
 */
export async function listMatches(
  graph: Graph,
  query: Omit<ListMatchesQuery, 'format'>,
  today: string,
  viewer?: ActorRef,
): Promise<{ items: MatchRecord[]; nextCursor: string | null }> {
  const [afterAt, afterId] = query.cursor ? decodeCursor(query.cursor) : [null, null];
  const overdueBefore = query.overdue === 'true' ? today : null;
  const rows = await graph.query<{ m: StoredMatch }>(
    `MATCH (m:Match)
     WHERE ($status IS NULL OR m.status = $status) AND ($kind IS NULL OR m.kind = $kind) AND ($chainId IS NULL OR m.chainId = $chainId)
       AND ($overdueBefore IS NULL OR (m.status IN $open AND m.dueDate < $overdueBefore))
       AND ($afterAt IS NULL OR m.createdAt < $afterAt OR (m.createdAt = $afterAt AND m.id < $afterId))
     RETURN m {.*} AS m ORDER BY m.createdAt DESC, m.id DESC LIMIT $limit`,
    {
      status: query.status ?? null,
      kind: query.kind ?? null,
      chainId: query.chainId ?? null,
      overdueBefore,
      open: openStatuses,
      afterAt,
      afterId,
      limit: neo4j.int(query.limit + 1),
    },
  );
  const items = await withDemo(
    graph,
    rows.slice(0, query.limit).map((r) => toRecord(r.m)),
    viewer,
    today,
  );
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1]) : null };
}

/** Status and signal values of every match (of one kind), for acceptance statistics. */
export async function matchOutcomes(graph: Graph, kind?: string): Promise<MatchOutcome[]> {
  const rows = await graph.query<{ kind: string; status: MatchStatus; explanation: string }>(
    'MATCH (m:Match) WHERE $kind IS NULL OR m.kind = $kind RETURN m.kind AS kind, m.status AS status, m.explanation AS explanation ORDER BY m.createdAt, m.id',
    { kind: kind ?? null },
  );
  return rows.map((r) => {
    const explanation = JSON.parse(r.explanation) as Partial<MatchRecord['explanation']>;
    return { kind: r.kind, status: r.status, signals: (explanation.signals ?? []).map((s) => ({ signal: s.signal, value: s.value, weight: s.weight })) };
  });
}

/** Units of each offer taken by agreed resource matches, and units each demand already received. */
export async function agreedResourceUnits(graph: Graph): Promise<{ byOffer: Map<string, number>; byDemand: Map<string, number> }> {
  const rows = await graph.query<{ subjectId: string; candidateId: string; units: number }>(
    "MATCH (m:Match {status: 'agreed'}) WHERE m.kind = 'resource' RETURN m.subjectId AS subjectId, m.candidateId AS candidateId, coalesce(m.units, 1) AS units",
  );
  const byOffer = new Map<string, number>();
  const byDemand = new Map<string, number>();
  for (const r of rows) {
    byOffer.set(r.candidateId, (byOffer.get(r.candidateId) ?? 0) + r.units);
    byDemand.set(r.subjectId, (byDemand.get(r.subjectId) ?? 0) + r.units);
  }
  return { byOffer, byDemand };
}
