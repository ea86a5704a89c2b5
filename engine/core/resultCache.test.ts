import { describe, expect, it } from 'vitest';
import { ResultCache, resultCacheEnabled, stableKey } from './resultCache.ts';

describe('ResultCache', () => {
  it('answers a repeated request on the same version from memory, and computes afresh for a new version', async () => {
    const cache = new ResultCache(true);
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const v1 = {};
    const first = await cache.get(v1, { chainId: 'biomed', mode: 'fill' }, compute);
    // Same request with its keys in another order: the same answer object.
    expect(await cache.get(v1, { mode: 'fill', chainId: 'biomed' }, compute)).toBe(first);
    expect(computed).toBe(1);
    expect(await cache.get(v1, { chainId: 'ai', mode: 'fill' }, compute)).toEqual({ n: 2 });
    const v2 = {};
    expect(await cache.get(v2, { chainId: 'biomed', mode: 'fill' }, compute)).toEqual({ n: 3 });
  });

  it('never keeps a failure, keeps at most its bound per version, and computes every time when off', async () => {
    const cache = new ResultCache(true, 2);
    const v = {};
    let calls = 0;
    await expect(cache.get(v, 'x', async () => Promise.reject(new Error(`fail ${++calls}`)))).rejects.toThrow('fail 1');
    expect(await cache.get(v, 'x', async () => ++calls)).toBe(2);
    await cache.get(v, 'y', async () => 'y');
    await cache.get(v, 'z', async () => 'z');
    // 'x' was the least recently used of three with room for two: computed again.
    expect(await cache.get(v, 'x', async () => ++calls)).toBe(3);

    const off = new ResultCache(false);
    const a = await off.get(v, 'same', async () => ({}));
    expect(await off.get(v, 'same', async () => ({}))).not.toBe(a);
    expect(resultCacheEnabled({ CHAINMATCH_RESULT_CACHE: 'off' })).toBe(false);
    expect(resultCacheEnabled({})).toBe(true);
    expect(stableKey({ b: [2, { d: 1, c: 0 }], a: 1 })).toBe('{"a":1,"b":[2,{"c":0,"d":1}]}');
  });

  it('counts hits and misses, failures and the disabled cache included', async () => {
    const cache = new ResultCache(true);
    const version = {};
    await cache.get(version, { a: 1 }, async () => 1);
    await cache.get(version, { a: 1 }, async () => 2);
    await cache.get({}, { a: 1 }, async () => 3);
    await cache.get(version, { a: 2 }, () => Promise.reject(new Error('x'))).catch(() => undefined);
    expect(cache.stats()).toEqual({ hits: 1, misses: 3 });
    const off = new ResultCache(false);
    await off.get(version, { a: 1 }, async () => 1);
    await off.get(version, { a: 1 }, async () => 1);
    expect(off.stats()).toEqual({ hits: 0, misses: 2 });
  });
});
