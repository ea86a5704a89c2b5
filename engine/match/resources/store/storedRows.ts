import { z } from 'zod';
import { demandRow, offerRow } from '../../../model/nodes.ts';
import type { DemandRecord, OfferRecord } from '../resourceTypes.ts';

/**
 * Reads Offer and Demand nodes back into rows. Neo4j keeps no null properties, so an absent nullable
 * field is null; unknown properties (a newer writer's) are dropped and fields added since a row was
 * written take their defaults.
 */
function reader<S extends z.ZodObject>(row: S) {
  const lenient = z.object(row.shape);
  const nullable = Object.keys(row.shape).filter((key) => (row.shape[key] as z.ZodType).safeParse(null).success);
  return (stored: Record<string, unknown>): z.infer<S> => {
    const filled: Record<string, unknown> = { ...stored };
    for (const key of nullable) if (filled[key] === undefined) filled[key] = null;
    return lenient.parse(filled) as z.infer<S>;
  };
}

export const readOffer: (stored: Record<string, unknown>) => OfferRecord = reader(offerRow);
export const readDemand: (stored: Record<string, unknown>) => DemandRecord = reader(demandRow);
