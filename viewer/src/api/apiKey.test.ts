import { describe, expect, it } from 'vitest';
import { maskedKey, parseSession } from './apiKey.ts';

describe('the stored session', () => {
  const now = 1_800_000_000_000;
  it('reads back a key and its identity until it expires', () => {
    const text = JSON.stringify({ key: 'k-123', identity: { id: 'e2e', name: 'e2e', scopes: ['write', 'read'], admin: false }, expiresAt: now + 1 });
    expect(parseSession(text, now)).toMatchObject({ key: 'k-123', identity: { name: 'e2e' } });
    expect(parseSession(text, now + 1)).toBeNull();
  });
  it('treats a missing, damaged or keyless entry as signed out', () => {
    expect(parseSession(null, now)).toBeNull();
    expect(parseSession('{not json', now)).toBeNull();
    expect(parseSession(JSON.stringify({ key: '', expiresAt: now + 10 }), now)).toBeNull();
    expect(parseSession(JSON.stringify({ key: 'k' }), now)).toBeNull();
  });
  it('shows only the last four characters of a key', () => {
    expect(maskedKey('abcdefgh')).toBe('••••efgh');
    expect(maskedKey('abc')).toBe('••••');
  });
});
