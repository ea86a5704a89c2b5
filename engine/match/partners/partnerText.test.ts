import { describe, expect, it } from 'vitest';
import { LexicalScorer, cosine } from '../../text/lexical.ts';
import { TermCache, TermScorer, documentFrequencies } from './partnerText.ts';

/**
 * TermScorer replaces LexicalScorer (words: false) in partner ranking on the promise of equal values to
 * the last bit, so answers do not move: held here with toBe, on texts that share, repeat and lack terms.
 */
describe('TermScorer', () => {
  const segments = ['锂电池正极材料 正极 三元材料 磷酸铁锂', '电池管理系统 BMS 电芯 模组', '整车制造 新能源汽车'];
  const candidates = [
    '华东锂电材料有限公司 正极材料 三元前驱体 磷酸铁锂',
    '苏州电芯科技 电芯 模组 电池包 电池管理系统',
    '某某贸易公司 进出口 贸易 咨询',
    'Acme Battery Co. cathode 正极 正极 正极',
    '',
  ];
  const target = segments[0];

  it('gives the cosine LexicalScorer gives, bit for bit', () => {
    const reference = new LexicalScorer([...segments, ...candidates], { words: false });
    const expected = candidates.map((c) => cosine(reference.vector(target), reference.vector(c)));
    const terms = new TermCache();
    const docs = candidates.map((c) => terms.of(c));
    const scorer = new TermScorer(documentFrequencies(segments.map((s) => terms.of(s))), docs);
    const found = scorer.similarities(terms.of(target), docs);
    expect(expected.some((x) => x > 0.1)).toBe(true);
    found.forEach((x, i) => expect(x).toBe(expected[i]));
    // The vectors themselves, too (the diversity step compares names by them).
    candidates.forEach((c, i) => expect([...scorer.vector(docs[i])]).toEqual([...reference.vector(c)]));
  });
});
