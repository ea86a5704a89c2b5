import type { GapClass } from '../chain/gapAnalysis.ts';
import type { ChainHealth } from '../chain/chainHealth.ts';
import type { HealthRecord } from './chainHealthStore.ts';

export interface TrendPoint {
  day: string;
  /** 亿元 at stake that day. */
  atStake: number;
  /** Gaps (missing + broken + weak) that day. */
  gaps: number;
}

export interface ClassChange {
  segmentId: string;
  name: string;
  /** The segment's English name ('' when its template has none). */
  nameEn: string;
  /** null: the segment was not in the chain then (a template grew). */
  from: GapClass | null;
  to: GapClass;
}

export interface ChainHistory {
  /** One point per recorded day, oldest first; today's point is today's live figures. */
  trend: TrendPoint[];
  /** The day compared with (the oldest record in the window before today), or null with no earlier record. */
  since: string | null;
  /** Segments whose class differs today from `since`, in the chain's segment order. */
  changes: ClassChange[];
  /** Local firms today minus local firms on `since` (a net count: firms added less firms gone); null without `since`. */
  firmsAdded: number | null;
}

const gapsOf = (counts: Record<GapClass, number>) => counts.missing + counts.broken + counts.weak;

/** What changed in one chain since its oldest record in the window. Pure; `records` are this chain's, oldest first. */
export function chainHistory(today: string, now: ChainHealth, records: HealthRecord[]): ChainHistory {
  const earlier = records.filter((r) => r.day < today);
  const trend: TrendPoint[] = [
    ...earlier.map((r) => ({ day: r.day, atStake: r.atStake, gaps: gapsOf(r.counts) })),
    { day: today, atStake: now.atStake, gaps: gapsOf(now.counts) },
  ];
  const base = earlier[0];
  if (!base) return { trend, since: null, changes: [], firmsAdded: null };
  const then = new Map(base.segments.map((s) => [s.segmentId, s.class]));
  const changes = now.segments
    .filter((s) => then.get(s.segmentId) !== s.class)
    .map((s) => ({ segmentId: s.segmentId, name: s.name, nameEn: s.nameEn, from: then.get(s.segmentId) ?? null, to: s.class }));
  return { trend, since: base.day, changes, firmsAdded: now.localFirms - base.localFirms };
}
