import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../core/errors.ts';
import type { EmbedRole, TextEmbedder } from './embedder.ts';
import { competitionRanks, HybridRelevance, zScores } from './hybridRelevance.ts';
import type { TextSimilarity } from './textSimilarity.ts';

/** Hand-made providers whose answers are known, so the fusion's arithmetic can be checked exactly. */
const lexicalOf = (scores: number[]): TextSimilarity => ({ provider: 'lexical', scores: async () => scores });
function denseOf(byDocument: number[][], model = 'hand-made'): TextEmbedder {
  return {
    provider: 'embedding',
    backend: 'http',
    model,
    dimensions: 2,
    async embed(texts: string[], role?: EmbedRole) {
      return role === 'query' ? [Float32Array.from([1, 0])] : texts.map((_, i) => Float32Array.from(byDocument[i]));
    },
  };
}

describe('competitionRanks and zScores', () => {
  it('gives tied scores the same best rank', () => {
    expect(competitionRanks([0.2, 0.9, 0.2, 0.5])).toEqual([3, 1, 3, 2]);
  });
  it('standardises, and is all zero when nothing varies', () => {
    expect(zScores([1, 3])).toEqual([-1, 1]);
    expect(zScores([2, 2, 2])).toEqual([0, 0, 0]);
  });
});

describe('HybridRelevance', () => {
  it('fuses ranks: a document first by meaning and second by words beats one first by words only', async () => {
    // lexical ranks: doc0 1st, doc1 2nd, doc2 shares nothing; dense cosines (first coordinate): doc1 > doc2 > doc0.
    const config = { rrfK: 60, minDenseZ: 1, minMeaningScoreByModel: {} };
    const hybrid = new HybridRelevance(
      lexicalOf([0.5, 0.3, 0]),
      denseOf([
        [0.1, 0.99],
        [0.9, 0.43],
        [0.5, 0.86],
      ]),
      config,
    );
    const answer = await hybrid.rank('需求', ['a', 'b', 'c']);
    expect(answer.provider).toBe('hybrid');
    expect(answer.items.map((x) => x.index)).toEqual([1, 0, 2]);
    expect(answer.items[0].fused).toBeCloseTo(1 / 62 + 1 / 61, 10);
    expect(answer.items[2].fused).toBeCloseTo(1 / 62, 10); // no lexical term for a document sharing no word
  });

  it('uses a per-model cosine threshold when one was measured, the z-score otherwise', async () => {
    const docs = [
      [0.95, 0.31],
      [0.8, 0.6],
      [0.7, 0.71],
    ];
    const config = { rrfK: 60, minDenseZ: 1.2, minMeaningScoreByModel: { measured: 0.79 } };
    const byCosine = await new HybridRelevance(lexicalOf([0, 0, 0]), denseOf(docs, 'measured'), config).rank('q', ['a', 'b', 'c']);
    expect(byCosine.items.filter((x) => x.byMeaning).map((x) => x.index)).toEqual([0, 1]);
    const byZ = await new HybridRelevance(lexicalOf([0, 0, 0]), denseOf(docs, 'other'), config).rank('q', ['a', 'b', 'c']);
    expect(byZ.items.filter((x) => x.byMeaning).map((x) => x.index)).toEqual([0]);
  });

  it('answers lexically when the dense provider is unavailable, and rethrows anything else', async () => {
    const failing = (error: Error): TextEmbedder => ({ ...denseOf([]), embed: async () => Promise.reject(error) });
    const answer = await new HybridRelevance(lexicalOf([0.1, 0.4]), failing(new UnavailableError('server gone'))).rank('q', ['a', 'b']);
    expect(answer).toMatchObject({ provider: 'lexical', fallbackReason: 'server gone' });
    expect(answer.items.map((x) => x.index)).toEqual([1, 0]);
    await expect(new HybridRelevance(lexicalOf([0.1]), failing(new TypeError('bug'))).rank('q', ['a'])).rejects.toThrow('bug');
  });
});
