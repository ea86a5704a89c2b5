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
      // yet: it is not sure enough to attach either, and neither is guessed. Over all chains both sit near
      // the review threshold (with the termLogit signal: the avionics firm 0.08, looking most like the
      // seed's 数控系统与工业软件; the drone maker about 0.3, so it is queued or left from run to run as
      // the test graph's other firms vary); a queued one carries a segment of the new chain among its
      // suggestions. Scoped to the new chain, the drone maker's top answer is 整机, for a person to confirm.
      expect(report.attached).toEqual([]);
      expect(report.unattached).toEqual(['91320113MA7EXA002H', '91330100MA2EXA0042']);
      const queued = await listReviewQueue(graph, 0, 100);
      for (const id of report.review) {
        const suggestions = queued.items.find((i) => i.firm.id === id)!.suggestions;
        expect(
          suggestions.some((x) => x.segmentId.startsWith('low-altitude.')),
          id,
        ).toBe(true);
      }
      const drone = {
        name: '杭州天际无人机有限公司',
        products: ['多旋翼无人机', '工业级无人机'],
        description: '行业级多旋翼和复合翼无人机整机制造，产品用于电力巡检、测绘',
      };
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
