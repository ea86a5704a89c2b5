/**
 * The API's response shapes, taken from the engine's own types (type-only imports are erased at
 * build: the viewer talks to the API over HTTP and never bundles engine code).
 */
import type { ChainMap } from '../../../engine/chain/chainMap.ts';
import type { GapClass, GapAction, SegmentGap } from '../../../engine/chain/gapAnalysis.ts';
import type { listChains } from '../../../engine/chain/snapshot.ts';
import type { SinglePointOfFailure } from '../../../engine/chain/resilience.ts';
import type { WhatIfRow } from '../../../engine/chain/whatIf.ts';
import type { GapReport, GraphPath, PartnerRequestBody, PartnerResult, PartnerCandidate, Explanation, SignalScore } from '../../../engine/index.ts';
import type { PathNode, PathRelationship } from '../../../engine/match/explanation.ts';
import type { z } from 'zod';
import type {
  KnowledgeEngine, ResourcesEngine, pairingRequestSchema, talentRequestSchema, resourceMatchRequest, resourceAssignRequest, listResourcesQuery,
  listMatchesQuery, recordMatchRequest, matchTransitionRequest, MatchRecord, MatchHistoryEntry, KindAcceptance, ResourceAssignment, AssignedPair,
  UnmetDemand, UnassignedDemand, RankedOffer, RankedDemand, HardConstraint, MatchKind,
} from '../../../engine/index.ts';
import type { QueuedFirm, ReviewDecisionRequest, ReviewOutcome, ReviewPage, ReviewSuggestion } from '../../../engine/index.ts';

export type { ChainMap, GapClass, GapAction, SegmentGap, SinglePointOfFailure, WhatIfRow, GapReport, GraphPath, PathNode, PathRelationship };
export type { PartnerRequestBody, PartnerResult, PartnerCandidate, Explanation, SignalScore };

export type ChainSummary = Awaited<ReturnType<typeof listChains>>[number];
export type MapSegment = ChainMap['segments'][number];
export type MapFeed = ChainMap['feeds'][number];
export type PartnerFilters = NonNullable<PartnerRequestBody['filters']>;
export type PartnerMode = PartnerRequestBody['mode'];
export type EnterpriseSize = NonNullable<PartnerFilters['minSize']>;
export type EnterpriseTag = NonNullable<PartnerFilters['tags']>[number];

export interface ResilienceReport {
  chain: GapReport['chain'];
  singlePointsOfFailure: SinglePointOfFailure[];
}

export interface WhatIfResult {
  chain: GapReport['chain'];
  rows: WhatIfRow[];
  added: string[];
  removed: string[];
}

/** An RFC 9457 problem as the API sends it (api/problem.ts). */
export interface ProblemBody {
  type?: string;
  title: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

/*
 * Pairing, talent, search and exploring (KnowledgeEngine), resources and match tracking
 * (ResourcesEngine): response shapes are the engines' own return types, request shapes the zod
 * contracts' input types — both reached through engine/index.ts, type-only.
 */
export type { MatchRecord, MatchHistoryEntry, KindAcceptance, ResourceAssignment, AssignedPair, UnmetDemand, UnassignedDemand, RankedOffer, RankedDemand, HardConstraint, MatchKind };

export type PairingRequestBody = z.input<typeof pairingRequestSchema>;
export type PairingResponse = Awaited<ReturnType<KnowledgeEngine['pairSchoolEnterprise']>>;
export type PairResult = PairingResponse['items'][number];
export type TextProvider = PairingResponse['textProvider'];
export type TalentRequestBody = z.input<typeof talentRequestSchema>;
export type TalentResponse = Awaited<ReturnType<KnowledgeEngine['matchTalent']>>;
export type TalentMatch = TalentResponse['items'][number];
export type TalentLevel = NonNullable<NonNullable<TalentRequestBody['filters']>['levels']>[number];

export type SearchResponse = Awaited<ReturnType<KnowledgeEngine['search']>>;
export type SearchHit = SearchResponse['items'][number];
export type EntityDetail = Awaited<ReturnType<KnowledgeEngine['entity']>>;
export type Neighbourhood = Awaited<ReturnType<KnowledgeEngine['neighbourhood']>>;
export type NeighbourNode = Neighbourhood['nodes'][number];
export type NeighbourRelationship = Neighbourhood['relationships'][number];

/** Query strings: `limit` is coerced from text by the API, a number here. */
export type ListResourcesQuery = Omit<z.input<typeof listResourcesQuery>, 'limit'> & { limit?: number };
export type OfferPage = Awaited<ReturnType<ResourcesEngine['listOffers']>>;
export type DemandPage = Awaited<ReturnType<ResourcesEngine['listDemands']>>;
export type Offer = OfferPage['items'][number];
export type Demand = DemandPage['items'][number];
export type ResourceKind = Offer['kind'];
export type ResourceMatchBody = z.input<typeof resourceMatchRequest>;
export type ResourceMatchResponse = Awaited<ReturnType<ResourcesEngine['matchResources']>>;
export type OffersForDemand = Extract<ResourceMatchResponse, { direction: 'offers-for-demand' }>;
export type DemandsForOffer = Extract<ResourceMatchResponse, { direction: 'demands-for-offer' }>;
export type AssignBody = z.input<typeof resourceAssignRequest>;
export type AssignObjective = NonNullable<AssignBody['objective']>;

export type ListMatchesQuery = Omit<z.input<typeof listMatchesQuery>, 'format' | 'limit'> & { limit?: number };
export type MatchPage = Awaited<ReturnType<ResourcesEngine['listMatches']>>;
export type MatchStats = Awaited<ReturnType<ResourcesEngine['matchStats']>>;
export type MatchStatus = MatchRecord['status'];
export type RecordMatchBody = z.input<typeof recordMatchRequest>;
export type MatchTransitionBody = z.input<typeof matchTransitionRequest>;

/** The attachment review queue (待审挂链). */
export type { QueuedFirm, ReviewOutcome, ReviewPage, ReviewSuggestion };
export type ReviewDecisionBody = ReviewDecisionRequest;
