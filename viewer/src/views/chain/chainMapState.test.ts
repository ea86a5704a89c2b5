import { describe, expect, it } from 'vitest';
import type { ChainMap } from '../../api/types.ts';
import { createChainMapState, gapLists, openChain } from './chainMapState.ts';

const seg = (segmentId: string, action: string | null, priority: number | null, order: number) => ({ segmentId, action, priority, order });

describe('chain map state', () => {
  it('splits gaps (补链/强链) from 延链 and ranks each by priority, then chain order; healthy segments in neither', () => {
    const map = {
      segments: [
        seg('a', 'fill', 2, 1),
        seg('b', 'extend', 5, 2),
        seg('c', 'strengthen', 9, 3),
        seg('d', null, null, 4),
        seg('e', 'fill', 2, 0),
        seg('f', 'extend', null, 5),
      ],
    } as unknown as ChainMap;
    const { gaps, extensions } = gapLists(map);
    expect(gaps.map((s) => s.segmentId)).toEqual(['c', 'e', 'a']);
    expect(extensions.map((s) => s.segmentId)).toEqual(['b', 'f']);
  });

  it('one reset: opening another chain drops the old map and keeps the chain list', () => {
    const state = createChainMapState({ chainId: 'biomed' });
    state.chains = [{ id: 'biomed' }, { id: 'nev' }] as unknown as typeof state.chains;
    state.map = {} as ChainMap;
    openChain(state, 'nev');
    expect([state.chainId, state.map, state.chains.length]).toEqual(['nev', null, 2]);
  });
});
