import { describe, expect, it } from 'vitest';
import type { Offer } from '../api/types.ts';
import { boardPage, boardPageSize, pageContaining } from './boardList.ts';

const offer = (i: number, extra: Partial<Offer> = {}) =>
  ({
    id: `o${String(i).padStart(3, '0')}`,
    title: `厂房 ${i}`,
    description: '',
    owner: { id: 'p', name: i % 2 ? '栖霞园区' : '仙林园区', label: 'Park' },
    areaM2: i * 10,
    amountWan: null,
    price: null,
    capacity: 1,
    status: 'open',
    updatedAt: null,
    ...extra,
  }) as unknown as Offer;

describe('the board’s search, sort and counts', () => {
  const items = Array.from({ length: 45 }, (_, i) => offer(i + 1));

  it('counts exactly and says which rows a page shows, clamping the page', () => {
    expect(boardPage(items, { q: '', sort: 'date', page: 1 })).toMatchObject({ total: 45, from: 1, to: boardPageSize, pages: 3 });
    expect(boardPage(items, { q: '', sort: 'date', page: 3 })).toMatchObject({ from: 41, to: 45, page: 3 });
    expect(boardPage(items, { q: '', sort: 'date', page: 9 }).page).toBe(3);
    expect(boardPage([], { q: '', sort: 'date', page: 1 })).toMatchObject({ total: 0, from: 0, to: 0, pages: 1 });
  });

  it('searches title, party and id, every word, any case', () => {
    expect(boardPage(items, { q: '仙林', sort: 'date', page: 1 }).total).toBe(22);
    expect(boardPage(items, { q: '厂房 仙林 O010', sort: 'date', page: 1 }).rows.map((r) => r.id)).toEqual(['o010']);
  });

  it('sorts by last change (written ones first), by amount (largest first) and by status (open first)', () => {
    const mixed = [offer(1), offer(2, { updatedAt: '2026-12-01T00:00:00Z' }), offer(3, { updatedAt: '2026-12-05T00:00:00Z', status: 'closed' })];
    expect(boardPage(mixed, { q: '', sort: 'date', page: 1 }).rows.map((r) => r.id)).toEqual(['o003', 'o002', 'o001']);
    expect(boardPage(mixed, { q: '', sort: 'amount', page: 1 }).rows.map((r) => r.id)).toEqual(['o003', 'o002', 'o001']);
    expect(boardPage(mixed, { q: '', sort: 'status', page: 1 }).rows.map((r) => r.id)).toEqual(['o002', 'o001', 'o003']);
  });

  it('finds the page a record is on, or none when the search hides it', () => {
    expect(pageContaining(items, { q: '', sort: 'amount' }, 'o001')).toBe(3);
    expect(pageContaining(items, { q: '仙林', sort: 'date' }, 'o001')).toBeNull();
  });
});
