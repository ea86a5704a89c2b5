import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

/** The jieba segmenter with its bundled dictionary, loaded once on first use (~0.2 s). */
export function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

const ignorable = /[\s\p{P}\p{S}]/u;

/**
 * The terms the lexical scorer counts: character unigrams and bigrams (robust, dictionary-free)
 * plus jieba words of two or more characters (so 正极 and 材料 also count as words, which
 * sharpens scores between texts that share whole terms).
 */
export function textTerms(text: string, words = true): string[] {
  const lower = text.toLowerCase();
  const chars = [...lower].filter((c) => !ignorable.test(c));
  const terms: string[] = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
  if (words) {
    for (const w of segmenter().cut(lower, false)) if ([...w].length >= 2 && !ignorable.test(w[0])) terms.push(`w:${w}`);
  }
  return terms;
}
