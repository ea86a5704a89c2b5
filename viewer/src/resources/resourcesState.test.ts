import { describe, expect, it } from 'vitest';
import type { Demand, ResourceAssignment } from '../api/types.ts';
import { createResourcesState, listCount, resetList, resourcesHash, storeAssignment, storePage } from './resourcesState.ts';

const demand = (id: string) => ({ id }) as unknown as Demand;

describe('resources state', () => {
  it('reads the deep link: a demand selects the demand list, an offer the offer list, an unknown kind is ignored', () => {
    const d = createResourcesState(new URLSearchParams('demand=d1&kind=site'));
    expect([d.side, d.selected, d.kind]).toEqual(['demands', { side: 'demands', id: 'd1' }, 'site']);
    const o = createResourcesState(new URLSearchParams('offer=o1&kind=castle'));
    expect([o.side, o.selected, o.kind]).toEqual(['offers', { side: 'offers', id: 'o1' }, '']);
  });

  it('stores pages (first replaces, further appends) and resets one list without touching the other', () => {
    const state = createResourcesState(new URLSearchParams());
    expect(listCount(state.demands)).toBe('…');
    storePage(state, { side: 'demands', items: [demand('a')], nextCursor: 'c' }, false);
    storePage(state, { side: 'demands', items: [demand('b')], nextCursor: null }, true);
    storePage(state, { side: 'offers', items: [], nextCursor: 'x' }, false);
    expect(state.demands.items.map((x) => x.id)).toEqual(['a', 'b']);
    expect([listCount(state.demands), listCount(state.offers)]).toEqual(['2', '0+']);
    resetList(state, 'demands');
    expect([state.demands.loaded, state.demands.items.length, state.offers.loaded]).toEqual([false, 0, true]);
  });

  it('indexes the assignment’s unmet demands for the list flags', () => {
    const state = createResourcesState(new URLSearchParams());
    storeAssignment(state, { unmet: [{ demandId: 'd9', title: 'x' }] } as unknown as ResourceAssignment);
    expect([...state.unmetById.keys()]).toEqual(['d9']);
  });

  it('writes the kind and the selection into the address', () => {
    expect(resourcesHash({ kind: '', selected: null })).toBe('#/resources');
    expect(resourcesHash({ kind: 'land', selected: { side: 'offers', id: 'o1' } })).toBe('#/resources?kind=land&offer=o1');
  });
});

describe('the board in the address', () => {
  it('reads and writes the search, sort and status (every status as "all"); the defaults stay out', () => {
    const state = createResourcesState(new URLSearchParams('q=厂房&sort=amount&status=all'));
    expect(state.board).toMatchObject({ q: '厂房', sort: 'amount', status: '' });
    expect(resourcesHash(state)).toBe(`#/resources?q=${encodeURIComponent('厂房')}&sort=amount&status=all`);
    const plain = createResourcesState(new URLSearchParams('sort=height&status=lost'));
    expect([plain.board.sort, plain.board.status, resourcesHash(plain)]).toEqual(['date', 'open', '#/resources']);
  });
});
