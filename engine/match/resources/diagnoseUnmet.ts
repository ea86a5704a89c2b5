import { hardConstraints, violations, type HardConstraint } from './hardConstraints.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';
import type { Message } from '../../contracts/messages/message.ts';
import { joinMessages, say, zhWords } from '../../i18n/say.ts';

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
  /** `reason` as a catalogue message, to render in the user's language. */
  reasonParts: Message[];
}

/** A hard constraint, or `declined`: the pair was declined before and is not proposed again (docs/resources.md §6). */
export type ExcludingRule = HardConstraint | 'declined';
const ruleLabels = zhWords.rules as Record<ExcludingRule, string>;

/** A demand whose every feasible offer was declined before: as infeasible as one no offer can meet, and says so. */
export function declinedDemand(d: DemandContext, declinedOffers: number, sameKindOffers: number, offersConsidered: number): UnmetDemand {
  return {
    demandId: d.demand.id,
    title: d.demand.title,
    kind: d.demand.kind,
    owner: { id: d.owner.id, name: d.owner.name, label: d.owner.label },
    offersConsidered,
    sameKindOffers,
    excludedBy: [{ constraint: 'declined', label: ruleLabels.declined, offers: declinedOffers }],
    excludedEveryOffer: ['declined'],
    ...unmetReason(say('unmet.declined', { count: declinedOffers })),
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
    ...unmetReason(unmetMessage(d.demand.kind, sameKind.length, excludedBy, excludedEveryOffer)),
  };
}

const unmetReason = (m: Message) => ({ reason: joinMessages([m]), reasonParts: [m] });

function unmetMessage(resourceKind: string, sameKind: number, excludedBy: UnmetDemand['excludedBy'], every: ExcludingRule[]): Message {
  if (sameKind === 0) return say('unmet.noOffer', { resourceKind });
  if (every.length > 0) return say('unmet.everyExcluded', { count: sameKind, resourceKind, rules: every });
  const top = excludedBy
    .filter((x) => x.constraint !== 'kind')
    .slice(0, 3)
    .map((x) => `${x.label} ${x.offers} 个`);
  return say('unmet.combined', { count: sameKind, resourceKind, top });
}

/** How many unmet demands each constraint blocks on its own, most first: where supply is short. */
export function blockingSummary(unmet: UnmetDemand[]): { constraint: ExcludingRule; label: string; demands: number }[] {
  const counts = new Map<ExcludingRule, number>();
  for (const u of unmet) for (const c of u.excludedEveryOffer) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([constraint, demands]) => ({ constraint, label: ruleLabels[constraint], demands })).sort((a, b) => b.demands - a.demands);
}
