import { z } from 'zod';

/** RFC 9457 problem details, as every error of this API is sent. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), row: z.number().int().optional(), file: z.string().optional() })).optional(),
    /** With a 409: the request that would make sense instead, e.g. `{ "mode": "fill" }`. */
    suggestion: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'Problem' });

const signal = z.object({ signal: z.string(), value: z.number(), weight: z.number(), contribution: z.number(), detail: z.string() });
const pathSchema = z.object({
  signal: z.string(),
  nodes: z.array(z.object({ id: z.string(), label: z.string(), name: z.string() })),
  relationships: z.array(z.object({ type: z.string(), from: z.string(), to: z.string() })),
});
/** Every recommendation's explanation: score per signal and the graph paths behind it. */
export const explanationSchema = z
  .object({ signals: z.array(signal), paths: z.array(pathSchema), confidence: z.enum(['strong', 'medium', 'weak']), reason: z.string() })
  .meta({ id: 'Explanation' });

/** Every record a response shows says whether the seed generator invented it. */
export const demoFlag = z.boolean().meta({
  description: '演示数据 demo data: true when the record was invented by the seed generator (`source: synthetic`), not a real organisation; clients must show it as such and never report it as a real lead',
});

/** Response bodies are described by their main fields; further fields may be added over time. */
export const open = <T extends z.ZodRawShape>(shape: T, id: string) => z.looseObject(shape).meta({ id });

