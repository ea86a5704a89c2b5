import { analyseGaps, type GapClass, type SegmentGap } from './gapAnalysis.ts';
import type { ChainSnapshot, SnapshotFirm } from './snapshot.ts';

export interface WhatIfChange {
  /** Firms to attract: counted as local firms of their segments in this chain. */
  add: SnapshotFirm[];
  /** Local firm ids to take away. */
  remove: string[];
}

/** A segment's class and figures on one side of a what-if; priority in 亿元 (null when no gap). */
interface WhatIfFigures {
  class: GapClass;
  priority: number | null;
  demandAtStake: number;
  localFirmCount: number;
  localCapacity: number;
}

export interface WhatIfRow {
  segmentId: string;
  name: string;
  before: WhatIfFigures;
  after: WhatIfFigures;
  changed: boolean;
}

/** The snapshot as it would be after the change; nothing is written anywhere. */
export function applyChange(snapshot: ChainSnapshot, change: WhatIfChange): ChainSnapshot {
  const removed = new Set(change.remove);
  const added = change.add.map((f) => ({ ...f, local: true }));
  const addedIds = new Set(added.map((f) => f.id));
  return {
    ...snapshot,
    firms: [...snapshot.firms.filter((f) => !removed.has(f.id) && !addedIds.has(f.id)), ...added],
    ties: snapshot.ties.filter((t) => !removed.has(t.from) && !removed.has(t.to)).map((t) => (addedIds.has(t.from) ? { ...t, fromLocal: true } : t)),
  };
}

export function whatIf(snapshot: ChainSnapshot, change: WhatIfChange): { before: SegmentGap[]; after: SegmentGap[]; rows: WhatIfRow[] } {
  const before = analyseGaps(snapshot);
  const after = analyseGaps(applyChange(snapshot, change));
  const pick = (g: SegmentGap): WhatIfFigures => ({
    class: g.class,
    priority: g.priority,
    demandAtStake: g.metrics.demandAtStake,
    localFirmCount: g.metrics.localFirmCount,
    localCapacity: g.metrics.localCapacity,
  });
  const rows = before.map((b, i) => {
    const a = after[i];
    return {
      segmentId: b.segmentId,
      name: b.name,
      before: pick(b),
      after: pick(a),
      changed: b.class !== a.class || b.priority !== a.priority || b.metrics.demandAtStake !== a.metrics.demandAtStake,
    };
  });
  return { before, after, rows };
}
