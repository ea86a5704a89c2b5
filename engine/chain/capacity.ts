import { capacityModel } from '../config/scoring.ts';

/** Tier tags that make a firm's capacity count for more (not the ownership tag korean-funded). */
const tierTags = new Set(['listed', 'little-giant', 'high-tech', 'unicorn', 'gazelle', 'smart-factory', 'tech-center']);

/**
 * A firm's capacity in 亿元 of revenue-equivalent: revenue (万元 / 10,000) boosted by 10 % per tier
 * tag. A firm in several segments of a chain splits its capacity equally among them.
 */
export function firmCapacity(firm: { revenueWan: number; tags: string[] }): number {
  const tiers = firm.tags.filter((t) => tierTags.has(t)).length;
  return (firm.revenueWan / 10_000) * (1 + capacityModel.tierBoostPerTag * tiers);
}

export function segmentShareOfCapacity(firm: { revenueWan: number; tags: string[]; segmentIds: string[] }): number {
  return firmCapacity(firm) / Math.max(1, firm.segmentIds.length);
}
