import { describe, expect, it } from 'vitest';
import { Availability, GraphUnavailableError } from './availability.ts';

const lost = () => Object.assign(new Error('connection refused'), { code: 'ServiceUnavailable' });
const never = () => new Promise<never>(() => {});

describe('Availability (circuit breaker)', () => {
  it('fails calls in flight and new calls at once after a lost connection, and closes when the probe answers', async () => {
    let serverUp = false;
    const breaker = new Availability(
      async () => {
        if (!serverUp) throw lost();
      },
      { probeEveryMs: 10, probeTimeoutMs: 100 },
    );

    const hanging = breaker.guard(never);
    await expect(breaker.guard(() => Promise.reject(lost()))).rejects.toBeInstanceOf(GraphUnavailableError);
    await expect(hanging).rejects.toBeInstanceOf(GraphUnavailableError);
    expect(breaker.available).toBe(false);

    let called = false;
    await expect(breaker.guard(async () => (called = true))).rejects.toBeInstanceOf(GraphUnavailableError);
    expect(called).toBe(false);

    serverUp = true;
    for (let i = 0; i < 100 && !breaker.available; i++) await new Promise((r) => setTimeout(r, 10));
    expect(breaker.available).toBe(true);
    await expect(breaker.guard(async () => 42)).resolves.toBe(42);
    breaker.close();
  });

  it('passes other errors through without opening', async () => {
    const breaker = new Availability(async () => {});
    const syntax = Object.assign(new Error('bad query'), { code: 'Neo.ClientError.Statement.SyntaxError' });
    await expect(breaker.guard(() => Promise.reject(syntax))).rejects.toBe(syntax);
    expect(breaker.available).toBe(true);
    breaker.close();
  });
});
