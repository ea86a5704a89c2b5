import { eventDefaults } from '../../config/scoring.ts';
import { greedyAssignment, solveAssignment, type AssignmentObjective } from '../assignment/index.ts';
import { round, type Explanation } from '../explanation.ts';
import type { EventEnterprise, EventUnit, PairingFit } from './pairingFit.ts';
import { scheduleRounds } from './scheduleRounds.ts';

export interface EventPlanInput {
  enterprises: { profile: EventEnterprise; slots: number }[];
  units: { profile: EventUnit; slots: number }[];
  minFit?: number;
  objective?: AssignmentObjective;
}

export interface EventMeeting {
  round: number;
  enterprise: { id: string; name: string };
  researchUnit: { id: string; name: string; university: string | null };
  fit: number;
  explanation: Explanation;
}

export interface EventPlan {
  fit: string;
  objective: AssignmentObjective;
  /** Meetings by round (1-based); nobody meets twice in a round, and no pair meets twice. */
  rounds: number;
  meetings: EventMeeting[];
  totalFit: number;
  /** The first-come greedy schedule's total, for comparison. */
  greedyTotalFit: number;
  /** Participants with slots left empty, and how many. */
  idle: { id: string; name: string; side: 'enterprise' | 'researchUnit'; freeSlots: number }[];
  candidatePairs: number;
  solver: { name: string; status: string; ms: number };
}

/**
 * A matchmaking event (对接会) as the same transportation problem as resources (docs/design.md §4): each
 * enterprise "needs" as many meetings as it has slots, each research unit "offers" its slots, a pair
 * may meet once (maxUnits 1), and the schedule maximises total pairing fit. Pairs below `minFit`
 * are not offered to the solver. The chosen meetings are then laid out in rounds.
 */
export async function planEvent(input: EventPlanInput, fit: PairingFit): Promise<EventPlan> {
  const minFit = input.minFit ?? eventDefaults.minFit;
  const objective = input.objective ?? 'total-fit';
  const scored = (
    await fit.score(
      input.enterprises.map((e) => e.profile),
      input.units.map((u) => u.profile),
    )
  ).filter((p) => p.fit >= minFit && p.fit <= 1);
  const problem = {
    demands: input.enterprises.map((e) => ({ id: e.profile.id, quantity: e.slots })),
    offers: input.units.map((u) => ({ id: u.profile.id, capacity: u.slots })),
    edges: scored.map((p) => ({ demandId: p.enterpriseId, offerId: p.unitId, fit: p.fit, maxUnits: 1 })),
  };
  // Every pair is a candidate meeting: no per-enterprise cap below the unit count.
  const result = await solveAssignment(problem, { objective, maxEdgesPerDemand: Math.max(1, input.units.length) });
  const greedy = greedyAssignment(problem);

  const pairOf = new Map(scored.map((p) => [`${p.enterpriseId}\u0000${p.unitId}`, p]));
  const enterprise = new Map(input.enterprises.map((e) => [e.profile.id, e.profile]));
  const unit = new Map(input.units.map((u) => [u.profile.id, u.profile]));
  const chosen = result.assignments.filter((a) => a.units > 0);
  const rounds = scheduleRounds(chosen.map((a) => ({ left: a.demandId, right: a.offerId })));
  const meetings: EventMeeting[] = chosen
    .map((a, i) => {
      const e = enterprise.get(a.demandId)!;
      const u = unit.get(a.offerId)!;
      const pair = pairOf.get(`${a.demandId}\u0000${a.offerId}`)!;
      return {
        round: rounds[i] + 1,
        enterprise: { id: e.id, name: e.name },
        researchUnit: { id: u.id, name: u.name, university: u.university },
        fit: round(pair.fit),
        explanation: pair.explanation,
      };
    })
    .sort((a, b) => a.round - b.round || b.fit - a.fit || a.enterprise.id.localeCompare(b.enterprise.id));

  const used = new Map<string, number>();
  for (const m of meetings) {
    used.set(`e:${m.enterprise.id}`, (used.get(`e:${m.enterprise.id}`) ?? 0) + 1);
    used.set(`u:${m.researchUnit.id}`, (used.get(`u:${m.researchUnit.id}`) ?? 0) + 1);
  }
  const idle = [
    ...input.enterprises.map((e) => ({
      id: e.profile.id,
      name: e.profile.name,
      side: 'enterprise' as const,
      freeSlots: e.slots - (used.get(`e:${e.profile.id}`) ?? 0),
    })),
    ...input.units.map((u) => ({
      id: u.profile.id,
      name: u.profile.name,
      side: 'researchUnit' as const,
      freeSlots: u.slots - (used.get(`u:${u.profile.id}`) ?? 0),
    })),
  ].filter((x) => x.freeSlots > 0);

  return {
    fit: fit.name,
    objective,
    rounds: meetings.reduce((m, x) => Math.max(m, x.round), 0),
    meetings,
    totalFit: round(result.totalFit),
    greedyTotalFit: round(greedy.totalFit),
    idle,
    candidatePairs: scored.length,
    solver: { name: result.solver, status: result.status, ms: Math.round(result.ms) },
  };
}
