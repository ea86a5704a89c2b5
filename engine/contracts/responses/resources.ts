import { z } from 'zod';
import { hardConstraints } from '../resourceWords.ts';
import { demandRow, offerRow } from '../../model/nodes.ts';
import { explanationResponse, nextCursor } from './shared.ts';
import { messageSchema } from '../messages/message.ts';

/**
 * What the API sends for resource supply–demand matching (docs/design.md §4). Offers and demands are the
 * stored rows (engine/model/nodes.ts) with the party that offers or needs them, and a version; who
 * created and changed a record is shown to its owner and admins only (issue 15 F2).
 */

const constraintNames = hardConstraints.map((c) => c.name) as [(typeof hardConstraints)[number]['name'], ...(typeof hardConstraints)[number]['name'][]];
export const hardConstraintSchema = z.enum(constraintNames);
/** A hard constraint, or `declined`: the pair was declined before and is not proposed again. */
export const excludingRuleSchema = z.enum([...constraintNames, 'declined']);

export const partyRefSchema = z.strictObject({ id: z.string(), name: z.string(), label: z.string() }).meta({ id: 'PartyRef' });
const visible = {
  owner: partyRefSchema.nullable(),
  version: z.number().int().min(0).meta({ description: 'bumped by every write; the ETag' }),
  createdBy: z.string().nullable().optional().meta({ description: 'the owner (the creating key’s identity): shown to the owner and admins only' }),
  updatedBy: z.string().nullable().optional().meta({ description: 'who wrote last: shown to the owner and admins only' }),
};
export const offerResponse = offerRow.omit({ updatedBy: true }).extend(visible).meta({ id: 'Offer' });
export const demandResponse = demandRow.omit({ updatedBy: true }).extend(visible).meta({ id: 'Demand' });
export const offerPageResponse = z.strictObject({ items: z.array(offerResponse), nextCursor }).meta({ id: 'OfferPage' });
export const demandPageResponse = z.strictObject({ items: z.array(demandResponse), nextCursor }).meta({ id: 'DemandPage' });

const exclusionCounts = z.array(z.strictObject({ constraint: hardConstraintSchema, label: z.string(), count: z.number().int() }));

/** A demand that no open offer can meet, and which hard constraints stood in the way. */
export const unmetDemandSchema = z
  .strictObject({
    demandId: z.string(),
    title: z.string(),
    kind: z.string(),
    owner: partyRefSchema,
    offersConsidered: z.number().int(),
    sameKindOffers: z.number().int(),
    excludedBy: z.array(z.strictObject({ constraint: excludingRuleSchema, label: z.string(), offers: z.number().int() })),
    excludedEveryOffer: z.array(excludingRuleSchema),
    reason: z.string(),
    reasonParts: z.array(messageSchema).max(4).meta({ description: '`reason` as messages, to render in the user’s language' }),
  })
  .meta({ id: 'UnmetDemand' });

export const rankedOfferSchema = z
  .strictObject({
    offer: offerRow,
    owner: partyRefSchema,
    remaining: z.number().int().meta({ description: 'units still free: capacity − agreed' }),
    remainingSize: z.number().nullable().meta({ description: 'quantity still free (m², 万元), null for count-only kinds' }),
    score: z.number(),
    explanation: explanationResponse,
  })
  .meta({ id: 'RankedOffer' });
export const rankedDemandSchema = z
  .strictObject({ demand: demandRow, owner: partyRefSchema, score: z.number(), explanation: explanationResponse })
  .meta({ id: 'RankedDemand' });

const matchCommon = { feasible: z.number().int(), excludedBy: exclusionCounts, declinedHidden: z.number().int() };
export const offersForDemandSchema = z
  .strictObject({
    direction: z.literal('offers-for-demand'),
    demand: demandRow,
    owner: partyRefSchema,
    candidates: z.array(rankedOfferSchema),
    offersConsidered: z.number().int(),
    ...matchCommon,
    unmet: unmetDemandSchema.nullable(),
  })
  .meta({ id: 'OffersForDemand' });
export const demandsForOfferSchema = z
  .strictObject({
    direction: z.literal('demands-for-offer'),
    offer: offerRow,
    owner: partyRefSchema,
    remaining: z.number().int(),
    remainingSize: z.number().nullable(),
    candidates: z.array(rankedDemandSchema),
    demandsConsidered: z.number().int(),
    ...matchCommon,
  })
  .meta({ id: 'DemandsForOffer' });
