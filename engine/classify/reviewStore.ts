import neo4j from 'neo4j-driver';
import { ConflictError, InvalidInputError, NotFoundError, UnknownReferenceError } from '../core/errors.ts';
import type { ReviewAction, ReviewDecisionRequest } from '../contracts/attachments.ts';
import type { Graph } from '../graph/graph.ts';
import type { ReviewEntry, ReviewSuggestion } from './reviewEntry.ts';

/**
 * Storage of the attachment review queue (待审挂链), as properties of the Enterprise node itself:
 * `reviewStatus` (pending → confirmed | reassigned | rejected), `reviewSuggestions` (the top
 * suggestions, serialized and bounded by reviewEntry.ts), `reviewQueuedAt`, and who decided what and
 * when. Properties rather than a node of their own: the graph model's label allow-list stays as it
 * is, a firm is queued at most once by construction, and the loader's `SET n += row` keeps them when
 * the firm is imported again. A firm is in the queue while it is pending and in no segment.
 */
export type ReviewStatus = 'pending' | 'confirmed' | 'reassigned' | 'rejected';

export interface QueuedFirm {
  firm: { id: string; name: string };
  queuedAt: string;
  suggestions: ReviewSuggestion[];
}

export interface ReviewOutcome {
  firm: { id: string; name: string };
  action: ReviewAction;
  status: Exclude<ReviewStatus, 'pending'>;
  /** The segment the firm now sits in (null after a rejection). */
  segmentId: string | null;
  decidedBy: string;
  decidedAt: string;
  note: string | null;
}

const statusOf: Record<ReviewAction, ReviewOutcome['status']> = { confirm: 'confirmed', reassign: 'reassigned', reject: 'rejected' };
const actionOf: Record<ReviewOutcome['status'], ReviewAction> = { confirmed: 'confirm', reassigned: 'reassign', rejected: 'reject' };

const inQueue = "e.reviewStatus = 'pending' AND NOT EXISTS { (e)-[:IN_SEGMENT]->() }";

/**
 * Puts firms in the queue, or refreshes their suggestions. Idempotent: the first queuing time is
 * kept, a firm already in a segment is not queued, and a firm a person has decided on stays decided
 * (importing the same file again does not bring a rejected firm back).
 */
export async function queueForReview(graph: Graph, entries: readonly ReviewEntry[], now = new Date()): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = entries.filter((e) => e.suggestions.length > 0).map((e) => ({ firmId: e.firmId, suggestions: JSON.stringify(e.suggestions) }));
  const result = await graph.write((tx) =>
    tx.run<{ id: string }>(
      `UNWIND $rows AS row
       MATCH (e:Enterprise {id: row.firmId})
       WHERE NOT EXISTS { (e)-[:IN_SEGMENT]->() } AND coalesce(e.reviewStatus, 'pending') = 'pending'
       SET e.reviewStatus = 'pending', e.reviewSuggestions = row.suggestions, e.reviewQueuedAt = coalesce(e.reviewQueuedAt, $at)
       RETURN e.id AS id`,
      { rows, at: now.toISOString() },
    ),
  );
  return result.records.map((r) => r.get('id'));
}

/** One page of the queue, oldest first (then by id), and how many firms wait in all. */
export async function listReviewQueue(graph: Graph, offset: number, limit: number): Promise<{ total: number; items: QueuedFirm[] }> {
  const [{ total }] = await graph.query<{ total: number }>(`MATCH (e:Enterprise) WHERE ${inQueue} RETURN count(e) AS total`);
  const rows = await graph.query<{ id: string; name: string; queuedAt: string; suggestions: string }>(
    `MATCH (e:Enterprise) WHERE ${inQueue}
     RETURN e.id AS id, e.name AS name, e.reviewQueuedAt AS queuedAt, e.reviewSuggestions AS suggestions
     ORDER BY queuedAt, id SKIP $offset LIMIT $limit`,
    { offset: neo4j.int(offset), limit: neo4j.int(limit) },
  );
  return {
    total,
    items: rows.map((r) => ({ firm: { id: r.id, name: r.name }, queuedAt: r.queuedAt, suggestions: JSON.parse(r.suggestions) as ReviewSuggestion[] })),
  };
}

