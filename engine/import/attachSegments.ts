import { minAttachConfidence } from '../config/scoring.ts';
import type { KnowledgeEngine } from '../knowledgeEngine.ts';
import type { Attachment, ImportProgress } from './tableSpec.ts';

export interface FirmToAttach {
  id: string;
  name: string;
  products: string[];
  description: string;
}

/** Classifications run side by side: each is a full-text query plus a text score over every segment. */
const concurrency = 4;

/**
 * Automatic attachment (挂链) of imported firms that name no segment: the classifier's top
 * suggestion becomes IN_SEGMENT {inferred: true, confidence} when its confidence reaches
 * `minAttachConfidence`; below it the firm stays unattached for a person to decide. Firms of the
 * same import are hidden from the nearest-neighbour vote, so the answer depends on the graph as it
 * was, not on the order of the rows or on a previous run of the same file.
 */
export async function attachSegments(
  knowledge: KnowledgeEngine,
  firms: FirmToAttach[],
  options: { exclude: string[]; onProgress?: ImportProgress },
): Promise<{ attached: (Attachment & { chainId: string })[]; unattached: string[] }> {
  const results: ((Attachment & { chainId: string }) | null)[] = new Array(firms.length).fill(null);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < firms.length) {
      const i = next++;
      const f = firms[i];
      const { items } = await knowledge.classify({ name: f.name, products: f.products, description: f.description }, { limit: 1, excludeFirmIds: options.exclude });
      const top = items[0];
      if (top && top.confidence >= minAttachConfidence) results[i] = { id: f.id, segmentId: top.segmentId, chainId: top.chainId, confidence: top.confidence };
      await options.onProgress?.('attach', ++done, firms.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, firms.length) }, worker));
  return {
    attached: results.filter((r): r is Attachment & { chainId: string } => r !== null),
    unattached: firms.filter((_, i) => results[i] === null).map((f) => f.id),
  };
}
