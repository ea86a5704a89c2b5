import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Message, MessageCode } from '../../api/types.ts';
import { setLang } from '../i18n.ts';
import { en } from '../en.ts';
import { zh, type MessageKey } from '../zh.ts';
import { enMessages } from '../../../../engine/contracts/messages/enMessages.ts';
import { englishMessage, renderMessages, wordPrefixes } from './renderMessage.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The word parameters' codes, read from the viewer's own dictionary (tag.*, size.*, level.*, action.*). */
const codesOf = (prefix: string) =>
  Object.keys(zh)
    .filter((k) => k.startsWith(`${prefix}.`))
    .map((k) => k.slice(prefix.length + 1));
const wordSamples: Record<string, string[]> = {
  tags: codesOf('tag'),
  size: codesOf('size').filter((s) => s !== 'unknown'),
  level: codesOf('level'),
  mode: ['fill', 'strengthen', 'extend'],
  priceUnit: codesOf('priceUnit'),
  resourceKind: codesOf('rkind'),
  rules: codesOf('constraint'),
};

/** Every way to fill a template: each word parameter takes each of its codes in turn (the others their first); the rest a sample name. */
function samples(code: MessageCode): Message[] {
  const names = placeholders(enMessages[code]);
  const isList = (n: string) => n === 'tags' || n === 'rules';
  const base = Object.fromEntries(names.map((n) => [n, n in wordSamples ? (isList(n) ? wordSamples[n]! : wordSamples[n]![0]!) : 'Acme']));
  const params = [base, ...names.filter((n) => n in wordSamples && !isList(n)).flatMap((w) => wordSamples[w]!.map((v) => ({ ...base, [w]: v })))];
  return params.map((p) => ({ code, params: p, text: '中文句子' }));
}

beforeAll(() => {
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
  setLang('en');
});
afterAll(() => {
  setLang('zh-CN');
  vi.unstubAllGlobals();
});

describe('reasons and details in English (issue 16 item 5)', () => {
  it('words every code, fills every parameter, and writes no Chinese and no code', () => {
    const codes = Object.keys(enMessages) as MessageCode[];
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) {
      for (const m of samples(code)) {
        const text = englishMessage(m)!;
        expect(text, code).not.toMatch(/[{}]/);
        expect(text, code).not.toMatch(cjk);
        for (const [name, value] of Object.entries(m.params)) {
          for (const v of [value].flat())
            if (name in wordSamples)
              expect(text, `${code} shows ${v} as a word`).toContain(en[`${(wordPrefixes as Record<string, string>)[name]}.${v}` as MessageKey]);
        }
      }
    }
  });

  it('joins parts as the engine does, and falls back to the Chinese text for an unknown code or no parts', () => {
    const parts: Message[] = [
      { code: 'pair.unitHead', params: { unit: 'Acme Lab' }, text: '' },
      { code: 'pair.aroundTopic', params: { topic: 'flow chemistry' }, text: '' },
      { code: 'pair.samePark', params: {}, text: '' },
      { code: 'signal.relevanceNote', params: { relevance: 0.5 }, text: '' },
    ];
    expect(renderMessages(parts, '中文')).toBe('“Acme Lab”: around “flow chemistry”; same park (scaled by relevance 0.5)');
    expect(renderMessages([{ code: 'future.code' as MessageCode, params: {}, text: '新' }], '新的理由')).toBe('新的理由');
    expect(renderMessages(undefined, '旧快照的理由')).toBe('旧快照的理由');
  });

  it('shows the engine’s Chinese text in Chinese', () => {
    setLang('zh-CN');
    expect(renderMessages([{ code: 'pair.samePark', params: {}, text: '同一园区' }], '同一园区')).toBe('同一园区');
    setLang('en');
  });
});
