import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Dictionary = Record<string, string>;
const here = fileURLToPath(new URL('.', import.meta.url));
const areaNames = readdirSync(`${here}zh`)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

/** Each area file exports one dictionary; its export name does not matter here. */
async function loadArea(lang: 'zh' | 'en', area: string): Promise<Dictionary> {
  const module = (await import(`./${lang}/${area}.ts`)) as Record<string, Dictionary>;
  const exported = Object.values(module);
  expect(exported, `${lang}/${area}.ts exports one dictionary`).toHaveLength(1);
  return exported[0]!;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries split by area', () => {
  it('has one English module beside every Chinese one', () => {
    const english = readdirSync(`${here}en`)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(english.sort()).toEqual([...areaNames].sort());
  });

  it('combines every area into zh and en, and no key is defined by two areas (a spread would hide one)', async () => {
    const owner = new Map<string, string>();
    for (const area of areaNames) {
      const words = await loadArea('zh', area);
      for (const [key, text] of Object.entries(words)) {
        expect(owner.get(key), `${key} in ${area}`).toBeUndefined();
        owner.set(key, area);
        expect((zh as Dictionary)[key], `${key} of ${area} reaches zh.ts`).toBe(text);
      }
      const english = await loadArea('en', area);
      expect(Object.keys(english).sort(), area).toEqual(Object.keys(words).sort());
      for (const [key, text] of Object.entries(english)) expect((en as Dictionary)[key], key).toBe(text);
    }
    expect(owner.size).toBe(Object.keys(zh).length);
  });

  it('gives the English text the same {parameters} as the Chinese one', () => {
    for (const [key, text] of Object.entries(zh as Dictionary)) {
      expect(en[key as keyof typeof zh].trim(), key).not.toBe('');
      expect(placeholders(en[key as keyof typeof zh]), key).toEqual(placeholders(text));
    }
  });
});
