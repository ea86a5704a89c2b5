import { describe, expect, it } from 'vitest';
import { LexicalScorer } from '../../text/lexical.ts';
import { LexicalSimilarity, type TextSimilarity } from '../../text/textSimilarity.ts';
import type { NeedSide } from './pairSignals.ts';
import type { ResearchUnitProfile } from './researchCatalog.ts';
import { textSimilarities } from './scorePairs.ts';

const unit = (id: string, topics: string[]) => ({ id, name: id, description: '', topics, researchers: [] }) as unknown as ResearchUnitProfile;
const need = (text: string) => ({ text }) as NeedSide;

/** Counts the calls and the texts scored. */
function counting(provider: TextSimilarity['provider']): TextSimilarity & { calls: number } {
  const lexical = new LexicalSimilarity(new LexicalScorer(['连续流反应 微通道 硝化', '电池梯次利用 储能 退役电池', '锂电池 正极材料']));
  const out = {
    provider,
    calls: 0,
    async scores(query: string, documents: string[]) {
      out.calls++;
      return lexical.scores(query, documents);
    },
  };
  return out;
}

describe('text similarity of the pairs', () => {
  const lab = unit('lab', ['连续流反应', '硝化']);
  const firms = ['想把硝化反应放进微通道', '退役电池用于储能', '正极材料的连续流合成'].map(need);
  const towardsFirms = firms.map((n) => ({ need: n, unit: lab }));

  it('towards enterprises with a lexical scorer: one call, the same numbers as one call per firm', async () => {
    const once = counting('lexical');
    const [group] = await textSimilarities(once, towardsFirms, undefined);
    expect(once.calls).toBe(1);
    // the embedding provider is not symmetric (e5 queries and passages): one call per firm's text, as before
    const perText = counting('embedding');
    const groups = await textSimilarities(perText, towardsFirms, undefined);
    expect(perText.calls).toBe(3);
    const byText = new Map(groups.flatMap((g) => g.group.map((p, i) => [p.need.text, g.sims[i]] as const)));
    group.group.forEach((p, i) => expect(group.sims[i]).toBeCloseTo(byText.get(p.need.text)!, 12));
    expect(Math.max(...group.sims)).toBeGreaterThan(0);
  });

  it('towards research units (one need, many units): one call either way', async () => {
    const similarity = counting('lexical');
    await textSimilarities(
      similarity,
      [lab, unit('bat', ['电池梯次利用'])].map((u) => ({ need: firms[1], unit: u })),
      undefined,
    );
    expect(similarity.calls).toBe(1);
  });
});
