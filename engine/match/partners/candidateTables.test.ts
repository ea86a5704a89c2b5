import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { loadChainSnapshot } from '../../chain/snapshot.ts';
import type { Graph } from '../../graph/graph.ts';
import { candidateRelations, findCandidates, type CandidateQuery } from './candidates.ts';
import { candidateTables } from './candidateTables.ts';

/**
 * candidateTables reads each segment's candidates once per snapshot and applies a request's hard filters
 * in JavaScript. This holds it to findCandidates, which applies them in Cypher, on the seed graph: the same
 * candidates in the same order, field for field, under every filter a request can set.
 */
describe('candidateTables', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  const cases: Omit<CandidateQuery, 'chainId'>[] = [
    { segmentId: 'biomed.cdmo', includeLocal: false, phrases: ['CDMO', '委托生产', '工艺开发'], limit: 25 },
    { segmentId: 'biomed.excipient', includeLocal: true, phrases: ['药用辅料', '辅料'], limit: 400 },
    { segmentId: 'ai.chip', includeLocal: false, phrases: ['芯片', 'AI芯片'], limit: 400, sizes: ['medium', 'large'] },
    { segmentId: 'ai.chip', includeLocal: true, phrases: ['芯片'], limit: 40, tags: ['high-tech', 'little-giant'], provinces: ['江苏', '上海市'] },
    { segmentId: 'biomed.cdmo', includeLocal: true, phrases: ['CDMO'], limit: 10, provinces: ['浙江省'], sizes: ['small', 'medium', 'large'] },
  ];
  for (const c of cases) {
    it(`finds what findCandidates finds: ${c.segmentId}, limit ${c.limit}, ${JSON.stringify({ ...c, phrases: undefined, segmentId: undefined })}`, async () => {
      const chainId = c.segmentId.split('.')[0];
      const snapshot = await loadChainSnapshot(graph, chainId);
      const expected = await findCandidates(graph, { chainId, ...c });
      expect(expected.length).toBeGreaterThan(0);
      const tables = candidateTables(snapshot);
      expect(await tables.find(graph, c)).toEqual(expected);
      // Excluding the first two found removes them and nothing else that fits (the table is not cut by a request).
      const excludeIds = expected.slice(0, 2).map((x) => x.id);
      const without = await findCandidates(graph, { chainId, ...c, excludeIds });
      expect(await tables.find(graph, { ...c, excludeIds })).toEqual(without);
    });
  }

  it('reads relations once per snapshot, equal to candidateRelations', async () => {
    const snapshot = await loadChainSnapshot(graph, 'biomed');
    const found = await findCandidates(graph, { chainId: 'biomed', segmentId: 'biomed.cdmo', includeLocal: true, phrases: ['CDMO'], limit: 60 });
    const ids = found.map((x) => x.id);
    const tables = candidateTables(snapshot);
    const expected = await candidateRelations(graph, ids);
    expect([...expected.values()].some((r) => r.ties.length + r.alliances.length + r.commonPartners.length > 0)).toBe(true);
    expect(await tables.relationsOf(graph, ids.slice(0, 20))).toEqual(new Map(ids.slice(0, 20).map((id) => [id, expected.get(id)])));
    expect(await tables.relationsOf(graph, ids)).toEqual(expected);
  });
});
