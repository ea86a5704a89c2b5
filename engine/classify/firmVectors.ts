import type { Graph } from '../graph/graph.ts';
import type { TextEmbedder } from '../text/embedder.ts';
import { storePassages, type Passage } from '../text/passageVectors.ts';
import { type RefreshedVectors, VectorRefresh } from '../text/vectorRefresh.ts';
import { loadAttachmentTraining } from './attachmentTraining.ts';
import { embeddingText } from './firmTerms.ts';
import { chainScope } from './segmentAttachment.ts';

/**
 * The embeddings of the firms the attachment classifiers learn from (issue 18: classification by meaning
 * too), kept on the Enterprise nodes (`embedding`, `embeddingHash`: the same store and hash as the matchers'
 * passages) so a restart embeds nothing. Only the scopes classification is asked for are embedded — their
 * training firms (at most attachmentModel.maxFirmsPerSegment a segment) and outsiders — so the work is
 * bounded however large the graph grows, and a real chain imported beside the seed costs its own firms only.
 *
 * Computed in the background: when a scope is first asked for while the dense provider is up, and after
 * every import. Until a firm's vector is stored its scope answers lexically; `onStored` tells the
 * classifiers to retrain (in the background) once new vectors are there.
 */
export class FirmVectors extends VectorRefresh {
  /** The chain scopes asked for (undefined: all chains), by key. */
  private readonly scopes = new Map<string, string[] | undefined>();

  constructor(
    private readonly graph: Graph,
    readonly embedder: TextEmbedder,
    private readonly onStored: () => void,
    log: (line: string) => void = () => {},
  ) {
    super('firm vectors for attachment', log);
  }

  /** A scope classification is asked for: its firms are embedded from now on (at once, if it is new). */
  want(chainIds?: string[]): void {
    const { ids, key } = chainScope(chainIds);
    if (this.scopes.has(key)) return;
    this.scopes.set(key, ids);
    void this.refresh();
  }

  protected async store(): Promise<RefreshedVectors> {
    const byId = new Map<string, Passage>();
    for (const chainIds of this.scopes.values()) for (const p of await scopePassages(this.graph, chainIds)) byId.set(p.id, p);
    const report = await storePassages(this.graph, this.embedder, [...byId.values()]);
    if (report.embedded > 0) this.onStored();
    return { state: 'ready', vectors: byId.size, embedded: report.embedded, ms: report.ms };
  }
}

/** A scope's training firms and outsiders as the classifier embeds them (a passage: its first product lines, else description, else name). */
async function scopePassages(graph: Graph, chainIds: string[] | undefined): Promise<Passage[]> {
  const { firms, outsiders } = await loadAttachmentTraining(graph, chainIds);
  return [...firms, ...outsiders].map((f) => ({ label: 'Enterprise', id: f.id, text: embeddingText(f), role: 'passage' }));
}
