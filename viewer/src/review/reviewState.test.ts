import { describe, expect, it } from 'vitest';
import type { QueuedFirm, ReviewOutcome } from '../api/types.ts';
import { initialReviewState, segmentLabel, withOutcome, withPage } from './reviewState.ts';

const firm = (id: string): QueuedFirm => ({
  firm: { id, name: `企业${id}` },
  queuedAt: '2026-12-04T20:00:00.000Z',
  suggestions: [
    {
      segmentId: 'nev.anode',
      segmentName: '负极材料',
      chainId: 'nev',
      chainName: '新能源汽车',
      confidence: 0.6,
      decision: 'review',
      evidence: { products: [], words: [], similarFirms: [] },
    },
  ],
});
const outcome = (id: string): ReviewOutcome => ({
  firm: { id, name: `企业${id}` },
  action: 'confirm',
  status: 'confirmed',
  segmentId: 'nev.anode',
  decidedBy: '李',
  decidedAt: '2026-12-04T21:00:00.000Z',
  note: null,
});

describe('review page state', () => {
  it('replaces with a first page and appends a later one without repeating a firm', () => {
    let s = withPage(initialReviewState(), { items: [firm('a'), firm('b')], total: 3, nextCursor: 'o2' }, false);
    s = withPage(s, { items: [firm('b'), firm('c')], total: 3, nextCursor: null }, true);
    expect(s.items.map((i) => i.firm.id)).toEqual(['a', 'b', 'c']);
    expect(s).toMatchObject({ loaded: true, total: 3, nextCursor: null });
  });

  it('drops a decided firm, counts it once, and closes its reassign form', () => {
    let s = withPage(initialReviewState(), { items: [firm('a'), firm('b')], total: 2, nextCursor: null }, false);
    expect(segmentLabel(s, 'a', 'nev.anode')).toBe('负极材料 · 新能源汽车');
    s = { ...s, choosing: { firmId: 'a', chainId: 'nev', segmentId: '' }, busy: 'a' };
    s = withOutcome(s, outcome('a'));
    expect(s.items.map((i) => i.firm.id)).toEqual(['b']);
    expect(s).toMatchObject({ total: 1, choosing: null, busy: null, last: { firm: { id: 'a' } } });
    expect(withOutcome(s, outcome('a')).total).toBe(1);
  });
});
