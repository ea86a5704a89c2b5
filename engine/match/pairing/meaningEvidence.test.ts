import { describe, expect, it } from 'vitest';
import { HybridRelevance } from '../../text/hybridRelevance.ts';
import { LexicalScorer } from '../../text/lexical.ts';
import { LexicalSimilarity, type TextSimilarity } from '../../text/textSimilarity.ts';
import { meaningEvidence } from './meaningEvidence.ts';

/** A lexical scorer that counts how many texts it was asked to score. */
function counting(): TextSimilarity & { scored: number } {
  const lexical = new LexicalSimilarity(new LexicalScorer(['连续流反应 微通道', '电池梯次利用 储能']));
  const out = {
    provider: lexical.provider,
    scored: 0,
    async scores(query: string, documents: string[]) {
      out.scored += documents.length;
      return lexical.scores(query, documents);
    },
  };
  return out;
}

describe('meaning evidence', () => {
  const candidates = [
    { id: 'u1', text: '连续流反应 微通道', denseText: '研究方向：连续流反应' },
    { id: 'u2', text: '电池梯次利用 储能', denseText: '研究方向：电池梯次利用' },
  ];

  it('without a dense provider, scores nothing: the caller ranks by words once, not twice', async () => {
    const lexical = counting();
    expect(await meaningEvidence(new HybridRelevance(lexical, undefined), '把硝化反应改到微通道里', candidates)).toBeUndefined();
    expect(lexical.scored).toBe(0);
  });
});
