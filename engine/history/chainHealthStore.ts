import type { GapClass } from '../chain/gapAnalysis.ts';
import type { ChainSnapshot } from '../chain/snapshot.ts';
import type { Graph } from '../graph/graph.ts';
import { chainHealth, type ChainHealth } from '../chain/chainHealth.ts';
import { healthDay } from './healthDay.ts';

/**
 * What a chain's health is read through: the chains and their cached snapshots (the ChainMatchEngine the
 * API holds has them). Declared here, where it is used, so history/ and overview/ import no engine class.
 */
export interface ChainHealthReader {
  readonly graph: Graph;
  listChains(): Promise<{ id: string }[]>;
  readonly snapshots: { get(chainId: string): Promise<ChainSnapshot> };
}

/**
 * One chain's gap table on one day, as kept in Neo4j:
 * (:ChainHealthSnapshot {chainId, day, missing, broken, weak, extension, healthy, absent, atStake,
 *   unmetDemand, localFirms, segmentIds, segmentNames, segmentClasses, recordedAt}).
 * Unique on (chainId, day): a second record the same day overwrites the first (MERGE), so an import
 * and the daily timer can both record without duplicates, and a retried transaction is harmless.
 */
export interface HealthRecord {
  chainId: string;
  day: string;
  counts: Record<GapClass, number>;
  atStake: number;
  unmetDemand: number;
  localFirms: number;
  segments: { segmentId: string; name: string; class: GapClass }[];
}

const classes: GapClass[] = ['missing', 'broken', 'weak', 'extension', 'healthy', 'absent'];
const constrained = new WeakSet<Graph>();

async function ensureConstraint(graph: Graph): Promise<void> {
  if (constrained.has(graph)) return;
  await graph.run('CREATE CONSTRAINT chain_health_day IF NOT EXISTS FOR (h:ChainHealthSnapshot) REQUIRE (h.chainId, h.day) IS UNIQUE');
  constrained.add(graph);
}

function recordRow(health: ChainHealth) {
  return {
    chainId: health.chain.id,
    props: {
      ...health.counts,
      atStake: health.atStake,
      unmetDemand: health.unmetDemand,
      localFirms: health.localFirms,
      segmentIds: health.segments.map((s) => s.segmentId),
      segmentNames: health.segments.map((s) => s.name),
      segmentClasses: health.segments.map((s) => s.class),
    },
  };
}

/**
 * Records every chain's gap table for the district's day of `at` (issue 16, item 2). Call after an
 * import has invalidated the engine's caches, and once a day (startHealthRecorder). Idempotent.
 */
export async function recordChainHealth(engine: ChainHealthReader, at: Date = new Date()): Promise<{ day: string; chains: string[] }> {
  await ensureConstraint(engine.graph);
  const day = healthDay(at);
  const chains = await engine.listChains();
  const rows = await Promise.all(chains.map(async (c) => recordRow(chainHealth(await engine.snapshots.get(c.id)))));
  await engine.graph.writeRecords((tx) =>
    tx.run(
      `UNWIND $rows AS row
       MERGE (h:ChainHealthSnapshot {chainId: row.chainId, day: $day})
       SET h += row.props, h.recordedAt = datetime($at)`,
      { rows, day, at: at.toISOString() },
    ),
  );
  return { day, chains: rows.map((r) => r.chainId) };
}

/** The records from `fromDay` on (inclusive), by chain then day. */
export async function readHealthHistory(graph: Graph, fromDay: string): Promise<HealthRecord[]> {
  const rows = await graph.query<Record<string, unknown>>(
    `MATCH (h:ChainHealthSnapshot) WHERE h.day >= $fromDay
     RETURN h {.*, recordedAt: null} AS h ORDER BY h.chainId, h.day`,
    { fromDay },
  );
  return rows.map(({ h }) => {
    const r = h as Record<string, unknown>;
    const ids = (r.segmentIds as string[]) ?? [];
    const names = (r.segmentNames as string[]) ?? [];
    const cls = (r.segmentClasses as GapClass[]) ?? [];
    return {
      chainId: r.chainId as string,
      day: r.day as string,
      counts: Object.fromEntries(classes.map((c) => [c, Number(r[c] ?? 0)])) as Record<GapClass, number>,
      atStake: Number(r.atStake ?? 0),
      unmetDemand: Number(r.unmetDemand ?? 0),
      localFirms: Number(r.localFirms ?? 0),
      segments: ids.map((segmentId, i) => ({ segmentId, name: names[i] ?? segmentId, class: cls[i] })),
    };
  });
}
