import { describe, expect, it } from 'vitest';
import { recordBody, textSubjectId } from './matchSnapshot.ts';
import { queryString } from './client.ts';

const explanation = {
  signals: [{ signal: 'size', value: 1.2, weight: 0.25, contribution: -0.1, detail: 'x'.repeat(1500) }],
  paths: Array.from({ length: 45 }, (_, i) => ({
    signal: 'offer',
    nodes: Array.from({ length: 14 }, (_, j) => ({ id: `n${i}.${j}`, label: 'Offer', name: '名'.repeat(500) })),
    relationships: Array.from({ length: 13 }, (_, j) => ({ type: 'OFFERS', from: `n${i}.${j}`, to: `n${i}.${j + 1}` })),
  })),
  confidence: 'medium' as const,
  reason: '理由'.repeat(1200),
};

describe('recording a match', () => {
  it('keeps the explanation within the contract’s limits instead of being refused', () => {
    const body = recordBody({
      kind: 'resource',
      subjectId: 'demand.1',
      subjectName: '需'.repeat(300),
      candidateId: 'offer.1',
      candidateName: '大型GMP原料药生产基地',
      score: 1.4,
      units: 0,
      explanation,
    });
    expect(body.score).toBe(1);
    expect(body.units).toBe(1);
    expect(body.chainId).toBeNull();
    expect(body.subjectName).toHaveLength(200);
    expect(body.candidateName).toBe('大型GMP原料药生产基地');
    const e = body.explanation;
    expect(e.signals[0]).toMatchObject({ value: 1, weight: 0.25, contribution: 0 });
    expect(e.signals[0].detail.length).toBe(1000);
    expect(e.paths).toHaveLength(40);
    expect(e.paths[0].nodes).toHaveLength(12);
    expect(e.paths[0].relationships).toHaveLength(12);
    expect(e.paths[0].nodes[0].name.length).toBe(400);
    expect(e.reason.length).toBe(2000);
    expect(e.confidence).toBe('medium');
  });

  it('gives a typed need a stable subject id of its own', () => {
    expect(textSubjectId('创新药制剂工艺放大')).toBe(textSubjectId('  创新药制剂工艺放大 '));
    expect(textSubjectId('创新药制剂工艺放大')).not.toBe(textSubjectId('原料药'));
    expect(textSubjectId('x')).toMatch(/^text\.[0-9a-f]{8}$/);
  });
});

describe('query strings', () => {
  it('leaves out empty values (the API refuses status=) and joins lists with commas', () => {
    expect(queryString({ status: '', kind: 'site', limit: 100, cursor: undefined, chainId: null })).toBe('?kind=site&limit=100');
    expect(queryString({ q: '正大天晴', types: ['Enterprise', 'ResearchUnit'] })).toBe(`?q=${encodeURIComponent('正大天晴')}&types=Enterprise%2CResearchUnit`);
    expect(queryString({ types: [] })).toBe('');
  });
});
