import { resourceCapacities } from '../../config/scoring.ts';
import type { DemandRecord, OfferRecord } from './resourceTypes.ts';

type Rule = (typeof resourceCapacities)[keyof typeof resourceCapacities];
const ruleOf = (kind: string): Rule | undefined => resourceCapacities[kind as keyof typeof resourceCapacities];

/**
 * What one unit of a demand takes of an offer's quantity capacity (m² or 万元; docs/resources.md
 * §4.1): a site demand of 4,400 m² takes 4,400 m² of a 4,900 m² building. 0 for kinds with a count
 * capacity only, or when the demand states no quantity.
 */
export function demandSize(d: Pick<DemandRecord, 'kind' | 'minAreaM2' | 'amountWan'>): number {
  const rule = ruleOf(d.kind);
  return rule ? (d[rule.demand] ?? 0) : 0;
}

/** The quantity an offer holds in all (its figure, × capacity for per-borrower ceilings), or null when its kind has a count capacity only. */
export function offerSizeCapacity(o: Pick<OfferRecord, 'kind' | 'areaM2' | 'amountWan' | 'capacity'>): number | null {
  const rule = ruleOf(o.kind);
  if (!rule) return null;
  const figure = o[rule.offer];
  if (figure === null) return null;
  return rule.perCountUnit ? figure * o.capacity : figure;
}

/** The unit a kind's quantity capacity is measured in (m², 万元), or null. */
export function sizeUnit(kind: string): string | null {
  return ruleOf(kind)?.unit ?? null;
}
