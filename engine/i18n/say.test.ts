import { describe, expect, it } from 'vitest';
import { messageCodes, messageSchema, wordParams, type MessageCode, type MessageParams } from '../contracts/messages/message.ts';
import { zhMessages } from '../contracts/messages/zhMessages.ts';
import { joinMessages, say, zhWords } from './say.ts';
import { joinRendered } from '../contracts/messages/renderMessages.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const isWord = (name: string) => (wordParams as readonly string[]).includes(name);

/** Every way to fill a template: each word parameter takes each of its codes in turn (the others their first); the rest a sample name. */
function samples(code: MessageCode): MessageParams[] {
  const names = placeholders(zhMessages[code]);
  const words = names.filter(isWord) as (keyof typeof zhWords)[];
  const valuesOf = (w: keyof typeof zhWords) => Object.keys(zhWords[w]);
  const base: MessageParams = Object.fromEntries(
    names.map((n) => [n, isWord(n) ? (n === 'tags' || n === 'rules' ? valuesOf(n) : valuesOf(n as keyof typeof zhWords)[0]!) : 'Acme']),
  );
  return [base, ...words.filter((w) => w !== 'tags' && w !== 'rules').flatMap((w) => valuesOf(w).map((v) => ({ ...base, [w]: v })))];
}

describe('the message catalogue in Chinese (issue 16 item 5)', () => {
  it('fills every parameter of every code, and shows no code as it is', () => {
    expect(messageCodes.length).toBeGreaterThan(50);
    for (const code of messageCodes) {
      for (const params of samples(code)) {
        const m = say(code, params);
        expect(messageSchema.parse(m)).toEqual(m);
        expect(m.text, code).not.toMatch(/[{}]/);
        // Apart from the sample name and N−1, no Latin word: a tag, size, level or mode shows as Chinese.
        expect(m.text.replace(/Acme/g, '').replace(/N−1/g, ''), `${code} ${JSON.stringify(params)}`).not.toMatch(/[A-Za-z]{2,}/);
      }
    }
  });

  it('leaves an unknown parameter visible rather than blank, so a mistake shows', () => {
    expect(say('partner.inSegment').text).toBe('属于「{segment}」环节');
  });

  it('joins clauses with ；, appends a Note and runs on after a Head', () => {
    const line = joinMessages([
      say('pair.unitHead', { unit: '南京大学化学院' }),
      say('pair.aroundTopic', { topic: '连续流反应' }),
      say('pair.samePark'),
      say('signal.relevanceNote', { relevance: 0.5 }),
    ]);
    expect(line).toBe('南京大学化学院：围绕「连续流反应」；同一园区（按相关度 0.5 折算）');
  });

  it('runs on after a talent head too (it printed "：；" before)', () => {
    const parts = [say('talent.head', { talent: '李明', title: '教授', affiliation: '南京大学' }), say('talent.near')];
    expect(joinMessages(parts)).toMatch(/^李明（教授，南京大学）：[^；]/);
    expect(joinRendered(parts, ['“李明” (Professor, “南京大学”):', 'in Xianlin University Town or the district'], 'en')).toBe(
      '“李明” (Professor, “南京大学”): in Xianlin University Town or the district',
    );
  });

  it('keeps parameters within the contract’s bounds', () => {
    const m = say('partner.makes', { products: Array.from({ length: 50 }, (_, i) => `产品${i}`.repeat(100)) });
    expect(messageSchema.safeParse(m).success).toBe(true);
    expect((m.params.products as string[]).length).toBe(20);
  });
});
