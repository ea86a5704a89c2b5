import { reviewSuggestions, type ReviewEntry } from '../classify/reviewEntry.ts';
import type { Attachment, ImportKnowledge, ImportProgress } from './tableSpec.ts';

export interface FirmToAttach {
  id: string;
  name: string;
  products: string[];
  description: string;
}

/** Classifications run side by side: each is a full-text query plus a text score over every segment. */
const concurrency = 4;

/**
 * Automatic attachment (挂链) of imported firms that name no segment, by the classifier's decision on
 * its top suggestion (thresholds in config/attachment.ts): `attach` becomes IN_SEGMENT {inferred:
 * true, confidence}; `review` puts the firm in the review queue with its top suggestions and their
 * evidence, for a person to decide; `reject` leaves it unattached. Nothing below the attach
 * threshold is written as an attachment. Firms of the same import are hidden from the classifier's
 * training and neighbour vote, so the answer depends on the graph as it was, not on the order of the
 * rows or on a previous run of the same file.
 */
export async function attachSegments(
  knowledge: Pick<ImportKnowledge, 'classify'>,
  firms: FirmToAttach[],
  options: { exclude: string[]; onProgress?: ImportProgress },
): Promise<{ attached: (Attachment & { chainId: string })[]; review: ReviewEntry[]; unattached: string[] }> {
  const attached: ((Attachment & { chainId: string }) | null)[] = new Array(firms.length).fill(null);
  const review: (ReviewEntry | null)[] = new Array(firms.length).fill(null);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < firms.length) {
      const i = next++;
      const f = firms[i];
      // Three suggestions: the top one decides, the others are shown to the person reviewing it.
      const { items } = await knowledge.classify(
        { name: f.name, products: f.products, description: f.description },
        { limit: 3, excludeFirmIds: options.exclude },
      );
      const top = items[0];
      if (top?.decision === 'attach') attached[i] = { id: f.id, segmentId: top.segmentId, chainId: top.chainId, confidence: top.confidence };
      else if (top?.decision === 'review') review[i] = { firmId: f.id, suggestions: reviewSuggestions(items) };
      await options.onProgress?.('attach', ++done, firms.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, firms.length) }, worker));
  return {
    attached: attached.filter((r): r is Attachment & { chainId: string } => r !== null),
    review: review.filter((r): r is ReviewEntry => r !== null),
    unattached: firms.filter((_, i) => attached[i] === null).map((f) => f.id),
  };
}
