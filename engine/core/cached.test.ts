import { describe, expect, it } from 'vitest';
import { Cached } from './cached.ts';

describe('Cached', () => {
  it('serves the stale value while one refresh runs, then the new one', async () => {
    let loads = 0;
    const cached = new Cached(async () => ++loads, 0);
    expect(await cached.get()).toBe(1);
    expect(await cached.get()).toBe(1); // stale: served, refresh started
    expect(loads).toBe(2);
    await new Promise((r) => setTimeout(r, 5));
    expect(await cached.get()).toBe(2);
  });
  it('never keeps a failed load, and reloads after invalidate', async () => {
    let fail = true;
    let loads = 0;
    const cached = new Cached(async () => {
      loads++;
      if (fail) throw new Error('down');
      return loads;
    }, 60_000);
    await expect(cached.get()).rejects.toThrow('down');
    fail = false;
    expect(await cached.get()).toBe(2);
    cached.invalidate();
    expect(await cached.get()).toBe(3);
  });
});
