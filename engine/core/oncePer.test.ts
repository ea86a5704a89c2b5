import { describe, expect, it } from 'vitest';
import { oncePer } from './oncePer.ts';

describe('oncePer', () => {
  it('computes once per object, again for another object, and remembers falsy values too', () => {
    let calls = 0;
    const size = oncePer((xs: number[]) => (calls++, xs.length));
    const a = [1, 2, 3];
    expect(size(a)).toBe(3);
    expect(size(a)).toBe(3);
    expect(calls).toBe(1);
    const empty: number[] = [];
    expect(size(empty)).toBe(0);
    expect(size(empty)).toBe(0);
    expect(calls).toBe(2);
    expect(size([1, 2, 3])).toBe(3);
    expect(calls).toBe(3);
  });
});
