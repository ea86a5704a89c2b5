import { readHealthHistory, type ChainHealthReader } from '../history/chainHealthStore.ts';
import { daysBefore, healthDay } from '../history/healthDay.ts';
import { chainHistory, type ChainHistory } from '../history/healthChanges.ts';
import { historyConfig } from '../history/historyConfig.ts';
import { matchesMovedSince, type MatchesMoved } from '../history/matchesMoved.ts';
import { byStake, chainHealth, type ChainHealth } from '../chain/chainHealth.ts';

export type OverviewRow = Omit<ChainHealth, 'segments'> &
  ChainHistory & {
    /** Recommendations of the chain recorded or moved since `since`, by the status they reached; null without `since`. */
    matchesMoved: MatchesMoved | null;
  };

export interface DistrictOverview {
  /** The district's day the figures are for (YYYY-MM-DD, Asia/Shanghai). */
  day: string;
  /** Days of history read for the trends. */
  trendDays: number;
  /** Every chain, largest 亿元 at stake first. */
  chains: OverviewRow[];
  /** Some figures rest on demo data (the seed): the page says so. */
  demo: boolean;
}

/**
 * The district overview (issue 16, item 1): every chain's gap counts, 亿元 at stake and unmet,
 * local firms, outside dependence and party-organisation coverage, with its recorded trend and the
 * segments whose class changed. Reads only: history is written by recordChainHealth, not here.
 */
export async function districtOverview(engine: ChainHealthReader, at: Date = new Date()): Promise<DistrictOverview> {
  const day = healthDay(at);
  const [chains, history] = await Promise.all([engine.listChains(), readHealthHistory(engine.graph, daysBefore(day, historyConfig.trendDays))]);
  const healths = await Promise.all(chains.map(async (c) => chainHealth(await engine.snapshots.get(c.id))));
  const withHistory = healths.sort(byStake).map((health) => {
    const { segments: _kept, ...row } = health; // segment classes feed the history, not the page
    return {
      ...row,
      ...chainHistory(
        day,
        health,
        history.filter((r) => r.chainId === health.chain.id),
      ),
    };
  });
  const moved = await matchesMovedSince(
    engine.graph,
    withHistory.flatMap((r) => (r.since ? [{ chainId: r.chain.id, day: r.since }] : [])),
  );
  const rows: OverviewRow[] = withHistory.map((r) => ({ ...r, matchesMoved: moved.get(r.chain.id) ?? null }));
  return { day, trendDays: historyConfig.trendDays, chains: rows, demo: rows.some((r) => r.demo) };
}
