import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckCharacter } from './uscc.ts';

describe('USCC check character', () => {
  it('accepts published codes and rejects a changed character', () => {
    // A real, published code (国家税务总局 examples use 91350100M000100Y43).
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});
