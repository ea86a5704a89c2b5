import { listChains } from './chain/snapshot.ts';
import { partnerModeWeights, pairingWeights, resourceDefaults, resourceWeights, talentWeights } from './config/scoring.ts';
import type { RecordMatchRequest, MatchTransitionRequest, ListMatchesQuery } from './contracts/matches.ts';
import type {
  CreateDemandRequest,
  CreateOfferRequest,
  EventPlanRequest,
  ListResourcesQuery,
  ResourceAssignRequest,
  ResourceMatchRequest,
} from './contracts/resources.ts';
import { NotFoundError } from './core/errors.ts';
import type { Graph } from './graph/graph.ts';
import { loadEventParticipants } from './match/event/eventParticipants.ts';
import { LexicalPairingFit } from './match/event/lexicalPairingFit.ts';
import type { PairingFit } from './match/event/pairingFit.ts';
import { planEvent, type EventPlan } from './match/event/planEvent.ts';
import { assertAgreementFits } from './match/resources/store/agreementFits.ts';
import { assignResources, type ResourceAssignment } from './match/resources/assignResources.ts';
import { rankDemandsForOffer, rankOffersForDemand, type DemandMatches, type OfferMatches } from './match/resources/rankResources.ts';
import { loadDemandContexts, loadOfferContexts } from './match/resources/store/resourceQueries.ts';
import * as store from './match/resources/store/resourceStore.ts';
import type { ResourceWeights } from './match/resources/softSignals.ts';
import { acceptanceStats, type KindAcceptance } from './tracking/acceptanceStats.ts';
import type { ActorRef } from './tracking/actor.ts';
import { declinedPairs } from './tracking/declinedPairs.ts';
import { getMatch, listMatches, matchOutcomes, recordMatch, transitionMatch, type MatchRecord } from './tracking/matchStore.ts';
import { matchTable } from './export/matchTable.ts';
import { healthDay } from './history/healthDay.ts';
import type { Table } from './export/tables.ts';
import type { ExportLang } from './export/exportText.ts';

/** The configured weights of each matcher kind, which outcome statistics compare against. */
const baseWeights: Record<string, Record<string, number>> = {
  partner: { ...partnerModeWeights.fill, ...partnerModeWeights.strengthen, ...partnerModeWeights.extend },
  pairing: pairingWeights,
  talent: talentWeights,
  resource: resourceWeights,
};

/** Rows an export may hold: exports page through the list up to this many. */
const exportMaxRows = 10_000;

/**
 * Resource supply–demand matching, matchmaking events and outcome tracking (docs/design.md §4, §7), one
 * method per operation over one graph. Writes take the acting user's id (`actor`, from the API key
 * once authentication lands) and keep it with what they change.
 */
export class ResourcesEngine {
  private readonly fit: PairingFit;
  private readonly now: () => Date;

  /**
   * `fit`: how the event planner scores pairs; the lexical text score until the pairing matcher is plugged in.
   * `now`: the clock whose district day decides which follow-ups are overdue (a test sets it).
   */
  constructor(
    readonly graph: Graph,
    options: { fit?: PairingFit; now?: () => Date } = {},
  ) {
    this.fit = options.fit ?? new LexicalPairingFit();
    this.now = options.now ?? (() => new Date());
  }

  /** Today in the district's calendar (Beijing time), YYYY-MM-DD. */
  private today(): string {
    return healthDay(this.now());
  }

  // Owner-only changes, private fields and versions (If-Match): engine/match/resources/store/resourceStore.ts.
  createOffer(input: CreateOfferRequest, actor: ActorRef) {
    return store.createOffer(this.graph, input, actor);
  }
  getOffer(id: string, viewer?: ActorRef) {
    return store.getOffer(this.graph, id, viewer);
  }
  updateOffer(id: string, change: Record<string, unknown>, actor: ActorRef, ifVersion?: number) {
    return store.updateOffer(this.graph, id, change, actor, ifVersion);
  }
  deleteOffer(id: string, actor: ActorRef, ifVersion?: number) {
    return store.deleteOffer(this.graph, id, actor, ifVersion);
  }
  listOffers(query: ListResourcesQuery, viewer?: ActorRef) {
    return store.listOffers(this.graph, query, viewer);
  }

  createDemand(input: CreateDemandRequest, actor: ActorRef) {
    return store.createDemand(this.graph, input, actor);
  }
  getDemand(id: string, viewer?: ActorRef) {
    return store.getDemand(this.graph, id, viewer);
  }
  updateDemand(id: string, change: Record<string, unknown>, actor: ActorRef, ifVersion?: number) {
    return store.updateDemand(this.graph, id, change, actor, ifVersion);
  }
  deleteDemand(id: string, actor: ActorRef, ifVersion?: number) {
    return store.deleteDemand(this.graph, id, actor, ifVersion);
  }
  listDemands(query: ListResourcesQuery, viewer?: ActorRef) {
    return store.listDemands(this.graph, query, viewer);
  }