interface Locked {
  name: string;
  status: ReviewStatus | null;
  suggestions: string | null;
  segmentId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

/** The segment a decision attaches to, checked against the firm's suggestions or the graph. */
function target(request: ReviewDecisionRequest, suggestions: ReviewSuggestion[]): string | null {
  if (request.action === 'reject') return null;
  if (request.action === 'reassign') return request.segmentId;
  const chosen = request.segmentId ?? suggestions[0]?.segmentId;
  if (!chosen || !suggestions.some((s) => s.segmentId === chosen)) {
    throw new InvalidInputError('not one of the suggestions', [
      { path: 'body.segmentId', message: `"${chosen ?? ''}" is not among this firm's suggestions; use action "reassign" for another segment` },
    ]);
  }
  return chosen;
}

/**
 * Applies a person's decision on a queued firm, in one transaction. Confirm and reassign write a
 * stated (non-inferred) IN_SEGMENT with who and when — that attachment is training data for the
 * classifier from then on; reject leaves the firm unattached. The firm is write-locked before its
 * status is read, so two people deciding at once cannot both pass the check. Repeating the same
 * decision answers the first one again (`changed: false`); a different decision afterwards is a conflict.
 */
export async function decideReview(
  graph: Graph,
  firmId: string,
  request: ReviewDecisionRequest,
  actor: string,
  now = new Date(),
): Promise<ReviewOutcome & { changed: boolean }> {
  return graph.write(async (tx) => {
    const locked = await tx.run<Locked>(
      `MATCH (e:Enterprise {id: $firmId}) SET e._lock = true
       RETURN e.name AS name, e.reviewStatus AS status, e.reviewSuggestions AS suggestions, e.reviewSegmentId AS segmentId,
              e.reviewDecidedBy AS decidedBy, e.reviewDecidedAt AS decidedAt, e.reviewNote AS note`,
      { firmId },
    );
    if (locked.records.length === 0) throw new NotFoundError('enterprise', firmId);
    const firm = locked.records[0].toObject();
    if (!firm.status) throw new NotFoundError('review queue entry of enterprise', firmId);
    const suggestions = JSON.parse(firm.suggestions ?? '[]') as ReviewSuggestion[];
    const segmentId = target(request, suggestions);

    if (firm.status !== 'pending') {
      const previous: ReviewOutcome = {
        firm: { id: firmId, name: firm.name },
        action: actionOf[firm.status],
        status: firm.status,
        segmentId: firm.segmentId,
        decidedBy: firm.decidedBy ?? '',
        decidedAt: firm.decidedAt ?? '',
        note: firm.note,
      };
      if (previous.status !== statusOf[request.action] || previous.segmentId !== segmentId) {
        throw new ConflictError(
          `enterprise "${firmId}" was already ${previous.status}${previous.segmentId ? ` to ${previous.segmentId}` : ''} by ${previous.decidedBy} at ${previous.decidedAt}`,
        );
      }
      await tx.run('MATCH (e:Enterprise {id: $firmId}) REMOVE e._lock', { firmId });
      return { ...previous, changed: false };
    }

    if (segmentId) {
      const found = await tx.run('MATCH (s:Segment {id: $segmentId}) RETURN s.id AS id', { segmentId });
      if (found.records.length === 0)
        throw new UnknownReferenceError('unknown segment', [{ path: 'body.segmentId', message: `no Segment with id "${segmentId}"` }]);
    }
    const decidedAt = now.toISOString();
    const note = request.note || null;
    await tx.run(
      `MATCH (e:Enterprise {id: $firmId}) REMOVE e._lock
       SET e.reviewStatus = $status, e.reviewSegmentId = $segmentId, e.reviewDecidedBy = $actor, e.reviewDecidedAt = $at, e.reviewNote = $note
       WITH e
       OPTIONAL MATCH (s:Segment {id: $segmentId})
       FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END |
         MERGE (e)-[r:IN_SEGMENT]->(s)
         SET r.inferred = false, r.confidence = 1.0, r.confirmedBy = $actor, r.confirmedAt = $at, r.suggestedConfidence = $suggested)`,
      {
        firmId,
        segmentId,
        actor,
        at: decidedAt,
        note,
        status: statusOf[request.action],
        // The classifier's probability for the chosen segment, kept beside the answer (null when it was not suggested).
        suggested: suggestions.find((s) => s.segmentId === segmentId)?.confidence ?? null,
      },
    );
    return {
      firm: { id: firmId, name: firm.name },
      action: request.action,
      status: statusOf[request.action],
      segmentId,
      decidedBy: actor,
      decidedAt,
      note,
      changed: true,
    };
  });
}
