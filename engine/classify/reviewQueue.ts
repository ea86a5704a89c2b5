import type { ReviewDecisionRequest, ReviewListQuery } from '../contracts/attachments.ts';
import type { Graph } from '../graph/graph.ts';
import { decodeCursor, encodeCursor } from '../search/cursor.ts';
import type { ReviewEntry } from './reviewEntry.ts';
import { decideReview, listReviewQueue, queueForReview, type QueuedFirm, type ReviewOutcome } from './reviewStore.ts';

export interface ReviewPage {
  items: QueuedFirm[];
  /** Firms waiting in all (not only on this page). */
  total: number;
  nextCursor: string | null;
}

/**
 * The attachment review queue (待审挂链, docs/design.md §6): firms whose best segment the classifier would
 * only suggest (`decision: review`) wait here for a person, who confirms, reassigns or rejects.
 * `dependents` are the caches built from segment membership (the classifier's model, chain
 * snapshots): a person's attachment changes them, so they are invalidated after it.
 */
export class ReviewQueue {
  constructor(
    readonly graph: Graph,
    private readonly dependents: readonly { invalidate(): void }[] = [],
  ) {}

  async list(query: ReviewListQuery): Promise<ReviewPage> {
    const offset = decodeCursor(query.cursor);
    const { total, items } = await listReviewQueue(this.graph, offset, query.limit);
    return { items, total, nextCursor: offset + items.length < total ? encodeCursor(offset + items.length) : null };
  }

  /** Queues (or refreshes) firms; returns the ids now waiting. */
  queue(entries: readonly ReviewEntry[]): Promise<string[]> {
    return queueForReview(this.graph, entries);
  }

  async decide(firmId: string, request: ReviewDecisionRequest, actor: string): Promise<ReviewOutcome> {
    const { changed, ...outcome } = await decideReview(this.graph, firmId, request, actor);
    if (changed && outcome.segmentId) for (const d of this.dependents) d.invalidate();
    return outcome;
  }
}
