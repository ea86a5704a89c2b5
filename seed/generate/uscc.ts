import { usccAlphabet, usccCheckCharacter } from '../../engine/index.ts';
import { Random } from './random.ts';

/** FNV-1a, to derive a stable seed from a key. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A synthetic but well-formed USCC: "91" (enterprise), the six-digit region code, ten organisation
 * characters and the check character. Drawn from `random` so generation stays repeatable.
 */
export function syntheticUscc(regionCode: string, random: Random): string {
  let body = '91' + regionCode;
  for (let i = 0; i < 9; i++) body += usccAlphabet[random.int(0, usccAlphabet.length - 1)];
  return body + usccCheckCharacter(body);
}

/** The USCC a named (article) firm gets: fixed by its key, whatever else the generator does. */
export function usccForKey(key: string, regionCode = '320113'): string {
  return syntheticUscc(regionCode, new Random(hashString(key)));
}
