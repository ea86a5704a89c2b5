/**
 * The resource matcher's names and words that the API's contract and the message catalogue show: the hard
 * constraints (names, Chinese labels, rules) and the resource kinds' labels. Apart from the code that
 * tests the constraints (match/resources/hardConstraints.ts), so the contract (responses/resources.ts)
 * and the catalogue (engine/i18n/say.ts) read them without importing match/ — both once closed a folder
 * cycle through it (engine/dependencyDirection.test.ts).
 *
 * Hard constraints of resource matching (docs/design.md §4: "never violated"). An offer that breaks any of
 * them is not a candidate, whatever its score; each one is a named bit so callers can say WHICH
 * constraint excluded an offer (docs/resources.md §1 states each rule).
 */
import type { z } from 'zod';
import type { resourceKindSchema } from '../model/nodes.ts';

export const hardConstraints = [
  { name: 'kind', label: '资源类型不符', rule: 'offer.kind = demand.kind' },
  {
    name: 'capacity',
    label: '已无剩余容量',
    rule: 'offer capacity − agreed units ≥ 1, and its quantity (m², 万元) less what agreed matches took ≥ what the demand takes (when the whole quantity would be enough)',
  },
  { name: 'sameOwner', label: '供需同属一方', rule: 'the offerer is not the demanding organisation' },
  { name: 'certification', label: '资质认证不满足', rule: 'demand.requiredCertifications ⊆ offer.certifications' },
  { name: 'area', label: '面积不足', rule: 'offer.areaM2 ≥ demand.minAreaM2 (an offer without an area fails)' },
  { name: 'floorLoad', label: '楼面荷载不足', rule: 'offer.floorLoadKnM2 ≥ demand.minFloorLoadKnM2 (unknown fails)' },
  { name: 'price', label: '价格超出上限', rule: 'offer.price ≤ demand.maxPrice (an offer without a price passes)' },
  { name: 'amount', label: '额度不足', rule: 'offer.amountWan ≥ demand.amountWan (unknown fails)' },
  { name: 'rate', label: '利率超出上限', rule: 'offer.ratePct ≤ demand.maxRatePct (unknown fails)' },
  { name: 'term', label: '期限不足', rule: 'offer.termMonths ≥ demand.minTermMonths (unknown fails)' },
  { name: 'park', label: '不在限定园区', rule: 'offer park ∈ demand.parkAllowList when the list is not empty' },
  { name: 'dates', label: '可用时间不符', rule: 'offer.availableFrom ≤ demand.neededFrom and offer.availableUntil ≥ demand.neededUntil (or neededFrom)' },
] as const;

export type HardConstraint = (typeof hardConstraints)[number]['name'];

export const constraintLabels = Object.fromEntries(hardConstraints.map((c) => [c.name, c.label])) as Record<HardConstraint, string>;

export const resourceKindLabels: Record<z.infer<typeof resourceKindSchema>, string> = {
  site: '厂房',
  land: '用地',
  loan: '贷款/资金',
  equipment: '设备',
  talent: '人才',
  service: '服务',
  policy: '政策',
};
