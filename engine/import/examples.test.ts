import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { listReviewQueue } from '../classify/reviewStore.ts';
import type { Graph } from '../graph/graph.ts';
import { graphCounts } from '../graph/stats.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { importFile, type ImportEntity } from './importFile.ts';
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
      // yet: it is not sure enough to attach them, and they wait for a person with the chain's segment on top.
      expect(report.attached).toEqual([]);
      expect(report.review).toEqual(['91320113MA7EXA002H', '91330100MA2EXA0042']);
      expect(report.unattached).toEqual(report.review);
      const queued = await listReviewQueue(graph, 0, 100);
      const top = (id: string) => queued.items.find((i) => i.firm.id === id)?.suggestions[0]?.segmentId;
      expect([top('91320113MA7EXA002H'), top('91330100MA2EXA0042')]).toEqual(['low-altitude.avionics', 'low-altitude.aircraft']);
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