export const chainListResponse = open({ items: z.array(open({ id: z.string(), name: z.string(), nameEn: z.string(), assumed: z.boolean(), segments: z.number(), localFirms: z.number() }, 'ChainSummary')), nextCursor: z.string().nullable() }, 'ChainList');
export const chainRef = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
const segmentGap = open(
  {
    segmentId: z.string(), name: z.string(), stage: z.string(), order: z.number(), class: z.enum(['missing', 'broken', 'weak', 'extension', 'healthy', 'absent']),
    action: z.enum(['fill', 'strengthen', 'extend']).nullable(),
    priority: z.number().nullable().meta({ description: '亿元, in the unit of priorityBasis; null for healthy and absent segments. Gaps rank on it together; extensions are a separate list (docs/matching.md, "Gap priority")' }),
    priorityBasis: z.enum(['unmetDemand', 'demandAtStake', 'adjacentLocalOutput']).nullable(),
    score: z.number().meta({ description: '0–1 within its own list (priority / the largest of that list): for bars only' }),
    priorityParts: z.object({ shortfall: z.number(), n1Shortfall: z.number(), outsideDependence: z.number(), adjacentLocalOutput: z.number() }),
    reasons: z.array(z.string()),
    metrics: z.looseObject({ localFirmCount: z.number(), localCapacity: z.number(), localDemand: z.number(), unmetDemand: z.number(), demandAtStake: z.number(), outsideDependence: z.number(), observedOutsideShare: z.number().nullable() }),
  },
  'SegmentGap',
);
export const chainMapResponse = open({ chain: chainRef, segments: z.array(segmentGap), feeds: z.array(z.object({ from: z.string(), to: z.string(), localDemand: z.number() })), totals: z.looseObject({}) }, 'ChainMap');
export const gapReportResponse = open({ chain: chainRef, gaps: z.array(segmentGap), extensions: z.array(segmentGap), summary: z.record(z.string(), z.number()) }, 'GapReport');
export const resilienceResponse = open({ chain: chainRef, singlePointsOfFailure: z.array(z.looseObject({ id: z.string(), name: z.string(), wouldEmpty: z.array(z.string()), soleSourceCustomers: z.array(z.string()) })) }, 'Resilience');
export const whatIfResponse = open({ chain: chainRef, rows: z.array(z.looseObject({ segmentId: z.string(), changed: z.boolean() })), added: z.array(z.string()), removed: z.array(z.string()) }, 'WhatIf');
export const partnerResponse = open(
  {
    chainId: z.string(), mode: z.string(), targets: z.array(z.looseObject({ segmentId: z.string(), priority: z.number().nullable(), priorityBasis: z.string().nullable() })), excludedByKeyword: z.number(), textProvider: z.string(),
    dominantFirms: z.array(z.object({ segmentId: z.string(), id: z.string(), name: z.string(), demo: demoFlag, share: z.number(), note: z.string() })).meta({ description: '强链: the local firm a concentrated segment hangs on — never its own remedy, so left out of the candidates and named here' }),
    diversity: z.object({ lambda: z.number(), leftOut: z.number() }).meta({ description: 'MMR chooses who enters the list (candidates are in score order); leftOut: candidates scoring above the lowest listed that were left out as near-copies' }),
    noCandidates: z.object({ reason: z.enum(['no-target-segment', 'no-candidate-in-segment']), message: z.string() }).optional(),
    candidates: z.array(z.looseObject({ id: z.string(), name: z.string(), demo: demoFlag, score: z.number(), segmentId: z.string(), explanation: explanationSchema })),
  },
  'PartnerResult',
);
/** Why a pairing or talent list is empty: no candidate reached the relevance gate (or none was there to weigh). */
const noMatch = z.object({ reason: z.enum(['no-relevant-candidate', 'no-candidate']), bestSimilarity: z.number(), threshold: z.number() }).nullable();
const relevance = { relevanceThreshold: z.number(), noMatch, matchedTerms: z.array(z.string()) };
export const pairingResponse = open(
  {
    direction: z.string(), textProvider: z.string(), relevanceThreshold: relevance.relevanceThreshold, noMatch,
    items: z.array(z.looseObject({
      score: z.number(), carriedBy: z.looseObject({}), need: z.string(), matchedTerms: relevance.matchedTerms, matchedTopics: z.array(z.string()),
      researchUnit: z.looseObject({ id: z.string(), name: z.string(), demo: demoFlag }),
      enterprise: z.looseObject({ id: z.string(), name: z.string(), demo: demoFlag, needs: z.array(z.string()) }).nullable(),
      explanation: explanationSchema,
    })),
  },
  'PairingResult',
);
export const talentResponse = open(
  {
    textProvider: z.string(), need: z.string(), relevanceThreshold: relevance.relevanceThreshold, noMatch,
    capped: z.object({ perAffiliation: z.number(), omitted: z.array(z.object({ affiliation: z.string(), count: z.number() })) }),
    items: z.array(z.looseObject({ score: z.number(), matchedTerms: relevance.matchedTerms, talent: z.looseObject({ id: z.string(), name: z.string(), demo: demoFlag }), explanation: explanationSchema })),
  },
  'TalentResult',
);
export const searchResponse = open({ items: z.array(z.looseObject({ id: z.string(), type: z.string(), name: z.string(), demo: demoFlag })), groups: z.array(z.looseObject({ type: z.string() })), nextCursor: z.string().nullable(), textProvider: z.string() }, 'SearchResult');
export const entityResponse = open({ id: z.string(), label: z.string(), name: z.string(), properties: z.looseObject({}), demo: demoFlag, degree: z.number() }, 'Entity');
export const neighbourhoodResponse = open({ center: z.looseObject({ id: z.string(), demo: demoFlag }), nodes: z.array(z.looseObject({ id: z.string(), label: z.string(), demo: demoFlag })), relationships: z.array(z.looseObject({ type: z.string() })), truncated: z.boolean() }, 'Neighbourhood');
/** Why a segment was suggested: the firm's products, the words and the attached firms that decided it. */
export const suggestionEvidence = open(
  {
    products: z.array(z.string()),
    words: z.array(z.string()),
    similarFirms: z.array(z.object({ id: z.string(), name: z.string(), similarity: z.number().min(0).max(1) })),
  },
  'SuggestionEvidence',
);
export const attachmentDecision = z
  .enum(['attach', 'review', 'reject'])
  .meta({ id: 'AttachmentDecision', description: 'attach: an import writes it; review: it waits for a person (GET /attachments/review); reject: neither' });
