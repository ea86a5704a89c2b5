import type { Demand, Offer, ResourceKind, UnmetDemand } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { fmtList, fmtNumber } from '../ui/format.ts';

export const resourceKinds: readonly ResourceKind[] = ['site', 'land', 'loan', 'equipment', 'talent', 'service', 'policy'];

type DemandTerms = Pick<
  Demand,
  | 'kind'
  | 'minAreaM2'
  | 'idealAreaM2'
  | 'minFloorLoadKnM2'
  | 'requiredCertifications'
  | 'maxPrice'
  | 'amountWan'
  | 'maxRatePct'
  | 'minTermMonths'
  | 'parkAllowList'
  | 'neededFrom'
  | 'neededUntil'
  | 'quantity'
>;
type OfferTerms = Pick<
  Offer,
  'kind' | 'areaM2' | 'floorLoadKnM2' | 'certifications' | 'price' | 'amountWan' | 'ratePct' | 'termMonths' | 'availableFrom' | 'availableUntil' | 'capacity'
>;

/** The unit a price is quoted in, by kind (元/m²/月 for sites, 万元/亩 for land, 万元 otherwise). */
export function priceUnit(kind: ResourceKind): string {
  return kind === 'site' ? t('unit.yuanPerM2Month') : kind === 'land' ? t('unit.wanPerMu') : t('unit.wan');
}

const area = (m2: number) => t('unit.m2', { value: fmtNumber(m2, 0) });

/** A demand's hard terms in words, most telling first: what an offer must meet. */
export function demandTerms(d: DemandTerms): string[] {
  const parts: string[] = [];
  if (d.minAreaM2 !== null)
    parts.push(t('terms.minArea', { value: area(d.minAreaM2) }) + (d.idealAreaM2 !== null ? t('terms.ideal', { value: area(d.idealAreaM2) }) : ''));
  if (d.minFloorLoadKnM2 !== null) parts.push(t('terms.minLoad', { value: fmtNumber(d.minFloorLoadKnM2, 1) }));
  if (d.amountWan !== null) parts.push(t('terms.amount', { value: fmtNumber(d.amountWan, 0) }));
  if (d.maxRatePct !== null) parts.push(t('terms.maxRate', { value: fmtNumber(d.maxRatePct, 2) }));
  if (d.minTermMonths !== null) parts.push(t('terms.minTerm', { value: d.minTermMonths }));
  if (d.maxPrice !== null) parts.push(t('terms.maxPrice', { value: fmtNumber(d.maxPrice, 2), unit: priceUnit(d.kind) }));
  if (d.requiredCertifications.length > 0) parts.push(t('terms.certs', { value: fmtList(d.requiredCertifications) }));
  if (d.parkAllowList.length > 0) parts.push(t('terms.parks', { n: d.parkAllowList.length }));
  if (d.quantity > 1) parts.push(t('terms.quantity', { n: d.quantity }));
  if (d.neededFrom)
    parts.push(d.neededUntil ? t('terms.neededRange', { from: d.neededFrom, until: d.neededUntil }) : t('terms.neededFrom', { from: d.neededFrom }));
  return parts;
}

/** An offer's terms in words. */
export function offerTerms(o: OfferTerms): string[] {
  const parts: string[] = [];
  if (o.areaM2 !== null) parts.push(t('terms.area', { value: area(o.areaM2) }));
  if (o.floorLoadKnM2 !== null) parts.push(t('terms.load', { value: fmtNumber(o.floorLoadKnM2, 1) }));
  if (o.amountWan !== null) parts.push(t('terms.amount', { value: fmtNumber(o.amountWan, 0) }));
  if (o.ratePct !== null) parts.push(t('terms.rate', { value: fmtNumber(o.ratePct, 2) }));
  if (o.termMonths !== null) parts.push(t('terms.term', { value: o.termMonths }));
  if (o.price !== null) parts.push(t('terms.price', { value: fmtNumber(o.price, 2), unit: priceUnit(o.kind) }));
  if (o.certifications.length > 0) parts.push(t('terms.certs', { value: fmtList(o.certifications) }));
  if (o.capacity > 1) parts.push(t('terms.capacity', { n: o.capacity }));
  if (o.availableFrom)
    parts.push(
      o.availableUntil ? t('terms.availableRange', { from: o.availableFrom, until: o.availableUntil }) : t('terms.availableFrom', { from: o.availableFrom }),
    );
  return parts;
}

/**
 * The constraints that stand between an unmet demand and every offer, in words: those that exclude
 * every same-kind offer on their own first (`excludedEveryOffer`), then the biggest excluders.
 */
export function blockingConstraints(
  u: Pick<UnmetDemand, 'excludedEveryOffer' | 'excludedBy' | 'sameKindOffers'>,
): { constraint: string; label: string; offers: number; excludesAll: boolean }[] {
  const every = new Set<string>(u.excludedEveryOffer);
  const rows = u.excludedBy
    .filter((x) => x.constraint !== 'kind' || u.sameKindOffers === 0)
    .map((x) => ({ constraint: x.constraint as string, label: tData('constraint', x.constraint), offers: x.offers, excludesAll: every.has(x.constraint) }));
  for (const c of every)
    if (!rows.some((r) => r.constraint === c)) rows.push({ constraint: c, label: tData('constraint', c), offers: u.sameKindOffers, excludesAll: true });
  return rows.sort((a, b) => Number(b.excludesAll) - Number(a.excludesAll) || b.offers - a.offers);
}
