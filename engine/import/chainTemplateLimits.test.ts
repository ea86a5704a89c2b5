import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir } from '../../scripts/test/realChain.ts';
import { testGraph } from '../../scripts/test/testGraph.ts';
import { chainTemplateLimits, problemLimits } from '../config/limits.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { importFile } from './importFile.ts';

/** Issue 15 F7 as the probe found it: a 20,000-character product name was a 500, 20,000 segments were accepted. */
const segment = (i: number) => ({
  id: `limit-chain.s${i}`,
  name: `环节${i}`,
  nameEn: `Segment ${i}`,
  stage: 'midstream',
  order: i + 1,
  description: '测试',
  keywords: ['测试'],
  topics: ['限额测试主题'],
  products: [{ id: `limit-chain.s${i}.p`, name: `产品${i}`, nameEn: `Product ${i}` }],
});
const template = (segments: ReturnType<typeof segment>[]) => ({
  id: 'limit-chain',
  name: '限额测试链',
  nameEn: 'Limit chain',
  assumed: true,
  description: '测试',
  segments,
  feeds: [],
  inputTo: [],
});

describe('chain template limits', () => {
  let graph: Graph;
  let knowledge: KnowledgeEngine;
  const refused = async (value: unknown) => {
    const error = await importFile(graph, knowledge, { entity: 'chains', filename: 'chain.json', content: Buffer.from(JSON.stringify(value)) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    const [left] = await graph.query<{ n: number }>("MATCH (n) WHERE n.id STARTS WITH 'limit-chain' RETURN count(n) AS n");
    expect(left.n).toBe(0);
    return (error as InvalidInputError).issues;
  };

  beforeAll(async () => {
    graph = await testGraph();
    knowledge = new KnowledgeEngine(graph);
  });
  afterAll(async () => {
    await graph.run("MATCH (n) WHERE n.id STARTS WITH 'limit-chain' DETACH DELETE n");
    await graph.close();
  });

  it('refuses a 20,000-character product name with a 400 naming the field, before Neo4j sees it', async () => {
    const long = template([segment(0)]);
    long.segments[0].products[0].name = '长'.repeat(20_000);
    expect(await refused(long)).toEqual([
      { file: 'chain.json', path: 'segments.0.products.0.name', message: `at most ${chainTemplateLimits.maxNameChars} characters (got 20000)` },
    ]);
  });

  it('refuses 20,000 segments, naming the list, without walking it', async () => {
    const issues = await refused(template(Array.from({ length: 20_000 }, (_, i) => segment(i))));
    expect(issues).toEqual([{ file: 'chain.json', path: 'segments', message: `at most ${chainTemplateLimits.maxSegments} items (got 20000)` }]);
  });

  it('lists at most the configured number of oversized fields', async () => {
    const many = template(Array.from({ length: 150 }, (_, i) => ({ ...segment(i), keywords: ['词'.repeat(50)] })));
    expect(await refused(many)).toHaveLength(problemLimits.maxIssues);
  });

  it('still imports a template within the limits', async () => {
    const report = await importFile(graph, knowledge, {
      entity: 'chains',
      filename: 'chain.json',
      content: Buffer.from(JSON.stringify(template([segment(0), segment(1)]))),
    });
    expect(report.rows).toBe(1);
  });
});

describe.runIf(hasRealData())('chain template limits admit real taxonomies (../shared/real)', () => {
  it('the 申万 taxonomy as one chain, every firm’s products in its industry, fits with room to spare', () => {
    const lines = (file: string) =>
      readFileSync(realDataDir + file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const products = new Map<string, Set<string>>();
    for (const f of lines('firms.jsonl') as { industry_code: string; products: { name: string }[] }[]) {
      const set = products.get(f.industry_code) ?? new Set<string>();
      for (const p of f.products) set.add(p.name);
      products.set(f.industry_code, set);
    }
    const widest = Math.max(...[...products.values()].map((s) => s.size));
    // The held-out firms of the same source add to every segment: at least twice the widest seen here.
    expect(chainTemplateLimits.maxProductsPerSegment).toBeGreaterThanOrEqual(2 * widest);
    expect(chainTemplateLimits.maxSegments).toBeGreaterThanOrEqual(2 * lines('industries.jsonl').length);
    expect(chainTemplateLimits.maxFeeds).toBeGreaterThanOrEqual(2 * lines('industry-upstream.jsonl').length);
  });
});
