import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventEnterprise, EventUnit, PairingFit, ScoredPair } from './pairingFit.ts';
import { LexicalPairingFit } from './lexicalPairingFit.ts';
import { planEvent } from './planEvent.ts';
import { scheduleRounds } from './scheduleRounds.ts';

const enterprise = (id: string, needs: string[] = [], products: string[] = []): EventEnterprise => ({ id, name: id, needs, products, description: '' });
const unit = (id: string, topics: string[] = []): EventUnit => ({ id, name: id, topics, description: '', university: null });

/** A fit given as a table, so the optimum is known by hand. */
function tableFit(table: Record<string, number>): PairingFit {
  return {
    name: 'table',
    async score(es, us) {
      const pairs: ScoredPair[] = [];
      for (const e of es)
        for (const u of us) {
          const fit = table[`${e.id}-${u.id}`];
          if (fit !== undefined) pairs.push({ enterpriseId: e.id, unitId: u.id, fit, explanation: { signals: [], paths: [], confidence: 'weak', reason: '' } });
        }
      return pairs;
    },
  };
}

describe('matchmaking event planning', () => {
  it('maximises total fit where first-come greedy does not, and never pairs twice', async () => {
    // e1 comes first and prefers u1 (0.9) over u2 (0.8); e2 can only meet u1 (0.7). Greedy: e1–u1 only (0.9 + nothing).
    const plan = await planEvent(
      {
        enterprises: [
          { profile: enterprise('e1'), slots: 1 },
          { profile: enterprise('e2'), slots: 1 },
        ],
        units: [
          { profile: unit('u1'), slots: 1 },
          { profile: unit('u2'), slots: 1 },
        ],
      },
      tableFit({ 'e1-u1': 0.9, 'e1-u2': 0.8, 'e2-u1': 0.7 }),
    );
    expect(plan.meetings.map((m) => `${m.enterprise.id}-${m.researchUnit.id}`).sort()).toEqual(['e1-u2', 'e2-u1']);
    expect(plan.totalFit).toBeCloseTo(1.5);
    expect(plan.greedyTotalFit).toBeCloseTo(0.9);
    expect(plan.rounds).toBe(1);
  });

  it('respects slots, meets a pair at most once, and lays the meetings out in rounds without double-booking', async () => {
    // e1 has 3 slots but only two units: it meets each once, not one of them twice.
    const plan = await planEvent(
      {
        enterprises: [
          { profile: enterprise('e1'), slots: 3 },
          { profile: enterprise('e2'), slots: 2 },
        ],
        units: [
          { profile: unit('u1'), slots: 2 },
          { profile: unit('u2'), slots: 2 },
        ],
      },
      tableFit({ 'e1-u1': 0.9, 'e1-u2': 0.9, 'e2-u1': 0.5, 'e2-u2': 0.4 }),
    );
    expect(plan.meetings).toHaveLength(4);
    expect(plan.rounds).toBe(2);
    expect(plan.idle).toEqual([{ id: 'e1', name: 'e1', side: 'enterprise', freeSlots: 1 }]);
    for (const r of [1, 2]) {
      const inRound = plan.meetings.filter((m) => m.round === r);
      expect(new Set(inRound.map((m) => m.enterprise.id)).size).toBe(inRound.length);
      expect(new Set(inRound.map((m) => m.researchUnit.id)).size).toBe(inRound.length);
    }
  });

  it('drops pairs below the minimum fit', async () => {
    const plan = await planEvent(
      {
        enterprises: [{ profile: enterprise('e1'), slots: 2 }],
        units: [
          { profile: unit('u1'), slots: 1 },
          { profile: unit('u2'), slots: 1 },
        ],
        minFit: 0.3,
      },
      tableFit({ 'e1-u1': 0.2, 'e1-u2': 0.6 }),
    );
    expect(plan.meetings.map((m) => m.researchUnit.id)).toEqual(['u2']);
  });

  it('scores pairs lexically by needs against research topics, with shared topics as paths', async () => {
    const pairs = await new LexicalPairingFit().score(
      [enterprise('e1', ['锂电池正极材料'], ['动力电池'])],
      [unit('u1', ['锂电池正极材料', '固态电解质']), unit('u2', ['中药提取工艺'])],
    );
    const u1 = pairs.find((p) => p.unitId === 'u1')!;
    const u2 = pairs.find((p) => p.unitId === 'u2');
    expect(u1.fit).toBeGreaterThan(u2?.fit ?? 0);
    expect(u1.explanation.paths[0].relationships).toEqual([
      { type: 'NEEDS_TECH', from: 'e1', to: 'topic:锂电池正极材料' },
      { type: 'RESEARCHES', from: 'u1', to: 'topic:锂电池正极材料' },
    ]);
  });

  it('schedules any bipartite set of meetings in as many rounds as the busiest participant has meetings', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { selector: ([a, b]) => `${a}-${b}`, maxLength: 40 }),
        (pairs) => {
          const meetings = pairs.map(([a, b]) => ({ left: `e${a}`, right: `u${b}` }));
          const rounds = scheduleRounds(meetings);
          const degree = new Map<string, number>();
          for (const m of meetings) for (const n of [`l${m.left}`, `r${m.right}`]) degree.set(n, (degree.get(n) ?? 0) + 1);
          const maxDegree = Math.max(0, ...degree.values());
          const seen = new Set<string>();
          meetings.forEach((m, i) => {
            expect(rounds[i]).toBeGreaterThanOrEqual(0);
            expect(rounds[i]).toBeLessThan(maxDegree);
            for (const key of [`l${m.left}@${rounds[i]}`, `r${m.right}@${rounds[i]}`]) {
              expect(seen.has(key)).toBe(false);
              seen.add(key);
            }
          });
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
