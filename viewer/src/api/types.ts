/**
 * The API's shapes as the viewer sees them: responses are the contracts the API checks its answers
 * against (engine/contracts/responses), requests the zod contracts it validates with — both from the
 * contracts' public entry, type-only (erased at build: the viewer talks to the API over HTTP and
 * never bundles engine code).
 */
import type { z } from 'zod';
import type {
  ChainMap,
  ChainSummary,
  GapAction,
  GapClass,
  GapReport,
  MapSegment,
  ResilienceReport,
  SegmentGap,
  SinglePointOfFailure,
  WhatIfResult,
  WhatIfRow,
  DominantFirm,
  PartnerCandidate,
  PartnerRequestBody,
  PartnerResult,
  PartnerTarget,
  Explanation,
  GraphPath,
  PathNode,
  PathRelationship,
  SignalScore,
  Message,
  MessageCode,
  PairingResponse,
  PairResult,
  TalentMatch,
  TalentResponse,
  SearchHit,
  SearchResponse,
  EntityDetail,
  Neighbourhood,
  NeighbourNode,
  NeighbourRelationship,
  Offer,
  Demand,
  OfferPage,
  DemandPage,
  HardConstraint,
  UnmetDemand,
  RankedOffer,
  RankedDemand,
  ResourceMatchResponse,
  AssignedPair,
  UnassignedDemand,
  ResourceAssignment,
  MatchHistoryEntry,
  MatchKind,
  MatchPage,
  MatchRecord,
  MatchStats,
  KindAcceptance,
  QueuedFirm,
  ReviewDecisionRequest,
  ReviewOutcome,
  ReviewPage,
  ReviewSuggestion,
  pairingRequestSchema,
  talentRequestSchema,
  resourceMatchRequest,
  resourceAssignRequest,
  listResourcesQuery,
  listMatchesQuery,
  recordMatchRequest,
  matchTransitionRequest,
} from '../../../engine/contracts/index.ts';

export type { ChainMap, ChainSummary, GapAction, GapClass, GapReport, MapSegment, ResilienceReport, SegmentGap, SinglePointOfFailure, WhatIfResult, WhatIfRow };
export type {
  DominantFirm,
  PartnerCandidate,
  PartnerRequestBody,
  PartnerResult,
  PartnerTarget,
  Explanation,
  GraphPath,
  PathNode,
  PathRelationship,
  SignalScore,
};
export type { Message, MessageCode };

export type MapFeed = ChainMap['feeds'][number];
export type PartnerFilters = NonNullable<PartnerRequestBody['filters']>;
export type PartnerMode = PartnerRequestBody['mode'];
export type EnterpriseSize = NonNullable<PartnerFilters['minSize']>;
export type EnterpriseTag = NonNullable<PartnerFilters['tags']>[number];

/** An RFC 9457 problem as the API sends it (api/problem.ts). */
export interface ProblemBody {
  type?: string;
  title: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

/* Pairing, talent, search and exploring. */
export type {
  PairingResponse,
  PairResult,
  TalentMatch,
  TalentResponse,
  SearchHit,
  SearchResponse,
  EntityDetail,
  Neighbourhood,
  NeighbourNode,
  NeighbourRelationship,
};
export type PairingRequestBody = z.input<typeof pairingRequestSchema>;
export type TextProvider = PairingResponse['textProvider'];
export type TalentRequestBody = z.input<typeof talentRequestSchema>;
export type TalentLevel = NonNullable<NonNullable<TalentRequestBody['filters']>['levels']>[number];

/* Resources and match tracking. */
export type {
  Offer,
  Demand,
  OfferPage,
  DemandPage,
  HardConstraint,
  UnmetDemand,
  RankedOffer,
  RankedDemand,
  ResourceMatchResponse,
  AssignedPair,
  UnassignedDemand,
  ResourceAssignment,
};
export type { MatchHistoryEntry, MatchKind, MatchPage, MatchRecord, MatchStats, KindAcceptance };
/** Query strings: `limit` is coerced from text by the API, a number here. */
export type ListResourcesQuery = Omit<z.input<typeof listResourcesQuery>, 'limit'> & { limit?: number };
export type ResourceKind = Offer['kind'];
export type ResourceMatchBody = z.input<typeof resourceMatchRequest>;
export type OffersForDemand = Extract<ResourceMatchResponse, { direction: 'offers-for-demand' }>;
export type DemandsForOffer = Extract<ResourceMatchResponse, { direction: 'demands-for-offer' }>;
export type AssignBody = z.input<typeof resourceAssignRequest>;
export type AssignObjective = NonNullable<AssignBody['objective']>;
export type ListMatchesQuery = Omit<z.input<typeof listMatchesQuery>, 'format' | 'limit'> & { limit?: number };
export type MatchStatus = MatchRecord['status'];
export type RecordMatchBody = z.input<typeof recordMatchRequest>;
export type MatchTransitionBody = z.input<typeof matchTransitionRequest>;

/** The attachment review queue (待审挂链). */
export type { QueuedFirm, ReviewOutcome, ReviewPage, ReviewSuggestion };
export type ReviewDecisionBody = ReviewDecisionRequest;
