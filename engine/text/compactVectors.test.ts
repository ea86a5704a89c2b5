import { describe, expect, it } from 'vitest';
import { cosine, LexicalScorer } from './lexical.ts';
import { LexicalSimilarity } from './textSimilarity.ts';

const corpus = ['连续流反应 微通道 硝化', '电池梯次利用 储能 退役电池', '锂电池 正极材料 高镍三元', '创新药 制剂 工艺放大', 'OTA升级 智能座舱'];
const documents = [...corpus, '高镍三元正极材料的烧结工艺', '退役动力电池用于储能柜', '完全无关的文字', '', 'VOCs治理'];
const queries = ['把硝化反应放进微通道', '正极材料烧结', '储能', '今天天气很好', 'ocs', ''];

describe('lexical similarity over compact vectors', () => {
  it('gives the cosines of the TF-IDF Maps, kept or not, before and after starting afresh', async () => {
    const scorer = new LexicalScorer(corpus);
    const reference = (q: string) => documents.map((d) => cosine(scorer.vector(q), scorer.vector(d)));
    // A cache of 3 texts and 40 terms: evictions and fresh starts happen within this test.
    const similarity = new LexicalSimilarity(scorer, 3, 40);
    await similarity.keep(documents.slice(0, 4));
    let positive = 0;
    for (const q of queries) {
      const got = await similarity.scores(q, documents);
      const expected = reference(q);
      got.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 12));
      positive += got.filter((x) => x > 0).length;
    }
    // The check means something only if documents both match and miss.
    expect(positive).toBeGreaterThan(5);
    expect(positive).toBeLessThan(queries.length * documents.length);
  });
});
