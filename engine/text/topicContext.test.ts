import { describe, expect, it } from 'vitest';
import { meaningScore } from './meaningScorer.ts';
import { expertisePassage, topicsPassage } from './researchPassage.ts';
import { topicText } from './topicContext.ts';

describe('topics read with the segments that need them', () => {
  const context = new Map([['连续流反应', ['化学原料药', '合同研发生产（CDMO）']]]);
  it('a needed topic carries its segments; a topic no firm needs keeps its bare name', () => {
    expect(topicText('连续流反应', context)).toBe('连续流反应（化学原料药、合同研发生产（CDMO））');
    expect(topicText('晶型研究', context)).toBe('晶型研究');
    expect(topicText('连续流反应', undefined)).toBe('连续流反应');
  });
  it('the unit and talent passages keep bare names, their topics carry the segments', () => {
    expect(topicsPassage({ topics: ['连续流反应', '晶型研究'] }, context)).toEqual({
      passage: '研究方向：连续流反应、晶型研究',
      topics: ['连续流反应（化学原料药、合同研发生产（CDMO））', '晶型研究'],
    });
    expect(expertisePassage({ expertise: ['连续流反应'] }, context).passage).toBe('研究专长：连续流反应');
  });
});

describe('meaningScore', () => {
  const v = (...x: number[]) => Float32Array.from(x);
  const need = v(1, 0);
  it('means the passage cosine and the mean of the two closest topics', () => {
    // passage 0.5; topics 1, 0.6, 0 → closest two mean 0.8; (0.5 + 0.8) / 2.
    expect(meaningScore(need, v(0.5, 0), [v(1, 0), v(0.6, 0), v(0, 1)])).toBeCloseTo(0.65);
  });
  it('one topic counts alone, no topic leaves the passage', () => {
    expect(meaningScore(need, v(0.5, 0), [v(0.9, 0)])).toBeCloseTo(0.7);
    expect(meaningScore(need, v(0.5, 0), [])).toBeCloseTo(0.5);
  });
});
