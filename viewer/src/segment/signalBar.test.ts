import { describe, expect, it } from 'vitest';
import { zh } from '../i18n/zh.ts';
import { signalColours, signalSets } from './signalBar.ts';

describe('signal colours per matcher', () => {
  it('gives every signal of a matcher its own colour and a name in the dictionary', () => {
    for (const [matcher, signals] of Object.entries(signalSets)) {
      const colours = signals.map((s) => signalColours[s]);
      expect(colours.every(Boolean), matcher).toBe(true);
      expect(new Set(colours).size, matcher).toBe(signals.length);
      for (const s of signals) expect(`signal.${s}` in zh, s).toBe(true);
    }
  });
});
