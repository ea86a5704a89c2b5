import { constraintLabels, hardConstraints, violations, type HardConstraint } from './hardConstraints.ts';
import { resourceKindLabels, type DemandContext, type OfferContext } from './resourceTypes.ts';

/** A demand that no open offer can meet, and which hard constraints stood in the way (the 招商 and policy signal). */
export interface UnmetDemand {
  demandId: string;
  title: string;
  kind: string;
  owner: { id: string; name: string; label: string };
  /** Open offers of any kind; `sameKindOffers` of the demand's kind. */
  offersConsidered: number;
  sameKindOffers: number;
  /** Per constraint, how many offers it excludes (an offer can break several), most first. Offers of another kind count under `kind` only. */
  excludedBy: { constraint: ExcludingRule; label: string; offers: number }[];
  /**
   * Constraints that each, on their own, exclude every offer of the demand's kind (`kind` when there
   * is none); `declined` when hard constraints left some offers but somebody declined every one of those pairs.
   */
  excludedEveryOffer: ExcludingRule[];
  reason: string;
}

/** A hard constraint, or `declined`: the pair was declined before and is not proposed again (docs/resources.md §6). */
export type ExcludingRule = HardConstraint | 'declined';
const ruleLabels: Record<ExcludingRule, string> = { ...constraintLabels, declined: '配对均曾被放弃' };

/** A demand whose every feasible offer was declined before: as infeasible as one no offer can meet, and says so. */
export function declinedDemand(d: DemandContext, declinedOffers: number, sameKindOffers: number, offersConsidered: number): UnmetDemand {
  return {
    demandId: d.demand.id, title: d.demand.title, kind: d.demand.kind, owner: { id: d.owner.id, name: d.owner.name, label: d.owner.label },
    offersConsidered, sameKindOffers, excludedBy: [{ constraint: 'declined', label: ruleLabels.declined, offers: declinedOffers }], excludedEveryOffer: ['declined'],
    reason: `满足硬约束的 ${declinedOffers} 个供给与它的配对都曾被放弃（请求中设 includeDeclined 可重新考虑）`,
  };
}

/** Counts, for one demand, the offers each hard constraint excludes. Only called for demands with no feasible offer. */
export function diagnoseDemand(d: DemandContext, sameKind: OfferContext[], otherKindOffers: number): UnmetDemand {
  const counts = new Array<number>(hardConstraints.length).fill(0);
  let every = sameKind.length > 0 ? -1 : 0;
  for (const o of sameKind) {
    const mask = violations(d, o);
    every &= mask;
    for (let i = 0; i < hardConstraints.length; i++) if (mask & (1 << i)) counts[i]++;
  }
  counts[0] += otherKindOffers;
  const excludedBy = hardConstraints
    .map((c, i) => ({ constraint: c.name as HardConstraint, label: c.label as string, offers: counts[i] }))
    .filter((x) => x.offers > 0)
    .sort((a, b) => b.offers - a.offers);
  const excludedEveryOffer: HardConstraint[] = sameKind.length === 0 ? ['kind'] : hardConstraints.filter((_, i) => every & (1 << i)).map((c) => c.name);
  return {
    demandId: d.demand.id,
    title: d.demand.title,
    kind: d.demand.kind,
    owner: { id: d.owner.id, name: d.owner.name, label: d.owner.label },
    offersConsidered: sameKind.length + otherKindOffers,
    sameKindOffers: sameKind.length,
    excludedBy,
    excludedEveryOffer,
    reason: unmetReason(d.demand.kind, sameKind.length, excludedBy, excludedEveryOffer),
  };
}

function unmetReason(kind: string, sameKind: number, excludedBy: UnmetDemand['excludedBy'], every: ExcludingRule[]): string {
  const kindLabel = resourceKindLabels[kind as keyof typeof resourceKindLabels] ?? kind;
  if (sameKind === 0) return `当前没有开放的${kindLabel}供给`;
  if (every.length > 0) return `全部 ${sameKind} 个${kindLabel}供给均因「${every.map((c) => ruleLabels[c]).join('」「')}」被排除`;
  const top = excludedBy.filter((x) => x.constraint !== 'kind').slice(0, 3).map((x) => `${x.label} ${x.offers} 个`).join('，');
  return `没有单一约束排除全部 ${sameKind} 个${kindLabel}供给，但组合后无一满足（${top}）`;
}

/** How many unmet demands each constraint blocks on its own, most first: where supply is short. */
export function blockingSummary(unmet: UnmetDemand[]): { constraint: ExcludingRule; label: string; demands: number }[] {
  const counts = new Map<ExcludingRule, number>();
  for (const u of unmet) for (const c of u.excludedEveryOffer) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([constraint, demands]) => ({ constraint, label: ruleLabels[constraint], demands })).sort((a, b) => b.demands - a.demands);
}
