import { describe, expect, it } from 'vitest';
import { blockingConstraints, demandTerms, offerTerms } from './terms.ts';

const blankDemand = {
  minAreaM2: null,
  idealAreaM2: null,
  minFloorLoadKnM2: null,
  requiredCertifications: [],
  maxPrice: null,
  amountWan: null,
  maxRatePct: null,
  minTermMonths: null,
  parkAllowList: [],
  neededFrom: null,
  neededUntil: null,
  quantity: 1,
};
const blankOffer = {
  areaM2: null,
  floorLoadKnM2: null,
  certifications: [],
  price: null,
  amountWan: null,
  ratePct: null,
  termMonths: null,
  availableFrom: null,
  availableUntil: null,
  capacity: 1,
};

describe('resource terms in words', () => {
  it('says what a site demand requires, in its units', () => {
    expect(
      demandTerms({
        ...blankDemand,
        kind: 'site',
        minAreaM2: 30000,
        idealAreaM2: 40000,
        requiredCertifications: ['GMP'],
        maxPrice: 40,
        parkAllowList: ['p1'],
        neededFrom: '2026-03-01',
      }),
    ).toEqual(['面积 ≥ 30,000 m²（理想 40,000 m²）', '价格 ≤ 40 元/m²/月', '资质 GMP', '限定 1 个园区', '2026-03-01 起需要']);
    expect(demandTerms({ ...blankDemand, kind: 'loan', amountWan: 500, maxRatePct: 3.8, minTermMonths: 12 })).toEqual([
      '金额 500 万元',
      '利率 ≤ 3.8%',
      '期限 ≥ 12 个月',
    ]);
    expect(demandTerms({ ...blankDemand, kind: 'talent', quantity: 3 })).toEqual(['数量 3']);
  });

  it('says what an offer gives', () => {
    expect(
      offerTerms({ ...blankOffer, kind: 'land', areaM2: 66700, price: 60, capacity: 2, availableFrom: '2026-01-01', availableUntil: '2030-12-31' }),
    ).toEqual(['面积 66,700 m²', '价格 60 万元/亩', '可服务 2 个需求', '可用 2026-01-01 至 2030-12-31']);
  });
});

describe('blocking constraints of an unmet demand', () => {
  it('puts the constraints that exclude every offer first and leaves out "wrong kind" when offers of the kind exist', () => {
    const rows = blockingConstraints({
      sameKindOffers: 26,
      excludedEveryOffer: ['area'],
      excludedBy: [
        { constraint: 'kind', label: '资源类型不符', offers: 79 },
        { constraint: 'certification', label: '资质认证不满足', offers: 18 },
        { constraint: 'area', label: '面积不足', offers: 26 },
      ],
    });
    expect(rows.map((r) => [r.constraint, r.offers, r.excludesAll])).toEqual([
      ['area', 26, true],
      ['certification', 18, false],
    ]);
    expect(rows[0].label).toBe('面积不足');
  });

  it('blames the kind when there is no offer of that kind at all', () => {
    const rows = blockingConstraints({
      sameKindOffers: 0,
      excludedEveryOffer: ['kind'],
      excludedBy: [{ constraint: 'kind', label: '资源类型不符', offers: 105 }],
    });
    expect(rows).toEqual([{ constraint: 'kind', label: '资源类型不符', offers: 105, excludesAll: true }]);
  });
});
