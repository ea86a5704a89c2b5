import { demandTerms, offerTerms, type DemandTerms, type OfferTerms } from './resourceTerms.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';
import { constraintLabels, hardConstraints, type HardConstraint } from '../../contracts/resourceWords.ts';

export { constraintLabels, hardConstraints, type HardConstraint };

export const constraintBit = Object.fromEntries(hardConstraints.map((c, i) => [c.name, 1 << i])) as Record<HardConstraint, number>;

/**
 * The constraints an offer breaks for a demand, as a bit mask (0 = feasible). Every constraint is
 * tested, not just the first that fails, so diagnosis can count each one.
 */
export function violations(d: DemandContext, o: OfferContext): number {
  return violationsOf(demandTerms(d), offerTerms(o));
}

const has = (x: number) => !Number.isNaN(x);

/**
 * The rules of `hardConstraints` on the flat forms. A comparison with NaN (an unknown offer attribute) is false, so an
 * unknown never meets a stated minimum or maximum — except price, which passes (docs/resources.md §1).
 */
export function violationsOf(d: DemandTerms, o: OfferTerms): number {
  let mask = 0;
  if (o.kind !== d.kind) mask |= constraintBit.kind;
  // What agreed matches left: a unit, and room for this demand's quantity (a 4,900 m² building with 4,400 m² let has
  // 500 m² left). An offer too small even when empty breaks `area` or `amount` instead, not this.
  if (o.remaining < 1 || (o.remainingSize < d.size * (1 - 1e-9) && o.sizeCapacity >= d.size)) mask |= constraintBit.capacity;
  if (o.owner === d.owner) mask |= constraintBit.sameOwner;
  if (d.certifications.length > 0) {
    for (const c of d.certifications) {
      if (!o.certifications.includes(c)) {
        mask |= constraintBit.certification;
        break;
      }
    }
  }
  if (has(d.minArea) && !(o.area >= d.minArea)) mask |= constraintBit.area;
  if (has(d.minFloorLoad) && !(o.floorLoad >= d.minFloorLoad)) mask |= constraintBit.floorLoad;
  if (has(d.maxPrice) && o.price > d.maxPrice) mask |= constraintBit.price;
  if (has(d.amount) && !(o.amount >= d.amount)) mask |= constraintBit.amount;
  if (has(d.maxRate) && !(o.rate <= d.maxRate)) mask |= constraintBit.rate;
  if (has(d.minTerm) && !(o.term >= d.minTerm)) mask |= constraintBit.term;
  if (d.parks.length > 0 && (o.park === null || !d.parks.includes(o.park))) mask |= constraintBit.park;
  // Available by the day it is needed, and still when the need ends; a side without the date passes.
  if (o.from > d.from || o.until < d.until) mask |= constraintBit.dates;
  return mask;
}

/** The names of the constraints in a mask, in the order of `hardConstraints`. */
export function constraintsIn(mask: number): HardConstraint[] {
  return hardConstraints.filter((_, i) => (mask & (1 << i)) !== 0).map((c) => c.name);
}
