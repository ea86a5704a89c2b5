import { describe, expect, it } from 'vitest';
import { href, matchRoute, parseHash } from './router.ts';

describe('router', () => {
  it('matches patterns and decodes parameters', () => {
    expect(matchRoute('/chain/:chainId', '/chain/biomed')).toEqual({ chainId: 'biomed' });
    expect(matchRoute('/chain/:chainId/segment/:segmentId', '/chain/biomed/segment/biomed.cdmo')).toEqual({ chainId: 'biomed', segmentId: 'biomed.cdmo' });
    expect(matchRoute('/chain/:chainId', '/chain/%E7%94%9F%E7%89%A9')).toEqual({ chainId: '生物' });
    expect(matchRoute('/chain', '/chain/')).toEqual({});
    expect(matchRoute('/chain/:chainId', '/chain')).toBeNull();
    expect(matchRoute('/pairing', '/resources')).toBeNull();
    expect(matchRoute('/chain/:chainId', '/chain/%E0%A4%A')).toBeNull();
  });

  it('splits the hash into path and query', () => {
    const { path, query } = parseHash('#/chain/ai?mode=fill');
    expect(path).toBe('/chain/ai');
    expect(query.get('mode')).toBe('fill');
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#chain').path).toBe('/chain');
  });

  it('builds hashes that round-trip', () => {
    const h = href('chain', 'biomed', 'segment', 'biomed.cdmo');
    expect(h).toBe('#/chain/biomed/segment/biomed.cdmo');
    expect(matchRoute('/chain/:chainId/segment/:segmentId', parseHash(h).path)).toEqual({ chainId: 'biomed', segmentId: 'biomed.cdmo' });
  });
});
