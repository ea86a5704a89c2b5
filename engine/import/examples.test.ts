import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { listReviewQueue } from '../classify/reviewStore.ts';
import type { Graph } from '../graph/graph.ts';
import { graphCounts } from '../graph/stats.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import type { ImportEntity } from '../contracts/imports.ts';
import { importFile } from './importFile.ts';
import { graphState, removeImported } from './testImports.ts';

const folder = new URL('../../seed/examples/', import.meta.url);

/** The examples of docs/import-format.md, in the order they build on each other. */
const examples: [ImportEntity, string][] = [
  ['chains', 'chain-low-altitude.json'],
  ['enterprises', 'enterprises.csv'],
  ['research-units', 'research-units.xlsx'],
  ['supply-ties', 'supply-ties.csv'],
  ['offers', 'offers.jsonl'],
];

describe('the example files under seed/examples/', () => {
  let graph: Graph;
  let knowledge: KnowledgeEngine;
  let before: Awaited<ReturnType<typeof graphState>>;

  beforeAll(async () => {
    graph = await seededGraph();
    knowledge = new KnowledgeEngine(graph);
    before = await graphState(graph);
  });
  afterAll(async () => {
    await removeImported(graph, before, [
      { label: 'Chain', prefixes: ['low-altitude'] },
      { label: 'Segment', prefixes: ['low-altitude.'] },
      { label: 'Product', prefixes: ['low-altitude.'] },
      { label: 'Enterprise', prefixes: ['91320113MA7EXA', '91330100MA2EXA'] },
      { label: 'ResearchUnit', prefixes: ['ru.example-'] },
      { label: 'Offer', prefixes: ['offer.example-'] },
    ]);
    expect(await graphCounts(graph)).toEqual(before.counts);
    await graph.close();
  });

  it.each(examples)('%s: %s imports cleanly', async (entity, name) => {
    const report = await importFile(graph, knowledge, { entity, filename: name, content: readFileSync(new URL(name, folder)) });
    expect(report.rows).toBeGreaterThan(0);
    if (entity === 'enterprises') {
      // Two firms name no segment. The chain is new, so no attached firm of it teaches the classifier
      // yet: it is not sure enough to attach either. The avionics firm waits for a person with the
      // chain's segment among its three suggestions (on this seed behind 数控系统与工业软件, which its
      // 控制器 shares: 0.42 vs 0.16 — the real test of a new chain is the review queue). The drone maker is torn between 整机 and the seed's robot makers (on
      // this seed 0.20 vs 0.19 over all chains): below the review threshold it is left unattached, not
      // guessed — and scoped to the new chain its top answer is 整机 with confidence well above review.
      expect(report.attached).toEqual([]);
      expect(report.review).toEqual(['91320113MA7EXA002H']);
      expect(report.unattached).toEqual(['91320113MA7EXA002H', '91330100MA2EXA0042']);
      const queued = await listReviewQueue(graph, 0, 100);
      const avionics = queued.items.find((i) => i.firm.id === '91320113MA7EXA002H')!.suggestions;
      expect(avionics.map((x) => x.segmentId)).toContain('low-altitude.avionics');
      const drone = { name: '杭州天际无人机有限公司', products: ['多旋翼无人机', '工业级无人机'], description: '行业级多旋翼和复合翼无人机整机制造，产品用于电力巡检、测绘' };
      const [top] = (await knowledge.classify(drone, { chainIds: ['low-altitude'] })).items;
      expect(top).toMatchObject({ segmentId: 'low-altitude.aircraft', decision: 'review' });
      expect(report.unmatchedProducts).toEqual([]);
    }
  });

  it('keeps quotes, commas and line breaks inside CSV cells', async () => {
    const [firm] = await graph.query<{ description: string }>("MATCH (e:Enterprise {id: '91330100MA2EXA0042'}) RETURN e.description AS description");
    expect(firm.description).toBe('行业级多旋翼和复合翼无人机整机制造,\r\n产品用于电力巡检、测绘');
    const [other] = await graph.query<{ description: string }>("MATCH (e:Enterprise {id: '91320113MA7EXA003L'}) RETURN e.description AS description");
    expect(other.description).toBe('手性中间体和含氟中间体的研发与生产，客户包括"原料药"企业');
  });
});
