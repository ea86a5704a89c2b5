/** Resource supply–demand matching: soft signal weights and values, list sizes and quantity capacities. */

/**
 * Resource supply–demand matching (docs/design.md §4, docs/resources.md). Hard constraints are not weighed:
 * they are predicates in engine/match/resources/hardConstraints.ts. These weigh the soft preferences.
 */
export const resourceWeights = {
  /** Closeness to the ideal area (sites, land) or how much of a loan product's ceiling the ask uses. */
  size: 0.25,
  /** Below the demand's ceiling: price (sites, land, equipment, services) or rate (loans). */
  price: 0.2,
  /** Same park as the demanding organisation 1, same sector 0.6. */
  location: 0.15,
  /** Supply-chain proximity: the offerer trades with the firm, hosts its trade partners, or shares one. */
  proximity: 0.15,
  /** Tier of the offerer (an enterprise's tier tags; a fixed value for parks and universities). */
  tier: 0.1,
  /** An introduction channel: shared alliance, paired party organisations, past cooperation. */
  channel: 0.15,
};

export const resourceSignalValues = {
  /** What a signal scores when the demand states no preference or the offer cannot be compared on it. */
  neutral: 0.5,
  /** With only a minimum area stated, the ideal is taken as this multiple of it. */
  idealOverMinArea: 1.25,
  /** The price signal at the ceiling (free scores 1): `1 − priceAtCeiling·price/ceiling` … */
  priceAtCeilingDrop: 0.5,
  /** … with this rate ceiling (%) for loan demands that state none. */
  referenceMaxRatePct: 6,
  samePark: 1,
  sameSector: 0.6,
  /** Proximity: the offerer already trades with the demanding firm / the offering park hosts its trade partners / they share a trade partner. */
  directTie: 1,
  partnersInPark: 0.6,
  sharedPartner: 0.5,
  /** Channel: shared alliance / paired party organisations / past cooperation (with the unit or its university). */
  alliance: 1,
  pairedPartyOrg: 0.9,
  cooperation: 0.7,
  /** A park offers its own resources directly: no introduction is needed, nor is one evidence of fit. */
  parkChannel: 0.5,
  /** Tier of offerers without tier tags. */
  ownerTier: { Park: 0.6, University: 0.7, ResearchUnit: 0.6 } as Record<string, number>,
};

export const resourceDefaults = { limit: 10, maxLimit: 100 };

/**
 * Quantity capacities of offers (docs/resources.md §4.1), beside the count capacity (`capacity`:
 * demands served at once). Per kind: the offer attribute that holds the quantity, the demand
 * attribute that one unit of demand takes of it, and the unit. `perCountUnit`: the offer's figure is
 * a per-borrower ceiling, so what the offer holds in all is figure × capacity (a 2,000 万元 科技贷 for
 * 10 firms lends up to 20,000 万元); otherwise the figure is the whole (a 4,900 m² building shared by
 * 2 tenants holds 4,900 m², not 9,800). A demand takes its stated minimum (`minAreaM2`: the ideal
 * area is a preference, the minimum is what it must get) or its ask (`amountWan`). Kinds not listed
 * (equipment, talent — headcount/seats —, services) have only the count capacity.
 */
export const resourceCapacities = {
  site: { offer: 'areaM2', demand: 'minAreaM2', unit: 'm²', perCountUnit: false },
  land: { offer: 'areaM2', demand: 'minAreaM2', unit: 'm²', perCountUnit: false },
  loan: { offer: 'amountWan', demand: 'amountWan', unit: '万元', perCountUnit: true },
  policy: { offer: 'amountWan', demand: 'amountWan', unit: '万元', perCountUnit: true },
} as const;
