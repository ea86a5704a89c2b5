import { analyseGaps, type GapClass } from './gapAnalysis.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { oncePer } from '../core/oncePer.ts';

/** The gap classes that are gaps (补链 missing/broken, 强链 weak): one scale in 亿元, summed as what is at stake. */
export const gapClasses = ['missing', 'broken', 'weak'] as const;
export type GapOnlyClass = (typeof gapClasses)[number];
const allClasses: GapClass[] = ['missing', 'broken', 'weak', 'extension', 'healthy', 'absent'];

/**
 * One chain's health in a row of the district overview. Every figure is a sum or a share over the
 * chain's gap analysis (engine/chain/gapAnalysis.ts), so it traces to GET /chains/{id}/gaps and /map.
 */
export interface ChainHealth {
  chain: { id: string; name: string; nameEn: string };
  /** Segments per class, as GapReport.summary (every class present, 0 when none). */
  counts: Record<GapClass, number>;
  /** 亿元: Σ priority of the chain's gaps (missing, broken, weak) — the overview sorts on it. */
  atStake: number;
  /** The same sum split by class; the parts add up to `atStake`. */
  atStakeByClass: Record<GapOnlyClass, number>;
  /** 亿元: Σ local demand left unmet (demand − local capacity) over the chain's gaps. */
  unmetDemand: number;
  /** 亿元: Σ adjacent local output of the 延链 opportunities — their own measure, never added to atStake. */
  extensionOutput: number;
  /** The chain's local firms (distinct; a firm in two segments counts once). */
  localFirms: number;
  /** Share of the chain's local demand met from outside the district, weighted by each segment's demand; null without demand. */
  outsideDependence: number | null;
  /** Share of the chain's local firms with a party organisation (党组织覆盖); null without local firms. */
  partyCoverage: number | null;
  /** Some of the chain's local firms are demo data (`source: synthetic`): the row says so. */
  demo: boolean;
  /** Each segment's class today, for history (what changed since a past day). */
  segments: { segmentId: string; name: string; nameEn: string; class: GapClass }[];
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const sum = (xs: number[]) => round(xs.reduce((s, x) => s + x, 0));

/** Pure over a snapshot, computed once per snapshot (its gap analysis is too). */
export const chainHealth = oncePer((snapshot: ChainSnapshot): ChainHealth => {
  const all = analyseGaps(snapshot);
  const counts = Object.fromEntries(allClasses.map((c) => [c, all.filter((g) => g.class === c).length])) as Record<GapClass, number>;
  const gaps = all.filter((g) => (gapClasses as readonly string[]).includes(g.class));
  const stakeOf = (c: GapOnlyClass) => sum(gaps.filter((g) => g.class === c).map((g) => g.priority ?? 0));
  const atStakeByClass = Object.fromEntries(gapClasses.map((c) => [c, stakeOf(c)])) as Record<GapOnlyClass, number>;
  const demand = sum(all.map((g) => g.metrics.localDemand));
  const withParty = snapshot.firms.filter((f) => f.hasPartyOrg).length;
  return {
    chain: snapshot.chain,
    counts,
    atStake: sum(gaps.map((g) => g.priority ?? 0)),
    atStakeByClass,
    unmetDemand: sum(gaps.map((g) => g.metrics.unmetDemand)),
    extensionOutput: sum(all.filter((g) => g.class === 'extension').map((g) => g.priority ?? 0)),
    localFirms: snapshot.firms.length,
    outsideDependence: demand > 0 ? round(all.reduce((s, g) => s + g.metrics.localDemand * g.metrics.outsideDependence, 0) / demand) : null,
    partyCoverage: snapshot.firms.length > 0 ? round(withParty / snapshot.firms.length) : null,
    demo: snapshot.firms.some((f) => f.demo),
    segments: all.map((g) => ({ segmentId: g.segmentId, name: g.name, nameEn: g.nameEn, class: g.class })),
  };
});

/** Largest stake first; ties by chain id so the order repeats. */
export function byStake(a: ChainHealth, b: ChainHealth): number {
  return b.atStake - a.atStake || a.chain.id.localeCompare(b.chain.id);
}
