import { describe, expect, it } from 'vitest';
import { enWords } from '../../../../engine/contracts/messages/enWords.ts';
import { en } from '../en.ts';
import { zh, type MessageKey } from '../zh.ts';
import { wordPrefixes as prefixes } from './renderMessage.ts';

describe('the engine’s English words are the screen’s (exports read like the viewer)', () => {
  it('words every code the viewer words, and the same way', () => {
    for (const [param, prefix] of Object.entries(prefixes)) {
      const screen = Object.fromEntries(
        (Object.keys(zh) as MessageKey[])
          .filter((k) => k.startsWith(`${prefix}.`) && !['size.unknown', 'action.none'].includes(k))
          .map((k) => [k.slice(prefix.length + 1), en[k]]),
      );
      expect(enWords[param as keyof typeof prefixes], param).toEqual(screen);
    }
  });
});
