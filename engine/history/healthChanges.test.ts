import { describe, expect, it } from 'vitest';
import type { ChainHealth } from '../chain/chainHealth.ts';
import type { HealthRecord } from './chainHealthStore.ts';
import { chainHistory } from './healthChanges.ts';
import { dayStartIso, daysBefore, healthDay } from './healthDay.ts';

const counts = (missing: number, weak: number) => ({ missing, broken: 0, weak, extension: 1, healthy: 3, absent: 0 });
const record = (day: string, atStake: number, classes: Record<string, HealthRecord['segments'][number]['class']>, localFirms = 10): HealthRecord => ({
  chainId: 'c',
  day,
  counts: counts(1, 1),
  atStake,
  unmetDemand: 0,
  localFirms,
  segments: Object.entries(classes).map(([segmentId, cls]) => ({ segmentId, name: `环节${segmentId}`, class: cls })),
});
const now = {
  chain: { id: 'c', name: '链', nameEn: 'C' },
  counts: counts(0, 1),
  atStake: 4,
  localFirms: 12,
  segments: [
    { segmentId: 's1', name: '环节s1', class: 'healthy' },
    { segmentId: 's2', name: '环节s2', class: 'weak' },
    { segmentId: 's3', name: '环节s3', class: 'extension' },
  ],
} as unknown as ChainHealth;

describe('what changed in a chain since its oldest record', () => {
  it('names the segments whose class changed, new segments with no class before, and the firms added', () => {
    const h = chainHistory('2026-12-06', now, [
      record('2026-11-20', 9, { s1: 'missing', s2: 'weak' }, 10),
      record('2026-12-01', 6, { s1: 'weak', s2: 'weak' }),
    ]);
    expect(h.since).toBe('2026-11-20');
    expect(h.changes).toEqual([
      { segmentId: 's1', name: '环节s1', from: 'missing', to: 'healthy' },
      { segmentId: 's3', name: '环节s3', from: null, to: 'extension' },
    ]);
    expect(h.firmsAdded).toBe(2);
    expect(h.trend).toEqual([
      { day: '2026-11-20', atStake: 9, gaps: 2 },
      { day: '2026-12-01', atStake: 6, gaps: 2 },
      { day: '2026-12-06', atStake: 4, gaps: 1 },
    ]);
  });

  it('has nothing to compare with when only today is recorded: today’s record gives way to the live figures', () => {
    const h = chainHistory('2026-12-06', now, [record('2026-12-06', 99, { s1: 'missing' })]);
    expect(h).toEqual({ trend: [{ day: '2026-12-06', atStake: 4, gaps: 1 }], since: null, changes: [], firmsAdded: null });
  });
});

describe('the district day', () => {
  it('is the calendar day in Nanjing, not in UTC', () => {
    expect(healthDay(new Date('2026-12-05T16:30:00Z'))).toBe('2026-12-06'); // 00:30 in Beijing
    expect(healthDay(new Date('2026-12-05T15:30:00Z'))).toBe('2026-12-05');
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(dayStartIso('2026-12-06')).toBe('2026-12-05T16:00:00.000Z');
  });
});
