import { partnerDefaults } from '../../config/scoring.ts';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import { analyseGaps, gapsForAction, type GapAction, type GapClass, type PriorityBasis, type SegmentGap } from '../../chain/gapAnalysis.ts';
import type { ChainSnapshot } from '../../chain/snapshot.ts';

export interface PartnerTarget {
  segmentId: string;
  name: string;
  class: GapClass;
  /** 亿元, in the unit of `priorityBasis` (docs/matching.md, "Gap priority"); null when the segment has no gap. */
  priority: number | null;
  priorityBasis: PriorityBasis | null;
}

const modeWords: Record<GapAction, string> = { fill: '补链 (fill)', strengthen: '强链 (strengthen)', extend: '延链 (extend)' };

/**
 * Whether a mode makes sense for a segment, and if not, which one does. 强链 strengthens local firms,
 * so it needs some; 补链 attracts firms into a segment the district lacks; 延链 goes beyond the local
 * chain, to a segment with neither local firms nor local demand.
 */
function modeFor(gap: SegmentGap): GapAction[] {
  if (gap.metrics.localFirmCount > 0) return ['strengthen'];
  if (gap.class === 'missing' || gap.class === 'broken') return ['fill'];
  return ['extend'];
}

/**
 * Which segments a request targets: the one named (if the mode fits it: else a 409 pointing to the
 * mode that does), or the chain's largest gaps of the mode's kind — 补链 by unmet demand, 强链 by demand
 * at stake, 延链 by adjacent local output.
 */
export function targetSegments(snapshot: ChainSnapshot, request: { segmentId?: string; mode: GapAction }): { targets: PartnerTarget[]; gaps: SegmentGap[] } {
  const gaps = analyseGaps(snapshot);
  const target = (g: SegmentGap): PartnerTarget => ({
    segmentId: g.segmentId,
    name: g.name,
    class: g.class,
    priority: g.priority,
    priorityBasis: g.priorityBasis,
  });
  if (!request.segmentId) return { targets: gapsForAction(gaps, request.mode).slice(0, partnerDefaults.targetSegments).map(target), gaps };
  const gap = gaps.find((g) => g.segmentId === request.segmentId);
  if (!gap) throw new NotFoundError(`Segment of chain ${snapshot.chain.id}`, request.segmentId);
  const fits = modeFor(gap);
  if (!fits.includes(request.mode)) {
    const why =
      request.mode === 'strengthen'
        ? `「${gap.name}」没有本地企业，无可强链；请用${modeWords.fill}引进企业`
        : request.mode === 'fill'
          ? `「${gap.name}」已有 ${gap.metrics.localFirmCount} 家本地企业，不是缺链；请用${modeWords.strengthen}`
          : gap.metrics.localFirmCount > 0
            ? `「${gap.name}」已有本地企业，不在本地链条之外；请用${modeWords.strengthen}`
            : `「${gap.name}」有本地需求未满足，是缺链而非延链；请用${modeWords.fill}`;
    throw new ConflictError(
      why,
      [{ path: 'body.mode', message: `mode "${request.mode}" does not fit segment "${gap.segmentId}" (${gap.class}); use "${fits[0]}"` }],
      { mode: fits[0] },
    );
  }
  return { targets: [target(gap)], gaps };
}
