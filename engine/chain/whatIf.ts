import { analyseGaps, type GapClass, type SegmentGap } from './gapAnalysis.ts';
import type { ChainSnapshot, SnapshotFirm } from './snapshot.ts';

export interface WhatIfChange {
  /** Firms to attract: counted as local firms of their segments in this chain. */
  add: SnapshotFirm[];
  /** Local firm ids to take away. */
  remove: string[];
}

export interface WhatIfRow {
  segmentId: string;
  name: string;
  before: { class: GapClass; score: number; localFirmCount: number; localCapacity: number };
  after: { class: GapClass; score: number; localFirmCount: number; localCapacity: number };
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
    ties: snapshot.ties
      .filter((t) => !removed.has(t.from) && !removed.has(t.to))
      .map((t) => (addedIds.has(t.from) ? { ...t, fromLocal: true } : t)),
  };
}

export function whatIf(snapshot: ChainSnapshot, change: WhatIfChange): { before: SegmentGap[]; after: SegmentGap[]; rows: WhatIfRow[] } {
  const before = analyseGaps(snapshot);
  const after = analyseGaps(applyChange(snapshot, change));
  const pick = (g: SegmentGap) => ({ class: g.class, score: g.score, localFirmCount: g.metrics.localFirmCount, localCapacity: g.metrics.localCapacity });
  const rows = before.map((b, i) => {
    const a = after[i];
    return { segmentId: b.segmentId, name: b.name, before: pick(b), after: pick(a), changed: b.class !== a.class || b.score !== a.score };
  });
  return { before, after, rows };
}