  /** Ranked feasible offers for a demand, or open demands for an offer, each explained. */
  async matchResources(
    request: ResourceMatchRequest,
  ): Promise<({ direction: 'offers-for-demand' } & DemandMatches) | ({ direction: 'demands-for-offer' } & OfferMatches)> {
    const weights = await this.weights(request.useOutcomes);
    const limit = Math.min(request.limit ?? resourceDefaults.limit, resourceDefaults.maxLimit);
    if ('demandId' in request) {
      const [demand] = await loadDemandContexts(this.graph, { ids: [request.demandId] });
      if (!demand) throw new NotFoundError('open demand', request.demandId);
      // Offers of other kinds can never be feasible; they are not loaded (nor counted under `kind`).
      const offers = await loadOfferContexts(this.graph, { kinds: [demand.demand.kind] });
      const excludedPairs = request.includeDeclined ? undefined : await declinedPairs(this.graph, { kind: 'resource', subjectIds: [demand.demand.id] });
      return { direction: 'offers-for-demand', ...rankOffersForDemand(demand, offers, { limit, weights, excludedPairs }) };
    }
    const [offer] = await loadOfferContexts(this.graph, { ids: [request.offerId] });
    if (!offer) throw new NotFoundError('open offer', request.offerId);
    const demands = await loadDemandContexts(this.graph, { kinds: [offer.offer.kind] });
    const excludedPairs = request.includeDeclined ? undefined : await declinedPairs(this.graph, { kind: 'resource' });
    return { direction: 'demands-for-offer', ...rankDemandsForOffer(offer, demands, { limit, weights, excludedPairs }) };
  }

  /** The global assignment across open demands (all, or the named ones, or of some kinds). */
  async assign(request: ResourceAssignRequest): Promise<ResourceAssignment> {
    const [demands, offers, weights] = await Promise.all([
      loadDemandContexts(this.graph, { ids: request.demandIds, kinds: request.kinds }),
      loadOfferContexts(this.graph, { kinds: request.kinds }),
      this.weights(request.useOutcomes),
    ]);
    const excludedPairs = request.includeDeclined ? undefined : await declinedPairs(this.graph, { kind: 'resource' });
    return assignResources(demands, offers, { objective: request.objective, weights, excludedPairs, compareGreedy: true });
  }

  /** A matchmaking event's schedule: meetings that maximise total pairing fit within everyone's slots. */
  async planEvent(request: EventPlanRequest): Promise<EventPlan> {
    const { enterprises, units } = await loadEventParticipants(
      this.graph,
      request.enterprises.map((e) => e.id),
      request.researchUnits.map((u) => u.id),
    );
    return planEvent(
      {
        enterprises: enterprises.map((profile, i) => ({ profile, slots: request.enterprises[i].slots })),
        units: units.map((profile, i) => ({ profile, slots: request.researchUnits[i].slots })),
        minFit: request.minFit,
        objective: request.objective,
      },
      this.fit,
    );
  }

  recordMatch(input: RecordMatchRequest, actor: ActorRef): Promise<MatchRecord> {
    return recordMatch(this.graph, input, actor, this.today(), this.now());
  }
  /** Agreeing a resource match must fit what the offer has left, by count and by quantity (409 otherwise), checked in the agreeing transaction. */
  updateMatch(id: string, change: MatchTransitionRequest, actor: ActorRef, ifVersion?: number): Promise<MatchRecord> {
    return transitionMatch(this.graph, id, change, actor, { ifVersion, beforeAgree: assertAgreementFits, now: this.now(), today: this.today() });
  }
  /** `viewer`: the reading key's identity (none without a key); owners and notes are shown to the match's owner and admins only. */
  getMatch(id: string, viewer?: ActorRef): Promise<MatchRecord> {
    return getMatch(this.graph, id, this.today(), viewer);
  }
  /** `overdue: 'true'`: the open matches due before today in the district's calendar. */
  listMatches(query: Omit<ListMatchesQuery, 'format'>, viewer?: ActorRef) {
    return listMatches(this.graph, query, this.today(), viewer);
  }

  /** Every match the filters select (up to 10,000), as an export table in `lang`. */
  async matchTable(query: Omit<ListMatchesQuery, 'format' | 'limit'>, viewer?: ActorRef, lang: ExportLang = 'zh'): Promise<Table> {
    const items: MatchRecord[] = [];
    const today = this.today();
    let cursor = query.cursor;
    do {
      const page = await listMatches(this.graph, { ...query, cursor, limit: 200 }, today, viewer);
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < exportMaxRows);
    const chains = await listChains(this.graph);
    return matchTable(items.slice(0, exportMaxRows), new Map(chains.map((c) => [c.id, c.name])), lang);
  }

  /** Per matcher kind: outcomes by status, per-signal acceptance and the weights the bounded rule suggests. */
  async matchStats(kind?: string): Promise<{ kinds: KindAcceptance[] }> {
    return { kinds: acceptanceStats(await matchOutcomes(this.graph, kind), baseWeights) };
  }

  /** Pairs declined before, for any matcher to leave out (see engine/tracking/declinedPairs.ts). */
  declinedPairs(filter: { kind?: string; subjectIds?: string[] } = {}): Promise<Set<string>> {
    return declinedPairs(this.graph, filter);
  }

  private async weights(useOutcomes: boolean | undefined): Promise<ResourceWeights> {
    if (!useOutcomes) return resourceWeights;
    const [stats] = acceptanceStats(await matchOutcomes(this.graph, 'resource'), baseWeights);
    return stats ? ({ ...resourceWeights, ...stats.weights } as ResourceWeights) : resourceWeights;
  }
}
