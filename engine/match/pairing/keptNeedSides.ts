import type { NeedSide } from './pairSignals.ts';
import type { EnterpriseProfile } from './researchCatalog.ts';

/**
 * What pairing towards enterprises scores, kept for one research catalog, so until the next write: the
 * firms each request retrieves (by unit, or the topics a text stands for, and `localOnly`), and each
 * firm's need side — its profile, need words and partner universities. Asked again, a unit's request
 * reads nothing from Neo4j and cuts no words, unless one of its firms was dropped meanwhile; its first
 * request reads as before. At 100k firms the retrieval of up to 400 firms with their profiles is p50
 * 27–35 ms, and the firms' words were cut anew every request. A kept side also keeps its topic coverage
 * (TopicVocabulary.coverage remembers it per need), which finding each pair's researcher asks again.
 * Both are bounded, least recently used dropped first (config/scoring/pairing.ts reversePairingDefaults):
 * a side holds ~5.7 KB (its words as a Set, its remembered coverage), so 20,000 firms ≈ 115 MB measured
 * at 100k; a retrieval is ≤ 400 ids.
 */
export class KeptNeedSides {
  private readonly sides = new Map<string, NeedSide>();
  // Ids, not sides: a side dropped from `sides` is then held by nothing, so `capacity.firms` bounds the memory.
  private readonly pools = new Map<string, string[]>();

  constructor(
    private readonly capacity: { firms: number; pools: number },
    private readonly build: (profile: EnterpriseProfile) => NeedSide,
  ) {}

  /**
   * The firms `key` retrieves: read by `retrieve` the first time, and again when one of them has been
   * dropped since; a firm already kept is the same side.
   */
  async pool(key: string, retrieve: () => Promise<EnterpriseProfile[]>): Promise<NeedSide[]> {
    const known = touch(this.pools, key)?.map((id) => touch(this.sides, id));
    if (known?.every((side) => side !== undefined)) return known as NeedSide[];
    // Within one catalog a firm's profile does not change, so a kept side stands for the one just read.
    const sides = this.sidesOf(await retrieve());
    keep(
      this.pools,
      key,
      sides.map((s) => s.profile!.id),
      this.capacity.pools,
    );
    return sides;
  }

  /** The sides of firms already read (needPool.ts), each built once while it is kept. */
  sidesOf(profiles: EnterpriseProfile[]): NeedSide[] {
    return profiles.map((p) => touch(this.sides, p.id) ?? keep(this.sides, p.id, this.build(p), this.capacity.firms));
  }

  get size(): { firms: number; pools: number } {
    return { firms: this.sides.size, pools: this.pools.size };
  }
}

/** The value, marked as the most recently used (a Map iterates in insertion order). */
function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  if (value === undefined) return undefined;
  map.delete(key);
  map.set(key, value);
  return value;
}

function keep<V>(map: Map<string, V>, key: string, value: V, capacity: number): V {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= capacity) break;
    map.delete(oldest);
  }
  return value;
}
