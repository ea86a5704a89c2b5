import { capacityModel, revenueProxies } from '../config/scoring.ts';

/** Tier tags that make a firm's capacity count for more (not the ownership tag korean-funded). */
const tierTags = new Set(['listed', 'little-giant', 'high-tech', 'unicorn', 'gazelle', 'smart-factory', 'tech-center']);

/** What a firm's scale rests on: its revenue, or the proxy it was estimated from. */
export type ScaleBasis = 'revenue' | 'size' | 'employees' | 'registeredCapital' | 'firmCount';
export type ScaleProxy = Exclude<ScaleBasis, 'revenue'>;

/** The proxies in the order they are tried, with the words a reason uses for each. */
export const proxyReasons: Record<ScaleProxy, string> = {
  size: '按企业规模估算',
  employees: '按从业人数估算',
  registeredCapital: '按注册资本估算',
  firmCount: '按企业数量估算',
};
export const proxyOrder = Object.keys(proxyReasons) as ScaleProxy[];

/** The fields a firm's scale is read from; every one but tags may be unknown (null). */
export interface ScaleFacts {
  revenueWan: number | null;
  size: string | null;
  employees: number | null;
  registeredCapitalWan: number | null;
  tags: string[];
}

const known = (x: number | null | undefined): x is number => typeof x === 'number' && x > 0;

/**
 * A firm's annual revenue in 万元: measured, or estimated from the first proxy it has (config:
 * revenueProxies). Revenue 0 counts as unknown: imports before real lists were supported stored a
 * blank as 0, and a firm on a chain with no sales is not an observation to plan on.
 */
export function firmRevenueWan(firm: ScaleFacts): { wan: number; basis: ScaleBasis } {
  if (known(firm.revenueWan)) return { wan: firm.revenueWan, basis: 'revenue' };
  const bySize = firm.size ? revenueProxies.typicalRevenueWanBySize[firm.size] : undefined;
  if (bySize !== undefined) return { wan: bySize, basis: 'size' };
  if (known(firm.employees)) return { wan: firm.employees * revenueProxies.revenueWanPerEmployee, basis: 'employees' };
  if (known(firm.registeredCapitalWan)) return { wan: firm.registeredCapitalWan * revenueProxies.revenuePerRegisteredCapital, basis: 'registeredCapital' };
  return { wan: revenueProxies.typicalFirmRevenueWan, basis: 'firmCount' };
}

/**
 * A firm's capacity in 亿元 of revenue-equivalent: revenue (万元 / 10,000, measured or estimated)
 * boosted by 10 % per tier tag, with what it rests on.
 */
export function firmScale(firm: ScaleFacts): { value: number; basis: ScaleBasis } {
  const { wan, basis } = firmRevenueWan(firm);
  const tiers = firm.tags.filter((t) => tierTags.has(t)).length;
  return { value: (wan / 10_000) * (1 + capacityModel.tierBoostPerTag * tiers), basis };
}

export function firmCapacity(firm: ScaleFacts): number {
  return firmScale(firm).value;
}

/** A firm in several segments of a chain splits its capacity equally among them. */
export function segmentShareOfCapacity(firm: ScaleFacts & { segmentIds: string[] }): number {
  return firmCapacity(firm) / Math.max(1, firm.segmentIds.length);
}
