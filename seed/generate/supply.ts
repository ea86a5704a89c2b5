import { plantedGaps } from './plantedGaps.ts';
import type { Firm, World } from './world.ts';

/**
 * SUPPLIES ties along the chain's FEEDS edges: each local firm of a downstream segment buys from one
 * to three firms of each upstream segment feeding it, preferring local suppliers when there are any.
 * A dominant segment's large firm supplies nearly every local buyer (the planted single-supplier
 * risk); a missing segment's buyers can only buy from outside (the planted outside dependence).
 */
export function addSupplyTies(world: World): void {
  const { random } = world;
  const bySegment = new Map<string, { local: Firm[]; outside: Firm[] }>();
  for (const f of world.firms) {
    if (f.kind !== 'industrial' || f.intermediary) continue;
    for (const s of f.segmentIds) {
      const entry = bySegment.get(s) ?? bySegment.set(s, { local: [], outside: [] }).get(s)!;
      (f.local ? entry.local : entry.outside).push(f);
    }
  }
  const dominant = new Set(Object.values(plantedGaps).flatMap((p) => p.dominant));
  const supply = (from: Firm, to: Firm, sharePct: number) => {
    if (from.id !== to.id) world.g.rel('SUPPLIES', 'Enterprise', from.id, 'Enterprise', to.id, { sharePct });
  };

  for (const t of world.templates) {
    for (const [upstream, downstream] of t.feeds) {
      const sellers = bySegment.get(upstream);
      const buyers = bySegment.get(downstream)?.local ?? [];
      if (!sellers) continue;
      for (const buyer of buyers) {
        if (!random.chance(0.7)) continue;
        if (dominant.has(upstream) && sellers.local.length > 0) {
          const big = sellers.local.reduce((a, b) => (a.revenueWan >= b.revenueWan ? a : b));
          supply(big, buyer, random.int(70, 95));
          continue;
        }
        for (let k = random.int(1, 3); k > 0; k--) {
          const local = sellers.local.length > 0 && random.chance(0.65);
          const pool = local ? sellers.local : sellers.outside;
          if (pool.length > 0) supply(random.pick(pool), buyer, random.int(10, 80));
        }
      }
    }
  }
  // Local firms also sell out of the district (the candidate pool buys from them).
  for (const t of world.templates) {
    for (const [upstream, downstream] of t.feeds) {
      const sellers = bySegment.get(upstream)?.local ?? [];
      const buyers = bySegment.get(downstream)?.outside ?? [];
      for (const seller of sellers) {
        if (buyers.length > 0 && random.chance(0.25)) supply(seller, random.pick(buyers), random.int(5, 40));
      }
    }
  }
}

/** Every firm's segment and product memberships. */
export function addMemberships(world: World): void {
  for (const f of world.firms) {
    for (const s of f.segmentIds) world.g.rel('IN_SEGMENT', 'Enterprise', f.id, 'Segment', s, { inferred: false, confidence: 1 });
    for (const p of f.productIds) world.g.rel('MAKES', 'Enterprise', f.id, 'Product', p);
  }
}
