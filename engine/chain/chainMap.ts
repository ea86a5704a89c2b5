import { capacityModel } from '../config/scoring.ts';
import { firmCapacity } from './capacity.ts';
import { analyseGaps, type SegmentGap } from './gapAnalysis.ts';
import { demandIndex, demandWeights } from './segmentMetrics.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { oncePer } from '../core/oncePer.ts';

export interface ChainMap {
  chain: ChainSnapshot['chain'];
  segments: (Omit<SegmentGap, 'metrics'> & {
    description: string;
    products: { id: string; name: string }[];
    metrics: Omit<SegmentGap['metrics'], 'evidence'>;
  })[];
  /** FEEDS edges with the local demand that flows along each (亿元): how much the downstream segment's local firms need from the upstream one. */
  feeds: { from: string; to: string; localDemand: number }[];
  totals: { localFirms: number; localCapacity: number; byClass: Record<string, number> };
}

/**
 * The chain map (产业链图谱): every segment with its figures and health, and the flows between them.
 * Built once per snapshot (it walks every local firm: ~15k per chain at 100k enterprises).
 */
export const chainMap: (snapshot: ChainSnapshot) => ChainMap = oncePer(buildChainMap);

function buildChainMap(snapshot: ChainSnapshot): ChainMap {
  const gaps = analyseGaps(snapshot);
  const flow = new Map<string, number>();
  const index = demandIndex(snapshot);
  for (const f of snapshot.firms) {
    const need = firmCapacity(f) * capacityModel.materialShare;
    for (const [upstream, w] of demandWeights(snapshot, f, index)) {
      for (const own of f.segmentIds) {
        const key = `${upstream}\u0000${own}`;
        flow.set(key, (flow.get(key) ?? 0) + (need * w) / f.segmentIds.length);
      }
    }
  }
  const byClass: Record<string, number> = {};
  for (const g of gaps) byClass[g.class] = (byClass[g.class] ?? 0) + 1;
  const segmentsById = new Map(snapshot.segments.map((s) => [s.id, s]));
  return {
    chain: snapshot.chain,
    segments: gaps.map(({ metrics: { evidence: _evidence, ...metrics }, ...gap }) => {
      const s = segmentsById.get(gap.segmentId)!;
      return { ...gap, description: s.description, products: s.products, metrics };
    }),
    feeds: snapshot.feeds.map(([from, to]) => ({ from, to, localDemand: Math.round((flow.get(`${from}\u0000${to}`) ?? 0) * 1e4) / 1e4 })),
    totals: {
      localFirms: snapshot.firms.length,
      localCapacity: Math.round(gaps.reduce((s, g) => s + g.metrics.localCapacity, 0) * 1e4) / 1e4,
      byClass,
    },
  };
}
