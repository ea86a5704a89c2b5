import type { Graph } from '../../graph/graph.ts';
import type { NeedSide } from './pairSignals.ts';
import { loadEnterpriseProfiles, type EnterpriseProfile } from './researchCatalog.ts';

/**
 * The need side of the firms pairing towards enterprises scores — each firm's profile, need words and
 * partner universities — kept for one research catalog, so until the next write, for at most `capacity`
 * firms (the least recently scored dropped first). A unit's request scores up to 400 firms; at 100k firms
 * reading their profiles was half the retrieval (p50 27–35 ms with profiles, 13–15 ms for the ids alone),
 * and their words were cut anew every request. Kept sides also keep their topic coverage
 * (TopicVocabulary.coverage remembers it per need), which finding each pair's researcher asks again.
 */
export class KeptNeedSides {
  private readonly kept = new Map<string, NeedSide>();

  constructor(
    private readonly capacity: number,
    private readonly build: (profile: EnterpriseProfile) => NeedSide,
  ) {}

  /** The need sides of these firms, in their order; a firm gone since its id was read is left out. */
  async of(graph: Graph, ids: readonly string[]): Promise<NeedSide[]> {
    const missing = ids.filter((id) => !this.kept.has(id));
    const loaded = new Map((missing.length > 0 ? await loadEnterpriseProfiles(graph, missing) : []).map((p) => [p.id, this.build(p)]));
    const sides: NeedSide[] = [];
    for (const id of ids) {
      const side = this.kept.get(id) ?? loaded.get(id);
      if (!side) continue;
      // Map order is insertion order: re-inserting marks the firm as the most recently scored.
      this.kept.delete(id);
      this.kept.set(id, side);
      sides.push(side);
    }
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
    }
    return sides;
  }

  get size(): number {
    return this.kept.size;
  }
}