const suggestionCore = {
  segmentId: z.string(), segmentName: z.string(), chainId: z.string(), chainName: z.string(),
  confidence: z.number().min(0).max(1).meta({ description: 'calibrated probability that this segment is right' }),
  decision: attachmentDecision,
  evidence: suggestionEvidence,
};
export const segmentSuggestion = open(
  { ...suggestionCore, score: z.number().meta({ description: "the model's combined score; orders the list, not a probability" }), signals: z.array(signal) },
  'SegmentSuggestion',
);
export const classifyResponse = open(
  {
    items: z.array(segmentSuggestion),
    textProvider: z.string(),
    trainedOn: z.number().int().min(0).meta({ description: 'attached firms the classifier learned from; 0 means it compared with segment words only' }),
  },
  'SegmentSuggestions',
);
/** A suggestion as the review queue keeps it (no score or signals). */
export const reviewSuggestion = open(suggestionCore, 'ReviewSuggestion');

export const xlsxFile = z.string().meta({ format: 'binary' });

const reviewFirm = z.object({ id: z.string(), name: z.string() });
const queuedFirm = open({ firm: reviewFirm, queuedAt: z.string(), suggestions: z.array(reviewSuggestion).max(3) }, 'QueuedFirm');
export const reviewQueueResponse = open({ items: z.array(queuedFirm), total: z.number().int(), nextCursor: z.string().nullable() }, 'ReviewQueue');
export const reviewOutcomeResponse = open(
  {
    firm: reviewFirm,
    action: z.enum(['confirm', 'reassign', 'reject']),
    status: z.enum(['confirmed', 'reassigned', 'rejected']),
    segmentId: z.string().nullable().meta({ description: 'the segment the firm now sits in (IN_SEGMENT, not inferred); null after a rejection' }),
    decidedBy: z.string(),
    decidedAt: z.string(),
    note: z.string().nullable(),
  },
  'ReviewOutcome',
);

export const resourceResponse = open({ id: z.string(), kind: z.string(), title: z.string(), status: z.string() }, 'Resource');
export const resourceListResponse = open({ items: z.array(resourceResponse), nextCursor: z.string().nullable() }, 'ResourceList');
export const trackedMatchResponse = open({
  id: z.string(), kind: z.string(), status: z.string(), subjectId: z.string(), candidateId: z.string(), history: z.array(z.looseObject({})),
  subjectDemo: demoFlag, candidateDemo: demoFlag, demo: demoFlag.meta({ description: '演示数据: the subject or the candidate is demo data (subjectDemo || candidateDemo)' }),
}, 'TrackedMatch');
export const trackedMatchListResponse = open({ items: z.array(trackedMatchResponse), nextCursor: z.string().nullable() }, 'TrackedMatchList');
export const matchStatsResponse = open({}, 'MatchStats');
export const resourceMatchResponse = open({ direction: z.enum(['offers-for-demand', 'demands-for-offer']), candidates: z.array(z.looseObject({ score: z.number(), explanation: explanationSchema })), feasible: z.number(), excludedBy: z.array(z.looseObject({ constraint: z.string(), count: z.number() })) }, 'ResourceMatches');
export const assignmentResponse = open({
  summary: open({
    openDemands: z.number().int(), served: z.number().int(), partiallyServed: z.number().int(),
    infeasible: z.number().int().meta({ description: 'no open offer passes the hard constraints (or every pair that does was declined): `unmet`, each naming the excluding constraint' }),
    lostToCompetition: z.number().int().meta({ description: 'feasible offers exist but went to others: `unassigned`, each naming the winners (`takenBy`)' }),
  }, 'AssignmentSummary').meta({ description: 'served + infeasible + lostToCompetition = openDemands' }),
  assignments: z.array(z.looseObject({})), unmet: z.array(z.looseObject({})), unassigned: z.array(z.looseObject({ takenBy: z.array(z.looseObject({})) })),
}, 'ResourceAssignment');
export const eventPlanResponse = open({ meetings: z.array(z.looseObject({})) }, 'EventPlan');
export const importReportResponse = open({ entity: z.string(), rows: z.number(), nodes: z.number(), relationships: z.number() }, 'ImportReport');
