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
  it('drops a background refresh that started before invalidate (it read data older than the write)', async () => {
    const releases: ((v: string) => void)[] = [];
    const cached = new Cached(() => new Promise<string>((r) => releases.push(r)), 0);
    const first = cached.get();
    releases[0]('v1');
    expect(await first).toBe('v1');
    expect(await cached.get()).toBe('v1'); // stale: a refresh starts and waits
    cached.invalidate();
    const fresh = cached.get(); // a load after the write
    releases[2]('after the write');
    expect(await fresh).toBe('after the write');
    releases[1]('before the write'); // the old refresh ends last
    await new Promise((r) => setTimeout(r, 5));
    expect(await cached.get()).toBe('after the write');
  });
});
