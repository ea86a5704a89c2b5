import { describe, expect, it } from 'vitest';
import type { PartnerResult } from '../../api/types.ts';
import { createSegmentState, resetSegment, storeCandidates } from './segmentState.ts';

const result = (...firms: [string, string][]) => ({ candidates: firms.map(([id, province]) => ({ id, province })) }) as unknown as PartnerResult;

describe('segment state', () => {
  it('keeps the selected firm across a new list when it is still there, else takes the first; learns provinces', () => {
    const state = createSegmentState({ chainId: 'biomed', segmentId: 'biomed.cdmo' });
    const known = state.provinces.length;
    storeCandidates(state, result(['a', '江苏'], ['b', '某新省']));
    expect(state.selected?.id).toBe('a');
    state.selected = state.result!.candidates[1];
    storeCandidates(state, result(['c', '江苏'], ['b', '某新省']));
    expect(state.selected?.id).toBe('b');
    storeCandidates(state, result(['d', '江苏']));
    expect(state.selected?.id).toBe('d');
    expect(state.provinces.filter((p) => p === '某新省')).toHaveLength(1);
    expect(state.provinces.length).toBeLessThanOrEqual(known + 2);
  });

  it('one reset: the loaded data goes; filters go only when the segment changes', () => {
    const state = createSegmentState({ chainId: 'biomed', segmentId: 'biomed.cdmo' });
    storeCandidates(state, result(['a', '江苏']));
    state.filters = { ...state.filters, limit: 50 };
    resetSegment(state, { chainId: 'biomed', segmentId: 'biomed.cdmo' });
    expect([state.result, state.selected, state.filters.limit]).toEqual([null, null, 50]);
    resetSegment(state, { chainId: 'biomed', segmentId: 'biomed.api' });
    expect([state.segmentId, state.filters.limit]).toEqual(['biomed.api', 20]);
  });
});