export const resourceMatchResponse = z.discriminatedUnion('direction', [offersForDemandSchema, demandsForOfferSchema]).meta({ id: 'ResourceMatches' });

const owner = z.strictObject({ id: z.string(), name: z.string() });
export const assignedPairSchema = z
  .strictObject({
    demandId: z.string(),
    demandTitle: z.string(),
    demandOwner: owner,
    offerId: z.string(),
    offerTitle: z.string(),
    offerOwner: owner,
    kind: z.string(),
    units: z.number().int(),
    quantity: z
      .strictObject({ taken: z.number(), unit: z.string() })
      .nullable()
      .meta({ description: 'what the pair takes of the offer’s quantity (m², 万元), null for count-only kinds' }),
    score: z.number(),
    explanation: explanationResponse,
  })
  .meta({ id: 'AssignedPair' });
export const unassignedDemandSchema = z
  .strictObject({
    demandId: z.string(),
    title: z.string(),
    kind: z.string(),
    owner,
    feasibleOffers: z.number().int(),
    quantity: z.number(),
    unit: z.string().nullable(),
    takenBy: z.array(
      z.strictObject({
        offerId: z.string(),
        offerTitle: z.string(),
        full: z.enum(['count', 'quantity']).nullable(),
        quantityLeft: z.number().nullable(),
        winners: z.array(z.strictObject({ demandId: z.string(), demandTitle: z.string(), ownerName: z.string(), units: z.number().int() })),
      }),
    ),
    detail: z.string(),
  })
  .meta({ id: 'UnassignedDemand' });
export const assignmentResponse = z
  .strictObject({
    objective: z.enum(['total-fit', 'coverage']),
    summary: z
      .strictObject({
        openDemands: z.number().int(),
        served: z.number().int(),
        partiallyServed: z.number().int(),
        infeasible: z.number().int().meta({
          description: 'no open offer passes the hard constraints (or every pair that does was declined): `unmet`, each naming the excluding constraint',
        }),
        lostToCompetition: z
          .number()
          .int()
          .meta({ description: 'feasible offers exist but went to others: `unassigned`, each naming the winners (`takenBy`)' }),
      })
      .meta({ id: 'AssignmentSummary', description: 'served + infeasible + lostToCompetition = openDemands' }),
    assignments: z.array(assignedPairSchema),
    unmet: z.array(unmetDemandSchema),
    blocking: z.array(z.strictObject({ constraint: excludingRuleSchema, label: z.string(), demands: z.number().int() })),
    unassigned: z.array(unassignedDemandSchema),
    partiallyServed: z.array(z.strictObject({ demandId: z.string(), quantity: z.number(), units: z.number().int() })),
    totals: z.strictObject({
      demands: z.number().int(),
      offers: z.number().int(),
      demandsServed: z.number().int(),
      units: z.number().int(),
      totalFit: z.number(),
    }),
    baseline: z.strictObject({ solver: z.literal('greedy'), totalFit: z.number(), demandsServed: z.number().int() }).nullable(),
    /** The solver's and the model build's diagnostics: their detail follows the solver, so open. */
    solver: z.looseObject({ name: z.string(), status: z.string(), ms: z.number(), prunedEdges: z.number().int() }),
    build: z.looseObject({ ms: z.number(), pairsChecked: z.number().int(), feasiblePairs: z.number().int(), edges: z.number().int() }),
  })
  .meta({ id: 'ResourceAssignment' });

export type Offer = z.infer<typeof offerResponse>;
export type Demand = z.infer<typeof demandResponse>;
export type OfferPage = z.infer<typeof offerPageResponse>;
export type DemandPage = z.infer<typeof demandPageResponse>;
export type HardConstraint = z.infer<typeof hardConstraintSchema>;
export type UnmetDemand = z.infer<typeof unmetDemandSchema>;
export type RankedOffer = z.infer<typeof rankedOfferSchema>;
export type RankedDemand = z.infer<typeof rankedDemandSchema>;
export type ResourceMatchResponse = z.infer<typeof resourceMatchResponse>;
export type AssignedPair = z.infer<typeof assignedPairSchema>;
export type UnassignedDemand = z.infer<typeof unassignedDemandSchema>;
export type ResourceAssignment = z.infer<typeof assignmentResponse>;
