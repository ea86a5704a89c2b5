import type { ChainSnapshot, SnapshotFirm, SnapshotTie } from './snapshot.ts';

/**
 * A four-segment chain whose right answers are known by hand:
 *   s1 (upstream) → s2 → s3 → s4 (downstream)
 * s1 has no local firm but s2 and s3 need its product → missing.
 * s2 has one large and one micro firm → weak (single supplier).
 * s3 has two balanced firms → healthy.
 * s4 has no local firm and no local demand, and s3 feeds it → extension.
 */
export function fixtureSnapshot(extraFirms: SnapshotFirm[] = [], extraTies: SnapshotTie[] = []): ChainSnapshot {
  const segment = (n: number, stage: 'upstream' | 'midstream' | 'downstream') => ({
    id: `s${n}`, name: `环节${n}`, nameEn: `Segment ${n}`, stage, order: n, description: '', keywords: [], products: [{ id: `p${n}`, name: `产品${n}` }],
  });
  return {
    chain: { id: 'fx', name: '测试链', nameEn: 'Fixture chain' },
    segments: [segment(1, 'upstream'), segment(2, 'midstream'), segment(3, 'downstream'), segment(4, 'downstream')],
    feeds: [['s1', 's2'], ['s2', 's3'], ['s3', 's4']],
    inputTo: [['p1', 'p2'], ['p1', 'p3'], ['p2', 'p3'], ['p3', 'p4']],
    firms: [
      firm('big2', 's2', 200_000),
      firm('micro2', 's2', 100),
      firm('a3', 's3', 50_000, true),
      firm('b3', 's3', 50_000),
      ...extraFirms,
    ],
    ties: [
      { from: 'big2', fromName: 'big2', fromLocal: true, fromSegmentIds: ['s2'], to: 'a3', toName: 'a3', sharePct: 80 },
      { from: 'big2', fromName: 'big2', fromLocal: true, fromSegmentIds: ['s2'], to: 'b3', toName: 'b3', sharePct: 80 },
      { from: 'out1', fromName: 'out1', fromLocal: false, fromSegmentIds: ['s1'], to: 'big2', toName: 'big2', sharePct: 50 },
      ...extraTies,
    ],
  };
}

export function firm(id: string, segmentId: string, revenueWan: number | null, hasPartyOrg = false): SnapshotFirm {
  const n = segmentId.slice(1);
  return { id, name: id, local: true, size: 'medium', revenueWan, employees: null, registeredCapitalWan: null, tags: [], hasPartyOrg, segmentIds: [segmentId], productIds: [`p${n}`] };
}
