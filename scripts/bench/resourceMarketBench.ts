/**
 * The resource assignment on a seed-shaped synthetic market (docs/resources.md): building the problem
 * (hard constraints, soft scores, edges kept per demand) and solving it, at 1,000 × 1,000 and
 * 10,000 × 10,000 demands × offers. `npx tsx scripts/bench/resourceMarketBench.ts`. Was
 * engine/match/resources/benchmark.ts: a benchmark is a tool run by hand, not part of the engine.
 */
import { pathToFileURL } from 'node:url';
import {
  assignmentDefaults,
  buildAssignmentProblem,
  demandOf,
  indexParty,
  lcg,
  offerOf,
  solveAssignment,
  type DemandContext,
  type OfferContext,
  type Party,
} from '../../engine/index.ts';

/**
 * A synthetic market shaped like the seed's, scaled: demands and offers over the seven kinds in the
 * seed's proportions, areas, prices, certifications, park allow-lists and dates drawn like the
 * generator's, owners from a pool of firms and parks with trade ties and alliances.
 */
export function syntheticMarket(demandCount: number, offerCount: number, seed: number): { demands: DemandContext[]; offers: OfferContext[] } {
  const random = lcg(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const chance = (p: number) => random() < p;
  const month = () => `2026-${String(int(1, 12)).padStart(2, '0')}-01`;
  const parks = Array.from({ length: 9 }, (_, i) => `park.${i}`);
  const sectorOf = (park: string) => `sector.${Number(park.slice(5)) % 3}`;
  const firmIds = Array.from({ length: Math.max(50, Math.round(demandCount / 2)) }, (_, i) => `firm.${i}`);
  const firms: Party[] = firmIds.map((id) => {
    const parkId = pick(parks);
    return indexParty({
      id,
      label: 'Enterprise',
      name: id,
      parkId,
      parkName: parkId,
      sectorId: sectorOf(parkId),
      tags: chance(0.3) ? ['high-tech'] : [],
      tradePartners: Array.from({ length: int(0, 4) }, () => ({ id: pick(firmIds), name: 'p', sells: chance(0.5), parkId: pick(parks) })),
      alliances: chance(0.2) ? [{ id: `alliance.${int(0, 5)}`, name: 'a' }] : [],
      pairings: [],
      cooperators: [],
    });
  });
  const parkParties = parks.map((p) =>
    indexParty({
      id: p,
      label: 'Park',
      name: p,
      parkId: p,
      parkName: p,
      sectorId: sectorOf(p),
      tags: [],
      tradePartners: [],
      alliances: [],
      pairings: [],
      cooperators: [],
    }),
  );
  const offerKinds = [
    ['site', 26],
    ['land', 8],
    ['loan', 20],
    ['equipment', 15],
    ['talent', 15],
    ['service', 15],
    ['policy', 6],
  ] as const;
  const demandKinds = [
    ['site', 31],
    ['land', 12],
    ['loan', 40],
    ['equipment', 15],
    ['talent', 20],
    ['service', 15],
    ['policy', 8],
  ] as const;
  const weighted = (table: readonly (readonly [string, number])[]) => {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [k, w] of table) if ((r -= w) < 0) return k;
    return table[0][0];
  };

  const offers = Array.from({ length: offerCount }, (_, i) => {
    const kind = weighted(offerKinds) as OfferContext['offer']['kind'];
    const park = parkParties[int(0, parks.length - 1)];
    const owner = kind === 'site' || kind === 'land' || kind === 'policy' ? park : pick(firms);
    return offerOf(
      `o${i}`,
      {
        kind,
        areaM2: kind === 'site' ? int(8, 120) * 100 : kind === 'land' ? int(20, 150) * 667 : null,
        floorLoadKnM2: kind === 'site' ? pick([5, 8, 10, 15]) : null,
        certifications: kind === 'site' && chance(0.3) ? ['GMP'] : kind === 'equipment' && chance(0.3) ? ['CNAS'] : [],
        price: kind === 'site' ? int(22, 48) : kind === 'land' ? int(30, 80) : kind === 'equipment' || kind === 'service' ? int(5, 80) : null,
        amountWan: kind === 'loan' ? pick([500, 1000, 2000, 3000, 5000]) : null,
        ratePct: kind === 'loan' ? int(300, 450) / 100 : null,
        termMonths: kind === 'loan' ? pick([12, 24, 36]) : null,
        parkId: owner.label === 'Park' ? owner.id : null,
        availableFrom: kind === 'site' || kind === 'land' ? month() : null,
        availableUntil: kind === 'site' ? '2031-12-01' : null,
        capacity: kind === 'loan' ? int(5, 30) : kind === 'policy' ? 50 : chance(0.2) ? 2 : 1,
      },
      owner,
    );
  });
  const demands = Array.from({ length: demandCount }, (_, i) => {
    const kind = weighted(demandKinds) as DemandContext['demand']['kind'];
    const owner = pick(firms);
    const min = kind === 'site' ? int(10, 60) * 100 : kind === 'land' ? int(10, 100) * 667 : null;
    return demandOf(
      `d${i}`,
      {
        kind,
        minAreaM2: min,
        idealAreaM2: min !== null ? min * 1.3 : null,
        requiredCertifications: kind === 'site' && chance(0.6) ? ['GMP'] : [],
        maxPrice: kind === 'site' ? int(30, 50) : kind === 'land' ? int(40, 90) : kind === 'equipment' || kind === 'service' ? int(10, 90) : null,
        amountWan: kind === 'loan' ? pick([200, 500, 1000, 2000]) : null,
        maxRatePct: kind === 'loan' && chance(0.6) ? int(350, 450) / 100 : null,
        parkAllowList: (kind === 'site' && chance(0.5)) || kind === 'policy' ? [owner.parkId!] : [],
        neededFrom: kind === 'site' ? month() : null,
        quantity: kind === 'talent' ? int(1, 5) : 1,
      },
      owner,
    );
  });
  return { demands, offers };
}

async function main(): Promise<void> {
  console.log(
    'size            build ms  pairs checked  feasible    edges  solver          solve ms  total ms  served/demands  totalFit  status    binding repaired  boundFit',
  );
  for (const n of [1_000, 10_000]) {
    const { demands, offers } = syntheticMarket(n, n, 7);
    const t0 = performance.now();
    const built = buildAssignmentProblem(demands, offers, { edgesPerDemand: assignmentDefaults.maxEdgesPerDemand });
    const t1 = performance.now();
    const result = await solveAssignment(built.problem, { objective: 'total-fit' });
    const t2 = performance.now();
    const served = new Set(result.assignments.map((a) => a.demandId)).size;
    console.log(
      [
        `${n}×${n}`.padEnd(14),
        (t1 - t0).toFixed(0).padStart(9),
        String(built.pairsChecked).padStart(14),
        String(built.feasiblePairs).padStart(9),
        String(built.problem.edges.length).padStart(8),
        `  ${result.solver}`.padEnd(16),
        (t2 - t1).toFixed(0).padStart(8),
        (t2 - t0).toFixed(0).padStart(9),
        `${served}/${n}`.padStart(15),
        result.totalFit.toFixed(1).padStart(9),
        ` ${result.status}`.padEnd(9),
        String(result.sizeRows.binding).padStart(7),
        String(result.sizeRows.repairedOffers).padStart(8),
        (result.sizeRows.boundFit?.toFixed(1) ?? '—').padStart(9),
      ].join(' '),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
