import { describe, expect, it } from 'vitest';
import { LexicalScorer } from './lexical.ts';

describe('lexical scorer', () => {
  const scorer = new LexicalScorer(['锂电池正极材料', '动力电池材料', '抗体药物', '医疗器械', '工业机器人', '机器视觉检测']);
  it('ranks texts that share characters above unrelated ones', () => {
    const related = scorer.similarity('锂电池正极材料', '动力电池材料');
    const unrelated = scorer.similarity('锂电池正极材料', '抗体药物');
    expect(related).toBeGreaterThan(0.3);
    expect(unrelated).toBe(0);
  });
  it('is 1 for identical texts and symmetric', () => {
    expect(scorer.similarity('工业机器人', '工业机器人')).toBeCloseTo(1, 10);
    expect(scorer.similarity('机器视觉检测', '工业机器人')).toBeCloseTo(scorer.similarity('工业机器人', '机器视觉检测'), 12);
  });
});
