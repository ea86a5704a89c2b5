import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../../api/types.ts';
import { addPage, createMatchesState, listQuery, matchesHash, nextStatuses, resetColumns, statuses } from './matchesState.ts';

const record = (id: string) => ({ id }) as unknown as MatchRecord;

describe('match tracking state', () => {
  it('reads the filter from the address and ignores a kind that does not exist', () => {
    const state = createMatchesState(new URLSearchParams('kind=talent&chainId=biomed&focus=m1'));
    expect([state.kind, state.chainId, state.focus]).toEqual(['talent', 'biomed', 'm1']);
    expect(createMatchesState(new URLSearchParams('kind=nonsense')).kind).toBe('');
    expect(listQuery(state)).toEqual({ kind: 'talent', chainId: 'biomed' });
    expect(listQuery(createMatchesState(new URLSearchParams()))).toEqual({ kind: undefined, chainId: undefined });
  });

  it('a first page replaces a column, a further page appends; the one reset empties every column and keeps notes', () => {
    const state = createMatchesState(new URLSearchParams());
    addPage(state, 'proposed', { items: [record('a')], nextCursor: 'c1' }, false);
    addPage(state, 'proposed', { items: [record('b')], nextCursor: null }, true);
    expect(state.columns.proposed.items.map((m) => m.id)).toEqual(['a', 'b']);
    addPage(state, 'proposed', { items: [record('z')], nextCursor: null }, false);
    expect(state.columns.proposed.items.map((m) => m.id)).toEqual(['z']);
    state.notes.set('z', '已联系');
    resetColumns(state);
    expect(statuses.map((s) => state.columns[s].loaded)).toEqual([false, false, false, false]);
    expect(state.columns.proposed.items).toEqual([]);
    expect(state.notes.get('z')).toBe('已联系');
  });

  it('writes the filter into the address', () => {
    expect(matchesHash({ kind: '', chainId: '' })).toBe('#/matches');
    expect(matchesHash({ kind: 'resource', chainId: 'nev' })).toBe('#/matches?kind=resource&chainId=nev');
  });

  it('keeps the overdue filter in the address and asks the API for overdue follow-ups only when it is on', () => {
    const state = createMatchesState(new URLSearchParams('overdue=1&kind=partner'));
    expect(state.overdue).toBe(true);
    expect(listQuery(state)).toEqual({ kind: 'partner', chainId: undefined, overdue: 'true' });
    expect(matchesHash(state)).toBe('#/matches?kind=partner&overdue=1');
    expect(createMatchesState(new URLSearchParams('overdue=yes')).overdue).toBe(false);
  });

  it('offers moves only forward from open statuses', () => {
    expect(statuses.filter((s) => nextStatuses[s].length === 0)).toEqual(['agreed', 'declined']);
  });
});
