import { describe, expect, it } from 'vitest';
import { constraintsIn, violations } from './hardConstraints.ts';
import { bareParty } from './resourceTypes.ts';
import { demandOf, offerOf } from './testContexts.ts';

const site = offerOf('o', {
  areaM2: 5000,
  floorLoadKnM2: 8,
  certifications: ['GMP'],
  price: 30,
  parkId: 'park.a',
  availableFrom: '2026-03-01',
  availableUntil: '2030-12-31',
});
const broken = (demandAttrs: Parameters<typeof demandOf>[1], offer = site) => constraintsIn(violations(demandOf('d', demandAttrs), offer));

describe('hard constraints', () => {
  it('accepts an offer that meets every stated requirement', () => {
    expect(
      broken({
        minAreaM2: 5000,
        minFloorLoadKnM2: 8,
        requiredCertifications: ['GMP'],
        maxPrice: 30,
        parkAllowList: ['park.a', 'park.b'],
        neededFrom: '2026-03-01',
        neededUntil: '2030-12-31',
      }),
    ).toEqual([]);
  });

  it('names each constraint an offer breaks, all of them', () => {
    expect(broken({ kind: 'land' })).toEqual(['kind']);
    expect(broken({ minAreaM2: 5001 })).toEqual(['area']);
    expect(broken({ minFloorLoadKnM2: 10 })).toEqual(['floorLoad']);
    expect(broken({ requiredCertifications: ['GMP', 'CNAS'] })).toEqual(['certification']);
    expect(broken({ maxPrice: 29.9 })).toEqual(['price']);
    expect(broken({ parkAllowList: ['park.b'] })).toEqual(['park']);
    expect(broken({ neededFrom: '2026-02-28' })).toEqual(['dates']);
    expect(broken({ neededFrom: '2027-01-01', neededUntil: '2031-01-01' })).toEqual(['dates']);
    expect(broken({ minAreaM2: 9000, requiredCertifications: ['CNAS'], maxPrice: 10 })).toEqual(['certification', 'area', 'price']);
  });

  it('treats unknown offer attributes as failing a stated minimum, and an unstated price as passing a maximum', () => {
    const bare = offerOf('bare');
    expect(broken({ minAreaM2: 1 }, bare)).toEqual(['area']);
    expect(broken({ minFloorLoadKnM2: 1 }, bare)).toEqual(['floorLoad']);
    expect(broken({ maxPrice: 0 }, bare)).toEqual([]);
    expect(broken({ parkAllowList: ['park.a'] }, bare)).toEqual(['park']);
  });

  it('checks loans on amount, rate and term', () => {
    const loan = offerOf('loan', { kind: 'loan', amountWan: 1000, ratePct: 3.8, termMonths: 24 });
    expect(broken({ kind: 'loan', amountWan: 1000, maxRatePct: 3.8, minTermMonths: 24 }, loan)).toEqual([]);
    expect(broken({ kind: 'loan', amountWan: 1001, maxRatePct: 3.5, minTermMonths: 36 }, loan)).toEqual(['amount', 'rate', 'term']);
  });

  it('excludes offers with no capacity left and offers by the demanding organisation itself', () => {
    const owner = bareParty('firm.x', 'Enterprise');
    expect(constraintsIn(violations(demandOf('d', {}, owner), offerOf('o', {}, owner)))).toEqual(['sameOwner']);
    expect(constraintsIn(violations(demandOf('d'), offerOf('o', { capacity: 2 }, undefined, 0)))).toEqual(['capacity']);
  });
});
